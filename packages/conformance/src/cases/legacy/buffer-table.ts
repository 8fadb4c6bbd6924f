/**
 * The table of the `legacy/buffer` group: Python 2.7's `buffer`, case by
 * case, transcribed from the 2.7 branch's `Objects/bufferobject.c` (the
 * function named in each case's `source`), `Python/getargs.c` and
 * `Objects/intobject.c` / `Objects/longobject.c` (argument parsing on LP64,
 * where format `n` falls through to `l`), `Objects/abstract.c`
 * (`PyNumber_AsSsize_t`), `Objects/sliceobject.c`, and 2.7's
 * `Lib/test/test_types.py` (test_buffers) and `Lib/test/test_buffer.py`.
 * There is no Python 2 to record them from: each expectation is read off
 * those sources.
 *
 * Byte strings are written as latin-1 strings ("\x00" is a zero byte).
 * Objects other than Python 2's `str` (new-protocol exporters, JavaScript
 * buffers) are taken the way the contract extends 2.7: their contiguous
 * export is their one segment; an export that is not contiguous is more
 * than one segment ("single-segment buffer object expected", as 2.7 says
 * wherever `bf_getsegcount` is not 1).
 *
 * @packageDocumentation
 */

/** A JavaScript value passed as it is (an int, a float, None, a str…). */
export interface PlainSpec {
  readonly value: unknown;
}

/** An object for a case to build. */
export type Spec =
  | { readonly bytes: string }
  | { readonly bytearray: string }
  | { readonly array: readonly [string, readonly number[]] }
  /** A TestExporter of these bytes, optionally writable, or a window of it starting at `offset`, of items of `format`. */
  | {
      readonly exporter: string;
      readonly writable?: boolean;
      readonly offset?: number;
      readonly shape?: readonly number[];
      readonly format?: string;
    }
  /** A TestExporter showing every other byte of these: not one segment. */
  | { readonly strided: string; readonly writable?: boolean }
  /** An exporter whose every request throws the module's `ValueError("gone")`: an error of its own, not a refusal. */
  | { readonly raising: true }
  /** A read-only exporter of these bytes answering `format` null (unsigned bytes) even when asked for the format. */
  | { readonly unformatted: string }
  | { readonly typed: string; readonly items: readonly (number | bigint)[] }
  /** A Uint8Array view of a larger buffer, starting at `at`. */
  | { readonly u8: string; readonly at: number; readonly length: number }
  /** An ArrayBuffer, resizable up to `max` when given. */
  | { readonly arrayBuffer: string; readonly max?: number }
  | { readonly dataView: string; readonly at: number; readonly length: number }
  /** `memoryview(spec)`, or `memoryview(spec)[::step]`, then `.cast(cast)` or `.toreadonly()` when asked. */
  | { readonly memoryview: Spec; readonly step?: number; readonly cast?: string; readonly toreadonly?: true }
  /** `buffer(spec, ...args)`. */
  | { readonly buffer: readonly unknown[] }
  /** `buffer.fromReadWriteObject(spec, ...args)` (`PyBuffer_FromReadWriteObject`). */
  | { readonly rw: readonly unknown[] }
  /** `buffer.new(n)` (`PyBuffer_New`). */
  | { readonly new: unknown }
  /** The case's base object. */
  | { readonly base: true }
  | PlainSpec;

/** A slice key, `slice(start, stop, step)`. */
export interface SliceKey {
  readonly slice: readonly [unknown, unknown, unknown];
}

/** An operation on the buffer a case makes. */
export type Op =
  | readonly ["len"]
  | readonly ["str"]
  /** `b[key]`: an index, or a {@link SliceKey}. */
  | readonly ["get", unknown]
  | readonly ["slice", unknown, unknown, unknown]
  | readonly ["set", unknown, Spec]
  | readonly ["concat", Spec]
  | readonly ["repeat", unknown]
  | readonly ["compare", Spec]
  | readonly ["hash"]
  | readonly ["repr"]
  /** The bytes the buffer exports for a request with these flags (`buffer_getbuffer`). */
  | readonly ["export", number];

/** A change made to the base between making the buffer and the operation. */
export type Mutation =
  /** `ArrayBuffer.prototype.resize(n)`. */
  | readonly ["resize", number]
  /** `bytearray.append(v)`. */
  | readonly ["append", number]
  /** Writes byte `v` at `i` of a TestExporter's memory. */
  | readonly ["poke", number, number];

/** What a case expects. */
export interface Expect {
  /** The result: a latin-1 string for bytes, a number for `len` and `compare` (its sign). */
  readonly value?: string | number | null;
  /** The error: its name and 2.7's message. */
  readonly error?: readonly [string, string];
  /** A pattern the repr matches. */
  readonly repr?: RegExp;
  /** `concat` returns its very operand. */
  readonly same?: true;
}

/** One case of the table. */
export interface BufferCase {
  readonly id: string;
  /** Where 2.7 says so. */
  readonly source: string;
  readonly base?: Spec;
  readonly make: Spec;
  readonly then?: readonly Mutation[];
  /** The operation; none checks the construction only (its error, or `str`). */
  readonly do?: Op;
  readonly expect: Expect;
  /** The base's bytes afterwards. */
  readonly after?: string;
  /** The buffer's own bytes afterwards. */
  readonly self?: string;
}

const ERR_OFFSET = ["ValueError", "offset must be zero or positive"] as const;
const ERR_SIZE = ["ValueError", "size must be zero or positive"] as const;
const ERR_RO = ["TypeError", "buffer is read-only"] as const;
const ERR_BADARG = ["TypeError", "bad argument type for built-in operation"] as const;
const ERR_NOT_BUFFER = ["TypeError", "buffer object expected"] as const;
const ERR_FLOAT = ["TypeError", "integer argument expected, got float"] as const;
const ERR_NOT_INT = ["TypeError", "an integer is required"] as const;
const ERR_LONG = ["OverflowError", "Python int too large to convert to C long"] as const;
const ERR_INDEX = ["IndexError", "buffer index out of range"] as const;
const ERR_ASSIGN_INDEX = ["IndexError", "buffer assignment index out of range"] as const;
const ERR_FIT = ["IndexError", "cannot fit 'long' into an index-sized integer"] as const;
const ERR_SEGMENT = ["TypeError", "single-segment buffer object expected"] as const;
const ERR_GONE = ["ValueError", "gone"] as const;
const ERR_NO_TYPE = ["TypeError", "no buffer type not available"] as const;
const ERR_SINGLE = ["TypeError", "right operand must be a single byte"] as const;
const ERR_SLICE_LEN = ["TypeError", "right operand length must match slice length"] as const;
const ERR_STEP = ["ValueError", "slice step cannot be zero"] as const;

const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);
const ASDF = { bytes: "asdf" } as const;
const buf = (...args: unknown[]): Spec => ({ buffer: args });
const rw = (...args: unknown[]): Spec => ({ rw: args });
const v = (value: unknown): PlainSpec => ({ value });
/** A writable buffer over a read-only one: 2.7 composes it onto the `str`, whose write buffer does not exist. */
const RW_OVER_STR = rw(buf(ASDF));
const ADDR = "0x[0-9a-fA-F]+";
const reprFor = (status: string, size: number, offset: number): RegExp =>
  new RegExp(`^<${status} buffer for ${ADDR}, size ${size}, offset ${offset} at ${ADDR}>$`);

