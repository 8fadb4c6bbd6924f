/**
 * `MemoryView`: the fast, JavaScript-idiomatic view over any exporter's
 * memory, and the pieces `@mv/builtins` builds `memoryview` from.
 *
 * @packageDocumentation
 */

export { MemoryView, type MemoryViewOptions } from "./memory-view.js";
export { ManagedBuffer, RELEASED_VIEW_MESSAGE } from "./managed-buffer.js";
export { LayoutFlag, layoutFlags } from "./layout-flags.js";
export type { ViewLayout } from "./view-layout.js";
export type { Index } from "./subscript.js";
export type { SliceBound, SliceSpec } from "./slice.js";
export { adjustSlice } from "./slice.js";
export type { ByteOrder } from "./to-bytes.js";
export type { ViewList } from "./tolist.js";
export type { DeriveOptions } from "./derive.js";
export type { AnyTypedArray } from "./native-access.js";
export { DISPOSE } from "./dispose-symbol.js";
export { packRefusal, type PackRefusal } from "./pack-error.js";
