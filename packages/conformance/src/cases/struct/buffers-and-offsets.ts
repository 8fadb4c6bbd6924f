/**
 * The struct codec's arguments beyond a plain `Uint8Array` and a number (the
 * `struct/pack_into-unpack_from` group): the recorded CPython cases replayed
 * through every kind of buffer (ArrayBuffer, DataView, other TypedArrays, SharedArrayBuffer,
 * the module's own exporters, a test exporter) and with every kind of offset
 * (`struct_offsets` in fixtures/golden.py: bools, ints at and beyond the
 * ssize_t limits as bigints and numbers, floats, a str, None). Whatever the buffer's
 * kind, the outcome must be the one recorded for the same bytes; the wording
 * of the errors for wrong kinds is CPython's (`y*` and `w*` converters,
 * `PyNumber_AsSsize_t`).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt, outcome, showOutcome } from "../../assert/index.js";
import { ConformanceError } from "../../assert/assertion-error.js";
import { showValue } from "../../assert/show-value.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { golden, type GoldenStructCase } from "../../golden/golden-data.js";
import { goldenStructPaths } from "../../golden/golden-struct-paths-data.js";
import { checkRecorded } from "./recorded-calls.js";
import { dataModelGate, offsetOutcomes } from "./data-model-gate.js";
import { construct, type StructModuleLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";

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
          if (all[i] !== 0xee || all[all.length - 1 - i] !== 0xee)
            throw new ConformanceError("bytes outside the DataView changed");
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
  golden().struct.forEach((c, i) => {
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
  const gate = dataModelGate(ctx, "recorded calls over other buffers");
  const cases = sampleCases();
  for (const kind of bufferKinds(ctx)) {
    for (const { c, i } of cases) {
      if (!gate.applies(c.format)) continue;
      const fn = { unpack: "unpack", iter_unpack: "iterUnpack", unpack_from: "unpackFrom", pack_into: "packInto" }[
        c.op as string
      ];
      if (fn === undefined || typeof struct[fn as keyof StructModuleLike] !== "function") continue;
      const what = `#${i} ${c.op}(${JSON.stringify(c.format)}) on a ${kind.label}`;
      if (c.op === "pack_into" && !kind.writable) {
        ctx.test(`${what} is refused`, () => {
          const buffer = kind.wrap(fromHex(c.buffer ?? ""));
          const args = (c.args ?? []).map(decodeValue);
          const message =
            kind.typeName === undefined
              ? /^argument must be read-write bytes-like object, not /
              : `argument must be read-write bytes-like object, not ${kind.typeName}`;
          assertThrows(() => struct.packInto!(c.format, buffer, c.offset ?? 0, ...args), { name: "TypeError", message }, what);
        });
        continue;
      }
      ctx.test(`${what}`, () => checkRecorded(c, () => runWithBuffer(struct, c, kind), what));
    }
  }
  gate.report();
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
  golden().struct_not_buffers.forEach((c, i) => {
    const value = decodeValue(c.value);
    if (value instanceof Uint8Array && !ctx.has("bytes")) return;
    const what = `#${i} ${c.op} given ${showValue(c.value)}`;
    ctx.test(`${what}`, () => {
      assertThrows(() => calls[c.op](asModuleBytes(value)), { name: c.error[0], message: c.error[1] }, what);
    });
  });

  // Offsets of every kind, as CPython took them; an int is passed both as a
  // bigint and, where it converts exactly, as a number.
  const data = () => Uint8Array.from([10, 11, 12, 13, 14, 15, 16, 17]);
  for (const recorded of golden().struct_offsets) {
    const c = { ...recorded, ...offsetOutcomes(ctx, golden().struct_offsets, recorded) };
    const decoded = decodeValue(c.offset);
    const forms: unknown[] = [decoded];
    if (typeof decoded === "bigint" && BigInt(Number(decoded)) === decoded) forms.push(Number(decoded));
    for (const offset of forms) {
      const label =
        typeof offset === "bigint" ? `${offset}n` : typeof offset === "string" ? JSON.stringify(offset) : String(offset);
      if (struct.unpackFrom) {
        const what = `unpackFrom('<2B', 8 bytes, ${label})`;
        ctx.test(`${what}`, () => {
          const got = outcome(() => Array.from(struct.unpackFrom!("<2B", data(), offset as number)));
          const expected = "error" in c.unpack_from ? { error: c.unpack_from.error } : { value: c.unpack_from.values };
          assertSameValue(showOutcome(got), showOutcome(expected), what);
        });
      }
      if (struct.packInto) {
        const what = `packInto('<B', 8 bytes, ${label}, 99)`;
        ctx.test(`${what}`, () => {
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
    ctx.test(`a TypedArray detached between two calls reads as empty`, () => {
      const bytes = Uint8Array.from([1, 2, 3, 4]);
      struct.packInto!("<H", bytes, 0, 0x0605);
      assertSameValue(Array.from(struct.unpackFrom!("<H", bytes, 0)), [0x0605], "before the detach");
      structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
      const expected = outcome(() => struct.packInto!("<H", new Uint8Array(0), 0, 1));
      const got = outcome(() => struct.packInto!("<H", bytes, 0, 1));
      assertSameValue(showOutcome(got), showOutcome(expected), "packInto into the detached array fails as into an empty one");
      const expectedRead = outcome(() => struct.unpackFrom!("<H", new Uint8Array(0), 0));
      const gotRead = outcome(() => struct.unpackFrom!("<H", bytes, 0));
      assertSameValue(
        showOutcome(gotRead),
        showOutcome(expectedRead),
        "unpackFrom the detached array fails as from an empty one",
      );
    });
  }
}

// ------------------------------------------- the codec's less common paths --

/** One recorded case through the module-level functions, the buffer a `Uint8Array`. */
export function runWithModule(struct: Partial<StructModuleLike>, c: GoldenStructCase): unknown {
  const args = (c.args ?? []).map(decodeValue);
  switch (c.op) {
    case "pack":
      return struct.pack!(c.format, ...args);
    case "unpack":
      return struct.unpack!(c.format, fromHex(c.bytes ?? ""));
    case "unpack_from":
      return struct.unpackFrom!(c.format, fromHex(c.buffer ?? ""), c.offset ?? 0);
    case "pack_into": {
      const buffer = fromHex(c.buffer ?? "");
      struct.packInto!(c.format, buffer, c.offset ?? 0, ...args);
      return buffer;
    }
    default:
      throw new ConformanceError(`no runner for ${c.op}`);
  }
}

