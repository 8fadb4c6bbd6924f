/**
 * Golden writes, casts and hashes (fixtures/golden_records.py):
 *
 * - records: `m[1] = v` on a three-item view of a format (native characters
 *   with and without `@`, byte-order prefixes, repeat counts, pad bytes,
 *   `s`/`p`/`c`/`?`/`e` fields, several fields, nested `T{}` and sub-arrays)
 *   over memory filled with one byte: the item's bytes afterwards must be
 *   `struct.pack`'s (pad bytes zero, the other items untouched) and the
 *   item read back the unpacked value; or the write is refused with
 *   CPython's error name and message (`memoryview: invalid type/value for
 *   format '…'`) and no byte changes. Each value is also passed with its
 *   integers as bigints and its byte strings as the module's `bytes`.
 * - casts: `cast(format, shape)` between any two formats whose sizes fit
 *   (the contract's extension of CPython's native-only, byte-only casts),
 *   and CPython's errors for sizes, formats, shapes and arguments.
 * - hash: `hash(m)` equals `bytes(...).hash()` of the same content for
 *   read-only views of `B`, `b`, `c` (with or without `@`), or CPython's
 *   error (writable, another format, an unhashable exporter).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { FormatExporter } from "../../golden/format-exporter.js";
import {
  goldenRecords,
  type GoldenCast,
  type GoldenCastError,
  type GoldenHash,
  type GoldenRecord,
} from "../../golden/golden-records-data.js";
import { construct, type MemoryViewLike } from "../../implementation.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { GET_BUFFER } from "../../protocol/symbols.js";
import { TestExporter } from "../../test-exporter/index.js";

const NATIVE = "cbB?hHiIlLqQnNefdP";

/** The native character of a format (`B`, `@B`), or null. */
function nativeChar(format: string): string | null {
  const body = format.startsWith("@") ? format.slice(1) : format;
  return body.length === 1 && NATIVE.includes(body) ? body : null;
}

/** Whether the module declares views of `format`. */
function isDeclared(ctx: Context, format: string): boolean {
  const char = nativeChar(format);
  return char !== null ? ctx.supports.formats.includes(char) : ctx.supports.structFormats;
}

/** What a tagged input needs from the module beyond memoryview. */
function needs(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value))
    value.forEach((v) => {
      needs(v, out);
    });
  else if (value !== null && typeof value === "object") {
    if ("$bytearray" in value) out.add("bytearray");
  }
  return out;
}

/**
 * A tagged written value in JavaScript: the module's bytearray for
 * `$bytearray`, a Map of n entries for `$dict`, else {@link decodeValue}.
 */
function decodeInput(ctx: Context, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeInput(ctx, v));
  if (value !== null && typeof value === "object") {
    const tagged = value as Record<string, unknown>;
    if ("$bytearray" in tagged) return construct(ctx.impl.bytearray, fromHex(tagged.$bytearray as string));
    if ("$dict" in tagged) return new Map(Array.from({ length: tagged.$dict as number }, (_, k) => [k, k]));
  }
  return decodeValue(value);
}

/** `value` with every integer as a bigint (the contract takes both). */
function asBigints(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asBigints);
  return typeof value === "number" && Number.isInteger(value) ? BigInt(value) : value;
}

/** `value` with every byte string as the module's `bytes`. */
function asModuleBytes(ctx: Context, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => asModuleBytes(ctx, v));
  return value instanceof Uint8Array ? construct(ctx.impl.bytes, value) : value;
}

function contains(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some((v) => contains(v, test)) : test(value);
}

/** A short text of a value (an integer of hundreds of digits is cut). */
function label(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "bigint"
      ? `${v}n`
      : v instanceof Uint8Array
        ? `b'${[...v].map((b) => b.toString(16).padStart(2, "0")).join("")}'`
        : v,
  );
  return text.replace(/(-?\d{12})\d{20,}/g, (_m, head: string) => `${head}…`);
}

/**
 * The forms a recorded value is written in, each with the key it is
 * written at (index 1 as a number, as a tuple, and as -2 from the end).
 */
function forms(ctx: Context, r: GoldenRecord, i: number): [string, unknown, unknown][] {
  const value = decodeInput(ctx, r.v);
  const out: [string, unknown, unknown][] = [[label(r.v), 1, value]];
  // Every other accepted value again with bigints (all of them would
  // double the group's run time for little more).
  const isInt = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v);
  if (r.e === undefined && i % 2 === 0 && contains(value, isInt)) {
    out.push([`${label(r.v)} as bigints`, [1], asBigints(value)]);
  }
  if (ctx.has("bytes") && contains(value, (v) => v instanceof Uint8Array)) {
    out.push([`${label(r.v)} as the module's bytes`, -2, asModuleBytes(ctx, value)]);
  }
  return out;
}

