// C functions working on the memory of views, through koffi and the raw
// addresses @mv/native gives: libc's qsort sorts each row of a matrix in
// place, and memset clears a slice of a bytearray. What ctypes does in
// Python with `addressof` and `from_buffer`.
//
//   node src/koffi-ffi.mjs
import { pathToFileURL } from "node:url";
import koffi from "koffi";
import { MemoryView } from "@mv/core";
import { bytearray, memoryview, slice } from "@mv/builtins";
import { addressOf, available, loadError } from "@mv/native";

export { available, loadError };

let libc = null;
/** libc's qsort (with an int32 comparator) and memset, bound once. */
function bindLibc() {
  if (libc !== null) return libc;
  const lib = koffi.load("libc.so.6");
  const compare = koffi.proto("int mv_compare_int32(const void *a, const void *b)");
  const qsort = lib.func("void qsort(uintptr_t base, size_t count, size_t size, mv_compare_int32 *compare)");
  const memset = lib.func("void *memset(uintptr_t s, int c, size_t n)");
  const byInt32 = koffi.register(
    (a, b) => Math.sign(koffi.decode(a, "int32_t") - koffi.decode(b, "int32_t")),
    koffi.pointer(compare),
  );
  libc = { qsort, memset, byInt32 };
  return libc;
}

/** Sorts each row of a C-contiguous (rows, columns) int32 view in place, in C. */
export function sortRows(matrix) {
  const { qsort, byInt32 } = bindLibc();
  const [rows, columns] = matrix.shape;
  for (let r = 0; r < rows; r++) qsort(addressOf(matrix.index(0, r)), columns, 4, byInt32);
}

/** memset over the bytes of a contiguous memoryview slice. */
export function fillBytes(view, value) {
  bindLibc().memset(addressOf(view), value, view.nbytes);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!available) {
    console.log(`@mv/native is not built: ${loadError.message}`);
    process.exit(0);
  }
  const matrix = MemoryView.from(Int32Array.of(3, 1, 2, 9, -5, 7)).reshape([2, 3]);
  sortRows(matrix);
  console.log(`rows sorted by qsort: ${JSON.stringify(matrix.toList())}`);
  const data = bytearray(new TextEncoder().encode("hello, world"));
  fillBytes(memoryview(data).get(slice(5, 7)), 0x5f);
  console.log(`memset through a memoryview slice: ${new TextDecoder().decode(memoryview(data).tobytes())}`);
}
