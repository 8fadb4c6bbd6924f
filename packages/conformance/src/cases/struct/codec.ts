/**
 * The struct codec beyond the recorded cases: the compiled `Struct`, the
 * value mapping (8-byte integers are bigint, numbers accepted on the way
 * in), and seeded random formats and values checked against the suite's
 * own byte-by-byte model of Python's `struct`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt, outcome, showOutcome } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { golden } from "../../golden/golden-data.js";
import type { StructModuleLike } from "../../implementation.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER } from "../../protocol/symbols.js";
import { TestExporter } from "../../test-exporter/index.js";
import { isBigintField, modelLayout, readField, writeField, type ModelLayout } from "../../model/format-model.js";
import type { Prng } from "../../model/prng.js";
import { randomMemory } from "../exporter-fixtures.js";

// The random streams keep the group's old name, so a seed draws the same cases as before.
const STREAM = "struct-codec";

const NATIVE = "cbB?hHiIlLqQnNefdP";
const STANDARD = "cbB?hHiIlLqQefd";

/** A random flat format, native or standard. */
function randomFormat(rng: Prng): string {
  const prefix = rng.pick(["", "@", "=", "<", ">", "!"]);
  const chars = prefix === "" || prefix === "@" ? NATIVE : STANDARD;
  let format = prefix;
  for (let n = rng.int(1, 5); n > 0; n--) {
    const kind = rng.int(0, 9);
    if (kind === 0) format += `${rng.int(0, 5)}s`;
    else if (kind === 1) format += `${rng.int(1, 5)}p`;
    else if (kind === 2) format += `${rng.int(1, 3)}x`;
    else format += `${rng.pick(["", "", "", "2", "3"])}${chars[rng.int(0, chars.length - 1)]}`;
  }
  return format;
}

/** Values for every field of a layout, drawn from random bytes (so floats are exact), NaN avoided. */
function randomValues(rng: Prng, layout: ModelLayout): unknown[] {
  return layout.fields.map((field) => {
    for (;;) {
      const bytes = randomMemory(rng, field.char === "?" ? "?" : "B", layout.itemsize);
      const v = readField(bytes, 0, field);
      if (typeof v === "number" && Number.isNaN(v)) continue;
      if (field.char === "p" && v instanceof Uint8Array) return v.slice(0, Math.max(0, field.byteSize - 1));
      return v;
    }
  });
}

function modelPack(layout: ModelLayout, values: readonly unknown[]): Uint8Array {
  const out = new Uint8Array(layout.itemsize);
  layout.fields.forEach((field, k) => {
    writeField(out, 0, field, values[k]);
  });
  return out;
}

/** Random formats and values against the model. */
export function random(ctx: Context, struct: Partial<StructModuleLike>): void {
  const count = Math.round(2400 * ctx.scale);
  for (let i = 0; i < count; i++) {
    const rng = ctx.rng(`${STREAM}#${i}`);
    const format = randomFormat(rng);
    const layout = modelLayout(format);
    const values = randomValues(rng, layout);
    const direction = rng.pick(["pack", "unpack", "calcsize"] as const);
    const what = `#${i} ${direction}(${JSON.stringify(format)})`;
    ctx.test(`${what}`, () => {
      if (direction === "calcsize") {
        assertSameValue(
          attempt(() => struct.calcsize!(format), what),
          layout.itemsize,
          what,
        );
        return;
      }
      const bytes = modelPack(layout, values);
      if (direction === "pack") {
        // Integers go in as number or bigint, whatever their size (the contract's value mapping).
        const args = values.map((v, k) => {
          if (typeof v === "bigint" && isBigintField(layout.fields[k]!) && rng.chance(0.3) && v >= -(2n ** 53n) && v <= 2n ** 53n)
            return Number(v);
          if (typeof v === "number" && "bBhHiIlL".includes(layout.fields[k]!.char) && rng.chance(0.3)) return BigInt(v);
          return v;
        });
        assertSameValue(
          attempt(() => struct.pack!(format, ...args), what),
          bytes,
          what,
        );
      } else {
        assertSameValue(
          attempt(() => Array.from(struct.unpack!(format, bytes)), what),
          values,
          what,
        );
      }
    });
  }
}