function recordCase(ctx: Context, r: GoldenRecord, what: string, key: unknown, value: unknown): void {
  const { fill, items } = goldenRecords();
  const x = new FormatExporter(new Uint8Array(items * r.n).fill(fill), {
    format: r.f,
    itemsize: r.n,
    shape: [items],
    writable: true,
  });
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  if (r.e !== undefined) {
    assertThrows(() => m.set(key, value), { name: r.e[0], message: r.e[1] }, what);
    assertSameValue(m.tobytes(), new Uint8Array(items * r.n).fill(fill), `${what}: a refused write changes no byte`);
    return;
  }
  attempt(() => m.set(key, value), what);
  const expected = new Uint8Array(items * r.n).fill(fill);
  expected.set(fromHex(r.b as string), r.n);
  assertSameValue(m.tobytes(), expected, `${what}: the memory (struct.pack's bytes, pad bytes zero)`);
  assertSameValue(m.get(1), decodeValue(r.i), `${what}: the item read back`);
}

/** The recorded writes. */
export function records(ctx: Context): void {
  goldenRecords().records.forEach((r, i) => {
    if (!isDeclared(ctx, r.f)) return;
    for (const need of needs(r.v, new Set())) if (!ctx.has(need as "bytearray")) return;
    for (const [text, key, value] of forms(ctx, r, i)) {
      const what = `#${i} m[${label(key)}] = ${text} (format '${r.f}')`;
      ctx.test(`${what}`, () => recordCase(ctx, r, what, key, value));
    }
  });
}

function itemsizeOf(c: GoldenCast): number {
  return fromHex(c.memory).length / c.srcShape.reduce((a, b) => a * b, 1);
}

function castCase(ctx: Context, c: GoldenCast, what: string): void {
  const memory = fromHex(c.memory);
  const x = new FormatExporter(memory, { format: c.src, itemsize: itemsizeOf(c), shape: c.srcShape });
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  const shape = c.shape?.map(decodeValue) as number[] | undefined;
  const cast = (): MemoryViewLike => (shape === undefined ? m.cast(c.dst) : m.cast(c.dst, shape));
  if (c.e !== undefined) {
    assertThrows(cast, { name: c.e[0], message: c.e[1] }, what);
    return;
  }
  const v = attempt(cast, what);
  assertSameValue(v.format, c.format, `${what}: format`);
  assertSameValue(v.itemsize, c.itemsize, `${what}: itemsize`);
  assertSameValue(v.shape, c.shape2, `${what}: shape`);
  assertSameValue(v.tolist(), decodeValue(c.items), `${what}: tolist()`);
  assertSameValue(v.tobytes(), memory, `${what}: tobytes()`);
}

/** Casts between formats whose sizes fit, and the size and format errors. */
export function casts(ctx: Context): void {
  if (!ctx.supports.cast) {
    ctx.skip(`casts`, "the module declares cast: false");
    return;
  }
  goldenRecords().casts.forEach((c, i) => {
    if (!isDeclared(ctx, c.src) || (c.e === undefined && !isDeclared(ctx, c.dst))) return;
    if (Math.max(c.srcShape.length, c.shape?.length ?? 1) > ctx.supports.maxNdim) return;
    const what = `cast #${i} '${c.src}' ${label(c.srcShape)} → cast(${label(c.dst)}${c.shape ? `, ${label(c.shape)}` : ""})`;
    ctx.test(`${what}`, () => castCase(ctx, c, what));
  });
}

function castErrorCase(ctx: Context, c: GoldenCastError, what: string): void {
  const memory = fromHex(c.memory);
  const m = attempt(() => ctx.memoryview(new TestExporter(memory, { shape: c.srcShape })), `${what}: memoryview()`);
  const dst = decodeValue(c.dst);
  const shape = decodeValue(c.shape);
  const call = m.cast as unknown as (...args: unknown[]) => MemoryViewLike;
  const cast = (): MemoryViewLike => (c.shape === undefined ? call.call(m, dst) : call.call(m, dst, shape));
  if (c.e !== undefined) {
    assertThrows(cast, { name: c.e[0], message: c.e[1] }, what);
    return;
  }
  const v = attempt(cast, what);
  assertSameValue(v.format, c.format, `${what}: format`);
  assertSameValue(v.shape, c.shape2, `${what}: shape`);
  assertSameValue(v.tobytes(), fromHex(c.bytes as string), `${what}: tobytes()`);
}

