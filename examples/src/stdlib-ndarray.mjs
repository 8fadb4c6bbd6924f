// Zero-copy adapters between the buffer protocol and @stdlib/ndarray
// (https://github.com/stdlib-js/stdlib): like scijs ndarray, its strides
// and offset count elements of its data buffer (`strides2offset`), where
// BufferInfo counts bytes.
//
//   node src/stdlib-ndarray.mjs
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { MemoryView, ValueError } from "@mv/core";
import { memoryview, slice } from "@mv/builtins";
import { elementLayout } from "./element-layout.mjs";
import { stridedExporter } from "./strided-exporter.mjs";

// stdlib packages are CommonJS folders (no "exports" map): require the ctor alone.
const ndarray = createRequire(import.meta.url)("@stdlib/ndarray/ctor");

/** The stdlib dtype of each TypedArray kind it supports. */
const DTYPE_OF_ARRAY = new Map([
  [Int8Array, "int8"],
  [Uint8Array, "uint8"],
  [Uint8ClampedArray, "uint8c"],
  [Int16Array, "int16"],
  [Uint16Array, "uint16"],
  [Int32Array, "int32"],
  [Uint32Array, "uint32"],
  [Float32Array, "float32"],
  [Float64Array, "float64"],
]);

/**
 * A @stdlib/ndarray over the memory of any exporter, no copy.
 * Throws ValueError where a byte stride is not a whole number of elements,
 * or for items stdlib has no dtype for (8-byte integers, structs).
 */
export function toStdlibNdarray(exporter) {
  const { data, shape, elemStrides, elemOffset, readonly } = elementLayout(exporter);
  const dtype = DTYPE_OF_ARRAY.get(data.constructor);
  if (dtype === undefined) throw new ValueError(`@stdlib/ndarray has no dtype for ${data.constructor.name}`);
  return new ndarray(dtype, data, shape, elemStrides, elemOffset, "row-major", { readonly });
}

/** An exporter over a @stdlib/ndarray's memory, no copy. */
export function stdlibNdarrayExporter(array) {
  return stridedExporter({
    data: array.data,
    shape: array.shape,
    elemStrides: array.strides,
    elemOffset: array.offset,
    readonly: array.flags?.READONLY ?? false,
    owner: array,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Every other int16 of a Python-style memoryview, as a stdlib ndarray.
  const samples = Int16Array.from({ length: 8 }, (_, i) => i * 10);
  const everyOther = memoryview(samples).get(slice(null, null, 2));
  const x = toStdlibNdarray(everyOther);
  console.log(`stdlib ndarray ${x.dtype}, shape ${x.shape}, strides ${x.strides}, x.get(3) = ${x.get(3)}`);
  // int16 items 3 bytes apart (legal in PEP 3118) are refused clearly.
  try {
    toStdlibNdarray(MemoryView.from(samples).derive({ format: "h", shape: [5], byteStrides: [3] }));
  } catch (error) {
    console.log(`${error.name}: ${error.message}`);
  }
  const back = MemoryView.from(stdlibNdarrayExporter(x));
  console.log(`back: ${JSON.stringify(back.toList())}`);
}
