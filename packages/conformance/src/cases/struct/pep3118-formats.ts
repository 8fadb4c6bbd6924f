/**
 * Golden PEP 3118 formats (`fixtures/golden_formats.json`): exporters of
 * structured formats (`T{…}` nesting, `(2,3)` sub-arrays, `:name:` fields,
 * every byte order, `x` padding, `Zf`/`Zd`, `s`/`p`/`c`, `?`, `e`) whose
 * item size and values NumPy's PEP 3118 reader gave (CPython's `struct` for
 * the formats it reads), seen through `memoryview`: the attributes, every
 * item and `tolist()` (a struct is the list of its fields, a sub-array a
 * nested list), writes and what they leave in the value-bearing bytes,
 * `cast` to bytes and back, `tobytes()`, CPython's comparison rules, and
 * the refusals: an exporter whose item size disagrees with its format, codes
 * JavaScript cannot hold (`O & g Zg t X{}`, named in the error), formats no
 * reader accepts, and the character codes `u`/`w` (a size, no items): the
 * `struct/pep3118` group. The helpers here also serve the group files that
 * take other records of the same data: `memoryview/format-writes.ts`,
 * `memoryview/format-equality.ts`, `struct/format-arguments.ts`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt, ConformanceError, errorMatches } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { dataModelGate } from "./data-model-gate.js";
import type { MemoryViewLike, StructModuleLike } from "../../implementation.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { FormatExporter } from "../../golden/format-exporter.js";
import { goldenFormats, type GoldenCharacterRecord, type GoldenFormatRecord } from "../../golden/golden-formats-data.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { TestExporter } from "../../test-exporter/index.js";

const REFUSED = ["NotImplementedError", "BufferError"];

export type Test = (name: string, body: () => void) => void;

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Whether the implementation declares views of `format` with `ndim` dimensions. */
export function isDeclared(ctx: Context, format: string, ndim: number): boolean {
  if (ndim > ctx.supports.maxNdim) return false;
  const plain = format.replace(/^@(?=.$)/, "");
  return plain.length === 1 ? ctx.supports.formats.includes(plain) : ctx.supports.structFormats;
}

/** The items of nested `values`, `ndim` levels deep, in C order. */
function flatten(values: unknown, ndim: number): unknown[] {
  if (ndim === 0) return [values];
  return (values as unknown[]).flatMap((v) => flatten(v, ndim - 1));
}

function exporterOf(
  rec: { memory: string; format: string; itemsize: number; shape: number[] },
  writable = false,
): FormatExporter {
  return new FormatExporter(fromHex(rec.memory), { format: rec.format, itemsize: rec.itemsize, shape: rec.shape, writable });
}

function getBufferOf(ctx: Context): ((obj: unknown, flags: number) => BufferInfo) | undefined {
  return ctx.has("getBuffer") ? (ctx.impl.getBuffer as (obj: unknown, flags: number) => BufferInfo) : undefined;
}

function releaseBufferOf(ctx: Context): (info: BufferInfo) => void {
  return (ctx.impl.releaseBuffer as ((info: BufferInfo) => void) | undefined) ?? (() => {});
}

/** Whether `bytes` matches `expected` over the `[start, end)` ranges, shifted by `at`. */
function maskedDiffers(bytes: Uint8Array, at: number, expected: Uint8Array, mask: readonly [number, number][]): string | null {
  for (const [start, end] of mask) {
    for (let k = start; k < end; k++) {
      if (bytes[at + k] !== expected[k]) return `byte ${k} of the item is ${bytes[at + k]}, expected ${expected[k]}`;
    }
  }
  return null;
}

/** An undeclared format: the view must be refused (NotImplementedError or BufferError), with nothing leaked. */
function checkRefusal(ctx: Context, x: FormatExporter, what: string): void {
  let m: MemoryViewLike;
  try {
    m = ctx.memoryview(x);
  } catch (error) {
    if (!errorMatches(error, { name: REFUSED })) {
      throw new ConformanceError(
        `${what}: memoryview() threw ${(error as Error)?.name}: ${(error as Error)?.message}; expected NotImplementedError or BufferError`,
      );
    }
    assertSameValue(x.exports, 0, `${what}: exports after a refused memoryview()`);
    return;
  }
  assertThrows(() => m.tolist(), { name: REFUSED }, `${what}: tolist() of an undeclared format`);
  m.release();
  assertSameValue(x.exports, 0, `${what}: exports after release()`);
}

// ------------------------------------------------------------------ views