/** Whether the module has every function a recorded op needs. */
/** Whether the struct module has the functions the less common paths call. */
export function hasFunctions(struct: Partial<StructModuleLike>): boolean {
  return ["pack", "unpack", "unpackFrom", "packInto"].every((fn) => typeof struct[fn as keyof StructModuleLike] === "function");
}

/**
 * `pack_into` of 8-byte integers out of range: the error, and the bytes the
 * buffer holds afterwards, which CPython's big-endian rows have already
 * written (`leftovers` in fixtures/golden_struct_paths.py).
 */
export function failedWrites(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  const byFormat = new Map<string, ReturnType<typeof goldenStructPaths>["leftovers"][number][]>();
  for (const c of goldenStructPaths().leftovers) byFormat.set(c.format, [...(byFormat.get(c.format) ?? []), c]);
  const gate = dataModelGate(ctx, "failed writes");
  for (const [format, cases] of byFormat) {
    if (!gate.applies(format)) continue;
    ctx.test(`packInto(${JSON.stringify(format)}) of values in and out of range leaves CPython's bytes`, () => {
      for (const c of cases) {
        const value = decodeValue(c.args?.[0]);
        const what = `packInto(${JSON.stringify(format)}, buffer, ${c.offset}, ${showValue(value)})`;
        const buffer = fromHex(c.buffer ?? "");
        checkRecorded(
          { ...c, bytes: c.after },
          () => {
            struct.packInto!(format, buffer, c.offset ?? 0, value);
            return buffer;
          },
          what,
        );
        assertSameValue(buffer, fromHex(c.after), `${what}: the buffer afterwards`);
      }
    });
  }
  gate.report();
}

/** Native `P` at and beyond its limits, and given values that are not integers (`pointers`). */
export function pointerValues(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  const gate = dataModelGate(ctx, "pointers");
  goldenStructPaths().pointers.forEach((c, i) => {
    if (!gate.applies(c.format)) return;
    const what = `#${i} ${c.op}('P', ${showValue(decodeValue(c.args?.[0]))})`;
    ctx.test(`pointer ${what}`, () => checkRecorded(c, () => runWithModule(struct, c), what));
  });
  gate.report();
  for (const c of goldenStructPaths().arity) {
    const name = c.fn === "pack" ? "pack" : "packInto";
    const fn = struct[name];
    ctx.test(`${name}() with no arguments`, () => {
      assertThrows(() => (fn as () => unknown)(), { name: c.error[0], message: c.error[1] }, `${name}() (CPython's ${c.fn}())`);
    });
  }
}

