/**
 * Python 2.7's `buffer` (`Objects/bufferobject.c`) as the contract renders
 * it: a read-only window (offset, size) on another exporter that re-reads
 * its base on every access, its writable kinds, and its sequence operations.
 * The table of `buffer-table.ts` (each case read off a 2.7 source) is
 * run case by case, every TestExporter it builds checked for released
 * exports; the relations the contract leaves open (hash values, repr
 * addresses) are checked as relations. Where the module offers 2.7's
 * old-buffer C API (`legacyCapi`), the table of
 * `capi-table.ts` runs it over every kind of object.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import {
  construct,
  type ImplementationModule,
  type LegacyBufferApiLike,
  type LegacyBufferLike,
  type MemoryViewLike,
} from "../../implementation.js";
import { sliceIndices } from "../../model/slice-indices.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { ExporterBufferError, TestExporter } from "../../test-exporter/index.js";
import { LEGACY_CAPI_CASES, type CapiCase } from "./capi-table.js";
import { LEGACY_BUFFER_CASES, type BufferCase, type Mutation, type Op, type Spec } from "./buffer-table.js";

const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const latin1 = (data: Uint8Array): string => String.fromCharCode(...data);

/** The contract's `buffer`, with the statics of its C API. */
type BufferCtor = ((...a: unknown[]) => LegacyBufferLike) & {
  fromReadWriteObject(obj: unknown, offset?: unknown, size?: unknown): LegacyBufferLike;
  new: (size: unknown) => LegacyBufferLike;
};