/** The compiled Struct and the API around it. */
export function api(ctx: Context, struct: Partial<StructModuleLike>): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  if (typeof struct.Struct === "function") {
    t("Struct: format, size, and the same results as the functions", () => {
      const s = new struct.Struct!("<hxq");
      assertSameValue(s.format, "<hxq", "format");
      assertSameValue(s.size, 11, "size");
      const bytes = s.pack(-2, 5n);
      assertSameValue(bytes, struct.pack!("<hxq", -2, 5n), "pack()");
      assertSameValue(Array.from(s.unpack(bytes)), [-2, 5n], "unpack()");
      assertSameValue(Array.from(s.unpackFrom(Uint8Array.from([0, ...bytes]), 1)), [-2, 5n], "unpackFrom(buffer, 1)");
      const target = new Uint8Array(13);
      s.packInto(target, 2, 7, 9n);
      assertSameValue(target.slice(2), struct.pack!("<hxq", 7, 9n), "packInto(buffer, 2)");
      assertSameValue(
        [...s.iterUnpack(Uint8Array.from([...bytes, ...bytes]))].map((v) => Array.from(v)),
        [
          [-2, 5n],
          [-2, 5n],
        ],
        "iterUnpack()",
      );
    });
    t("Struct of a bad format throws StructError", () => {
      assertThrows(() => new struct.Struct!("<y"), { name: "StructError", message: "bad char in struct format" }, "Struct('<y')");
    });
  }
  t("values: 8-byte integers are bigint, '?' boolean, 'c' a 1-byte Uint8Array, 's' Uint8Array", () => {
    assertSameValue(
      Array.from(
        struct.unpack!(
          "<qQ?c3s",
          Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 1, 0, 0, 0, 0, 0, 0, 0, 1, 65, 97, 98, 99]),
        ),
      ),
      [-1n, 1n, true, Uint8Array.of(65), Uint8Array.of(97, 98, 99)],
      "unpack()",
    );
    assertSameValue(
      Array.from(struct.unpack!("@lLnNP", new Uint8Array(40))),
      [0n, 0n, 0n, 0n, 0n],
      "native l L n N P are 8 bytes",
    );
    assertSameValue(Array.from(struct.unpack!("<lL", new Uint8Array(8))), [0, 0], "standard l L are 4 bytes");
  });
  t("a format that is not a string throws TypeError", () => {
    assertThrows(() => struct.calcsize!(5 as unknown as string), { name: "TypeError" }, "calcsize(5)");
  });
  t("unpack reads any byte source: Uint8Array, ArrayBuffer, DataView", () => {
    const bytes = Uint8Array.from([1, 0, 2, 0]);
    assertSameValue(Array.from(struct.unpack!("<2h", bytes.buffer)), [1, 2], "ArrayBuffer");
    assertSameValue(Array.from(struct.unpack!("<2h", new DataView(bytes.buffer))), [1, 2], "DataView");
    assertSameValue(Array.from(struct.unpack!("<h", bytes.subarray(2))), [2], "a Uint8Array at an offset");
  });
  t("pack returns a plain Uint8Array", () => {
    const out = struct.pack!("<i", 1);
    assertSameValue(Object.getPrototypeOf(out) === Uint8Array.prototype, true, "plain Uint8Array");
  });
}

/**
 * The exact wording of integer range errors, CPython 3.14's: since gh-98248
 * (3.12) every integer row says `'<c>' format requires <lo> <= number <= <hi>`
 * (`_range_error` in `Modules/_struct.c`), in native and standard modes
 * alike; native `P` says "int too large to convert". (The golden cases come
 * from 3.11, whose wording differs, so they check only the name.)
 */