function checkView(ctx: Context, rec: GoldenFormatRecord, what: string): void {
  const x = exporterOf(rec);
  const values = decodeValue(rec.values);
  const n = product(rec.shape);
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  assertSameValue(m.format, rec.format, `${what}: format`);
  assertSameValue(m.itemsize, rec.itemsize, `${what}: itemsize`);
  assertSameValue(m.nbytes, n * rec.itemsize, `${what}: nbytes`);
  assertSameValue(m.ndim, rec.shape.length, `${what}: ndim`);
  assertSameValue([...m.shape], rec.shape, `${what}: shape`);
  assertSameValue(m.length, rec.shape[0], `${what}: length`);
  assertSameValue(
    attempt(() => m.tolist(), `${what}: tolist()`),
    values,
    `${what}: tolist()`,
  );
  assertSameValue(
    attempt(() => m.tobytes(), `${what}: tobytes()`),
    fromHex(rec.memory),
    `${what}: tobytes()`,
  );
  if (rec.shape.length === 1) {
    const items = values as unknown[];
    for (let i = 0; i < n; i++)
      assertSameValue(
        attempt(() => m.get(i), `${what}: get(${i})`),
        items[i],
        `${what}: get(${i})`,
      );
    assertSameValue(
      attempt(() => m.get(-1), `${what}: get(-1)`),
      items[n - 1],
      `${what}: get(-1)`,
    );
    assertThrows(() => m.get(n), { name: "IndexError" }, `${what}: get(${n})`);
  }
  m.release();
  assertSameValue(x.exports, 0, `${what}: exports after release()`);

  if (rec.shape.length === 1 && n > 1) {
    // the same items backwards: a negative stride from the last item
    const r = new FormatExporter(fromHex(rec.memory), {
      format: rec.format,
      itemsize: rec.itemsize,
      shape: rec.shape,
      strides: [-rec.itemsize],
      offset: (n - 1) * rec.itemsize,
    });
    const rv = attempt(() => ctx.memoryview(r), `${what}: memoryview() of the reversed exporter`);
    assertSameValue(
      attempt(() => rv.tolist(), `${what}: reversed tolist()`),
      [...(values as unknown[])].reverse(),
      `${what}: reversed tolist()`,
    );
    const memory = fromHex(rec.memory);
    const backwards = new Uint8Array(memory.length);
    for (let i = 0; i < n; i++)
      backwards.set(memory.subarray((n - 1 - i) * rec.itemsize, (n - i) * rec.itemsize), i * rec.itemsize);
    assertSameValue(
      attempt(() => rv.tobytes(), `${what}: reversed tobytes()`),
      backwards,
      `${what}: reversed tobytes()`,
    );
    rv.release();
    assertSameValue(r.exports, 0, `${what}: exports of the reversed exporter after release()`);
  }

  const getBuffer = getBufferOf(ctx);
  if (getBuffer) {
    const info = attempt(() => getBuffer(x, BufferFlags.FULL_RO), `${what}: getBuffer(FULL_RO)`);
    assertSameValue(info.format, rec.format, `${what}: getBuffer().format`);
    assertSameValue(info.itemsize, rec.itemsize, `${what}: getBuffer().itemsize`);
    assertSameValue(info.len, n * rec.itemsize, `${what}: getBuffer().len`);
    releaseBufferOf(ctx)(info);
    assertSameValue(x.exports, 0, `${what}: exports after releaseBuffer()`);
  }
}

function checkWrites(ctx: Context, rec: GoldenFormatRecord, what: string): void {
  const x = exporterOf(rec, true);
  const items = decodeValue(rec.values) as unknown[];
  const n = items.length;
  const size = rec.itemsize;
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const before = x.memory.slice();
    attempt(() => m.set(i, items[j]), `${what}: set(${i}, item ${j})`);
    assertSameValue(
      attempt(() => m.get(i), `${what}: get(${i}) after set`),
      items[j],
      `${what}: get(${i}) after set(${i}, item ${j})`,
    );
    const differs = maskedDiffers(x.memory, i * size, fromHex(rec.repacked[j] as string), rec.mask);
    if (differs) throw new ConformanceError(`${what}: after set(${i}, item ${j}): ${differs}`);
    for (let k = 0; k < before.length; k++) {
      if ((k < i * size || k >= (i + 1) * size) && x.memory[k] !== before[k]) {
        throw new ConformanceError(`${what}: set(${i}, …) changed byte ${k}, outside item ${i}`);
      }
    }
  }
  m.release();
  const ro = exporterOf(rec);
  const r = attempt(() => ctx.memoryview(ro), `${what}: memoryview() of a read-only exporter`);
  assertThrows(
    () => r.set(0, items[0]),
    { name: "TypeError", message: "cannot modify read-only memory" },
    `${what}: set() on a read-only view`,
  );
  r.release();
  assertSameValue(x.exports + ro.exports, 0, `${what}: exports after release()`);
}