/** The read-only buffer. */
export function readOnly(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const buffer = ctx.impl.buffer as ((...a: unknown[]) => LegacyBufferLike) & {
    fromReadWriteObject(obj: unknown, offset?: number, size?: number): LegacyBufferLike;
    new: (size: number) => LegacyBufferLike;
  };
  const make = (...args: unknown[]) => construct(buffer, ...args) as LegacyBufferLike;
  const hello = () => TestExporter.fromItems([...bytesOf("hello world")]);
  t("buffer(obj, offset, size) is a window", () => {
    const b = make(hello(), 6, 5);
    assertSameValue(b.length, 5, "length");
    assertSameValue(b.tobytes(), bytesOf("world"), "tobytes()");
    assertSameValue(b.get(0), bytesOf("w"), "get(0)");
    assertSameValue(b.get(-1), bytesOf("d"), "get(-1)");
  });
  t("size -1 reaches the end; an offset past the end gives an empty buffer", () => {
    assertSameValue(make(hello(), 6).tobytes(), bytesOf("world"), "buffer(x, 6)");
    assertSameValue(make(hello(), 6, -1).length, 5, "buffer(x, 6, -1).length");
    assertSameValue(make(hello(), 20).length, 0, "buffer(x, 20).length");
    assertSameValue(make(hello(), 6, 100).length, 5, "buffer(x, 6, 100).length");
  });
  t("bad offset and size throw ValueError", () => {
    assertThrows(() => make(hello(), -1), { name: "ValueError", message: "offset must be zero or positive" }, "offset -1");
    assertThrows(() => make(hello(), 0, -2), { name: "ValueError", message: "size must be zero or positive" }, "size -2");
  });
  t("get() out of range throws IndexError", () => {
    assertThrows(() => make(hello(), 6, 5).get(5), { name: "IndexError", message: "buffer index out of range" }, "get(5)");
  });
  t("slice() copies, with steps", () => {
    const b = make(hello(), 0, 5);
    assertSameValue(b.slice(1, 3), bytesOf("el"), "slice(1, 3)");
    assertSameValue(b.slice(null, null, -1), bytesOf("olleh"), "slice(::-1)");
    assertSameValue(b.slice(null, null, 2), bytesOf("hlo"), "slice(::2)");
    const s = b.slice(0, 2);
    s[0] = 0;
    assertSameValue(b.get(0), bytesOf("h"), "the slice is a copy");
  });
  t("set() on a read-only buffer throws TypeError", () => {
    assertThrows(() => make(hello()).set(0, bytesOf("x")), { name: "TypeError", message: "buffer is read-only" }, "set()");
  });
  t("it re-reads its base on every access", () => {
    const x = TestExporter.fromItems([...bytesOf("abcd")], { writable: true });
    const b = make(x, 1, 2);
    x.memory[1] = "Z".charCodeAt(0);
    assertSameValue(b.tobytes(), bytesOf("Zc"), "tobytes() after the base changed");
    assertSameValue(x.exports, 0, "it holds no export between accesses");
  });
  t("concat, repeat, compare, hash", () => {
    const a = make(hello(), 0, 5);
    const w = make(hello(), 6, 5);
    assertSameValue(a.concat(w), bytesOf("helloworld"), "concat()");
    assertSameValue(a.repeat(2), bytesOf("hellohello"), "repeat(2)");
    assertSameValue(a.repeat(0), new Uint8Array(0), "repeat(0)");
    assertSameValue(Math.sign(a.compare(w)), -1, "compare(hello, world)");
    assertSameValue(a.compare(make(hello(), 0, 5)), 0, "compare(equal)");
    assertSameValue(Math.sign(w.compare(a)), 1, "compare(world, hello)");
    assertSameValue(Math.sign(make(hello(), 0, 4).compare(a)), -1, "a prefix compares lower");
    assertSameValue(a.hash(), make(TestExporter.fromItems([...bytesOf("hello")])).hash(), "equal contents hash equal");
  });
  t("toString() is Python 2's repr", () => {
    assertTrue(
      /^<read-only buffer for .+, size 5, offset 6 at .+>$/.test(make(hello(), 6, 5).toString()),
      `repr: ${make(hello(), 6, 5).toString()}`,
    );
  });
  t("it is an exporter, read-only", () => {
    const b = make(hello(), 6, 5) as unknown as Record<symbol, (f: number) => { len: number; readonly: boolean }>;
    const info = attempt(() => b[GET_BUFFER]!(BufferFlags.FULL_RO), "getbuffer(FULL_RO)");
    assertSameValue(info.len, 5, "len");
    assertSameValue(info.readonly, true, "readonly");
    assertThrows(() => b[GET_BUFFER]!(BufferFlags.WRITABLE), { name: "BufferError" }, "getbuffer(WRITABLE)");
  });
  if (typeof buffer.fromReadWriteObject === "function") {
    t("fromReadWriteObject() writes through to its base", () => {
      const x = TestExporter.fromItems([...bytesOf("abcd")], { writable: true });
      const b = buffer.fromReadWriteObject(x, 1, 2);
      b.set(0, bytesOf("Q"));
      assertSameValue(x.memory[1], "Q".charCodeAt(0), "base after set()");
      assertThrows(
        () => b.hash(),
        { name: "TypeError", message: "writable buffers are not hashable" },
        "hash() of a writable buffer",
      );
      assertTrue(/^<read-write buffer for .+, size 2, offset 1 at .+>$/.test(b.toString()), `repr: ${b.toString()}`);
    });
  }
  if (typeof buffer.new === "function") {
    t("buffer.new(size) is writable zeroed memory", () => {
      const b = buffer.new(4);
      assertSameValue(b.length, 4, "length");
      assertSameValue(b.tobytes(), new Uint8Array(4), "tobytes()");
      b.set(3, bytesOf("z"));
      assertSameValue(b.get(3), bytesOf("z"), "get(3) after set()");
      assertTrue(/^<read-write buffer ptr .+, size 4 at .+>$/.test(b.toString()), `repr: ${b.toString()}`);
    });
  }
}

/** `concat` returned its very operand. */
const SAME = Symbol("the operand itself");

/** What a table case builds with: the module, and every TestExporter made (to check their exports are released). */
interface Env {
  readonly ctx: Context;
  readonly buffer: BufferCtor;
  base: unknown;
  readonly exporters: TestExporter[];
}

/** The members of the module a spec (or a key) needs, found by walking it. */
function needs(value: unknown, out: Set<keyof ImplementationModule>): Set<keyof ImplementationModule> {
  if (Array.isArray(value)) {
    for (const item of value) needs(item, out);
  } else if (typeof value === "object" && value !== null && !(value instanceof RegExp)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "bytes" || key === "bytearray" || key === "array" || key === "memoryview" || key === "slice") out.add(key);
      if (key === "step") out.add("slice");
      if (key === "raising") out.add("ValueError");
      if (key !== "value") needs(inner, out);
    }
  }
  return out;
}