export function rangeMessages(ctx: Context, struct: Partial<StructModuleLike>): void {
  const sizes: Record<string, [number, number]> = {
    b: [1, 1],
    B: [1, 1],
    h: [2, 2],
    H: [2, 2],
    i: [4, 4],
    I: [4, 4],
    l: [8, 4],
    L: [8, 4],
    q: [8, 8],
    Q: [8, 8],
    n: [8, 0],
    N: [8, 0],
  };
  for (const prefix of ["", "@", "<", ">", "!", "="]) {
    const native = prefix === "" || prefix === "@";
    for (const [char, [nativeSize, standardSize]] of Object.entries(sizes)) {
      const size = native ? nativeSize : standardSize;
      if (size === 0) continue;
      const bits = BigInt(size * 8);
      const signed = char === char.toLowerCase();
      const lo = signed ? -(1n << (bits - 1n)) : 0n;
      const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
      const message = `'${char}' format requires ${lo} <= number <= ${hi}`;
      for (const value of [lo - 1n, hi + 1n]) {
        const arg = size === 8 || value > 2n ** 53n || value < -(2n ** 53n) ? value : Number(value);
        ctx.test(`pack(${JSON.stringify(prefix + char)}, ${value}) names the range`, () => {
          assertThrows(
            () => struct.pack!(prefix + char, arg),
            { name: "StructError", message },
            `pack('${prefix}${char}', ${value})`,
          );
        });
      }
    }
  }
  for (const value of [1n << 64n, -(1n << 63n) - 1n]) {
    ctx.test(`pack("P", ${value}) is too large to convert`, () => {
      assertThrows(
        () => struct.pack!("P", value),
        { name: "StructError", message: "int too large to convert" },
        `pack('P', ${value})`,
      );
    });
  }
}

/**
 * Structs over 32 and 64 bytes, whose pad bytes are zeroed in bulk: `pack`
 * and `pack_into` zero every pad byte (CPython `memset`s the struct first),
 * whatever was in the buffer or packed before, and write nothing outside
 * the struct.
 */
export function largeStructs(ctx: Context, struct: Partial<StructModuleLike>): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const expected = (pad: number) => Uint8Array.from([1, ...new Array<number>(pad).fill(0), 2]);
  t("pack: a struct of 72 bytes, and pad bytes after a previous pack", () => {
    assertSameValue(
      attempt(() => struct.pack!("<B70xB", 1, 2), "pack('<B70xB')"),
      expected(70),
      "pack('<B70xB', 1, 2)",
    );
    struct.pack!("<4B", 255, 255, 255, 255);
    assertSameValue(struct.pack!("<3xB", 1), Uint8Array.of(0, 0, 0, 1), "pack('<3xB', 1) after pack('<4B', 255, …)");
    struct.pack!("<40B", ...new Array<number>(40).fill(255));
    assertSameValue(struct.pack!("<B38xB", 1, 2), expected(38), "pack('<B38xB', 1, 2) after pack('<40B', 255, …)");
  });
  if (typeof struct.packInto !== "function") return;
  for (const pad of [3, 31, 40, 70]) {
    const format = `<B${pad}xB`;
    t(`packInto(${JSON.stringify(format)}) zeroes its pad bytes in a DataView at an offset`, () => {
      const memory = new Uint8Array(pad + 20).fill(0xff);
      struct.packInto!(format, new DataView(memory.buffer, 5, pad + 10), 3, 1, 2);
      const want = new Uint8Array(pad + 20).fill(0xff);
      want.set(expected(pad), 8);
      assertSameValue(memory, want, "the whole memory after packInto");
    });
    if (!ctx.supports.structArguments) continue;
    t(`packInto(${JSON.stringify(format)}) zeroes its pad bytes in an exporter`, () => {
      const x = new TestExporter(new Uint8Array(pad + 6).fill(0xff), { writable: true });
      struct.packInto!(format, x, 2, 1, 2);
      const want = new Uint8Array(pad + 6).fill(0xff);
      want.set(expected(pad), 2);
      assertSameValue(x.memory, want, "the exporter's memory after packInto");
    });
  }
}

/**
 * `repr(Struct(format))`, where the module's Struct has a `toString` of its
 * own: CPython 3.12's `Struct('<i')`, the format as Python's `repr` of a str
 * shows it (whitespace escaped).
 */
export function structRepr(ctx: Context, struct: Partial<StructModuleLike>): void {
  const Struct = struct.Struct;
  if (typeof Struct !== "function" || !Object.hasOwn(Struct.prototype, "toString")) return;
  // Expected strings from CPython: "Struct(" + repr(format) + ")".
  const cases: [string, string][] = [
    ["<i", "Struct('<i')"],
    ["\t2h\n", "Struct('\\t2h\\n')"],
    ["=\x0bq\x0c\r", "Struct('=\\x0bq\\x0c\\r')"],
  ];
  for (const [format, repr] of cases) {
    ctx.test(`String(new Struct(${JSON.stringify(format)})) is ${repr}`, () => {
      assertSameValue(String(new Struct(format)), repr, `String(new Struct(${JSON.stringify(format)}))`);
    });
  }
}