/** buffer_new (`PyArg_ParseTuple(args, "O|nn:buffer", …)`), PyBuffer_FromObject, buffer_from_object, buffer_from_memory. */
// biome-ignore format: a table, one row per line
const construction: BufferCase[] = [
  { id: "buffer() with no object", source: "buffer_new; getargs.c vgetargs1", make: buf(), expect: { error: ["TypeError", "buffer() takes at least 1 argument (0 given)"] } },
  { id: "buffer(5)", source: "PyBuffer_FromObject", make: buf(v(5)), expect: { error: ERR_NOT_BUFFER } },
  { id: "buffer(None)", source: "PyBuffer_FromObject; test_types.py test_buffers", make: buf(v(null)), expect: { error: ERR_NOT_BUFFER } },
  { id: "buffer of a plain object", source: "PyBuffer_FromObject", make: buf(v({})), expect: { error: ERR_NOT_BUFFER } },
  { id: "negative offset", source: "buffer_from_object", make: buf(ASDF, -1), expect: { error: ERR_OFFSET } },
  { id: "negative size", source: "buffer_from_memory", make: buf(ASDF, 0, -2), expect: { error: ERR_SIZE } },
  { id: "negative offset and size: the offset is checked first", source: "buffer_from_object before buffer_from_memory", make: buf(ASDF, -1, -2), expect: { error: ERR_OFFSET } },
  { id: "size 0", source: "buffer_from_memory (0 is allowed)", make: buf(ASDF, 0, 0), do: ["len"], expect: { value: 0 } },
  { id: "size -1 is to the end", source: "buffer_from_memory, get_buf (Py_END_OF_BUFFER)", make: buf(ASDF, 1, -1), do: ["str"], expect: { value: "sdf" } },
  { id: "offset past the end", source: "get_buf (offset = count)", make: buf(ASDF, 10), do: ["len"], expect: { value: 0 } },
  { id: "offset at the end", source: "get_buf", make: buf(ASDF, 4), do: ["str"], expect: { value: "" } },
  { id: "size clamped to the base", source: "get_buf (size = count - offset)", make: buf(ASDF, 2, 100), do: ["str"], expect: { value: "df" } },
  { id: "float offset", source: "getargs.c 'n' -> 'l': float_argument_error", make: buf(ASDF, 1.5), expect: { error: ERR_FLOAT } },
  { id: "float size", source: "getargs.c float_argument_error", make: buf(ASDF, 0, 2.5), expect: { error: ERR_FLOAT } },
  { id: "NaN offset", source: "getargs.c float_argument_error", make: buf(ASDF, Number.NaN), expect: { error: ERR_FLOAT } },
  { id: "str offset", source: "intobject.c PyInt_AsLong", make: buf(ASDF, "1"), expect: { error: ERR_NOT_INT } },
  { id: "None offset", source: "intobject.c PyInt_AsLong", make: buf(ASDF, null), expect: { error: ERR_NOT_INT } },
  { id: "None size", source: "intobject.c PyInt_AsLong", make: buf(ASDF, 0, null), expect: { error: ERR_NOT_INT } },
  { id: "bool offset is an int", source: "PyInt_AsLong (bool is an int)", make: buf(ASDF, true), do: ["str"], expect: { value: "sdf" } },
  { id: "bool offset and size", source: "PyInt_AsLong", make: buf(ASDF, false, true), do: ["str"], expect: { value: "a" } },
  { id: "bigint offset and size", source: "PyInt_AsLong", make: buf(ASDF, 1n, 2n), do: ["str"], expect: { value: "sd" } },
  { id: "offset 2**63 overflows", source: "longobject.c PyLong_AsLong", make: buf(ASDF, 2n ** 63n), expect: { error: ERR_LONG } },
  { id: "offset 2**63 as a number overflows", source: "longobject.c PyLong_AsLong", make: buf(ASDF, 2 ** 63), expect: { error: ERR_LONG } },
  { id: "size 2**63 overflows", source: "longobject.c PyLong_AsLong", make: buf(ASDF, 0, 2n ** 63n), expect: { error: ERR_LONG } },
  { id: "offset -2**63-1 overflows", source: "longobject.c PyLong_AsLong", make: buf(ASDF, MIN - 1n), expect: { error: ERR_LONG } },
  { id: "offset -2**63 fits, and is negative", source: "buffer_from_object", make: buf(ASDF, MIN), expect: { error: ERR_OFFSET } },
  { id: "size -2**63 fits, and is negative", source: "buffer_from_memory", make: buf(ASDF, 0, MIN), expect: { error: ERR_SIZE } },
  { id: "offset 2**63-1 fits", source: "get_buf", make: buf(ASDF, MAX), do: ["len"], expect: { value: 0 } },
  { id: "size 2**63-1 fits", source: "get_buf", make: buf(ASDF, 0, MAX), do: ["str"], expect: { value: "asdf" } },
  { id: "huge offset and size", source: "test_buffer.py test_large_buffer_size_and_offset", make: buf({ bytearray: "hola mundo" }, MAX, MAX), do: ["slice", null, 4096, null], expect: { value: "" } },
  { id: "fromReadWriteObject of a read-only object", source: "PyBuffer_FromReadWriteObject", make: rw(ASDF), expect: { error: ERR_NOT_BUFFER } },
  { id: "fromReadWriteObject of a read-only exporter", source: "PyBuffer_FromReadWriteObject", make: rw({ exporter: "ab" }), expect: { error: ERR_NOT_BUFFER } },
  { id: "fromReadWriteObject(5)", source: "PyBuffer_FromReadWriteObject", make: rw(v(5)), expect: { error: ERR_NOT_BUFFER } },
  { id: "fromReadWriteObject, negative offset", source: "buffer_from_object", make: rw({ bytearray: "ab" }, -1), expect: { error: ERR_OFFSET } },
  { id: "fromReadWriteObject, negative size", source: "buffer_from_memory", make: rw({ bytearray: "ab" }, 0, -2), expect: { error: ERR_SIZE } },
  { id: "fromReadWriteObject, float offset", source: "getargs.c float_argument_error", make: rw({ bytearray: "ab" }, 0.5), expect: { error: ERR_FLOAT } },
  { id: "fromReadWriteObject, window", source: "buffer_from_object", make: rw({ bytearray: "abcd" }, 1, 2), do: ["str"], expect: { value: "bc" } },
  { id: "fromReadWriteObject of a buffer is allowed (buffer has bf_getwritebuffer)", source: "PyBuffer_FromReadWriteObject", make: rw({ new: 2 }), do: ["str"], expect: { value: "\x00\x00" } },
  { id: "new(-1)", source: "PyBuffer_New", make: { new: -1 }, expect: { error: ERR_SIZE } },
  { id: "new(0)", source: "PyBuffer_New", make: { new: 0 }, do: ["len"], expect: { value: 0 } },
  { id: "new(3) is zeroed", source: "PyBuffer_New", make: { new: 3 }, do: ["str"], expect: { value: "\x00\x00\x00" } },
  { id: "new(1.5)", source: "float_argument_error", make: { new: 1.5 }, expect: { error: ERR_FLOAT } },
  { id: "new(2**63)", source: "PyLong_AsLong", make: { new: 2n ** 63n }, expect: { error: ERR_LONG } },
];