function checkCast(ctx: Context, rec: GoldenFormatRecord, what: string): void {
  const x = exporterOf(rec);
  const values = decodeValue(rec.values);
  const n = product(rec.shape);
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  const bytes = attempt(() => m.cast("B"), `${what}: cast('B')`);
  assertSameValue(bytes.format, "B", `${what}: cast('B').format`);
  assertSameValue(bytes.length, n * rec.itemsize, `${what}: cast('B').length`);
  assertSameValue(
    attempt(() => bytes.tobytes(), `${what}: cast('B').tobytes()`),
    fromHex(rec.memory),
    `${what}: cast('B').tobytes()`,
  );
  const back = attempt(() => bytes.cast(rec.format), `${what}: cast('B').cast(format)`);
  assertSameValue(back.itemsize, rec.itemsize, `${what}: cast back: itemsize`);
  assertSameValue(back.format, rec.format, `${what}: cast back: format`);
  assertSameValue([...back.shape], [n], `${what}: cast back: shape`);
  assertSameValue(
    attempt(() => back.tolist(), `${what}: cast back: tolist()`),
    flatten(values, rec.shape.length),
    `${what}: cast back: tolist()`,
  );
  if (rec.shape.length > 1) {
    const shaped = attempt(() => bytes.cast(rec.format, rec.shape), `${what}: cast('B').cast(format, shape)`);
    assertSameValue(
      attempt(() => shaped.tolist(), `${what}: cast to the shape: tolist()`),
      values,
      `${what}: cast to the shape: tolist()`,
    );
    shaped.release();
  }
  back.release();
  bytes.release();
  m.release();
  assertSameValue(x.exports, 0, `${what}: exports after release()`);
}

function checkWrongItemsize(ctx: Context, rec: GoldenFormatRecord, what: string): void {
  const wrong = rec.wrong_itemsize;
  const n = product(rec.shape);
  const memory = new Uint8Array(n * Math.max(wrong, rec.itemsize));
  memory.set(fromHex(rec.memory));
  const x = new FormatExporter(memory, { format: rec.format, itemsize: wrong, shape: rec.shape });
  assertThrows(
    () => ctx.memoryview(x),
    { name: "BufferError" },
    `${what}: memoryview() of an exporter claiming itemsize ${wrong}`,
  );
  assertSameValue(x.exports, 0, `${what}: exports after the refusal`);
  const getBuffer = getBufferOf(ctx);
  if (getBuffer) {
    assertThrows(
      () => getBuffer(x, BufferFlags.FULL_RO),
      { name: "BufferError" },
      `${what}: getBuffer() of an exporter claiming itemsize ${wrong}`,
    );
    assertSameValue(x.exports, 0, `${what}: exports after getBuffer()'s refusal`);
  }
}

function checkEquality(ctx: Context, rec: GoldenFormatRecord, what: string): void {
  const x = exporterOf(rec);
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  const copy = attempt(() => ctx.memoryview(exporterOf(rec)), `${what}: memoryview() of a copy`);
  assertSameValue(
    attempt(() => m.equals(copy), `${what}: equals(copy)`),
    rec.equal_self,
    `${what}: equals(a view of the same bytes)`,
  );
  assertSameValue(
    attempt(() => m.equals(m), `${what}: equals(itself)`),
    rec.equal_self,
    `${what}: equals(itself)`,
  );
  assertSameValue(
    attempt(() => m.equals(exporterOf(rec)), `${what}: equals(exporter)`),
    rec.equal_self,
    `${what}: equals(an exporter of the same bytes)`,
  );
  if (rec.changed) {
    const memory = fromHex(rec.memory);
    memory[rec.changed.byte] = rec.changed.value;
    const other = attempt(
      () => ctx.memoryview(new FormatExporter(memory, { format: rec.format, itemsize: rec.itemsize, shape: rec.shape })),
      `${what}: memoryview() of the changed copy`,
    );
    assertSameValue(
      attempt(() => m.equals(other), `${what}: equals(changed)`),
      rec.changed.equal,
      `${what}: equals(a copy with byte ${rec.changed.byte} set to ${rec.changed.value})`,
    );
    other.release();
  }
  if (rec.pad_byte !== undefined) {
    const memory = fromHex(rec.memory);
    memory[rec.pad_byte] = (memory[rec.pad_byte] as number) ^ 0xff;
    const other = attempt(
      () => ctx.memoryview(new FormatExporter(memory, { format: rec.format, itemsize: rec.itemsize, shape: rec.shape })),
      `${what}: memoryview() of the padded copy`,
    );
    assertSameValue(
      attempt(() => m.equals(other), `${what}: equals(padding changed)`),
      rec.equal_self,
      `${what}: equals(a copy whose padding byte ${rec.pad_byte} differs)`,
    );
    other.release();
  }
  copy.release();
  m.release();
  assertSameValue(x.exports, 0, `${what}: exports after release()`);
}