/** Whether a case can run here: the module members it builds, and resizable ArrayBuffers for `resize`. */
function runnable(ctx: Context, c: BufferCase): boolean {
  for (const name of needs([c.base, c.make, c.do], new Set())) if (!ctx.has(name)) return false;
  const resizes = (c.then ?? []).some((m) => m[0] === "resize");
  return !resizes || typeof (ArrayBuffer.prototype as { resize?: unknown }).resize === "function";
}

function isSpec(value: unknown): value is Spec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arg(env: Env, value: unknown): unknown {
  return isSpec(value) ? build(env, value) : value;
}

function typedArray(name: string, items: readonly (number | bigint)[]): unknown {
  const Ctor = (globalThis as Record<string, unknown>)[name] as new (items: readonly (number | bigint)[]) => unknown;
  return new Ctor(items);
}

function arrayBuffer(text: string, max?: number): ArrayBuffer {
  const bytes = bytesOf(text);
  const ab =
    max === undefined
      ? new ArrayBuffer(bytes.length)
      : new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer)(bytes.length, { maxByteLength: max });
  new Uint8Array(ab).set(bytes);
  return ab;
}

function exporter(env: Env, made: TestExporter): TestExporter {
  env.exporters.push(made);
  return made;
}

/** An exporter failing every request with the module's ValueError: an error of its own, not a refusal. */
function raising(ctx: Context): object {
  const ValueError = ctx.impl.ValueError as new (message: string) => Error;
  return {
    [GET_BUFFER](_flags: number): BufferInfo {
      throw new ValueError("gone");
    },
  };
}

/** A read-only exporter of unsigned bytes that answers `format` null even when the request asks for it. */
function unformatted(text: string): object {
  const buf = bytesOf(text).buffer;
  const exporter = {
    [GET_BUFFER](flags: number): BufferInfo {
      if ((flags & BufferFlags.WRITABLE) !== 0) throw new ExporterBufferError("read-only exporter");
      const len = buf.byteLength;
      const shape = (flags & BufferFlags.ND) === BufferFlags.ND ? [len] : null;
      const strides = (flags & BufferFlags.STRIDES) === BufferFlags.STRIDES ? [1] : null;
      return {
        obj: exporter,
        buf,
        offset: 0,
        len,
        readonly: true,
        itemsize: 1,
        format: null,
        ndim: 1,
        shape,
        strides,
        suboffsets: null,
      };
    },
  };
  return exporter;
}

/** Builds the object a spec describes. */
function build(env: Env, spec: Spec): unknown {
  const { ctx, buffer } = env;
  if ("value" in spec) return spec.value;
  if ("base" in spec) return env.base;
  if ("bytes" in spec) return construct(ctx.impl.bytes, bytesOf(spec.bytes));
  if ("bytearray" in spec) return construct(ctx.impl.bytearray, bytesOf(spec.bytearray));
  if ("array" in spec) return construct(ctx.impl.array, spec.array[0], [...spec.array[1]]);
  if ("exporter" in spec) {
    const options = { writable: spec.writable, offset: spec.offset, shape: spec.shape, format: spec.format };
    return exporter(env, new TestExporter(bytesOf(spec.exporter), options));
  }
  if ("strided" in spec) {
    const n = Math.floor(spec.strided.length / 2);
    return exporter(env, new TestExporter(bytesOf(spec.strided), { shape: [n], strides: [2], writable: spec.writable }));
  }
  if ("raising" in spec) return raising(ctx);
  if ("unformatted" in spec) return unformatted(spec.unformatted);
  if ("typed" in spec) return typedArray(spec.typed, spec.items);
  if ("u8" in spec) return new Uint8Array(bytesOf(spec.u8).buffer, spec.at, spec.length);
  if ("arrayBuffer" in spec) return arrayBuffer(spec.arrayBuffer, spec.max);
  if ("dataView" in spec) return new DataView(bytesOf(spec.dataView).buffer, spec.at, spec.length);
  if ("memoryview" in spec) {
    const m = ctx.memoryview(build(env, spec.memoryview));
    const view = spec.step === undefined ? m : (m.get(ctx.slice(null, null, spec.step)) as MemoryViewLike);
    if (spec.cast !== undefined) return view.cast(spec.cast);
    return spec.toreadonly ? view.toreadonly() : view;
  }
  if ("buffer" in spec) return construct(buffer, ...spec.buffer.map((a) => arg(env, a)));
  if ("rw" in spec) {
    const [obj, ...rest] = spec.rw.map((a) => arg(env, a));
    return buffer.fromReadWriteObject(obj, ...rest);
  }
  return buffer.new(spec.new);
}

