// The shape of Pyodide's `PyBuffer.getBuffer()` result (a PyBufferView):
// `{ data, shape, strides, offset, … }` where `data` is a TypedArray over
// the whole memory and `offset`/`strides` count its elements. A Python
// runtime hosted in JavaScript hands such views out; these adapters turn an
// exporter into one and one back into an exporter, without copies.
//
//   node src/pyodide-view.mjs
import { pathToFileURL } from "node:url";
import { MemoryView, releaseBuffer } from "@mv/core";
import { bytearray, memoryview, slice } from "@mv/builtins";
import { elementLayout } from "./element-layout.mjs";
import { stridedExporter } from "./strided-exporter.mjs";

/** A Pyodide-style buffer view of any exporter (element units). */
export function toPyodideView(exporter) {
  const { data, shape, elemStrides, elemOffset, readonly, info } = elementLayout(exporter);
  const view = MemoryView.from(info.obj ?? exporter);
  const result = {
    data,
    shape,
    strides: elemStrides,
    offset: elemOffset,
    readonly,
    format: info.format ?? "B",
    itemsize: info.itemsize,
    ndim: info.ndim,
    nbytes: info.len,
    c_contiguous: view.cContiguous,
    f_contiguous: view.fContiguous,
    release() {
      view.release();
      releaseBuffer(info);
    },
  };
  return result;
}

/** An exporter over a Pyodide-style view, no copy. */
export function pyodideViewExporter({ data, shape, strides, offset, readonly = false }) {
  return stridedExporter({ data, shape, elemStrides: strides, elemOffset: offset, readonly });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Python: a = bytearray(range(12)); m = memoryview(a).cast("B", (3, 4))[::-1]
  const source = bytearray(Uint8Array.from({ length: 12 }, (_, i) => i));
  const m = memoryview(source).cast("B", [3, 4]).get(slice(null, null, -1));
  const pv = toPyodideView(m);
  console.log(`shape ${pv.shape}, strides ${pv.strides}, offset ${pv.offset}, c_contiguous ${pv.c_contiguous}`);
  const again = memoryview(pyodideViewExporter(pv));
  console.log(`round trip: ${JSON.stringify(again.tolist())}`);
  again.release();
  pv.release();
}
