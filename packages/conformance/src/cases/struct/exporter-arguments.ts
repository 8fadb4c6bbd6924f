/**
 * The `struct/pack_into-unpack_from` group's cases with exporters: the
 * recorded offsets over exporters, exporters struct cannot use (CPython's
 * BufferError and `w*` TypeError), and `pack_into`'s argument counts.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, outcome, showOutcome } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { golden } from "../../golden/golden-data.js";
import type { StructModuleLike } from "../../implementation.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER } from "../../protocol/symbols.js";
import { TestExporter } from "../../test-exporter/index.js";
import { offsetOutcomes } from "./data-model-gate.js";

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
      golden().struct_offsets.forEach((recorded, i) => {
        const c = { ...recorded, ...offsetOutcomes(ctx, golden().struct_offsets, recorded) };
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