/** The bytes an object holds now: its JavaScript bytes, or its export's. */
function contentOf(obj: unknown): string {
  if (obj instanceof ArrayBuffer) return latin1(new Uint8Array(obj));
  if (ArrayBuffer.isView(obj)) return latin1(new Uint8Array(obj.buffer, obj.byteOffset, obj.byteLength));
  const exporter = obj as Record<symbol, (arg: unknown) => BufferInfo>;
  const info = exporter[GET_BUFFER]!(BufferFlags.SIMPLE);
  try {
    return latin1(new Uint8Array(info.buf, info.offset, info.len));
  } finally {
    exporter[RELEASE_BUFFER]?.(info);
  }
}

function mutate(base: unknown, [what, first, second]: Mutation): void {
  if (what === "resize") (base as { resize(n: number): void }).resize(first);
  else if (what === "append") (base as { append(v: number): void }).append(first);
  else (base as TestExporter).memory[first] = second!;
}

/** Exports the buffer as `buffer_getbuffer` does and reads the exported bytes. */
function exported(b: LegacyBufferLike, flags: number): string {
  const exporter = b as unknown as Record<symbol, (arg: unknown) => BufferInfo>;
  const info = exporter[GET_BUFFER]!(flags);
  try {
    return latin1(new Uint8Array(info.buf, info.offset, info.len));
  } finally {
    exporter[RELEASE_BUFFER]?.(info);
  }
}

/** Runs one operation; bytes come back as latin-1 strings, `compare` as its sign. */
function perform(env: Env, b: LegacyBufferLike, op: Op): unknown {
  const { ctx } = env;
  switch (op[0]) {
    case "len":
      return b.length;
    case "str":
      return latin1(b.tobytes());
    case "get": {
      const key = op[1];
      const k = isSpec(key) && "slice" in key ? ctx.slice(...(key as { slice: [number, number, number] }).slice) : key;
      return latin1(b.get(k as number));
    }
    case "slice":
      return latin1(b.slice(op[1] as number, op[2] as number, op[3] as number));
    case "set": {
      const key = op[1];
      const k = isSpec(key) && "slice" in key ? ctx.slice(...(key as { slice: [number, number, number] }).slice) : key;
      return b.set(k as number, build(env, op[2])) ?? null;
    }
    case "concat": {
      const operand = build(env, op[1]);
      const result = b.concat(operand);
      return result === operand ? SAME : latin1(result as Uint8Array);
    }
    case "repeat":
      return latin1(b.repeat(arg(env, op[1]) as number));
    case "compare":
      return Math.sign(b.compare(build(env, op[1])));
    case "hash":
      return b.hash();
    case "repr":
      return b.toString();
    case "export":
      return exported(b, op[1]);
  }
}

function checkCase(ctx: Context, buffer: BufferCtor, c: BufferCase): void {
  const env: Env = { ctx, buffer, base: undefined, exporters: [] };
  let made: LegacyBufferLike | undefined;
  const run = (): unknown => {
    if (c.base !== undefined) env.base = build(env, c.base);
    made = build(env, c.make) as LegacyBufferLike;
    for (const m of c.then ?? []) mutate(env.base, m);
    return perform(env, made, c.do ?? ["str"]);
  };
  const what = `${c.id} (${c.source})`;
  if (c.expect.error !== undefined) {
    const [name, message] = c.expect.error;
    assertThrows(run, { name, message }, what);
  } else {
    const result = attempt(run, what);
    if (c.expect.repr !== undefined) {
      assertTrue(
        typeof result === "string" && c.expect.repr.test(result),
        `${what}: repr ${String(result)} matches ${c.expect.repr}`,
      );
    } else if (c.expect.same) {
      assertSameValue(result, SAME, `${what}: returns its very operand`);
    } else {
      assertSameValue(result, c.expect.value, what);
    }
    if (c.after !== undefined) assertSameValue(contentOf(env.base), c.after, `${what}: the base afterwards`);
    if (c.self !== undefined) assertSameValue(latin1(made!.tobytes()), c.self, `${what}: the buffer afterwards`);
  }
  // A consumer releases every export it takes, whatever happened.
  env.exporters.forEach((x, i) => {
    assertSameValue(x.exports, 0, `${what}: live exports of TestExporter #${i}`);
  });
}

