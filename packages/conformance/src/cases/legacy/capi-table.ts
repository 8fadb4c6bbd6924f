/**
 * The table of the `legacy/capi` group: the old-buffer C API
 * (`ImplementationModule.legacyCapi`): Python 2.7's `PyObject_AsReadBuffer`,
 * `PyObject_AsWriteBuffer`, `PyObject_AsCharBuffer` and
 * `PyObject_CheckReadBuffer` (`Objects/abstract.c` of the 2.7 branch), over
 * every kind of object, transcribed from that source and from the buffer
 * procs the objects had in 2.7 (`Objects/bufferobject.c`: a `buffer`'s
 * `bf_getsegcount` is `get_buf(ANY_BUFFER)`, its read, write and char
 * buffers `get_buf` of that kind; `Modules/arraymodule.c`: an `array` has no
 * `bf_getcharbuffer`; `Objects/bytearrayobject.c`: a `bytearray` has all
 * four). Each helper first checks the proc it needs exists (else its own
 * "expected a …" TypeError), then calls `bf_getsegcount` and replaces any
 * failure of it, or a count other than 1, with "expected a single-segment
 * buffer object", then calls the proc.
 *
 * Objects that are not 2.7's are taken as `buffer` takes them (see
 * `LegacyBufferApiLike`): the contiguous export is the one segment, a write
 * buffer exists when the object exports writable memory, and character data
 * when its items are single bytes (and it is no `array`).
 *
 * @packageDocumentation
 */

import type { Spec } from "./buffer-table.js";

/** Which helper a case calls. */
export type CapiFunction = "asReadBuffer" | "asWriteBuffer" | "asCharBuffer" | "checkReadBuffer";

/** One case: a helper applied to an object. */
export interface CapiCase {
  readonly id: string;
  /** Where 2.7 says so. */
  readonly source: string;
  readonly fn: CapiFunction;
  readonly base?: Spec;
  readonly make: Spec;
  /** The bytes (latin-1) or, for `checkReadBuffer`, the boolean; or the error's name and message. */
  readonly expect: { readonly value?: string | boolean; readonly error?: readonly [string, string] };
  /**
   * `asWriteBuffer`: write "Z" at [0] of the returned view; the case's base
   * (or the object itself) must then hold these bytes.
   */
  readonly after?: string;
}

const READ = "asReadBuffer" as const;
const WRITE = "asWriteBuffer" as const;
const CHAR = "asCharBuffer" as const;
const CHECK = "checkReadBuffer" as const;

const NOT_READABLE = ["TypeError", "expected a readable buffer object"] as const;
const NOT_WRITEABLE = ["TypeError", "expected a writeable buffer object"] as const;
const NOT_CHAR = ["TypeError", "expected a string or other character buffer object"] as const;
const NOT_ONE_SEGMENT = ["TypeError", "expected a single-segment buffer object"] as const;
const READ_ONLY = ["TypeError", "buffer is read-only"] as const;
const NO_CHAR_BUFFER = ["TypeError", "char buffer type not available"] as const;
const GONE = ["ValueError", "gone"] as const;

const SRC = {
  [READ]: "abstract.c PyObject_AsReadBuffer",
  [WRITE]: "abstract.c PyObject_AsWriteBuffer",
  [CHAR]: "abstract.c PyObject_AsCharBuffer",
  [CHECK]: "abstract.c PyObject_CheckReadBuffer",
} as const;

const buf = (...args: unknown[]): Spec => ({ buffer: args });
const rw = (...args: unknown[]): Spec => ({ rw: args });
const v = (value: unknown): Spec => ({ value });

/** What one object gives each helper (absent: not checked for it). */
interface Row {
  readonly what: string;
  /** The 2.7 procs or steps behind the outcomes. */
  readonly why: string;
  readonly base?: Spec;
  readonly make: Spec;
  readonly read?: string | readonly [string, string];
  readonly write?: string | readonly [string, string];
  readonly char?: string | readonly [string, string];
  readonly check?: boolean;
  /** After writing "Z" through asWriteBuffer's view. */
  readonly after?: string;
}

/** A Python value that has no buffer at all: every helper's first check fails. */
// biome-ignore format: a table, one row per line
const nonExporters: readonly [string, unknown][] = [
  ["an int", 5],
  ["None", null],
  ["undefined", undefined],
  ["a str", "abc"],
  ["a plain object", {}],
  ["a JavaScript array of bytes", [97, 98]],
];

const NONE: Row[] = nonExporters.map(([what, value]) => ({
  what,
  why: "tp_as_buffer NULL",
  make: v(value),
  read: NOT_READABLE,
  write: NOT_WRITEABLE,
  char: NOT_CHAR,
  check: false,
}));