function checkCalcsize(
  struct: Partial<StructModuleLike>,
  rec: { format: string; calcsize: number | [string, string] },
  what: string,
): void {
  const calcsize = struct.calcsize as (format: unknown) => number;
  if (typeof rec.calcsize === "number") {
    assertSameValue(
      attempt(() => calcsize(rec.format), `${what}: calcsize()`),
      rec.calcsize,
      `${what}: struct.calcsize()`,
    );
  } else {
    const [name, message] = rec.calcsize;
    assertThrows(() => calcsize(rec.format), { name, message }, `${what}: struct.calcsize()`);
  }
}

/**
 * Whether to check `struct.calcsize(format)`: a `str` that is not ASCII is
 * an argument struct refuses with its encoder's error, which only modules
 * declaring `structArguments` promise.
 */
function checksCalcsize(ctx: Context, format: string): boolean {
  return ctx.impl.struct?.calcsize !== undefined && (ctx.supports.structArguments || /^\p{ASCII}*$/u.test(format));
}

/** Every format record: its view, writes, casts, a wrong item size, comparisons, and `struct.calcsize`. */
export function formats(ctx: Context): void {
  const t: Test = (name, body) => ctx.test(`${name}`, body);
  const struct = ctx.impl.struct;
  const gate = dataModelGate(ctx, "calcsize of recorded formats");
  goldenFormats().formats.forEach((rec, i) => {
    const what = `${rec.kind} #${i} '${rec.format}' shape=[${rec.shape}]`;
    // Recorded on LP64: a native format with l L n N P has another size under ILP32.
    if (struct && checksCalcsize(ctx, rec.format) && gate.applies(rec.format))
      t(`${what} calcsize`, () => checkCalcsize(struct, rec, what));
    if (!isDeclared(ctx, rec.format, rec.shape.length)) {
      t(`${what} refused (undeclared format)`, () => checkRefusal(ctx, exporterOf(rec), what));
      return;
    }
    t(`${what} view`, () => checkView(ctx, rec, what));
    if (rec.shape.length === 1) t(`${what} set`, () => checkWrites(ctx, rec, what));
    if (ctx.supports.cast) t(`${what} cast`, () => checkCast(ctx, rec, what));
    // SPEC.md §8, 12: CPython checks nothing of an exporter's answer.
    if (ctx.supports.deliberateDifferences)
      t(`${what} itemsize ${rec.wrong_itemsize} refused`, () => checkWrongItemsize(ctx, rec, what));
    t(`${what} equals`, () => checkEquality(ctx, rec, what));
  });
  gate.report();
  if (!ctx.supports.deliberateDifferences)
    ctx.skip(
      "wrong item sizes",
      "the module declares deliberateDifferences: false (SPEC.md §8, 12: CPython checks nothing of an exporter's answer)",
    );
}

// ------------------------------------------------------------------ refusals

function checkCharacters(ctx: Context, rec: GoldenCharacterRecord, what: string): void {
  const x = exporterOf(rec, true);
  if (!ctx.supports.structFormats) {
    checkRefusal(ctx, x, what);
    return;
  }
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  assertSameValue(m.itemsize, rec.itemsize, `${what}: itemsize`);
  assertSameValue(m.nbytes, product(rec.shape) * rec.itemsize, `${what}: nbytes`);
  assertSameValue(
    attempt(() => m.tobytes(), `${what}: tobytes()`),
    fromHex(rec.memory),
    `${what}: tobytes()`,
  );
  const expected = (e: [string, string | null]) => (e[1] === null ? { name: e[0] } : { name: e[0], message: e[1] });
  assertThrows(() => m.tolist(), expected(rec.tolist), `${what}: tolist()`);
  assertThrows(() => m.get(0), expected(rec.get ?? rec.tolist), `${what}: get(0)`);
  if (rec.set) {
    assertThrows(() => m.set(0, rec.set_value), expected(rec.set), `${what}: set(0, ${JSON.stringify(rec.set_value)})`);
    assertTrue(
      x.memory.every((b, k) => b === fromHex(rec.memory)[k]),
      `${what}: a refused set() changes no byte`,
    );
  }
  const copy = attempt(() => ctx.memoryview(exporterOf(rec)), `${what}: memoryview() of a copy`);
  assertSameValue(
    attempt(() => m.equals(copy), `${what}: equals(copy)`),
    rec.equal_self,
    `${what}: equals(a view of the same bytes)`,
  );
  assertSameValue(
    attempt(() => m.equals(m), `${what}: equals(itself)`),
    rec.equal_self,
    `${what}: equals(itself)`,
  );
  copy.release();
  m.release();
  assertSameValue(x.exports, 0, `${what}: exports after release()`);
}

