/**
 * The struct codec's arguments beyond a plain `Uint8Array` and a number: the
 * recorded CPython cases replayed through `Struct` objects, through every
 * kind of buffer (ArrayBuffer, DataView, other TypedArrays, SharedArrayBuffer,
 * the module's own exporters, a test exporter) and with every kind of offset
 * (`struct_offsets` in fixtures/golden.py: bools, ints at and beyond the
 * ssize_t limits as bigints and numbers, floats, a str, None). Whatever the buffer's
 * kind, the outcome must be the one recorded for the same bytes; the wording
 * of the errors for wrong kinds is CPython's (`y*` and `w*` converters,
 * `PyNumber_AsSsize_t`).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows } from "../assert/index.js";
import { ConformanceError } from "../assert/assertion-error.js";
import { showValue } from "../assert/show-value.js";
import type { Context } from "../common.js";
import { decodeValue, fromHex } from "../golden/decode-value.js";
import { golden, type GoldenStructCase } from "../golden/golden-data.js";
import { checkRecorded } from "./golden-struct.js";
import { construct, type StructModuleLike } from "../implementation.js";
import { TestExporter } from "../test-exporter/index.js";

const GROUP = "struct-sources";

type StructObject = InstanceType<StructModuleLike["Struct"]>;

/** The outcome of one call: its value, or its error's name and message. */
type Outcome = { readonly value: unknown } | { readonly error: readonly [string, string] };

/** An outcome in words, for comparing and for the failure message. */
function showOutcome(o: Outcome): string {
  return "error" in o ? `${o.error[0]}: ${o.error[1]}` : `returned ${showValue(o.value)}`;
}

function outcome(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown } | null;
    return { error: [String(e?.name), String(e?.message)] };
  }
}

/** One recorded case through `new Struct(format)` and its methods. */
function runWithStruct(Struct: StructModuleLike["Struct"], c: GoldenStructCase): unknown {
  const s: StructObject = new Struct(c.format);
  const args = (c.args ?? []).map(decodeValue);
  switch (c.op) {
    case "calcsize":
      return s.size;
    case "pack":
      return s.pack(...args);
    case "unpack":
      return s.unpack(fromHex(c.bytes ?? ""));
    case "pack_into": {
      const buffer = fromHex(c.buffer ?? "");
      s.packInto(buffer, c.offset ?? 0, ...args);
      return buffer;
    }
    case "unpack_from":
      return s.unpackFrom(fromHex(c.buffer ?? ""), c.offset ?? 0);
    case "iter_unpack":
      return [...s.iterUnpack(fromHex(c.bytes ?? ""))];
  }
}

/** Every recorded case again through a `Struct` object: same values, same errors. */
export function structObjects(ctx: Context): void {
  const Struct = ctx.impl.struct?.Struct;
  if (typeof Struct !== "function") {
    ctx.skip(`${GROUP}: Struct`, "the module's struct has no Struct");
    return;
  }
  golden.struct.forEach((c, i) => {
    const what = `#${i} Struct(${JSON.stringify(c.format)}) ${c.op}`;
    ctx.test(`${GROUP}: ${what}`, () => {
      checkRecorded(c, () => runWithStruct(Struct, c), what);
      if (!c.error) assertSameValue(new Struct(c.format).format, c.format, `${what}: .format`);
    });
  });
}

/**
 * A kind of buffer argument: `wrap` puts `bytes` in it, `read` gives its
 * bytes back (after a `pack_into`), and `writable` says whether `w*` takes it.
 */
interface BufferKind {
  readonly label: string;
  readonly wrap: (bytes: Uint8Array) => unknown;
  readonly read: (buffer: unknown) => Uint8Array;
  readonly writable: boolean;
  /** The Python type name in a refused `w*` message (only for read-only kinds). */
  readonly typeName?: string;
}

const PAD = 5; // bytes before and after the window, to catch reads outside it