/** Read-only objects: no write buffer. */
// biome-ignore format: a table, one row per line
const READ_ONLY_ROWS: Row[] = [
  { what: "bytes", why: "str's procs (no bf_getwritebuffer)", make: { bytes: "asdf" }, read: "asdf", write: NOT_WRITEABLE, char: "asdf", check: true },
  { what: "empty bytes", why: "str's procs", make: { bytes: "" }, read: "", char: "", check: true },
  { what: "a read-only TestExporter", why: "one segment, read-only", make: { exporter: "hello" }, read: "hello", write: NOT_WRITEABLE, char: "hello", check: true },
  { what: "a TestExporter window into its memory", why: "one segment", make: { exporter: "xxhello", offset: 2, shape: [5] }, read: "hello", char: "hello" },
  { what: "a 2-D C-contiguous TestExporter", why: "one segment", make: { exporter: "abcdef", shape: [2, 3] }, read: "abcdef", char: "abcdef", check: true },
  { what: "a TestExporter of 'H' items", why: "not character data", make: { exporter: "abcd", format: "H" }, read: "abcd", write: NOT_WRITEABLE, char: NOT_CHAR, check: true },
  { what: "a TestExporter of 'c' items", why: "character data", make: { exporter: "xy", format: "c" }, read: "xy", char: "xy" },
  { what: "a TestExporter of 'b' items", why: "character data", make: { exporter: "\x80\x01", format: "b" }, char: "\x80\x01" },
  { what: "a TestExporter of '?' items", why: "single bytes, but not character data", make: { exporter: "\x01\x00", format: "?" }, read: "\x01\x00", char: NOT_CHAR },
  { what: "an exporter answering format null", why: "unsigned bytes: character data", make: { unformatted: "ab" }, read: "ab", write: NOT_WRITEABLE, char: "ab", check: true },
  { what: "memoryview(bytes)", why: "one segment, read-only", make: { memoryview: { bytes: "ab" } }, read: "ab", write: NOT_WRITEABLE, char: "ab", check: true },
  { what: "memoryview(bytearray).toreadonly()", why: "read-only", make: { memoryview: { bytearray: "ab" }, toreadonly: true }, read: "ab", write: NOT_WRITEABLE, char: "ab" },
];

/** Writable contiguous objects: every buffer, writes through to the object. */
// biome-ignore format: a table, one row per line
const WRITABLE_ROWS: Row[] = [
  { what: "bytearray", why: "bytearray's four procs", base: { bytearray: "abc" }, make: { base: true }, read: "abc", write: "abc", after: "Zbc", char: "abc", check: true },
  { what: "an empty bytearray", why: "bytearray's procs", make: { bytearray: "" }, read: "", write: "", char: "", check: true },
  { what: "array('B')", why: "arraymodule.c: no bf_getcharbuffer", base: { array: ["B", [97, 98]] }, make: { base: true }, read: "ab", write: "ab", after: "Zb", char: NOT_CHAR, check: true },
  { what: "array('b')", why: "arraymodule.c: no bf_getcharbuffer", make: { array: ["b", [1, 2]] }, read: "\x01\x02", char: NOT_CHAR },
  { what: "array('H'): its bytes", why: "arraymodule.c array_buffer_getreadbuf", make: { array: ["H", [0x4141]] }, read: "AA", write: "AA", char: NOT_CHAR, check: true },
  { what: "array('d')", why: "arraymodule.c", make: { array: ["d", [0]] }, read: "\x00".repeat(8), char: NOT_CHAR },
  { what: "a writable TestExporter", why: "one segment, writable", base: { exporter: "abcd", writable: true }, make: { base: true }, read: "abcd", write: "abcd", after: "Zbcd", char: "abcd", check: true },
  { what: "Uint8Array", why: "one segment of 'B'", base: { typed: "Uint8Array", items: [97, 98] }, make: { base: true }, read: "ab", write: "ab", after: "Zb", char: "ab", check: true },
  { what: "a Uint8Array view into a larger buffer", why: "one segment", base: { u8: "xxabcdyy", at: 2, length: 4 }, make: { base: true }, read: "abcd", write: "abcd", after: "Zbcd", char: "abcd" },
  { what: "Int8Array", why: "one segment of 'b'", make: { typed: "Int8Array", items: [-1, 1] }, read: "\xff\x01", char: "\xff\x01" },
  { what: "Uint8ClampedArray", why: "one segment of 'B'", make: { typed: "Uint8ClampedArray", items: [1, 2] }, char: "\x01\x02" },
  { what: "Uint16Array: its bytes", why: "not character data", make: { typed: "Uint16Array", items: [0x4141] }, read: "AA", write: "AA", char: NOT_CHAR, check: true },
  { what: "Float64Array", why: "not character data", make: { typed: "Float64Array", items: [0] }, read: "\x00".repeat(8), char: NOT_CHAR, check: true },
  { what: "BigInt64Array", why: "not character data", make: { typed: "BigInt64Array", items: [0n] }, write: "\x00".repeat(8), char: NOT_CHAR },
  { what: "ArrayBuffer", why: "one segment of 'B'", base: { arrayBuffer: "abcd" }, make: { base: true }, read: "abcd", write: "abcd", after: "Zbcd", char: "abcd", check: true },
  { what: "DataView", why: "one segment of 'B'", base: { dataView: "abcdef", at: 1, length: 4 }, make: { base: true }, read: "bcde", write: "bcde", after: "Zcde", char: "bcde", check: true },
  { what: "memoryview(bytearray)", why: "one segment, writable", base: { bytearray: "ab" }, make: { memoryview: { base: true } }, read: "ab", write: "ab", after: "Zb", char: "ab", check: true },
  { what: "memoryview(array('d')).cast('B')", why: "single bytes now: character data", make: { memoryview: { array: ["d", [0]] }, cast: "B" }, char: "\x00".repeat(8) },
  { what: "memoryview(array('d'))", why: "not character data", make: { memoryview: { array: ["d", [0]] } }, read: "\x00".repeat(8), char: NOT_CHAR },
];

