/**
 * Compile-time tests of MemoryView's types: which arguments are accepted
 * and which are rejected. Checked by `pnpm typecheck`.
 */

import { expectTypeOf } from "vitest";
import {
  type AnyTypedArray,
  type BufferExporter,
  type BufferInfo,
  BufferFlags,
  GET_BUFFER,
  MemoryView,
  type StructValue,
  type ViewLayout,
  type ViewList,
} from "../../src/index.js";

const view = MemoryView.from(new Float64Array(4));
expectTypeOf(view).toEqualTypeOf<MemoryView>();
expectTypeOf(MemoryView.from).parameter(0).toEqualTypeOf<unknown>();
MemoryView.from(new ArrayBuffer(1), BufferFlags.WRITABLE, { autoRelease: true });
// @ts-expect-error flags are a number
MemoryView.from(new ArrayBuffer(1), "WRITABLE");

// Items: any number of number or bigint indices; struct values out.
expectTypeOf(view.get(0)).toEqualTypeOf<StructValue>();
view.get();
view.get(1n, -1, 2, 3, 4);
// @ts-expect-error indices are numbers or bigints
view.get("0");
view.set(0, 1.5);
view.set(0, 1, 2, 3, 4, 5n);
view.set(7);

// Derivations give views.
expectTypeOf(view.slice([1, null, -1], null, { step: 2 }, undefined)).toEqualTypeOf<MemoryView>();
// @ts-expect-error a slice is an array, an object, or null
view.slice(3);
expectTypeOf(view.sliceDim(0, null, 3)).toEqualTypeOf<MemoryView>();
expectTypeOf(view.index(0, 1n)).toEqualTypeOf<MemoryView>();
expectTypeOf(view.permute(1, 0)).toEqualTypeOf<MemoryView>();
expectTypeOf(view.permute([1, 0])).toEqualTypeOf<MemoryView>();
expectTypeOf(view.reshape([2, -1], "F")).toEqualTypeOf<MemoryView>();
// @ts-expect-error the order is "C" or "F"
view.reshape([4], "A");
expectTypeOf(view.cast("B", [2, 16])).toEqualTypeOf<MemoryView>();
// @ts-expect-error the format is a string
view.cast(8);
expectTypeOf(view.derive({ byteOffset: 8, shape: [2], byteStrides: [8] })).toEqualTypeOf<MemoryView>();

// Bulk.
expectTypeOf(view.toBytes("F")).toEqualTypeOf<Uint8Array>();
// @ts-expect-error the order is "C", "F" or "A"
view.toBytes("K");
expectTypeOf(view.toList()).toEqualTypeOf<ViewList>();
expectTypeOf(view.toTypedArray()).toEqualTypeOf<AnyTypedArray>();
expectTypeOf(view.equals(new Uint8Array(1))).toEqualTypeOf<boolean>();
view.copyFrom(new Float64Array(4));
view.fill(0);
for (const item of view) expectTypeOf(item).toEqualTypeOf<StructValue | MemoryView>();

// Attributes and lifetime.
expectTypeOf(view.shape).toEqualTypeOf<number[]>();
expectTypeOf(view.layout).toEqualTypeOf<ViewLayout>();
expectTypeOf(view.obj).toEqualTypeOf<object | null>();
// @ts-expect-error attributes are read-only
view.ndim = 2;
expectTypeOf(view[Symbol.dispose]).toEqualTypeOf<() => void>();

// A view is an exporter.
expectTypeOf(view).toMatchTypeOf<BufferExporter>();
expectTypeOf(view[GET_BUFFER](BufferFlags.FULL_RO)).toEqualTypeOf<BufferInfo>();