/** A compiled Struct of the module. */
type StructObject = InstanceType<StructModuleLike["Struct"]>;

/** A resizable ArrayBuffer (or growable SharedArrayBuffer) of `bytes`, able to grow to `max` bytes. */
function resizableOf(bytes: Uint8Array, max: number, shared: boolean): ArrayBuffer | SharedArrayBuffer | null {
  try {
    const buffer = shared
      ? new (SharedArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => SharedArrayBuffer)(bytes.length, {
          maxByteLength: max,
        })
      : new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(bytes.length, {
          maxByteLength: max,
        });
    if ((buffer as { maxByteLength?: number }).maxByteLength !== max) return null; // the runtime ignored the option
    new Uint8Array(buffer).set(bytes);
    return buffer;
  } catch {
    return null;
  }
}

/** Changes the length of a resizable or growable buffer. */
function setLength(buffer: ArrayBuffer | SharedArrayBuffer, length: number): void {
  const b = buffer as { resize?: (n: number) => void; grow?: (n: number) => void };
  if (typeof b.resize === "function") b.resize(length);
  else b.grow!(length);
}

/** The current bytes of any built-in buffer kind, copied into a fresh fixed-length `Uint8Array`. */
function currentBytes(source: ArrayBufferLike | ArrayBufferView): Uint8Array {
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice();
  return new Uint8Array(source).slice();
}

/**
 * A struct call on memory that changes length between calls must see its
 * length at the time of the call, as CPython's `struct` does with a
 * bytearray resized between calls: one `Struct` reads a resizable
 * ArrayBuffer, a growable SharedArrayBuffer, and length-tracking views of
 * them, grows them, reads past the old end, shrinks them and is refused
 * there. The truth is the same call on a fixed-length copy of the bytes.
 */
export function resizedBuffers(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  const Struct = struct.Struct;
  if (!ctx.supports.resizable || typeof Struct !== "function") return;
  const kinds: [string, boolean, (b: ArrayBuffer | SharedArrayBuffer) => ArrayBufferLike | ArrayBufferView][] = [
    ["resizable ArrayBuffer", false, (b) => b],
    ["length-tracking Uint8Array over a resizable ArrayBuffer", false, (b) => new Uint8Array(b)],
    ["length-tracking DataView over a resizable ArrayBuffer", false, (b) => new DataView(b)],
  ];
  if (ctx.supports.sharedArrayBuffer && typeof SharedArrayBuffer !== "undefined") {
    kinds.push(
      ["growable SharedArrayBuffer", true, (b) => b],
      ["length-tracking Uint8Array over a growable SharedArrayBuffer", true, (b) => new Uint8Array(b)],
    );
  }
  const initial = Uint8Array.from([1, 2, 3, 4]);
  for (const [label, shared, wrap] of kinds) {
    ctx.test(`a Struct over a ${label} sees each length it is given`, () => {
      const buffer = resizableOf(initial, 16, shared);
      if (buffer === null) return; // the runtime has no resizable buffers of this kind
      const source = wrap(buffer);
      const s = new Struct("<H");
      // The truth: the same call by a fresh Struct on a fixed-length copy (not by
      // `s`, whose latest argument must stay the resizable memory).
      const same = (what: string, call: (st: StructObject, src: unknown) => unknown): void => {
        const expected = outcome(() => call(new Struct("<H"), currentBytes(source)));
        const got = outcome(() => call(s, source));
        assertSameValue(showOutcome(got), showOutcome(expected), `${label}: ${what}`);
      };
      same("unpackFrom at 2 (4 bytes)", (st, src) => st.unpackFrom(src, 2));
      same("unpackFrom at 6 (4 bytes)", (st, src) => st.unpackFrom(src, 6));
      setLength(buffer, 12);
      new Uint8Array(buffer).set([7, 8, 9, 10, 11, 12], 6);
      same("unpackFrom at 6 after growing to 12 bytes", (st, src) => st.unpackFrom(src, 6));
      same("unpackFrom at -2 after growing to 12 bytes", (st, src) => st.unpackFrom(src, -2));
      same("unpack of 12 bytes", (st, src) => st.unpack(src));
      s.packInto(source, 10, 0x0d0e);
      assertSameValue(
        currentBytes(source).slice(10),
        Uint8Array.from([0x0e, 0x0d]),
        `${label}: packInto at 10 after growing writes the new bytes`,
      );
      if (!shared) {
        setLength(buffer, 2);
        same("unpackFrom at 2 after shrinking to 2 bytes", (st, src) => st.unpackFrom(src, 2));
        same("unpack after shrinking to 2 bytes", (st, src) => st.unpack(src));
        const expected = outcome(() => new Struct("<H").packInto(new Uint8Array(2), 2, 1));
        assertSameValue(
          showOutcome(outcome(() => s.packInto(source, 2, 1))),
          showOutcome(expected),
          `${label}: packInto at 2 after shrinking`,
        );
      }
    });
  }
}

