/**
 * The deliberate bugs the broken variants switch on, one at a time, to prove
 * the suite catches each.
 *
 * @packageDocumentation
 */

/** Names of the deliberate bugs. */
export const DEFECTS = {
  "slice-off-by-one": "a positive-step slice stops one item early",
  "stride-sign": "a negative slice step keeps a positive stride",
  "nan-equal": "equals() treats NaN as equal to NaN",
  "no-readonly-check": "set() writes into read-only memory",
  "struct-alignment": "native struct formats are not padded for alignment",
  "stale-after-detach": "reads go through a cached array after the ArrayBuffer is detached or shrunk",
  "export-leak": "release() never gives the export back to the exporter",
  "wrong-error-name": "an index out of range throws a RangeError, not IndexError",
  "struct-byte-order": "'>' and '!' formats are packed little-endian",
  "number-for-int64": "8-byte integers come out as number, not bigint",
  "getbuffer-ignores-writable": "a read-only view grants WRITABLE requests",
} as const;

/** One deliberate bug. */
export type Defect = keyof typeof DEFECTS;

/** The bugs switched on in one build of the implementation. */
export type Defects = ReadonlySet<Defect>;