/** The table of `buffer-table.ts`: one case each. */
export function table(ctx: Context): void {
  const buffer = ctx.impl.buffer as BufferCtor;
  for (const [section, cases] of LEGACY_BUFFER_CASES) {
    for (const c of cases) {
      if (!runnable(ctx, c)) continue;
      ctx.test(`${section}: ${c.id}`, () => checkCase(ctx, buffer, c));
    }
  }
}

/** test_buffer.py test_extended_getslice: every slice of 256 bytes, checked against the suite's slice model. */
export function extendedSlicing(ctx: Context): void {
  const make = ctx.impl.buffer as BufferCtor;
  ctx.test(`slices: test_buffer.py extended getslice, against the slice model`, () => {
    const data = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    const source = TestExporter.fromItems([...data]);
    const b = construct(make, source) as LegacyBufferLike;
    const indices = [0, null, 1, 3, 19, 300, -1, -2, -31, -300];
    for (const start of indices) {
      for (const stop of indices) {
        for (const step of indices.slice(1)) {
          const s = sliceIndices(start, stop, step, data.length);
          const expected = Uint8Array.from({ length: s.length }, (_, i) => data[s.start + i * s.step]!);
          assertSameValue(b.slice(start, stop, step), expected, `b[${start}:${stop}:${step}]`);
        }
      }
    }
    assertSameValue(source.exports, 0, "no export left behind");
  });
}

/** A hash as a bigint, whatever the implementation returns. */
function hashOf(b: LegacyBufferLike): bigint {
  const h = b.hash();
  assertTrue(typeof h === "number" || typeof h === "bigint", `hash() is a number or bigint, got ${typeof h}`);
  assertTrue(typeof h === "bigint" || Number.isInteger(h), `hash() is an integer, got ${String(h)}`);
  return BigInt(h);
}

/**
 * buffer_hash: 2.7's string hash of the window, cached in `b_hash`. The
 * contract fixes no hash values, so the relations: equal bytes hash equal
 * whatever the base, distinct bytes (here) hash apart, the empty buffer
 * hashes 0 (buffer_hash says so outright), -1 never occurs, and the first
 * hash is kept though the base changes.
 */
export function hashes(ctx: Context): void {
  const make = (...a: unknown[]) => construct(ctx.impl.buffer, ...a) as LegacyBufferLike;
  const t = (name: string, body: () => void) => ctx.test(`hash: ${name}`, body);
  t("equal bytes hash equal, whatever the base and window", () => {
    const expected = hashOf(make(TestExporter.fromItems([...bytesOf("hello")])));
    const same: [string, unknown[]][] = [
      ["Uint8Array", [bytesOf("hello")]],
      ["a window of a longer base", [TestExporter.fromItems([...bytesOf("say hello world")]), 4, 5]],
      ["a buffer of a buffer", [make(TestExporter.fromItems([...bytesOf("hello world")]), 0, 5)]],
      ["an ArrayBuffer", [bytesOf("xhello").buffer, 1]],
    ];
    if (ctx.has("bytes")) same.push(["bytes", [construct(ctx.impl.bytes, bytesOf("hello"))]]);
    if (ctx.has("bytearray")) same.push(["bytearray", [construct(ctx.impl.bytearray, bytesOf("hello"))]]);
    for (const [what, args] of same) assertSameValue(hashOf(make(...args)), expected, `hash of ${what}`);
  });
  t("the hash covers the window only", () => {
    const whole = hashOf(make(bytesOf("hello world")));
    assertTrue(hashOf(make(bytesOf("hello world"), 0, 5)) !== whole, "hash(buffer(x, 0, 5)) differs from hash(buffer(x))");
  });
  t("distinct bytes hash apart", () => {
    const seen = new Map<bigint, string>();
    const note = (label: string, data: Uint8Array) => {
      const h = hashOf(make(data));
      assertTrue(h !== -1n, `hash(${label}) is never -1`);
      assertTrue(!seen.has(h), `hash(${label}) differs from hash(${seen.get(h)})`);
      seen.set(h, label);
    };
    for (let byte = 0; byte < 256; byte++) note(`[${byte}]`, Uint8Array.of(byte));
    note("[0, 0]", Uint8Array.of(0, 0));
    note("[0, 1]", Uint8Array.of(0, 1));
    note("'ab'", bytesOf("ab"));
    note("'ba'", bytesOf("ba"));
    note("'hello world'", bytesOf("hello world"));
  });
  t("the empty buffer hashes 0", () => {
    assertSameValue(hashOf(make(new Uint8Array(0))), 0n, "hash(buffer(''))");
    assertSameValue(hashOf(make(bytesOf("abc"), 3)), 0n, "hash of an empty window");
  });
  t("the first hash is kept though the base changes", () => {
    const x = TestExporter.fromItems([...bytesOf("abcd")], { writable: true });
    const b = make(x);
    const first = hashOf(b);
    x.memory[0] = "Z".charCodeAt(0);
    assertSameValue(hashOf(b), first, "hash() after the base changed");
    assertSameValue(latin1(b.tobytes()), "Zbcd", "while the bytes are re-read");
    assertTrue(hashOf(make(x)) !== first, "a new buffer hashes the new bytes");
    assertSameValue(hashOf(make(x)), hashOf(make(bytesOf("Zbcd"))), "as any buffer of them");
    assertSameValue(x.exports, 0, "no export left behind");
  });
}

