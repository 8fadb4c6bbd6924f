// Zero-copy adapters between the buffer protocol and scijs `ndarray`
// (https://github.com/scijs/ndarray): ndarray(data, shape, stride, offset)
// counts strides and offset in elements of `data`; BufferInfo counts bytes.
//
//   node src/scijs-ndarray.mjs
import { pathToFileURL } from "node:url";
import ndarray from "ndarray";
import { MemoryView } from "@mv/core";
import { elementLayout } from "./element-layout.mjs";
import { stridedExporter } from "./strided-exporter.mjs";

/**
 * An ndarray over the memory of any exporter, no copy. Throws ValueError
 * where a byte stride is not a whole number of elements.
 */
export function toNdarray(exporter) {
  const { data, shape, elemStrides, elemOffset } = elementLayout(exporter);
  return ndarray(data, shape, elemStrides, elemOffset);
}

/** An exporter over an ndarray's memory, no copy (give it to MemoryView.from or memoryview). */
export function ndarrayExporter(array) {
  return stridedExporter({
    data: array.data,
    shape: array.shape,
    elemStrides: array.stride,
    elemOffset: array.offset,
    owner: array,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // A 3x4 grid of doubles, viewed transposed and reversed by MemoryView…
  const grid = MemoryView.from(Float64Array.from({ length: 12 }, (_, i) => i)).reshape([3, 4]);
  const view = grid.transpose().slice([null, null, -1]);
  // …becomes an ndarray on the same memory, with element strides.
  const array = toNdarray(view);
  console.log(`ndarray shape ${array.shape}, stride ${array.stride}, offset ${array.offset}`);
  array.set(0, 0, 100);
  console.log(`grid[0][3] after array.set(0, 0, 100): ${grid.get(0, 3)}`);
  // And back: an ndarray step of 2 is a byte stride of 16.
  const back = MemoryView.from(ndarrayExporter(array.step(2, -1)));
  console.log(`back: shape ${back.shape}, strides ${back.strides}, ${JSON.stringify(back.toList())}`);
}