/** buffer_from_object: a buffer of a buffer refers to the base object, its offset and size composed. */
// biome-ignore format: a table, one row per line
const composition: BufferCase[] = [
  { id: "buffer of a buffer", source: "buffer_from_object; test_types.py", make: buf(buf(ASDF)), do: ["repr"], expect: { repr: reprFor("read-only", -1, 0) } },
  { id: "buffer of a buffer, offset", source: "buffer_from_object", make: buf(buf(ASDF), 2), do: ["str"], expect: { value: "df" } },
  { id: "buffer of a buffer, offset (repr)", source: "buffer_from_object", make: buf(buf(ASDF), 2), do: ["repr"], expect: { repr: reprFor("read-only", -1, 2) } },
  { id: "buffer of a buffer, size", source: "test_types.py", make: buf(buf(ASDF), 0, 2), do: ["str"], expect: { value: "as" } },
  { id: "buffer of a buffer, offset and size", source: "test_types.py", make: buf(buf(ASDF), 1, 2), do: ["str"], expect: { value: "sd" } },
  { id: "negative offset on a buffer", source: "buffer_from_object; test_types.py", make: buf(buf(ASDF, 1), -1), expect: { error: ERR_OFFSET } },
  { id: "offsets add up", source: "buffer_from_object (offset += b_offset)", make: buf(buf(ASDF, 1), 1), do: ["repr"], expect: { repr: reprFor("read-only", -1, 2) } },
  { id: "offsets add up (bytes)", source: "buffer_from_object", make: buf(buf(ASDF, 1), 1), do: ["str"], expect: { value: "df" } },
  { id: "three levels", source: "buffer_from_object", make: buf(buf(buf(ASDF, 1), 1), 1), do: ["repr"], expect: { repr: reprFor("read-only", -1, 3) } },
  { id: "inner size, offset 0", source: "buffer_from_object; test_types.py", make: buf(buf(ASDF, 0, 2), 0), do: ["repr"], expect: { repr: reprFor("read-only", 2, 0) } },
  { id: "inner size, size past it", source: "buffer_from_object (size > base_size); test_types.py", make: buf(buf(ASDF, 0, 2), 0, 5000), do: ["repr"], expect: { repr: reprFor("read-only", 2, 0) } },
  { id: "inner size, size past it (bytes)", source: "test_types.py", make: buf(buf(ASDF, 0, 2), 0, 5000), do: ["str"], expect: { value: "as" } },
  { id: "inner size, size -1", source: "buffer_from_object (Py_END_OF_BUFFER); test_types.py", make: buf(buf(ASDF, 0, 2), 0, -1), do: ["repr"], expect: { repr: reprFor("read-only", 2, 0) } },
  { id: "inner size, offset and size", source: "test_types.py", make: buf(buf(ASDF, 0, 2), 1, 2), do: ["repr"], expect: { repr: reprFor("read-only", 1, 1) } },
  { id: "inner size, offset and size (bytes)", source: "test_types.py", make: buf(buf(ASDF, 0, 2), 1, 2), do: ["str"], expect: { value: "s" } },
  { id: "inner size, smaller size kept", source: "buffer_from_object", make: buf(buf(ASDF, 1, 3), 1, 1), do: ["repr"], expect: { repr: reprFor("read-only", 1, 2) } },
  { id: "inner size, smaller size kept (bytes)", source: "buffer_from_object", make: buf(buf(ASDF, 1, 3), 1, 1), do: ["str"], expect: { value: "d" } },
  { id: "inner size, offset past it", source: "buffer_from_object (base_size < 0 -> 0)", make: buf(buf(ASDF, 0, 2), 5), do: ["repr"], expect: { repr: reprFor("read-only", 0, 5) } },
  { id: "inner size, offset past it (bytes)", source: "buffer_from_object", make: buf(buf(ASDF, 0, 2), 5), do: ["str"], expect: { value: "" } },
  { id: "inner size -1: the outer size stays", source: "buffer_from_object", make: buf(buf(ASDF, 1), 1, 2), do: ["repr"], expect: { repr: reprFor("read-only", 2, 2) } },
  { id: "the composed size outlives the base's growth", source: "buffer_from_object, get_buf", base: { bytearray: "abcd" }, make: buf(buf({ base: true }, 0, 4), 1), then: [["append", 101], ["append", 102]], do: ["str"], expect: { value: "bcd" } },
  { id: "a buffer of buffer.new is not composed", source: "buffer_from_object (b_base is NULL)", make: buf({ new: 4 }, 1), do: ["repr"], expect: { repr: reprFor("read-only", -1, 1) } },
  { id: "a buffer of buffer.new reads it", source: "get_buf (bf_getreadbuffer of the buffer)", make: buf({ new: 4 }, 1, 2), do: ["str"], expect: { value: "\x00\x00" } },
  { id: "a read-only buffer of a writable one stays read-only", source: "buffer_from_object (readonly = 1)", make: buf(rw({ bytearray: "ab" })), do: ["set", 0, { bytes: "x" }], expect: { error: ERR_RO } },
  { id: "a writable buffer of a read-only buffer of a bytearray writes the bytearray", source: "PyBuffer_FromReadWriteObject, buffer_from_object", base: { bytearray: "abc" }, make: rw(buf({ base: true }), 1), do: ["set", 1, { bytes: "Z" }], expect: { value: null }, after: "abZ" },
  { id: "a writable buffer of buffer.new writes into it", source: "get_buf (bf_getwritebuffer of the buffer)", base: { new: 4 }, make: rw({ base: true }, 1, 2), do: ["set", 1, { bytes: "Q" }], expect: { value: null }, after: "\x00\x00Q\x00" },
  { id: "a writable buffer of a read-only buffer: length", source: "get_buf (ANY_BUFFER, writable: the str has no write buffer)", make: RW_OVER_STR, do: ["len"], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: str", source: "buffer_str, get_buf", make: RW_OVER_STR, do: ["str"], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: item", source: "buffer_subscript, get_buf", make: RW_OVER_STR, do: ["get", 0], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: slice", source: "buffer_subscript, get_buf", make: RW_OVER_STR, do: ["slice", 0, 2, null], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: repeat", source: "buffer_repeat, get_buf", make: RW_OVER_STR, do: ["repeat", 2], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: concat", source: "buffer_concat, get_buf", make: RW_OVER_STR, do: ["concat", { bytes: "xy" }], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: compare", source: "buffer_compare, get_buf", make: RW_OVER_STR, do: ["compare", buf(ASDF)], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: item assignment", source: "buffer_ass_subscript, get_buf", make: RW_OVER_STR, do: ["set", 0, { bytes: "x" }], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: export", source: "buffer_getbuffer, get_buf", make: RW_OVER_STR, do: ["export", 0], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer: slice assignment", source: "buffer_ass_subscript, get_buf (ANY_BUFFER asks the write buffer)", make: RW_OVER_STR, do: ["set", { slice: [0, 2, null] }, { bytes: "xy" }], expect: { error: ERR_NO_TYPE } },
  { id: "a writable buffer of a read-only buffer as a concat operand", source: "buffer_concat (bf_getsegcount of the operand fails: get_buf ANY_BUFFER; its error replaced)", make: buf(ASDF), do: ["concat", RW_OVER_STR], expect: { error: ERR_SEGMENT } },
  { id: "a writable buffer of a read-only buffer assigned", source: "buffer_ass_subscript (bf_getsegcount of the value fails; its error replaced)", make: { new: 4 }, do: ["set", { slice: [0, 4, null] }, RW_OVER_STR], expect: { error: ERR_SEGMENT } },
  { id: "a writable buffer of a read-only buffer assigned to an item", source: "buffer_ass_subscript (bf_getsegcount of the value fails; its error replaced)", make: { new: 4 }, do: ["set", 0, RW_OVER_STR], expect: { error: ERR_SEGMENT } },
  { id: "a writable buffer of a read-only buffer compared", source: "buffer_compare, get_buf of the other", make: buf(ASDF), do: ["compare", RW_OVER_STR], expect: { error: ERR_NO_TYPE } },
];

/** get_buf over every kind of base the contract gives (the base's contiguous export is its one segment). */
// biome-ignore format: a table, one row per line
const bases: BufferCase[] = [
  { id: "bytes", source: "get_buf", make: buf({ bytes: "abcd" }, 1, 2), do: ["str"], expect: { value: "bc" } },
  { id: "bytearray", source: "get_buf", make: buf({ bytearray: "abcd" }, 1), do: ["str"], expect: { value: "bcd" } },
  { id: "array('B')", source: "get_buf", make: buf({ array: ["B", [97, 98, 99]] }), do: ["str"], expect: { value: "abc" } },
  { id: "array('H'): its bytes", source: "get_buf", make: buf({ array: ["H", [0x0101, 0x0202]] }), do: ["str"], expect: { value: "\x01\x01\x02\x02" } },
  { id: "array('d'): its bytes (an array has a read buffer, if no char buffer)", source: "get_buf (READ_BUFFER / ANY_BUFFER)", make: buf({ array: ["d", [0]] }), do: ["str"], expect: { value: "\x00".repeat(8) } },
  { id: "array('b') window", source: "get_buf", make: buf({ array: ["b", [1, 2, 3, 4]] }, 1, 2), do: ["str"], expect: { value: "\x02\x03" } },
  { id: "TestExporter", source: "get_buf", make: buf({ exporter: "hello" }, 1, 3), do: ["str"], expect: { value: "ell" } },
  { id: "TestExporter whose export starts into its memory", source: "get_buf", make: buf({ exporter: "xxhello", offset: 2, shape: [5] }), do: ["str"], expect: { value: "hello" } },
  { id: "TestExporter, 2-D C-contiguous", source: "get_buf", make: buf({ exporter: "abcdef", shape: [2, 3] }, 2), do: ["str"], expect: { value: "cdef" } },
  { id: "strided TestExporter: made, then refused on access", source: "get_buf (bf_getsegcount != 1)", make: buf({ strided: "abcdef" }), do: ["len"], expect: { error: ERR_SEGMENT } },
  { id: "strided TestExporter: str", source: "get_buf (bf_getsegcount != 1)", make: buf({ strided: "abcdef" }, 1), do: ["str"], expect: { error: ERR_SEGMENT } },
  { id: "memoryview", source: "get_buf", make: buf({ memoryview: { bytes: "abcd" } }, 2), do: ["str"], expect: { value: "cd" } },
  { id: "memoryview with a step: not one segment", source: "get_buf (bf_getsegcount != 1)", make: buf({ memoryview: { bytes: "abcd" }, step: 2 }), do: ["str"], expect: { error: ERR_SEGMENT } },
  { id: "an exporter raising an error of its own: it comes through", source: "get_buf ((*proc)(...) < 0 returns the proc's error)", make: buf({ raising: true }), do: ["str"], expect: { error: ERR_GONE } },
  { id: "an exporter raising an error of its own: length", source: "buffer_length, get_buf", make: buf({ raising: true }, 1), do: ["len"], expect: { error: ERR_GONE } },
  { id: "Uint8Array", source: "get_buf", make: buf({ typed: "Uint8Array", items: [1, 2, 3] }, 1), do: ["str"], expect: { value: "\x02\x03" } },
  { id: "Uint8Array view into a larger buffer", source: "get_buf", make: buf({ u8: "xxabcdyy", at: 2, length: 4 }, 1, 2), do: ["str"], expect: { value: "bc" } },
  { id: "Int8Array", source: "get_buf", make: buf({ typed: "Int8Array", items: [-1, 1] }), do: ["str"], expect: { value: "\xff\x01" } },
  { id: "Uint16Array: its bytes", source: "get_buf", make: buf({ typed: "Uint16Array", items: [0x0101, 0x0202] }), do: ["len"], expect: { value: 4 } },
  { id: "Float64Array: its bytes", source: "get_buf", make: buf({ typed: "Float64Array", items: [0] }), do: ["str"], expect: { value: "\x00".repeat(8) } },
  { id: "BigInt64Array: its bytes", source: "get_buf", make: buf({ typed: "BigInt64Array", items: [0n, 0n] }, 4), do: ["len"], expect: { value: 12 } },
  { id: "ArrayBuffer", source: "get_buf", make: buf({ arrayBuffer: "abcd" }, 3), do: ["str"], expect: { value: "d" } },
  { id: "DataView", source: "get_buf", make: buf({ dataView: "abcdef", at: 1, length: 4 }, 1), do: ["str"], expect: { value: "cde" } },
  { id: "buffer.new", source: "get_buf (b_base NULL: b_ptr, b_size)", make: buf({ new: 2 }), do: ["str"], expect: { value: "\x00\x00" } },
];

/** get_buf asks the base again on every access: a base that shrinks or grows changes the window. */
// biome-ignore format: a table, one row per line
const rereading: BufferCase[] = [
  { id: "the base shrinks into the window", source: "get_buf (size = count - offset)", base: { arrayBuffer: "abcdefgh", max: 16 }, make: buf({ base: true }, 2, 4), then: [["resize", 5]], do: ["str"], expect: { value: "cde" } },
  { id: "the base shrinks to the offset", source: "get_buf", base: { arrayBuffer: "abcdefgh", max: 16 }, make: buf({ base: true }, 2, 4), then: [["resize", 2]], do: ["len"], expect: { value: 0 } },
  { id: "the base shrinks below the offset", source: "get_buf (offset = count)", base: { arrayBuffer: "abcdefgh", max: 16 }, make: buf({ base: true }, 4), then: [["resize", 1]], do: ["str"], expect: { value: "" } },
  { id: "an item past the shrunk base", source: "get_buf, buffer_item_impl", base: { arrayBuffer: "abcdefgh", max: 16 }, make: buf({ base: true }, 2, 4), then: [["resize", 5]], do: ["get", 3], expect: { error: ERR_INDEX } },
  { id: "a negative item counts from the shrunk end", source: "buffer_subscript (i += size)", base: { arrayBuffer: "abcdefgh", max: 16 }, make: buf({ base: true }, 2, 4), then: [["resize", 5]], do: ["get", -1], expect: { value: "e" } },
  { id: "a slice of the shrunk base", source: "buffer_subscript", base: { arrayBuffer: "abcdefgh", max: 16 }, make: buf({ base: true }, 2), then: [["resize", 6]], do: ["slice", null, null, -1], expect: { value: "fedc" } },
  { id: "the base grows: size -1 follows it", source: "get_buf (Py_END_OF_BUFFER: size = count)", base: { arrayBuffer: "abcd", max: 16 }, make: buf({ base: true }, 1), then: [["resize", 8]], do: ["len"], expect: { value: 7 } },
  { id: "the base grows: a fixed size does not", source: "get_buf", base: { arrayBuffer: "abcd", max: 16 }, make: buf({ base: true }, 1, 2), then: [["resize", 8]], do: ["str"], expect: { value: "bc" } },
  { id: "the bytearray grows", source: "get_buf", base: { bytearray: "ab" }, make: buf({ base: true }), then: [["append", 99]], do: ["str"], expect: { value: "abc" } },
  { id: "the base's bytes change", source: "get_buf", base: { exporter: "abcd", writable: true }, make: buf({ base: true }, 1), then: [["poke", 2, 0x5a]], do: ["str"], expect: { value: "bZd" } },
  { id: "a writable buffer's window shrinks too", source: "get_buf", base: { arrayBuffer: "abcdefgh", max: 16 }, make: rw({ base: true }, 2, 4), then: [["resize", 4]], do: ["set", 2, { bytes: "x" }], expect: { error: ERR_ASSIGN_INDEX } },
];

/** buffer_subscript with an index (PyNumber_AsSsize_t(item, PyExc_IndexError), buffer_item_impl). */
// biome-ignore format: a table, one row per line
const items: BufferCase[] = [
  { id: "item 0", source: "buffer_item_impl", make: buf(ASDF), do: ["get", 0], expect: { value: "a" } },
  { id: "last item", source: "buffer_item_impl", make: buf(ASDF), do: ["get", 3], expect: { value: "f" } },
  { id: "item -1", source: "buffer_subscript (i += size)", make: buf(ASDF), do: ["get", -1], expect: { value: "f" } },
  { id: "item -4", source: "buffer_subscript", make: buf(ASDF), do: ["get", -4], expect: { value: "a" } },
  { id: "item 4", source: "buffer_item_impl", make: buf(ASDF), do: ["get", 4], expect: { error: ERR_INDEX } },
  { id: "item -5", source: "buffer_item_impl", make: buf(ASDF), do: ["get", -5], expect: { error: ERR_INDEX } },
  { id: "item of an empty buffer", source: "buffer_item_impl", make: buf(ASDF, 4), do: ["get", 0], expect: { error: ERR_INDEX } },
  { id: "item of a window", source: "get_buf, buffer_item_impl", make: buf(ASDF, 1, 2), do: ["get", 1], expect: { value: "d" } },
  { id: "item past a window", source: "buffer_item_impl", make: buf(ASDF, 1, 2), do: ["get", 2], expect: { error: ERR_INDEX } },
  { id: "item true", source: "PyNumber_AsSsize_t (bool)", make: buf(ASDF), do: ["get", true], expect: { value: "s" } },
  { id: "item 2n", source: "PyNumber_AsSsize_t", make: buf(ASDF), do: ["get", 2n], expect: { value: "d" } },
  { id: "item 2**63-1 fits", source: "PyNumber_AsSsize_t, buffer_item_impl", make: buf(ASDF), do: ["get", MAX], expect: { error: ERR_INDEX } },
  { id: "item 2**63 does not fit", source: "abstract.c PyNumber_AsSsize_t", make: buf(ASDF), do: ["get", 2 ** 63], expect: { error: ERR_FIT } },
  { id: "item 2**64 does not fit", source: "abstract.c PyNumber_AsSsize_t", make: buf(ASDF), do: ["get", 2n ** 64n], expect: { error: ERR_FIT } },
  { id: "item -2**63 fits", source: "PyNumber_AsSsize_t, buffer_item_impl", make: buf(ASDF), do: ["get", -(2 ** 63)], expect: { error: ERR_INDEX } },
  { id: "item -2**64 does not fit", source: "abstract.c PyNumber_AsSsize_t", make: buf(ASDF), do: ["get", -(2 ** 64)], expect: { error: ERR_FIT } },
  { id: "item 'a'", source: "buffer_subscript", make: buf(ASDF), do: ["get", "a"], expect: { error: ["TypeError", "sequence index must be integer"] } },
  { id: "item 1.5", source: "buffer_subscript (a float has no __index__)", make: buf(ASDF), do: ["get", 1.5], expect: { error: ["TypeError", "sequence index must be integer"] } },
  { id: "item None", source: "buffer_subscript", make: buf(ASDF), do: ["get", null], expect: { error: ["TypeError", "sequence index must be integer"] } },
  { id: "a slice key", source: "buffer_subscript (PySlice_Check)", make: buf(ASDF), do: ["get", { slice: [1, 3, null] }], expect: { value: "sd" } },
  { id: "a slice key with a step", source: "buffer_subscript (step != 1)", make: buf(ASDF), do: ["get", { slice: [null, null, -1] }], expect: { value: "fdsa" } },
  { id: "a slice key of a window", source: "buffer_subscript, get_buf", make: buf(ASDF, 1, 2), do: ["get", { slice: [null, null, null] }], expect: { value: "sd" } },
];

/** buffer_subscript with a slice (_PySlice_Unpack, then get_buf, then _PySlice_AdjustIndices). */
// biome-ignore format: a table, one row per line
const slices: BufferCase[] = [
  { id: "slice", source: "buffer_subscript", make: buf(ASDF), do: ["slice", 1, 3, null], expect: { value: "sd" } },
  { id: "extended slice", source: "buffer_subscript (step != 1)", make: buf(ASDF), do: ["slice", null, null, -2], expect: { value: "fs" } },
  { id: "slice of a window", source: "buffer_subscript", make: buf(ASDF, 1, 2), do: ["slice", null, null, null], expect: { value: "sd" } },
  { id: "slice past the end", source: "_PySlice_AdjustIndices", make: buf(ASDF), do: ["slice", 2, 100, null], expect: { value: "df" } },
  { id: "empty slice", source: "buffer_subscript (slicelength <= 0)", make: buf(ASDF), do: ["slice", 3, 1, null], expect: { value: "" } },
  { id: "slice step 0", source: "sliceobject.c _PySlice_Unpack", make: buf(ASDF), do: ["slice", null, null, 0], expect: { error: ERR_STEP } },
  { id: "slice step 0 on an empty buffer", source: "_PySlice_Unpack before get_buf", make: buf(ASDF, 9), do: ["slice", null, null, 0], expect: { error: ERR_STEP } },
  { id: "slice with huge bounds", source: "_PySlice_Unpack (clamped to Py_ssize_t)", make: buf(ASDF), do: ["slice", -(2n ** 70n), 2n ** 70n, null], expect: { value: "asdf" } },
  { id: "slice with a huge negative step", source: "_PySlice_Unpack", make: buf(ASDF), do: ["slice", null, null, -(2n ** 70n)], expect: { value: "f" } },
];

/** buffer_ass_subscript: read-only first, then the value's buffer, then the key. */
// biome-ignore format: a table, one row per line
const assignment: BufferCase[] = [
  { id: "item assignment to a read-only buffer", source: "buffer_ass_subscript; test_types.py", make: buf(ASDF), do: ["set", 1, { bytes: "g" }], expect: { error: ERR_RO } },
  { id: "read-only comes before a bad value", source: "buffer_ass_subscript", make: buf(ASDF), do: ["set", 0, v(5)], expect: { error: ERR_RO } },
  { id: "read-only comes before a bad index", source: "buffer_ass_subscript", make: buf(ASDF), do: ["set", 99, { bytes: "x" }], expect: { error: ERR_RO } },
  { id: "slice assignment to a read-only buffer", source: "buffer_ass_subscript; test_types.py", make: buf(ASDF), do: ["set", { slice: [0, 1, null] }, { bytes: "g" }], expect: { error: ERR_RO } },
  { id: "item assignment", source: "buffer_ass_item_impl", make: { new: 4 }, do: ["set", 0, { bytes: "x" }], expect: { value: null }, self: "x\x00\x00\x00" },
  { id: "last item assignment", source: "buffer_ass_item_impl", make: { new: 4 }, do: ["set", 3, { bytes: "x" }], expect: { value: null }, self: "\x00\x00\x00x" },
  { id: "item -1 assignment", source: "buffer_ass_subscript (i += selfsize)", make: { new: 4 }, do: ["set", -1, { bytes: "x" }], expect: { value: null }, self: "\x00\x00\x00x" },
  { id: "item -4 assignment", source: "buffer_ass_subscript", make: { new: 4 }, do: ["set", -4, { bytes: "x" }], expect: { value: null }, self: "x\x00\x00\x00" },
  { id: "item 4 assignment", source: "buffer_ass_item_impl", make: { new: 4 }, do: ["set", 4, { bytes: "x" }], expect: { error: ERR_ASSIGN_INDEX } },
  { id: "item -5 assignment", source: "buffer_ass_item_impl", make: { new: 4 }, do: ["set", -5, { bytes: "x" }], expect: { error: ERR_ASSIGN_INDEX } },
  { id: "item 2**63 assignment", source: "PyNumber_AsSsize_t", make: { new: 4 }, do: ["set", 2 ** 63, { bytes: "x" }], expect: { error: ERR_FIT } },
  { id: "item assignment of two bytes", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 0, { bytes: "xy" }], expect: { error: ERR_SINGLE } },
  { id: "item assignment of no bytes", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 0, { bytes: "" }], expect: { error: ERR_SINGLE } },
  { id: "item assignment of two bytes out of range: the index first", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 9, { bytes: "xy" }], expect: { error: ERR_ASSIGN_INDEX } },
  { id: "item assignment of an array('H') item", source: "buffer_ass_item_impl (count != 1)", make: { new: 2 }, do: ["set", 0, { array: ["H", [0x4141]] }], expect: { error: ERR_SINGLE } },
  { id: "item assignment of no buffer", source: "buffer_ass_subscript", make: { new: 2 }, do: ["set", 0, v(1)], expect: { error: ERR_BADARG } },
  { id: "item assignment of None", source: "buffer_ass_subscript", make: { new: 2 }, do: ["set", 0, v(null)], expect: { error: ERR_BADARG } },
  { id: "the value is checked before the index", source: "buffer_ass_subscript", make: { new: 2 }, do: ["set", 9, v(1)], expect: { error: ERR_BADARG } },
  { id: "the value is checked before the key", source: "buffer_ass_subscript", make: { new: 2 }, do: ["set", "k", v(1)], expect: { error: ERR_BADARG } },
  { id: "a key that is no index", source: "buffer_ass_subscript", make: { new: 4 }, do: ["set", "k", { bytes: "x" }], expect: { error: ["TypeError", "buffer indices must be integers"] } },
  { id: "a float key", source: "buffer_ass_subscript", make: { new: 4 }, do: ["set", 1.5, { bytes: "x" }], expect: { error: ["TypeError", "buffer indices must be integers"] } },
  { id: "a value that is not one segment", source: "buffer_ass_subscript (bf_getsegcount)", make: { new: 4 }, do: ["set", 0, { strided: "abcd" }], expect: { error: ERR_SEGMENT } },
  { id: "item assignment of a bytearray", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 1, { bytearray: "q" }], expect: { value: null }, self: "\x00q" },
  { id: "item assignment of an array('B')", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 1, { array: ["B", [113]] }], expect: { value: null }, self: "\x00q" },
  { id: "item assignment of a Uint8Array", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 1, { typed: "Uint8Array", items: [113] }], expect: { value: null }, self: "\x00q" },
  { id: "item assignment of a TestExporter", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 1, { exporter: "q" }], expect: { value: null }, self: "\x00q" },
  { id: "slice assignment of a TestExporter", source: "buffer_ass_subscript", make: { new: 3 }, do: ["set", { slice: [1, null, null] }, { exporter: "pq" }], expect: { value: null }, self: "\x00pq" },
  { id: "item assignment of a memoryview", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 1, { memoryview: { bytes: "q" } }], expect: { value: null }, self: "\x00q" },
  { id: "item assignment of a buffer", source: "buffer_ass_item_impl (bf_getreadbuffer of a buffer)", make: { new: 2 }, do: ["set", 1, buf({ bytes: "pq" }, 1)], expect: { value: null }, self: "\x00q" },
  { id: "item assignment of buffer.new(1)", source: "buffer_ass_item_impl", make: { new: 2 }, do: ["set", 1, { new: 1 }], expect: { value: null }, self: "\x00\x00" },
  { id: "item assignment writes through to the base", source: "buffer_ass_item_impl, get_buf", base: { exporter: "abcd", writable: true }, make: rw({ base: true }, 1, 2), do: ["set", 1, { bytes: "Z" }], expect: { value: null }, after: "abZd" },
  { id: "item assignment through a Uint8Array base", source: "get_buf", base: { typed: "Uint8Array", items: [0, 0, 0] }, make: rw({ base: true }, 2), do: ["set", 0, { bytes: "\x07" }], expect: { value: null }, after: "\x00\x00\x07" },
  { id: "item assignment through an ArrayBuffer base", source: "get_buf", base: { arrayBuffer: "abc" }, make: rw({ base: true }), do: ["set", -1, { bytes: "C" }], expect: { value: null }, after: "abC" },
  { id: "item assignment through an array('B') base", source: "get_buf", base: { array: ["B", [1, 2]] }, make: rw({ base: true }), do: ["set", 0, { bytes: "\x09" }], expect: { value: null }, after: "\x09\x02" },
  { id: "slice assignment", source: "buffer_ass_subscript (step == 1)", make: { new: 4 }, do: ["set", { slice: [1, 3, null] }, { bytes: "xy" }], expect: { value: null }, self: "\x00xy\x00" },
  { id: "extended slice assignment", source: "buffer_ass_subscript (step != 1)", make: { new: 4 }, do: ["set", { slice: [null, null, 2] }, { bytes: "ab" }], expect: { value: null }, self: "a\x00b\x00" },
  { id: "reversed slice assignment", source: "buffer_ass_subscript (step != 1)", make: { new: 4 }, do: ["set", { slice: [null, null, -1] }, { bytes: "abcd" }], expect: { value: null }, self: "dcba" },
  { id: "negative-step slice assignment", source: "buffer_ass_subscript", make: { new: 5 }, do: ["set", { slice: [-1, 0, -2] }, { bytes: "xy" }], expect: { value: null }, self: "\x00\x00y\x00x" },
  { id: "slice assignment of the wrong length", source: "buffer_ass_subscript", make: { new: 4 }, do: ["set", { slice: [1, 3, null] }, { bytes: "xyz" }], expect: { error: ERR_SLICE_LEN } },
  { id: "extended slice assignment of the wrong length", source: "buffer_ass_subscript", make: { new: 4 }, do: ["set", { slice: [null, null, 2] }, { bytes: "abc" }], expect: { error: ERR_SLICE_LEN } },
  { id: "empty slice assignment", source: "buffer_ass_subscript (slicelength == 0)", make: { new: 2 }, do: ["set", { slice: [2, 1, null] }, { bytes: "" }], expect: { value: null }, self: "\x00\x00" },
  { id: "empty slice assignment of one byte", source: "buffer_ass_subscript", make: { new: 2 }, do: ["set", { slice: [5, 9, null] }, { bytes: "x" }], expect: { error: ERR_SLICE_LEN } },
  { id: "slice assignment, step 0", source: "_PySlice_Unpack", make: { new: 2 }, do: ["set", { slice: [null, null, 0] }, { bytes: "xy" }], expect: { error: ERR_STEP } },
  { id: "slice assignment of no buffer", source: "buffer_ass_subscript", make: { new: 2 }, do: ["set", { slice: [0, 1, null] }, v(5)], expect: { error: ERR_BADARG } },
  { id: "slice assignment leaves the bytes after the slice", source: "buffer_ass_subscript (memcpy of slicelength bytes)", base: { bytearray: "abcd" }, make: rw({ base: true }), do: ["set", { slice: [0, 2, null] }, { bytes: "XY" }], expect: { value: null }, after: "XYcd" },
  { id: "extended slice assignment leaves the bytes past its last item", source: "buffer_ass_subscript (slicelength items)", base: { bytearray: "abcdefg" }, make: rw({ base: true }), do: ["set", { slice: [0, 4, 2] }, { bytes: "XY" }], expect: { value: null }, after: "XbYdefg" },
  { id: "item assignment of undefined", source: "buffer_ass_subscript (PyErr_BadArgument)", make: { new: 2 }, do: ["set", 0, v(undefined)], expect: { error: ERR_BADARG } },
  { id: "item assignment of an exporter raising an error of its own", source: "buffer_ass_item_impl (bf_getreadbuffer's error)", make: { new: 2 }, do: ["set", 0, { raising: true }], expect: { error: ERR_GONE } },
  { id: "slice assignment through the base", source: "buffer_ass_subscript, get_buf", base: { bytearray: "abcdef" }, make: rw({ base: true }, 1, 4), do: ["set", { slice: [1, null, 2] }, { bytes: "XY" }], expect: { value: null }, after: "abXdYf" },
  { id: "slice assignment of an array('H')", source: "buffer_ass_subscript (bf_getreadbuffer: its bytes)", make: { new: 4 }, do: ["set", { slice: [1, 3, null] }, { array: ["H", [0x4141]] }], expect: { value: null }, self: "\x00AA\x00" },
  { id: "slice assignment of a read-only buffer, through a writable buffer of buffer.new", source: "buffer_ass_subscript", base: { new: 4 }, make: rw({ base: true }), do: ["set", { slice: [0, 2, null] }, buf({ bytes: "hi" })], expect: { value: null }, after: "hi\x00\x00" },
];