function bufferKinds(ctx: Context): BufferKind[] {
  const kinds: BufferKind[] = [
    {
      label: "ArrayBuffer",
      wrap: (bytes) => bytes.slice().buffer,
      read: (buffer) => new Uint8Array(buffer as ArrayBuffer),
      writable: true,
    },
    {
      label: "DataView in a larger buffer",
      wrap: (bytes) => {
        const memory = new Uint8Array(bytes.length + 2 * PAD).fill(0xee);
        memory.set(bytes, PAD);
        return new DataView(memory.buffer, PAD, bytes.length);
      },
      read: (buffer) => {
        const view = buffer as DataView;
        const all = new Uint8Array(view.buffer);
        for (let i = 0; i < PAD; i++) {
          if (all[i] !== 0xee || all[all.length - 1 - i] !== 0xee) throw new ConformanceError("bytes outside the DataView changed");
        }
        return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      },
      writable: true,
    },
    {
      label: "Uint8Array subarray",
      wrap: (bytes) => {
        const memory = new Uint8Array(bytes.length + 2 * PAD).fill(0xee);
        memory.set(bytes, PAD);
        return memory.subarray(PAD, PAD + bytes.length);
      },
      read: (buffer) => buffer as Uint8Array,
      writable: true,
    },
  ];
  if (ctx.supports.sharedArrayBuffer && typeof SharedArrayBuffer !== "undefined") {
    kinds.push({
      label: "SharedArrayBuffer",
      wrap: (bytes) => {
        const shared = new SharedArrayBuffer(bytes.length);
        new Uint8Array(shared).set(bytes);
        return shared;
      },
      read: (buffer) => new Uint8Array(buffer as SharedArrayBuffer),
      writable: true,
    });
  }
  if (ctx.has("bytearray")) {
    kinds.push({
      label: "bytearray",
      wrap: (bytes) => construct(ctx.impl.bytearray, bytes),
      read: (buffer) => Uint8Array.from(ctx.memoryview(buffer).tolist() as number[]),
      writable: true,
    });
  }
  if (ctx.has("bytes")) {
    kinds.push({
      label: "bytes",
      wrap: (bytes) => construct(ctx.impl.bytes, bytes),
      read: () => {
        throw new ConformanceError("bytes is read-only");
      },
      writable: false,
      typeName: "bytes",
    });
  }
  if (ctx.has("memoryview")) {
    kinds.push({
      label: "memoryview of a writable exporter",
      wrap: (bytes) => ctx.memoryview(new TestExporter(bytes, { writable: true })),
      read: (buffer) => Uint8Array.from((buffer as { tolist(): number[] }).tolist()),
      writable: true,
    });
  }
  kinds.push({
    label: "read-only test exporter",
    wrap: (bytes) => new TestExporter(bytes),
    read: () => {
      throw new ConformanceError("the exporter is read-only");
    },
    writable: false,
  });
  return kinds;
}

/** The recorded buffer cases of each op, a few per format, for the buffer kinds. */
function sampleCases(): { c: GoldenStructCase; i: number }[] {
  const perOp = new Map<string, number>();
  const out: { c: GoldenStructCase; i: number }[] = [];
  golden.struct.forEach((c, i) => {
    if (c.op === "calcsize" || c.op === "pack") return;
    const taken = perOp.get(c.op) ?? 0;
    if (taken >= 60) return;
    perOp.set(c.op, taken + 1);
    out.push({ c, i });
  });
  return out;
}

function runWithBuffer(struct: Partial<StructModuleLike>, c: GoldenStructCase, kind: BufferKind): unknown {
  const args = (c.args ?? []).map(decodeValue);
  switch (c.op) {
    case "unpack":
      return struct.unpack!(c.format, kind.wrap(fromHex(c.bytes ?? "")));
    case "iter_unpack":
      return [...struct.iterUnpack!(c.format, kind.wrap(fromHex(c.bytes ?? "")))];
    case "unpack_from":
      return struct.unpackFrom!(c.format, kind.wrap(fromHex(c.buffer ?? "")), c.offset ?? 0);
    default: {
      const buffer = kind.wrap(fromHex(c.buffer ?? ""));
      struct.packInto!(c.format, buffer, c.offset ?? 0, ...args);
      return kind.read(buffer);
    }
  }
}

/** The recorded cases with the buffer in every kind the module takes. */
export function bufferKindsGroup(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  const cases = sampleCases();
  for (const kind of bufferKinds(ctx)) {
    for (const { c, i } of cases) {
      const fn = { unpack: "unpack", iter_unpack: "iterUnpack", unpack_from: "unpackFrom", pack_into: "packInto" }[c.op as string];
      if (fn === undefined || typeof struct[fn as keyof StructModuleLike] !== "function") continue;
      const what = `#${i} ${c.op}(${JSON.stringify(c.format)}) on a ${kind.label}`;
      if (c.op === "pack_into" && !kind.writable) {
        ctx.test(`${GROUP}: ${what} is refused`, () => {
          const buffer = kind.wrap(fromHex(c.buffer ?? ""));
          const args = (c.args ?? []).map(decodeValue);
          const message = kind.typeName === undefined ? /^argument must be read-write bytes-like object, not / : `argument must be read-write bytes-like object, not ${kind.typeName}`;
          assertThrows(() => struct.packInto!(c.format, buffer, c.offset ?? 0, ...args), { name: "TypeError", message }, what);
        });
        continue;
      }
      ctx.test(`${GROUP}: ${what}`, () => checkRecorded(c, () => runWithBuffer(struct, c, kind), what));
    }
  }
}

