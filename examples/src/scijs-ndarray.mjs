// Zero-copy between the buffer protocol and scijs `ndarray`
// (https://github.com/scijs/ndarray), through the adapters @mv/core ships
// (`@mv/core/ndarray`): ndarray(data, shape, stride, offset) counts strides
// and offset in elements of `data`; BufferInfo counts bytes.
//
//   node src/scijs-ndarray.mjs
import { pathToFileURL } from "node:url";
import ndarray from "ndarray";
import { MemoryView } from "@mv/core";
import { fromNdarray, toNdarray } from "@mv/core/ndarray";

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // A 3x4 grid of doubles, viewed transposed and reversed by MemoryView…
  const grid = MemoryView.from(Float64Array.from({ length: 12 }, (_, i) => i)).reshape([3, 4]);
  const view = grid.transpose().slice([null, null, -1]);
  // …becomes an ndarray on the same memory, with element strides.
  const array = toNdarray(view, ndarray);
  console.log(`ndarray shape ${array.shape}, stride ${array.stride}, offset ${array.offset}`);
  array.set(0, 0, 100);
  console.log(`grid[0][3] after array.set(0, 0, 100): ${grid.get(0, 3)}`);
  // And back: an ndarray step of 2 is a byte stride of 16.
  const back = MemoryView.from(fromNdarray(array.step(2, -1)));
  console.log(`back: shape ${back.shape}, strides ${back.strides}, ${JSON.stringify(back.toList())}`);
}