/** One way to call unpack_from and pack_into: the module's functions or a Struct's methods. */
interface StructCalls {
  readonly label: string;
  unpackFrom(format: string, buffer: unknown, offset: unknown): unknown[];
  packInto(format: string, buffer: unknown, offset: unknown, ...values: unknown[]): void;
}

function structCalls(struct: Partial<StructModuleLike>): StructCalls[] {
  const calls: StructCalls[] = [];
  if (struct.unpackFrom && struct.packInto) {
    calls.push({
      label: "struct",
      unpackFrom: (f, b, o) => struct.unpackFrom!(f, b, o as number),
      packInto: (f, b, o, ...v) => struct.packInto!(f, b, o as number, ...v),
    });
  }
  const Struct = struct.Struct;
  if (typeof Struct === "function") {
    calls.push({
      label: "Struct",
      unpackFrom: (f, b, o) => new Struct(f).unpackFrom(b, o as number),
      packInto: (f, b, o, ...v) => new Struct(f).packInto(b, o as number, ...v),
    });
  }
  return calls;
}

/**
 * The recorded offsets (`struct_offsets`: every kind, in range and not)
 * again, with the buffer an exporter (a test exporter, and a memoryview of
 * one): the same values, bytes and errors as over plain bytes, and the
 * export given back every time.
 */
export function exporterOffsets(ctx: Context, struct: Partial<StructModuleLike>): void {
  const data = () => Uint8Array.from([10, 11, 12, 13, 14, 15, 16, 17]);
  const buffers: [string, (x: TestExporter) => unknown][] = [["a test exporter", (x) => x]];
  if (ctx.has("memoryview")) buffers.push(["a memoryview of a test exporter", (x) => ctx.memoryview(x)]);
  for (const calls of structCalls(struct)) {
    for (const [label, wrap] of buffers) {
      golden().struct_offsets.forEach((c, i) => {
        const offset = decodeValue(c.offset);
        const what = `${calls.label} offset #${i} (${typeof offset === "bigint" ? `${offset}n` : String(offset)}) over ${label}`;
        ctx.test(`${what}`, () => {
          const x = new TestExporter(data(), { writable: true });
          const view = wrap(x);
          const read = outcome(() => Array.from(calls.unpackFrom("<2B", view, offset)));
          const wantRead = "error" in c.unpack_from ? { error: c.unpack_from.error } : { value: c.unpack_from.values };
          assertSameValue(showOutcome(read), showOutcome(wantRead), `${what}: unpackFrom('<2B')`);
          const wrote = outcome(() => calls.packInto("<B", view, offset, 99));
          const wantWrite = "error" in c.pack_into ? { error: c.pack_into.error } : { value: undefined };
          assertSameValue(showOutcome(wrote), showOutcome(wantWrite), `${what}: packInto('<B', …, 99)`);
          assertSameValue(x.memory, "error" in c.pack_into ? data() : fromHex(c.pack_into.bytes), `${what}: the bytes after`);
          (view as { release?: () => void }).release?.();
          assertSameValue(x.exports, 0, `${what}: exports left`);
        });
      });
    }
  }
}

/** What the exporter itself says when asked for `flags`. */
function refusalOf(x: TestExporter, flags: number): { name: string; message: string } {
  try {
    x[GET_BUFFER](flags);
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown };
    return { name: String(e.name), message: String(e.message) };
  }
  throw new Error("the test exporter answered a request it should refuse");
}

/**
 * Exporters struct cannot use: a read reads a contiguous buffer (a SIMPLE
 * request), so a strided exporter's own BufferError comes through; a write
 * needs a writable contiguous one, and any refusal reads as the `w*`
 * converter's TypeError, naming the exporter's type (CPython:
 * `struct.pack_into('<B', ndarray(…, strides=[2]), 0, 1)`: "argument must be
 * read-write bytes-like object, not ndarray"; a read-only or strided
 * memoryview: "… not memoryview").
 */