/**
 * Detached memory of every built-in kind reads as 0 bytes, whether the
 * `Struct` saw it before the detach or not; a `Struct` that was last given
 * something else than a buffer refuses the next non-buffer too.
 */
export function detachedAndRefused(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  const Struct = struct.Struct;
  if (!ctx.supports.detach || typeof Struct !== "function" || typeof structuredClone !== "function") return;
  const kinds: [string, (b: ArrayBuffer) => unknown][] = [
    ["ArrayBuffer", (b) => b],
    ["DataView", (b) => new DataView(b, 1, 4)],
    ["Int16Array", (b) => new Int16Array(b, 2, 2)],
  ];
  for (const [label, wrap] of kinds) {
    ctx.test(`a detached ${label} is 0 bytes to struct`, () => {
      const buffer = new ArrayBuffer(8);
      const source = wrap(buffer);
      const s = new Struct("<H");
      attempt(() => s.unpackFrom(source, 0), `${label}: unpackFrom before the detach`);
      structuredClone(buffer, { transfer: [buffer] });
      const empty = new Uint8Array(0);
      const calls: [string, (src: unknown) => unknown][] = [
        ["Struct.unpack", (src) => s.unpack(src)],
        ["Struct.unpackFrom", (src) => s.unpackFrom(src, 0)],
        ["Struct.packInto", (src) => s.packInto(src, 0, 1)],
        ["Struct.iterUnpack", (src) => [...s.iterUnpack(src)]],
        ["unpack", (src) => struct.unpack?.("<H", src)],
        ["unpackFrom", (src) => struct.unpackFrom?.("<H", src, 0)],
        ["packInto", (src) => struct.packInto?.("<H", src, 0, 1)],
        ["iterUnpack", (src) => [...(struct.iterUnpack?.("<H", src) ?? [])]],
      ];
      for (const [what, call] of calls) {
        assertSameValue(
          showOutcome(outcome(() => call(source))),
          showOutcome(outcome(() => call(empty))),
          `${what} of a detached ${label}, as of 0 bytes`,
        );
      }
    });
  }
  ctx.test(`a Struct refused a non-buffer refuses undefined next`, () => {
    const s = new Struct("<H");
    assertSameValue(Array.from(s.unpack(Uint8Array.from([1, 0]))), [1], "unpack of 2 bytes");
    assertThrows(() => s.unpack(5), { name: "TypeError", message: "a bytes-like object is required, not 'int'" }, "unpack(5)");
    assertThrows(
      () => s.unpack(undefined),
      { name: "TypeError", message: "a bytes-like object is required, not 'NoneType'" },
      "unpack(undefined)",
    );
    assertThrows(
      () => s.unpackFrom(undefined),
      { name: "TypeError", message: "a bytes-like object is required, not 'NoneType'" },
      "unpackFrom(undefined)",
    );
    assertThrows(
      () => s.packInto(undefined, 0, 1),
      { name: "TypeError", message: "argument must be read-write bytes-like object, not None" },
      "packInto(undefined, 0, 1)",
    );
  });
  ctx.test(`an object that only claims to be an ArrayBuffer is refused as any object is`, () => {
    const fake = { [Symbol.toStringTag]: "ArrayBuffer", byteLength: 4 };
    const shared = { [Symbol.toStringTag]: "SharedArrayBuffer", byteLength: 4 };
    const calls: [string, (src: unknown) => unknown][] = [
      ["unpack", (src) => struct.unpack?.("<H", src)],
      ["unpackFrom", (src) => struct.unpackFrom?.("<H", src, 0)],
      ["packInto", (src) => struct.packInto?.("<H", src, 0, 1)],
      ["Struct.unpack", (src) => new Struct("<H").unpack(src)],
    ];
    for (const [what, call] of calls) {
      const expected = showOutcome(outcome(() => call({ byteLength: 4 })));
      assertSameValue(showOutcome(outcome(() => call(fake))), expected, `${what} of an object tagged ArrayBuffer`);
      assertSameValue(showOutcome(outcome(() => call(shared))), expected, `${what} of an object tagged SharedArrayBuffer`);
    }
  });
}