/** Arguments that are not buffers, and offsets that are not plain numbers (CPython's words). */
export function argumentKinds(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  // Objects that are not buffers, and a read-only one given to pack_into.
  const calls = {
    unpack: (v: unknown) => struct.unpack?.("<4B", v),
    unpack_from: (v: unknown) => struct.unpackFrom?.("<B", v, 0),
    iter_unpack: (v: unknown) => struct.iterUnpack?.("<B", v),
    pack_into: (v: unknown) => struct.packInto?.("<B", v, 0, 1),
  };
  const asModuleBytes = (v: unknown): unknown => (v instanceof Uint8Array && ctx.has("bytes") ? construct(ctx.impl.bytes, v) : v);
  golden.struct_not_buffers.forEach((c, i) => {
    const value = decodeValue(c.value);
    if (value instanceof Uint8Array && !ctx.has("bytes")) return;
    const what = `#${i} ${c.op} given ${showValue(c.value)}`;
    ctx.test(`${GROUP}: ${what}`, () => {
      assertThrows(() => calls[c.op](asModuleBytes(value)), { name: c.error[0], message: c.error[1] }, what);
    });
  });

  // Offsets of every kind, as CPython took them; an int is passed both as a
  // bigint and, where it converts exactly, as a number.
  const data = () => Uint8Array.from([10, 11, 12, 13, 14, 15, 16, 17]);
  for (const c of golden.struct_offsets) {
    const decoded = decodeValue(c.offset);
    const forms: unknown[] = [decoded];
    if (typeof decoded === "bigint" && BigInt(Number(decoded)) === decoded) forms.push(Number(decoded));
    for (const offset of forms) {
      const label = typeof offset === "bigint" ? `${offset}n` : typeof offset === "string" ? JSON.stringify(offset) : String(offset);
      if (struct.unpackFrom) {
        const what = `unpackFrom('<2B', 8 bytes, ${label})`;
        ctx.test(`${GROUP}: ${what}`, () => {
          const got = outcome(() => Array.from(struct.unpackFrom!("<2B", data(), offset as number)));
          const expected = "error" in c.unpack_from ? { error: c.unpack_from.error } : { value: c.unpack_from.values };
          assertSameValue(showOutcome(got), showOutcome(expected), what);
        });
      }
      if (struct.packInto) {
        const what = `packInto('<B', 8 bytes, ${label}, 99)`;
        ctx.test(`${GROUP}: ${what}`, () => {
          const buffer = data();
          const got = outcome(() => struct.packInto!("<B", buffer, offset as number, 99));
          const expected = "error" in c.pack_into ? { error: c.pack_into.error } : { value: undefined };
          assertSameValue(showOutcome(got), showOutcome(expected), what);
          assertSameValue(buffer, "error" in c.pack_into ? data() : fromHex(c.pack_into.bytes), `${what}: the bytes after`);
        });
      }
    }
  }

  if (struct.packInto && struct.unpackFrom) {
    ctx.test(`${GROUP}: a TypedArray detached between two calls reads as empty`, () => {
      const bytes = Uint8Array.from([1, 2, 3, 4]);
      struct.packInto!("<H", bytes, 0, 0x0605);
      assertSameValue(Array.from(struct.unpackFrom!("<H", bytes, 0)), [0x0605], "before the detach");
      structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
      const expected = outcome(() => struct.packInto!("<H", new Uint8Array(0), 0, 1));
      const got = outcome(() => struct.packInto!("<H", bytes, 0, 1));
      assertSameValue(showOutcome(got), showOutcome(expected), "packInto into the detached array fails as into an empty one");
      const expectedRead = outcome(() => struct.unpackFrom!("<H", new Uint8Array(0), 0));
      const gotRead = outcome(() => struct.unpackFrom!("<H", bytes, 0));
      assertSameValue(showOutcome(gotRead), showOutcome(expectedRead), "unpackFrom the detached array fails as from an empty one");
    });
  }
}

/** Every group, in order. */
export function all(ctx: Context): void {
  if (!ctx.impl.struct) {
    ctx.skip(GROUP, "the module exports no struct");
    return;
  }
  structObjects(ctx);
  if (!ctx.supports.structArguments) {
    ctx.skip(`${GROUP}: buffer and offset kinds`, "the module declares structArguments: false");
    return;
  }
  bufferKindsGroup(ctx);
  argumentKinds(ctx);
}