export function exporterRefusals(ctx: Context, struct: Partial<StructModuleLike>): void {
  const strided = (writable: boolean) => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [3], strides: [2], writable });
  const reads: [string, (x: unknown) => unknown][] = [];
  if (struct.unpack) reads.push(["unpack('<3B')", (x) => struct.unpack!("<3B", x)]);
  if (struct.unpackFrom) reads.push(["unpackFrom('<B')", (x) => struct.unpackFrom!("<B", x)]);
  if (struct.iterUnpack) reads.push(["iterUnpack('<B')", (x) => [...struct.iterUnpack!("<B", x)]]);
  const Struct = struct.Struct;
  if (typeof Struct === "function") {
    reads.push(["Struct('<3B').unpack", (x) => new Struct("<3B").unpack(x)]);
    reads.push(["Struct('<B').unpackFrom", (x) => new Struct("<B").unpackFrom(x, 1)]);
    reads.push(["Struct('<B').iterUnpack", (x) => [...new Struct("<B").iterUnpack(x)]]);
  }
  for (const [label, read] of reads) {
    ctx.test(`${label} of a strided exporter throws the exporter's BufferError`, () => {
      const x = strided(false);
      assertThrows(() => read(x), refusalOf(x, BufferFlags.SIMPLE), `${label} of a strided exporter`);
      assertSameValue(x.exports, 0, "exports left");
    });
    if (ctx.has("memoryview")) {
      ctx.test(`${label} of a strided memoryview throws BufferError`, () => {
        const m = ctx.memoryview(TestExporter.fromItems([1, 2, 3, 4, 5, 6])).get(ctx.slice(null, null, 2));
        const expected = { name: "BufferError", message: "memoryview: underlying buffer is not C-contiguous" };
        assertThrows(() => read(m), expected, `${label} of a strided memoryview`);
      });
    }
  }
  const writes: [string, (x: unknown) => unknown][] = [];
  if (struct.packInto) writes.push(["packInto('<B')", (x) => struct.packInto!("<B", x, 0, 1)]);
  if (typeof Struct === "function") writes.push(["Struct('<B').packInto", (x) => new Struct("<B").packInto(x, 0, 1)]);
  for (const [label, write] of writes) {
    for (const [what, make] of [
      ["a strided writable exporter", () => strided(true)],
      ["a read-only exporter", () => TestExporter.fromItems([1, 2, 3])],
    ] as const) {
      ctx.test(`${label} into ${what} throws the w* TypeError`, () => {
        const x = make();
        const message = `argument must be read-write bytes-like object, not ${x.constructor.name}`;
        assertThrows(() => write(x), { name: "TypeError", message }, `${label} into ${what}`);
        assertSameValue(x.exports, 0, "exports left");
      });
    }
    if (ctx.has("memoryview")) {
      ctx.test(`${label} into a strided writable memoryview throws the w* TypeError`, () => {
        const x = TestExporter.fromItems([1, 2, 3, 4], { writable: true });
        const m = ctx.memoryview(x).get(ctx.slice(null, null, 2));
        const message = "argument must be read-write bytes-like object, not memoryview";
        assertThrows(() => write(m), { name: "TypeError", message }, `${label} into a strided memoryview`);
        assertSameValue(Array.from(x.memory), [1, 2, 3, 4], "memory unchanged");
      });
    }
  }
}

/**
 * An exporter's export is held only while struct uses it: given back after
 * each call, whether it succeeds or fails; an `iterUnpack` iterator gives it
 * back when exhausted (as CPython's `unpackiter_iternext` does) or closed by
 * a `for…of` left early, and is done after that.
 */