/** Memory exported only strided: more than one segment. */
// biome-ignore format: a table, one row per line
const STRIDED_ROWS: Row[] = [
  { what: "a strided TestExporter", why: "bf_getsegcount != 1 (read-only: no write buffer)", make: { strided: "abcdef" }, read: NOT_ONE_SEGMENT, write: NOT_WRITEABLE, char: NOT_ONE_SEGMENT, check: false },
  { what: "a writable strided TestExporter", why: "bf_getsegcount != 1", make: { strided: "abcdef", writable: true }, read: NOT_ONE_SEGMENT, write: NOT_ONE_SEGMENT, char: NOT_ONE_SEGMENT, check: false },
  { what: "memoryview(bytes)[::2]", why: "bf_getsegcount != 1", make: { memoryview: { bytes: "abcd" }, step: 2 }, read: NOT_ONE_SEGMENT, write: NOT_WRITEABLE, char: NOT_ONE_SEGMENT, check: false },
  { what: "memoryview(bytearray)[::2]", why: "bf_getsegcount != 1", make: { memoryview: { bytearray: "abcd" }, step: 2 }, read: NOT_ONE_SEGMENT, write: NOT_ONE_SEGMENT, char: NOT_ONE_SEGMENT, check: false },
  { what: "memoryview(array('d'))[::2]", why: "no char buffer is checked before the count", make: { memoryview: { array: ["d", [0, 0, 0]] }, step: 2 }, read: NOT_ONE_SEGMENT, char: NOT_CHAR, check: false },
];

/** An exporter failing with an error of its own: the error comes through (`checkReadBuffer` never throws). */
// biome-ignore format: a table, one row per line
const RAISING_ROWS: Row[] = [
  { what: "an exporter raising an error of its own", why: "the proc's own error", make: { raising: true }, read: GONE, write: GONE, check: false },
];