/** The checks of cast's arguments and shape, in CPython's words. */
export function castArguments(ctx: Context): void {
  if (!ctx.supports.cast) return;
  goldenRecords().castErrors.forEach((c, i) => {
    const dims = Array.isArray(c.shape) ? c.shape.length : 1;
    // A shape of more than 64 dimensions is refused by the same check
    // whatever the module's own limit; fewer need the module to reach them.
    if (Math.max(c.srcShape.length, dims) > ctx.supports.maxNdim && !(dims > 64 && ctx.supports.maxNdim === 64)) return;
    if (c.dst instanceof Object && !Array.isArray(c.dst) && "$bytes" in c.dst && !ctx.has("bytes")) return;
    const what = `cast arguments #${i} ${label(c.srcShape)} → cast(${label(c.dst)}${c.shape !== undefined ? `, ${label(c.shape)}` : ""})`;
    ctx.test(`${what}`, () => castErrorCase(ctx, c, what));
  });
}

/** The view a hash case hashes, or null when the module lacks its source. */
function hashView(ctx: Context, h: GoldenHash): MemoryViewLike | null {
  const data = Uint8Array.from({ length: 12 }, (_, k) => k + 1);
  let m: MemoryViewLike;
  if (h.format === "<B") m = ctx.memoryview(new TestExporter(data, { format: "<B" }));
  else if (h.source === "bytes") m = ctx.memoryview(construct(ctx.impl.bytes, data));
  else {
    m = ctx.memoryview(construct(ctx.impl.bytearray, data));
    if (h.source === "bytearray") m = m.toreadonly();
  }
  if (h.format !== "B" && h.format !== "<B") m = m.cast(h.format);
  if (h.layout === "strided") m = m.get(ctx.slice(null, null, 3)) as MemoryViewLike;
  else if (h.layout === "empty") m = m.get(ctx.slice(5, 5)) as MemoryViewLike;
  else if (h.layout === "2d") m = m.cast(h.format, [3, 4]);
  return m;
}

/** `hash(m)`: that of the same bytes, or CPython's refusal. */
export function hash(ctx: Context): void {
  if (!ctx.supports.hash || !ctx.has("bytes")) {
    ctx.skip(`hash`, "the module declares no hash, or exports no bytes");
    return;
  }
  goldenRecords().hashes.forEach((h, i) => {
    if (h.source !== "bytes" && !ctx.has("bytearray")) return;
    if (h.format !== "B" && (!ctx.supports.cast || !isDeclared(ctx, h.format))) return;
    if (h.layout === "2d" && ctx.supports.maxNdim < 2) return;
    const what = `hash #${i} of a ${h.source} view cast to '${h.format}'${h.layout ? ` (${h.layout})` : ""}`;
    ctx.test(`${what}`, () => {
      const m = attempt(() => hashView(ctx, h), `${what}: the view`) as MemoryViewLike;
      assertSameValue(m.tobytes(), fromHex(h.content), `${what}: the content`);
      if (h.e !== undefined) {
        assertThrows(() => m.hash(), { name: h.e[0], message: h.e[1] }, what);
        return;
      }
      const same = construct(ctx.impl.bytes, fromHex(h.content)) as { hash(): unknown };
      assertSameValue(
        attempt(() => m.hash(), what),
        same.hash(),
        `${what}: equals the hash of the same bytes`,
      );
    });
  });
}

/**
 * A view whose export names no object (`obj` null, as a memoryview of
 * `PyMemoryView_FromMemory`'s) hashes: `memory_hash` asks the object's
 * hash only when there is one.
 */
export function hashWithoutObject(ctx: Context): void {
  if (!ctx.supports.hash || !ctx.has("bytes")) return;
  const what = "hash of a read-only 'B' view whose export has obj null";
  ctx.test(`${what}`, () => {
    const data = Uint8Array.of(7, 8, 9, 10);
    const exporter = {
      [GET_BUFFER]: (): BufferInfo => ({
        obj: null,
        buf: data.slice().buffer,
        offset: 0,
        len: 4,
        readonly: true,
        itemsize: 1,
        format: "B",
        ndim: 1,
        shape: [4],
        strides: [1],
        suboffsets: null,
      }),
    };
    const m = attempt(() => ctx.memoryview(exporter), `${what}: memoryview()`);
    const same = construct(ctx.impl.bytes, data) as { hash(): unknown };
    assertSameValue(
      attempt(() => m.hash(), what),
      same.hash(),
      `${what}: equals the hash of the same bytes`,
    );
  });
}