export function exportRelease(ctx: Context, struct: Partial<StructModuleLike>): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const six = () => new TestExporter([1, 2, 3, 4, 5, 6], { writable: true });
  const calls: [string, (x: TestExporter) => unknown, { name: string; message?: string } | null][] = [];
  if (struct.unpack) {
    calls.push(["unpack('<6B')", (x) => struct.unpack!("<6B", x), null]);
    calls.push([
      "unpack('<4B') of 6 bytes",
      (x) => struct.unpack!("<4B", x),
      { name: "StructError", message: "unpack requires a buffer of 4 bytes" },
    ]);
  }
  if (struct.unpackFrom) {
    calls.push(["unpackFrom('<2B', -2)", (x) => struct.unpackFrom!("<2B", x, -2), null]);
    calls.push([
      "unpackFrom('<2B', -1)",
      (x) => struct.unpackFrom!("<2B", x, -1),
      { name: "StructError", message: "not enough data to unpack 2 bytes at offset -1" },
    ]);
    calls.push([
      "unpackFrom('<2B', 'a')",
      (x) => struct.unpackFrom!("<2B", x, "a" as never),
      { name: "TypeError", message: "'str' object cannot be interpreted as an integer" },
    ]);
  }
  if (struct.packInto) {
    calls.push(["packInto('<2B', -2)", (x) => struct.packInto!("<2B", x, -2, 7, 8), null]);
    calls.push([
      "packInto('<2B', -1)",
      (x) => struct.packInto!("<2B", x, -1, 7, 8),
      { name: "StructError", message: "no space to pack 2 bytes at offset -1" },
    ]);
    calls.push(["packInto('<2B', 0, 256)", (x) => struct.packInto!("<2B", x, 0, 1, 256), { name: "StructError" }]);
  }
  if (struct.iterUnpack) {
    calls.push([
      "iterUnpack('<4B') of 6 bytes",
      (x) => struct.iterUnpack!("<4B", x),
      { name: "StructError", message: "iterative unpacking requires a buffer of a multiple of 4 bytes" },
    ]);
  }
  for (const [label, call, error] of calls) {
    t(`${label} over an exporter gives the export back`, () => {
      const x = six();
      if (error === null) attempt(() => call(x), label);
      else assertThrows(() => call(x), error, label);
      assertSameValue(x.exports, 0, "exports left");
      assertSameValue(x.log.misreleases, [], "misreleases");
    });
  }
  if (!struct.iterUnpack) return;
  t("iterUnpack over an exporter gives the export back once exhausted", () => {
    const x = six();
    const values = [...attempt(() => struct.iterUnpack!("<2B", x), "iterUnpack('<2B')")].map((v) => Array.from(v));
    assertSameValue(
      values,
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      "the structs",
    );
    assertSameValue(x.exports, 0, "exports left");
  });
  t("iterUnpack over an exporter, left early by a for…of, gives the export back and is done", () => {
    const x = six();
    const iterator = struct.iterUnpack!("<2B", x)[Symbol.iterator]();
    const first = iterator.next();
    assertSameValue(first.done === true ? null : Array.from(first.value), [1, 2], "the first struct");
    for (const v of { [Symbol.iterator]: () => iterator }) {
      assertSameValue(Array.from(v), [3, 4], "the second struct");
      break;
    }
    assertSameValue(x.exports, 0, "exports left after break");
    assertTrue(iterator.next().done === true, "next() after the loop is done");
  });
  if (ctx.supports.detach) {
    t("iterUnpack over a buffer detached during the iteration throws ValueError", () => {
      const bytes = Uint8Array.from([1, 2, 3, 4]);
      const iterator = struct.iterUnpack!("<2B", bytes)[Symbol.iterator]();
      iterator.next();
      structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
      assertThrows(() => iterator.next(), { name: "ValueError" }, "next() after the detach");
    });
  }
}

/** `pack_into` with too few arguments, and a Struct's with the wrong number of values: CPython's words. */
export function packIntoArity(ctx: Context, struct: Partial<StructModuleLike>): void {
  const target = () => new Uint8Array(4);
  const loose = struct.packInto as ((...args: unknown[]) => void) | undefined;
  const cases: [string, () => unknown, string][] = [];
  if (loose) {
    cases.push(
      ["packInto('<B')", () => loose("<B"), "pack_into expected buffer argument"],
      ["packInto('<B', buffer)", () => loose("<B", target()), "pack_into expected offset argument"],
      ["packInto('<B', buffer, 0)", () => loose("<B", target(), 0), "pack_into expected 1 items for packing (got 0)"],
      ["packInto('<2B', buffer, 0, 1)", () => loose("<2B", target(), 0, 1), "pack_into expected 2 items for packing (got 1)"],
    );
  }
  const Struct = struct.Struct;
  if (typeof Struct === "function") {
    const method = (format: string) => {
      const s = new Struct(format);
      return (...args: unknown[]) => (s.packInto as (...a: unknown[]) => void)(...args);
    };
    cases.push(
      ["Struct('<B').packInto()", () => method("<B")(), "pack_into expected buffer argument"],
      ["Struct('<B').packInto(buffer)", () => method("<B")(target()), "pack_into expected offset argument"],
      [
        "Struct('<2B').packInto(buffer, 0, 1, 2, 3)",
        () => method("<2B")(target(), 0, 1, 2, 3),
        "pack_into expected 2 items for packing (got 3)",
      ],
    );
  }
  for (const [label, call, message] of cases) {
    ctx.test(`${label} throws StructError`, () => {
      assertThrows(call, { name: "StructError", message }, label);
    });
  }
}