/** The addresses in a repr (buffer_repr's %p): [for or ptr, at]. */
function addresses(repr: string): [string, string] {
  const found = /^<read-(?:only|write) buffer (?:for|ptr) (0x[0-9a-fA-F]+), .* at (0x[0-9a-fA-F]+)>$/.exec(repr);
  assertTrue(found !== null, `repr ${repr} has two addresses`);
  return [found[1]!.toLowerCase(), found[2]!.toLowerCase()];
}

/**
 * buffer_repr's addresses: the same object prints the same address, two
 * live objects two; "for" names the base object (after buffer_from_object
 * composed a buffer of a buffer, the inner base), and buffer.new's memory
 * follows the object (PyBuffer_New: `b_ptr = (void *)(b + 1)`).
 */
export function reprs(ctx: Context): void {
  const buffer = ctx.impl.buffer as BufferCtor;
  const make = (...a: unknown[]) => construct(buffer, ...a) as LegacyBufferLike;
  const t = (name: string, body: () => void) => ctx.test(`repr: ${name}`, body);
  t("the same buffer prints the same repr", () => {
    const b = make(bytesOf("abc"), 1);
    assertSameValue(b.toString(), b.toString(), "repr(b) twice");
  });
  t("two buffers of one base: the same base address, two addresses of their own", () => {
    const x = bytesOf("abcd");
    const [base1, self1] = addresses(make(x).toString());
    const [base2, self2] = addresses(make(x, 1).toString());
    assertSameValue(base1, base2, "the base's address");
    assertTrue(self1 !== self2, "two buffers, two addresses");
    assertTrue(base1 !== self1, "the base is not the buffer");
    const [other] = addresses(make(bytesOf("abcd")).toString());
    assertTrue(other !== base1, "another base, another address");
  });
  t("a buffer of a buffer names the inner base", () => {
    const x = bytesOf("abcd");
    const inner = make(x, 1);
    const [base] = addresses(inner.toString());
    const [, innerSelf] = addresses(inner.toString());
    const [outerBase] = addresses(make(inner, 1).toString());
    assertSameValue(outerBase, base, "buffer(buffer(x, 1), 1) is for x");
    assertTrue(outerBase !== innerSelf, "not for the inner buffer");
  });
  t("a buffer of buffer.new names that buffer", () => {
    const n = buffer.new(4);
    const [, self] = addresses(n.toString());
    const [base] = addresses(make(n, 1).toString());
    assertSameValue(base, self, "buffer(buffer.new(4), 1) is for the new buffer");
    const [ptr] = addresses(n.toString());
    assertTrue(BigInt(ptr) > BigInt(self), `buffer.new's memory ${ptr} follows the object ${self}`);
  });
}