/** buffer_concat: the operand's buffer is checked, then the buffer is read; an empty buffer returns the operand. */
// biome-ignore format: a table, one row per line
const concatenation: BufferCase[] = [
  { id: "concat bytes", source: "buffer_concat", make: buf(ASDF), do: ["concat", { bytes: "xy" }], expect: { value: "asdfxy" } },
  { id: "concat a buffer", source: "buffer_concat; test_types.py", make: buf(ASDF), do: ["concat", buf({ bytes: "def" })], expect: { value: "asdfdef" } },
  { id: "concat a window", source: "buffer_concat", make: buf(ASDF, 1, 2), do: ["concat", buf({ bytes: "0123" }, 2)], expect: { value: "sd23" } },
  { id: "concat a bytearray", source: "buffer_concat", make: buf(ASDF), do: ["concat", { bytearray: "xy" }], expect: { value: "asdfxy" } },
  { id: "concat an array('H')", source: "buffer_concat (its bytes)", make: buf(ASDF), do: ["concat", { array: ["H", [0x4242]] }], expect: { value: "asdfBB" } },
  { id: "concat a TestExporter", source: "buffer_concat", make: buf(ASDF), do: ["concat", { exporter: "xy" }], expect: { value: "asdfxy" } },
  { id: "concat a memoryview", source: "buffer_concat", make: buf(ASDF), do: ["concat", { memoryview: { bytes: "xy" } }], expect: { value: "asdfxy" } },
  { id: "concat a Uint8Array", source: "buffer_concat", make: buf(ASDF), do: ["concat", { typed: "Uint8Array", items: [120] }], expect: { value: "asdfx" } },
  { id: "concat an ArrayBuffer", source: "buffer_concat", make: buf(ASDF), do: ["concat", { arrayBuffer: "z" }], expect: { value: "asdfz" } },
  { id: "concat buffer.new", source: "buffer_concat", make: buf(ASDF), do: ["concat", { new: 2 }], expect: { value: "asdf\x00\x00" } },
  { id: "concat a writable buffer", source: "buffer_concat", make: buf(ASDF), do: ["concat", rw({ bytearray: "xy" })], expect: { value: "asdfxy" } },
  { id: "a writable buffer concatenates", source: "buffer_concat", make: rw({ bytearray: "ab" }), do: ["concat", { bytes: "c" }], expect: { value: "abc" } },
  { id: "concat empty bytes", source: "buffer_concat", make: buf(ASDF), do: ["concat", { bytes: "" }], expect: { value: "asdf" } },
  { id: "concat no buffer", source: "buffer_concat (PyErr_BadArgument)", make: buf(ASDF), do: ["concat", v(5)], expect: { error: ERR_BADARG } },
  { id: "concat None", source: "buffer_concat", make: buf(ASDF), do: ["concat", v(null)], expect: { error: ERR_BADARG } },
  { id: "concat undefined", source: "buffer_concat (PyErr_BadArgument)", make: buf(ASDF), do: ["concat", v(undefined)], expect: { error: ERR_BADARG } },
  { id: "concat an exporter raising an error of its own", source: "buffer_concat (bf_getreadbuffer's error)", make: buf(ASDF), do: ["concat", { raising: true }], expect: { error: ERR_GONE } },
  { id: "concat a plain object", source: "buffer_concat", make: buf(ASDF), do: ["concat", v({})], expect: { error: ERR_BADARG } },
  { id: "concat something not one segment", source: "buffer_concat (bf_getsegcount != 1)", make: buf(ASDF), do: ["concat", { strided: "abcd" }], expect: { error: ERR_SEGMENT } },
  { id: "an empty buffer refuses no buffer", source: "buffer_concat (checked before get_buf)", make: buf(ASDF, 4), do: ["concat", v(5)], expect: { error: ERR_BADARG } },
  { id: "an empty buffer refuses something not one segment", source: "buffer_concat (checked before get_buf)", make: buf(ASDF, 4), do: ["concat", { memoryview: { bytes: "abcd" }, step: 2 }], expect: { error: ERR_SEGMENT } },
  { id: "an empty buffer returns its operand", source: "buffer_concat (size == 0)", make: buf(ASDF, 4), do: ["concat", { bytearray: "xy" }], expect: { same: true } },
  { id: "an empty window returns its operand", source: "buffer_concat (size == 0)", make: buf(ASDF, 1, 0), do: ["concat", { exporter: "xy" }], expect: { same: true } },
];