/** `buffer` objects: their own procs, after their segment count (get_buf(ANY_BUFFER)). */
// biome-ignore format: a table, one row per line
const BUFFER_ROWS: Row[] = [
  { what: "buffer(bytes, 1)", why: "buffer_getreadbuf / buffer_getwritebuf (read-only) / buffer_getcharbuf", make: buf({ bytes: "asdf" }, 1), read: "sdf", write: READ_ONLY, char: "sdf", check: true },
  { what: "buffer(bytearray)", why: "buffer_getwritebuf: b_readonly, whatever the base", make: buf({ bytearray: "ab" }), read: "ab", write: READ_ONLY, char: "ab", check: true },
  { what: "an empty buffer window", why: "get_buf (offset = count)", make: buf({ bytes: "ab" }, 5), read: "", char: "", check: true },
  { what: "buffer(array('b'))", why: "get_buf(CHAR_BUFFER): the array has no bf_getcharbuffer", make: buf({ array: ["b", [1, 2]] }), read: "\x01\x02", write: READ_ONLY, char: NO_CHAR_BUFFER, check: true },
  { what: "buffer(Float64Array)", why: "get_buf(CHAR_BUFFER)", make: buf({ typed: "Float64Array", items: [0] }), read: "\x00".repeat(8), char: NO_CHAR_BUFFER },
  { what: "buffer(Uint8Array)", why: "get_buf(CHAR_BUFFER)", make: buf({ typed: "Uint8Array", items: [1, 2] }, 1), char: "\x02" },
  { what: "buffer of a TestExporter of 'H' items", why: "get_buf(CHAR_BUFFER)", make: buf({ exporter: "abcd", format: "H" }), read: "abcd", char: NO_CHAR_BUFFER },
  { what: "buffer of a strided TestExporter", why: "buffer_getsegcount fails (get_buf: single segment expected), replaced", make: buf({ strided: "abcdef" }), read: NOT_ONE_SEGMENT, write: NOT_ONE_SEGMENT, char: NOT_ONE_SEGMENT, check: false },
  { what: "buffer(memoryview(bytes)[::2])", why: "buffer_getsegcount fails, replaced", make: buf({ memoryview: { bytes: "abcd" }, step: 2 }), read: NOT_ONE_SEGMENT, char: NOT_ONE_SEGMENT, check: false },
  { what: "buffer of an exporter raising an error of its own", why: "buffer_getsegcount fails, its error replaced", make: buf({ raising: true }), read: NOT_ONE_SEGMENT, write: NOT_ONE_SEGMENT, char: NOT_ONE_SEGMENT, check: false },
  { what: "a writable buffer of a read-only buffer", why: "buffer_getsegcount: get_buf(ANY_BUFFER) asks the str's missing write buffer; replaced", make: rw(buf({ bytes: "asdf" })), read: NOT_ONE_SEGMENT, write: NOT_ONE_SEGMENT, char: NOT_ONE_SEGMENT, check: false },
  { what: "a writable buffer of a bytearray", why: "buffer_getwritebuf, get_buf(WRITE_BUFFER)", base: { bytearray: "abcd" }, make: rw({ base: true }, 1, 2), read: "bc", write: "bc", after: "aZcd", char: "bc", check: true },
  { what: "a writable buffer of array('B')", why: "get_buf(CHAR_BUFFER): no char buffer", base: { array: ["B", [1, 2]] }, make: rw({ base: true }), read: "\x01\x02", write: "\x01\x02", after: "Z\x02", char: NO_CHAR_BUFFER, check: true },
  { what: "a writable buffer of a writable TestExporter", why: "get_buf(WRITE_BUFFER)", base: { exporter: "abcd", writable: true }, make: rw({ base: true }, 2), write: "cd", after: "abZd", char: "cd" },
  { what: "buffer.new(3)", why: "get_buf (b_base NULL: its own memory)", base: { new: 3 }, make: { base: true }, read: "\x00\x00\x00", write: "\x00\x00\x00", after: "Z\x00\x00", char: "\x00\x00\x00", check: true },
  { what: "buffer(buffer.new(4), 1, 2)", why: "get_buf over the new buffer's procs; read-only itself", make: buf({ new: 4 }, 1, 2), read: "\x00\x00", write: READ_ONLY, char: "\x00\x00", check: true },
  { what: "a writable buffer of buffer.new(4)", why: "get_buf(WRITE_BUFFER) of the new buffer", base: { new: 4 }, make: rw({ base: true }, 1), write: "\x00\x00\x00", after: "\x00Z\x00\x00", char: "\x00\x00\x00" },
];

function outcome(result: string | boolean | readonly [string, string]): CapiCase["expect"] {
  return typeof result === "object" ? { error: result } : { value: result };
}

function casesOf(row: Row): CapiCase[] {
  const out: CapiCase[] = [];
  const add = (fn: CapiFunction, result: string | boolean | readonly [string, string] | undefined) => {
    if (result === undefined) return;
    const after = fn === WRITE && typeof result === "string" && row.after !== undefined ? { after: row.after } : {};
    out.push({
      id: `${fn}(${row.what})`,
      source: `${SRC[fn]}; ${row.why}`,
      fn,
      ...(row.base ? { base: row.base } : {}),
      make: row.make,
      expect: outcome(result),
      ...after,
    });
  };
  add(READ, row.read);
  add(WRITE, row.write);
  add(CHAR, row.char);
  add(CHECK, row.check);
  return out;
}

/** Every case, by section. */
export const LEGACY_CAPI_CASES: readonly (readonly [string, readonly CapiCase[]])[] = [
  ["no buffer", NONE.flatMap(casesOf)],
  ["read-only objects", READ_ONLY_ROWS.flatMap(casesOf)],
  ["writable objects", WRITABLE_ROWS.flatMap(casesOf)],
  ["not one segment", STRIDED_ROWS.flatMap(casesOf)],
  ["errors of the exporter's own", RAISING_ROWS.flatMap(casesOf)],
  ["buffer objects", BUFFER_ROWS.flatMap(casesOf)],
];