/** buffer_getbuffer through memoryview: PyBuffer_FillInfo of the window, obj the buffer, the base's memory itself. */
export function exporterSide(ctx: Context): void {
  if (!ctx.has("memoryview")) return;
  const buffer = ctx.impl.buffer as BufferCtor;
  const make = (...a: unknown[]) => construct(buffer, ...a) as LegacyBufferLike;
  const t = (name: string, body: () => void) => ctx.test(`exporter: ${name}`, body);
  t("memoryview(buffer(...)): bytes, read-only, of the window", () => {
    const x = TestExporter.fromItems([...bytesOf("hello world")], { writable: true });
    const b = make(x, 6);
    const m = ctx.memoryview(b);
    assertSameValue(
      [m.format, m.itemsize, m.ndim, m.shape, m.strides, m.readonly],
      ["B", 1, 1, [5], [1], true],
      "the view's attributes",
    );
    assertTrue(m.obj === b, "the view's obj is the buffer");
    assertSameValue(m.tobytes(), bytesOf("world"), "tobytes()");
    x.memory[6] = "W".charCodeAt(0);
    assertSameValue(m.tobytes(), bytesOf("World"), "the view shows the base's memory, not a copy");
    m.release();
    assertSameValue(x.exports, 0, "the base's export ends with the view");
  });
  t("memoryview of a writable buffer writes the base", () => {
    const x = TestExporter.fromItems([...bytesOf("abcd")], { writable: true });
    const m = ctx.memoryview(buffer.fromReadWriteObject(x, 1, 2));
    assertSameValue([m.readonly, m.shape], [false, [2]], "readonly, shape");
    m.set(1, "Z".charCodeAt(0));
    assertSameValue(latin1(x.memory), "abZd", "the base after m[1] = 'Z'");
    m.release();
    assertSameValue(x.exports, 0, "the base's export ends with the view");
  });
  t("memoryview of buffer.new", () => {
    const n = buffer.new(3);
    const m = ctx.memoryview(n);
    m.set(0, 7);
    assertSameValue(n.tobytes(), Uint8Array.of(7, 0, 0), "the buffer after m[0] = 7");
    m.release();
  });
  if (ctx.has("bytearray")) {
    t("a live view of a buffer of a bytearray holds the bytearray's export", () => {
      const x = construct(ctx.impl.bytearray, bytesOf("ab")) as { append(v: number): void };
      const b = make(x);
      const m = ctx.memoryview(b);
      assertThrows(
        () => x.append(99),
        { name: "BufferError", message: "Existing exports of data: object cannot be re-sized" },
        "append() under the view",
      );
      m.release();
      attempt(() => x.append(99), "append() after release()");
      assertSameValue(latin1(b.tobytes()), "abc", "the buffer sees the append");
    });
  }
}

/** The copies: the contract's byte strings are never views of the base's memory. */
export function copies(ctx: Context): void {
  const buffer = ctx.impl.buffer as BufferCtor;
  const make = (...a: unknown[]) => construct(buffer, ...a) as LegacyBufferLike;
  ctx.test(`copies: tobytes, get, slice, concat and repeat return new bytes`, () => {
    const base = bytesOf("abcd");
    const b = make(base, 1);
    const results: [string, Uint8Array][] = [
      ["tobytes()", b.tobytes()],
      ["get(0)", b.get(0)],
      ["slice()", b.slice()],
      ["concat(x)", b.concat(bytesOf("x"))],
      ["repeat(1)", b.repeat(1)],
    ];
    for (const [what, result] of results) {
      assertTrue(result.buffer !== base.buffer, `${what} does not share the base's memory`);
      result.fill(0);
    }
    assertSameValue(latin1(base), "abcd", "the base after the results were overwritten");
  });
  ctx.test(`copies: buffer.new's tobytes() is a copy`, () => {
    const n = buffer.new(2);
    n.tobytes().fill(9);
    assertSameValue(n.tobytes(), new Uint8Array(2), "the buffer after its tobytes() was overwritten");
  });
}