/** buffer_repeat, through the sequence protocol's `b * n` (a non-int count is refused before). */
// biome-ignore format: a table, one row per line
const repetition: BufferCase[] = [
  { id: "repeat 3", source: "buffer_repeat", make: buf({ bytes: "ab" }), do: ["repeat", 3], expect: { value: "ababab" } },
  { id: "repeat 1", source: "buffer_repeat", make: buf(ASDF), do: ["repeat", 1], expect: { value: "asdf" } },
  { id: "repeat 0", source: "buffer_repeat; test_types.py", make: buf(ASDF), do: ["repeat", 0], expect: { value: "" } },
  { id: "repeat -3", source: "buffer_repeat (count < 0 -> 0)", make: buf(ASDF), do: ["repeat", -3], expect: { value: "" } },
  { id: "repeat a window", source: "buffer_repeat, get_buf", make: buf(ASDF, 1, 2), do: ["repeat", 2], expect: { value: "sdsd" } },
  { id: "repeat true", source: "sequence_repeat (bool is an int)", make: buf(ASDF), do: ["repeat", true], expect: { value: "asdf" } },
  { id: "repeat 2n", source: "sequence_repeat", make: buf(ASDF), do: ["repeat", 2n], expect: { value: "asdfasdf" } },
  { id: "repeat a writable buffer", source: "buffer_repeat", make: rw({ bytearray: "xy" }), do: ["repeat", 2], expect: { value: "xyxy" } },
  { id: "repeat 1.5", source: "abstract.c sequence_repeat", make: buf(ASDF), do: ["repeat", 1.5], expect: { error: ["TypeError", "can't multiply sequence by non-int of type 'float'"] } },
  { id: "repeat None", source: "abstract.c sequence_repeat", make: buf(ASDF), do: ["repeat", null], expect: { error: ["TypeError", "can't multiply sequence by non-int of type 'NoneType'"] } },
  { id: "repeat a buffer", source: "abstract.c sequence_repeat", make: buf(ASDF), do: ["repeat", buf(ASDF)], expect: { error: ["TypeError", "can't multiply sequence by non-int of type 'buffer'"] } },
];

