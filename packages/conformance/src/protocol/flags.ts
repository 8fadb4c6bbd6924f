/**
 * The request flags, with CPython's values (`Include/pybuffer.h`), and the
 * `REQ_*` predicates of `Objects/memoryobject.c` and `_testbuffer.c`.
 *
 * @packageDocumentation
 */

/**
 * Buffer request flags.
 *
 * @example
 * ```ts
 * BufferFlags.FULL_RO; // returns 0x11c
 * ```
 */
export const BufferFlags = Object.freeze({
  SIMPLE: 0,
  WRITABLE: 0x1,
  FORMAT: 0x4,
  ND: 0x8,
  STRIDES: 0x18,
  C_CONTIGUOUS: 0x38,
  F_CONTIGUOUS: 0x58,
  ANY_CONTIGUOUS: 0x98,
  INDIRECT: 0x118,
  CONTIG: 0x9,
  CONTIG_RO: 0x8,
  STRIDED: 0x19,
  STRIDED_RO: 0x18,
  RECORDS: 0x1d,
  RECORDS_RO: 0x1c,
  FULL: 0x11d,
  FULL_RO: 0x11c,
  READ: 0x100,
  WRITE: 0x200,
});

/** @example `requestsIndirect(0x11c)` returns true */
export const requestsIndirect = (flags: number): boolean => (flags & BufferFlags.INDIRECT) === BufferFlags.INDIRECT;
/** @example `requestsCContiguous(0x38)` returns true */
export const requestsCContiguous = (flags: number): boolean => (flags & BufferFlags.C_CONTIGUOUS) === BufferFlags.C_CONTIGUOUS;
/** @example `requestsFContiguous(0x58)` returns true */
export const requestsFContiguous = (flags: number): boolean => (flags & BufferFlags.F_CONTIGUOUS) === BufferFlags.F_CONTIGUOUS;
/** @example `requestsAnyContiguous(0x98)` returns true */
export const requestsAnyContiguous = (flags: number): boolean =>
  (flags & BufferFlags.ANY_CONTIGUOUS) === BufferFlags.ANY_CONTIGUOUS;
/** @example `requestsStrides(0x18)` returns true */
export const requestsStrides = (flags: number): boolean => (flags & BufferFlags.STRIDES) === BufferFlags.STRIDES;
/** @example `requestsShape(0x8)` returns true */
export const requestsShape = (flags: number): boolean => (flags & BufferFlags.ND) === BufferFlags.ND;
/** @example `requestsWritable(0x1)` returns true */
export const requestsWritable = (flags: number): boolean => (flags & BufferFlags.WRITABLE) !== 0;
/** @example `requestsFormat(0x4)` returns true */
export const requestsFormat = (flags: number): boolean => (flags & BufferFlags.FORMAT) !== 0;

const BASE_REQUESTS = [
  ["SIMPLE", BufferFlags.SIMPLE],
  ["ND", BufferFlags.ND],
  ["STRIDES", BufferFlags.STRIDES],
  ["C_CONTIGUOUS", BufferFlags.C_CONTIGUOUS],
  ["F_CONTIGUOUS", BufferFlags.F_CONTIGUOUS],
  ["ANY_CONTIGUOUS", BufferFlags.ANY_CONTIGUOUS],
  ["INDIRECT", BufferFlags.INDIRECT],
  ["INDIRECT|C_CONTIGUOUS", BufferFlags.INDIRECT | BufferFlags.C_CONTIGUOUS],
  ["INDIRECT|F_CONTIGUOUS", BufferFlags.INDIRECT | BufferFlags.F_CONTIGUOUS],
  ["INDIRECT|ANY_CONTIGUOUS", BufferFlags.INDIRECT | BufferFlags.ANY_CONTIGUOUS],
] as const;

/** A named request. */
export interface NamedRequest {
  readonly name: string;
  readonly flags: number;
}

/**
 * Every request a consumer can make: each base request (SIMPLE, ND, STRIDES,
 * the three contiguity requests, INDIRECT and INDIRECT with each contiguity),
 * with and without WRITABLE and FORMAT: 40 requests.
 *
 * @example
 * ```ts
 * allRequests().length; // returns 40
 * ```
 */
export function allRequests(): NamedRequest[] {
  const out: NamedRequest[] = [];
  for (const [name, base] of BASE_REQUESTS) {
    for (const writable of [false, true]) {
      for (const format of [false, true]) {
        const parts: string[] = [name];
        if (writable) parts.push("WRITABLE");
        if (format) parts.push("FORMAT");
        out.push({
          name: parts.join("|"),
          flags: base | (writable ? BufferFlags.WRITABLE : 0) | (format ? BufferFlags.FORMAT : 0),
        });
      }
    }
  }
  return out;
}