/** The C API's constructors are part of the contract; iteration and equality where offered. */
export function api(ctx: Context): void {
  const buffer = ctx.impl.buffer as BufferCtor;
  const make = (...a: unknown[]) => construct(buffer, ...a) as LegacyBufferLike;
  ctx.test(`api: buffer.fromReadWriteObject and buffer.new exist`, () => {
    assertSameValue(typeof buffer.fromReadWriteObject, "function", "typeof buffer.fromReadWriteObject");
    assertSameValue(typeof buffer.new, "function", "typeof buffer.new");
  });
  const probe = make(bytesOf("ab")) as unknown as Partial<Iterable<Uint8Array>> & { equals?: (o: unknown) => boolean };
  if (typeof probe[Symbol.iterator] === "function") {
    ctx.test(`api: iteration gives each byte of the current window`, () => {
      const x = TestExporter.fromItems([...bytesOf("abcd")]);
      const b = make(x, 1, 2) as unknown as Iterable<Uint8Array>;
      assertSameValue([...b], [bytesOf("b"), bytesOf("c")], "[...buffer(x, 1, 2)]");
      assertSameValue([...(make(x, 4) as unknown as Iterable<Uint8Array>)], [], "[...empty buffer]");
      assertSameValue(x.exports, 0, "no export left behind");
    });
  }
  if (typeof probe.equals === "function") {
    ctx.test(`api: equals() is buffer_compare == 0, and false for other types`, () => {
      const eq = (a: LegacyBufferLike, o: unknown) => (a as unknown as { equals(o: unknown): boolean }).equals(o);
      assertSameValue(eq(make(bytesOf("ab")), make(bytesOf("xab"), 1)), true, "equal bytes");
      assertSameValue(eq(make(bytesOf("ab")), make(bytesOf("abc"))), false, "a prefix");
      assertSameValue(eq(make(bytesOf("ab")), make(bytesOf("ac"))), false, "another byte");
      assertSameValue(eq(make(bytesOf("ab")), bytesOf("ab")), false, "not a buffer (test_types.py: buffer != str)");
    });
  }
}

/** Calls one helper the way a case asks: bytes come back as latin-1, after writing "Z" through a write buffer when the case checks that. */
function callHelper(env: Env, api: LegacyBufferApiLike, c: CapiCase): { result: string | boolean; target: unknown } {
  if (c.base !== undefined) env.base = build(env, c.base);
  const target = build(env, c.make);
  if (c.fn === "checkReadBuffer") return { result: api.checkReadBuffer(target), target };
  const bytes = api[c.fn](target);
  assertTrue(bytes instanceof Uint8Array, `${c.fn} returns a Uint8Array`);
  const result = latin1(bytes);
  if (c.after !== undefined) bytes[0] = "Z".charCodeAt(0);
  return { result, target };
}

function checkCapiCase(ctx: Context, api: LegacyBufferApiLike, c: CapiCase): void {
  const env: Env = { ctx, buffer: ctx.impl.buffer as BufferCtor, base: undefined, exporters: [] };
  const what = `${c.id} (${c.source})`;
  if (c.expect.error !== undefined) {
    const [name, message] = c.expect.error;
    assertThrows(() => callHelper(env, api, c), { name, message }, what);
  } else {
    const { result, target } = attempt(() => callHelper(env, api, c), what);
    assertSameValue(result, c.expect.value, what);
    if (c.after !== undefined) {
      assertSameValue(contentOf(env.base ?? target), c.after, `${what}: the object after writing "Z" through the write buffer`);
    }
  }
  // The C functions hand out memory with no release: whatever they exported is given back.
  env.exporters.forEach((x, i) => {
    assertSameValue(x.exports, 0, `${what}: live exports of TestExporter #${i}`);
  });
}

/**
 * Python 2.7's old-buffer C API (`PyObject_AsReadBuffer`,
 * `PyObject_AsWriteBuffer`, `PyObject_AsCharBuffer`,
 * `PyObject_CheckReadBuffer`), where the module offers it as `legacyCapi`:
 * the table of `capi-table.ts`, over every kind of object.
 */
export function oldBufferApi(ctx: Context): void {
  const api = ctx.impl.legacyCapi ?? {};
  const names = ["asReadBuffer", "asWriteBuffer", "asCharBuffer", "checkReadBuffer"] as const;
  for (const name of names) {
    if (typeof api[name] !== "function") ctx.skip(`legacyCapi: ${name}`, `the module's legacyCapi has no ${name}`);
  }
  for (const [section, cases] of LEGACY_CAPI_CASES) {
    for (const c of cases) {
      if (typeof api[c.fn] !== "function") continue;
      if (!runnable(ctx, { id: c.id, source: c.source, base: c.base, make: c.make, expect: {} })) continue;
      ctx.test(`legacyCapi: ${section}: ${c.id}`, () => checkCapiCase(ctx, api as LegacyBufferApiLike, c));
    }
  }
}