/** buffer_compare: memcmp of the common length (unsigned bytes), then the lengths. */
// biome-ignore format: a table, one row per line
const comparison: BufferCase[] = [
  { id: "compare abc, def", source: "buffer_compare; test_types.py", make: buf({ bytes: "abc" }), do: ["compare", buf({ bytes: "def" })], expect: { value: -1 } },
  { id: "compare def, abc", source: "buffer_compare", make: buf({ bytes: "def" }), do: ["compare", buf({ bytes: "abc" })], expect: { value: 1 } },
  { id: "compare equal", source: "buffer_compare", make: buf({ bytes: "ab" }), do: ["compare", buf({ bytearray: "ab" })], expect: { value: 0 } },
  { id: "compare, shorter first", source: "buffer_compare (lengths)", make: buf({ bytes: "ab" }), do: ["compare", buf({ bytes: "abc" })], expect: { value: -1 } },
  { id: "compare, longer first", source: "buffer_compare (lengths)", make: buf({ bytes: "abc" }), do: ["compare", buf({ bytes: "ab" })], expect: { value: 1 } },
  { id: "compare, bytes before lengths", source: "buffer_compare (memcmp)", make: buf({ bytes: "b" }), do: ["compare", buf({ bytes: "abc" })], expect: { value: 1 } },
  { id: "compare, bytes are unsigned", source: "buffer_compare (memcmp)", make: buf({ bytes: "\x80" }), do: ["compare", buf({ bytes: "\x7f" })], expect: { value: 1 } },
  { id: "compare, the last byte decides", source: "buffer_compare (memcmp)", make: buf({ bytes: "abcd" }), do: ["compare", buf({ bytes: "abce" })], expect: { value: -1 } },
  { id: "compare two empty buffers", source: "buffer_compare (min_len 0)", make: buf(ASDF, 4), do: ["compare", buf({ bytes: "" })], expect: { value: 0 } },
  { id: "compare empty, non-empty", source: "buffer_compare", make: buf(ASDF, 4), do: ["compare", buf({ bytes: "\x00" })], expect: { value: -1 } },
  { id: "compare windows", source: "buffer_compare, get_buf", make: buf(ASDF, 1), do: ["compare", buf({ bytes: "xsdf" }, 1)], expect: { value: 0 } },
  { id: "compare writable and read-only", source: "buffer_compare", make: { new: 2 }, do: ["compare", buf({ bytes: "\x00\x00" })], expect: { value: 0 } },
  { id: "compare across bases", source: "buffer_compare", make: buf({ typed: "Uint16Array", items: [0x6161] }), do: ["compare", buf({ array: ["B", [97, 97]] })], expect: { value: 0 } },
];