/** What a refusal's message must say: a code it names, or why (a regular expression). */
type Reason = { readonly code: string } | { readonly pattern: RegExp } | null;

/** Whether a refusal's message gives the reason: names the code (as `'O'`, or as CPython's "format O not supported"), or matches. */
function givesReason(error: unknown, reason: Exclude<Reason, null>): boolean {
  const message = String((error as Error)?.message);
  if ("pattern" in reason) return reason.pattern.test(message);
  return message.includes(`'${reason.code}'`) || message.includes(`format ${reason.code} `);
}

function checkUnreadable(ctx: Context, format: string, itemsize: number, reason: Reason, what: string): void {
  const x = new FormatExporter(new Uint8Array(2 * itemsize), { format, itemsize, shape: [2] });
  const named = (error: unknown, step: string): void => {
    if (reason !== null && ctx.supports.structFormats && !givesReason(error, reason)) {
      const wanted = "code" in reason ? `name '${reason.code}'` : `match ${reason.pattern}`;
      throw new ConformanceError(`${what}: ${step}: the refusal does not ${wanted}: ${(error as Error)?.message}`);
    }
  };
  let m: MemoryViewLike | undefined;
  try {
    m = ctx.memoryview(x);
  } catch (error) {
    if (!errorMatches(error, { name: REFUSED })) {
      throw new ConformanceError(
        `${what}: memoryview() threw ${(error as Error)?.name}: ${(error as Error)?.message}; expected BufferError or NotImplementedError`,
      );
    }
    named(error, "memoryview()");
  }
  if (m) {
    // a view of what cannot be read may exist (CPython's does), but no item can be read
    const error = assertThrows(() => m.tolist(), { name: REFUSED }, `${what}: tolist()`);
    named(error, "tolist()");
    m.release();
  }
  assertSameValue(x.exports, 0, `${what}: exports after the refusal`);
  const getBuffer = getBufferOf(ctx);
  if (getBuffer) {
    let info: BufferInfo | undefined;
    try {
      info = getBuffer(x, BufferFlags.FULL_RO);
    } catch (error) {
      if (!errorMatches(error, { name: "BufferError" })) {
        throw new ConformanceError(
          `${what}: getBuffer() threw ${(error as Error)?.name}: ${(error as Error)?.message}; expected BufferError`,
        );
      }
      named(error, "getBuffer()");
    }
    if (info) releaseBufferOf(ctx)(info);
    assertSameValue(x.exports, 0, `${what}: exports after getBuffer()`);
  }
  if (ctx.supports.cast && ctx.supports.structFormats) {
    const bytes = ctx.memoryview(TestExporter.fromItems(new Array(2 * itemsize).fill(0)));
    assertThrows(() => bytes.cast(format), { name: ["ValueError", "NotImplementedError"] }, `${what}: cast('B' → format)`);
    bytes.release();
  }
}

/** Character codes, codes JavaScript cannot hold, and formats nobody reads. */
export function refusals(ctx: Context): void {
  const t: Test = (name, body) => ctx.test(`${name}`, body);
  const struct = ctx.impl.struct;
  goldenFormats().characters.forEach((rec, i) => {
    t(`characters #${i} '${rec.format}': a size, no items`, () => checkCharacters(ctx, rec, `characters #${i} '${rec.format}'`));
  });
  goldenFormats().unsupported.forEach((rec, i) => {
    const what = `unsupported #${i} '${rec.format}'`;
    t(`${what}: refused, naming '${rec.code}'`, () => checkUnreadable(ctx, rec.format, rec.itemsize, { code: rec.code }, what));
  });
  goldenFormats().invalid.forEach((rec, i) => {
    const what = `invalid #${i} '${rec.format}'`;
    const reason = rec.non_ascii ? { pattern: /ascii/ } : null;
    t(`${what}: refused${rec.non_ascii ? " (not ASCII)" : ""}`, () => checkUnreadable(ctx, rec.format, 4, reason, what));
    if (struct && checksCalcsize(ctx, rec.format)) t(`${what} calcsize`, () => checkCalcsize(struct, rec, what));
  });
}

// ------------------------------------------------------------------ values
