// libc's memset, memcpy and qsort through koffi, taking raw addresses: the
// pointer parameters are declared uintptr_t, so koffi passes our bigint
// addresses straight through (same register, same ABI on every 64-bit target).
import koffi from "koffi";

const libcName = process.platform === "darwin" ? "libc.dylib" : process.platform === "win32" ? "msvcrt.dll" : "libc.so.6";
const libc = koffi.load(libcName);

export const memset = libc.func("void *memset(uintptr_t s, int c, size_t n)") as (
  address: bigint,
  value: number,
  byteLength: number,
) => unknown;

export const memcpy = libc.func("void *memcpy(uintptr_t dest, uintptr_t src, size_t n)") as (
  destination: bigint,
  source: bigint,
  byteLength: number,
) => unknown;

// Declares the callback type by the name the qsort signature below uses.
koffi.proto("int CompareInt32(const int32_t *a, const int32_t *b)");
const rawQsort = libc.func("void qsort(uintptr_t base, size_t nmemb, size_t size, CompareInt32 *compare)");

/** The `int32_t` at the start of each record decides its order. */
function compareInt32(a: unknown, b: unknown): number {
  const left = koffi.decode(a, "int32_t") as number;
  const right = koffi.decode(b, "int32_t") as number;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** qsort(base, count, recordSize) on records keyed by their first int32_t. */
export function qsortInt32(base: bigint, count: number, recordSize: number): void {
  rawQsort(base, count, recordSize, compareInt32);
}

export { koffi };