/** buffer_hash and buffer_repr: the refusals and the stable parts of the repr. */
// biome-ignore format: a table, one row per line
const hashAndRepr: BufferCase[] = [
  { id: "a writable buffer is not hashable", source: "buffer_hash", make: { new: 2 }, do: ["hash"], expect: { error: ["TypeError", "writable buffers are not hashable"] } },
  { id: "fromReadWriteObject is not hashable", source: "buffer_hash", make: rw({ bytearray: "ab" }), do: ["hash"], expect: { error: ["TypeError", "writable buffers are not hashable"] } },
  { id: "an empty writable buffer is not hashable", source: "buffer_hash (refused before get_buf)", make: { new: 0 }, do: ["hash"], expect: { error: ["TypeError", "writable buffers are not hashable"] } },
  { id: "repr", source: "buffer_repr", make: buf(ASDF), do: ["repr"], expect: { repr: reprFor("read-only", -1, 0) } },
  { id: "repr with offset and size", source: "buffer_repr", make: buf(ASDF, 1, 2), do: ["repr"], expect: { repr: reprFor("read-only", 2, 1) } },
  { id: "repr: the size as given, not as clamped", source: "buffer_repr (b_size)", make: buf(ASDF, 2, 100), do: ["repr"], expect: { repr: reprFor("read-only", 100, 2) } },
  { id: "repr of a read-write buffer", source: "buffer_repr", make: rw({ bytearray: "ab" }), do: ["repr"], expect: { repr: reprFor("read-write", -1, 0) } },
  { id: "repr of a read-write window", source: "buffer_repr", make: rw({ bytearray: "abc" }, 1, 1), do: ["repr"], expect: { repr: reprFor("read-write", 1, 1) } },
  { id: "repr of buffer.new", source: "buffer_repr (b_base NULL)", make: { new: 3 }, do: ["repr"], expect: { repr: new RegExp(`^<read-write buffer ptr ${ADDR}, size 3 at ${ADDR}>$`) } },
];

