// Zero-copy between the buffer protocol and @stdlib/ndarray
// (https://github.com/stdlib-js/stdlib), through `@mv/core/ndarray`: like
// scijs ndarray, its strides and offset count elements of its data buffer,
// where BufferInfo counts bytes.
//
//   node src/stdlib-ndarray.mjs
import { pathToFileURL } from "node:url";
// stdlib packages are CommonJS folders (no "exports" map): import the ctor's file.
import StdlibNdarray from "@stdlib/ndarray/ctor/lib/index.js";
import { MemoryView } from "@mv/core";
import { fromNdarray, toStdlibNdarray } from "@mv/core/ndarray";
import { memoryview, slice } from "@mv/builtins";

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Every other int16 of a Python-style memoryview, as a stdlib ndarray.
  const samples = Int16Array.from({ length: 8 }, (_, i) => i * 10);
  const everyOther = memoryview(samples).get(slice(null, null, 2));
  const x = toStdlibNdarray(everyOther, StdlibNdarray);
  console.log(`stdlib ndarray ${x.dtype}, shape ${x.shape}, strides ${x.strides}, x.get(3) = ${x.get(3)}`);
  // int16 items 3 bytes apart (legal in PEP 3118) are refused clearly.
  try {
    toStdlibNdarray(MemoryView.from(samples).derive({ format: "h", shape: [5], byteStrides: [3] }), StdlibNdarray);
  } catch (error) {
    console.log(`${error.name}: ${error.message}`);
  }
  // A read-only stdlib array stays read-only as an exporter.
  const frozen = new StdlibNdarray("float64", Float64Array.of(1, 2, 3, 4), [2, 2], [1, 2], 0, "column-major", { readonly: true });
  const back = MemoryView.from(fromNdarray(frozen));
  console.log(`back: ${JSON.stringify(back.toList())}, readonly ${back.readonly}, strides ${back.strides}`);
}
