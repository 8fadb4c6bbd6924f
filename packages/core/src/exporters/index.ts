/**
 * The built-in exporters: the objects `getBuffer` accepts without a
 * `GET_BUFFER` method.
 *
 * @packageDocumentation
 */

export type { BuiltinExporter, BuiltinKind } from "./builtin-exporter.js";
export { BUILTIN_EXPORTERS, builtinExporterKind, findBuiltinExporter } from "./registry.js";
export { isNodeBuffer } from "./node-buffer.js";
export { TYPED_ARRAY_FORMATS } from "./typed-array.js";