/** buffer_getbuffer: PyBuffer_FillInfo over get_buf's window. */
// biome-ignore format: a table, one row per line
const exports: BufferCase[] = [
  { id: "export", source: "buffer_getbuffer; test_buffer.py test_buffer_info", make: buf({ bytes: "hello world" }, 6), do: ["export", 0], expect: { value: "world" } },
  { id: "export with FULL_RO", source: "buffer_getbuffer", make: buf({ bytes: "hello" }, 1, 3), do: ["export", 0x11c], expect: { value: "ell" } },
  { id: "a read-only buffer refuses WRITABLE", source: "buffer_getbuffer, PyBuffer_FillInfo", make: buf(ASDF), do: ["export", 1], expect: { error: ["BufferError", "Object is not writable."] } },
  { id: "a writable buffer exports WRITABLE", source: "buffer_getbuffer", make: rw({ bytearray: "abc" }, 1), do: ["export", 1], expect: { value: "bc" } },
  { id: "buffer.new exports WRITABLE", source: "buffer_getbuffer", make: { new: 2 }, do: ["export", 0x11d], expect: { value: "\x00\x00" } },
  { id: "export of an empty window", source: "buffer_getbuffer", make: buf(ASDF, 9), do: ["export", 0], expect: { value: "" } },
  { id: "export over a base that is not one segment", source: "buffer_getbuffer, get_buf", make: buf({ strided: "abcd" }), do: ["export", 0], expect: { error: ERR_SEGMENT } },
];

/** Every case of the table, by section. */
export const LEGACY_BUFFER_CASES: readonly (readonly [string, readonly BufferCase[]])[] = [
  ["construction", construction],
  ["composition", composition],
  ["bases", bases],
  ["re-reading", rereading],
  ["items", items],
  ["slices", slices],
  ["assignment", assignment],
  ["concat", concatenation],
  ["repeat", repetition],
  ["compare", comparison],
  ["hash and repr", hashAndRepr],
  ["export", exports],
];
