/**
 * The struct codec beyond the recorded cases: the compiled `Struct`, the
 * value mapping (8-byte integers are bigint, numbers accepted on the way
 * in), and seeded random formats and values checked against the suite's
 * own byte-by-byte model of Python's `struct`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../assert/index.js";
import type { Context } from "../common.js";
import type { StructModuleLike } from "../implementation.js";
import { isBigintField, modelLayout, readField, writeField, type ModelLayout } from "../model/format-model.js";
import type { Prng } from "../model/prng.js";
import { randomMemory } from "./exporter-fixtures.js";

const GROUP = "struct-codec";

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
  layout.fields.forEach((field, k) => writeField(out, 0, field, values[k]));
  return out;
}

/** Random formats and values against the model. */
export function random(ctx: Context, struct: Partial<StructModuleLike>): void {
  const count = Math.round(2400 * ctx.scale);
  for (let i = 0; i < count; i++) {
    const rng = ctx.rng(`${GROUP}#${i}`);
    const format = randomFormat(rng);
    const layout = modelLayout(format);
    const values = randomValues(rng, layout);
    const direction = rng.pick(["pack", "unpack", "calcsize"] as const);
    const what = `#${i} ${direction}(${JSON.stringify(format)})`;
    ctx.test(`${GROUP}: ${what}`, () => {
      if (direction === "calcsize") {
        assertSameValue(attempt(() => struct.calcsize!(format), what), layout.itemsize, what);
        return;
      }
      const bytes = modelPack(layout, values);
      if (direction === "pack") {
        // Integers go in as number or bigint, whatever their size (the contract's value mapping).
        const args = values.map((v, k) => {
          if (typeof v === "bigint" && isBigintField(layout.fields[k]!) && rng.chance(0.3) && v >= -(2n ** 53n) && v <= 2n ** 53n) return Number(v);
          if (typeof v === "number" && "bBhHiIlL".includes(layout.fields[k]!.char) && rng.chance(0.3)) return BigInt(v);
          return v;
        });
        assertSameValue(attempt(() => struct.pack!(format, ...args), what), bytes, what);
      } else {
        assertSameValue(attempt(() => Array.from(struct.unpack!(format, bytes)), what), values, what);
      }
    });
  }
}

/** The compiled Struct and the API around it. */
export function api(ctx: Context, struct: Partial<StructModuleLike>): void {
  const t = (name: string, body: () => void) => ctx.test(`${GROUP}: ${name}`, body);
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
      assertSameValue([...s.iterUnpack(Uint8Array.from([...bytes, ...bytes]))].map((v) => Array.from(v)), [[-2, 5n], [-2, 5n]], "iterUnpack()");
    });
    t("Struct of a bad format throws StructError", () => {
      assertThrows(() => new struct.Struct!("<y"), { name: "StructError", message: "bad char in struct format" }, "Struct('<y')");
    });
  }
  t("values: 8-byte integers are bigint, '?' boolean, 'c' a 1-byte Uint8Array, 's' Uint8Array", () => {
    assertSameValue(Array.from(struct.unpack!("<qQ?c3s", Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 1, 0, 0, 0, 0, 0, 0, 0, 1, 65, 97, 98, 99]))), [-1n, 1n, true, Uint8Array.of(65), Uint8Array.of(97, 98, 99)], "unpack()");
    assertSameValue(Array.from(struct.unpack!("@lLnNP", new Uint8Array(40))), [0n, 0n, 0n, 0n, 0n], "native l L n N P are 8 bytes");
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
    b: [1, 1], B: [1, 1], h: [2, 2], H: [2, 2], i: [4, 4], I: [4, 4], l: [8, 4], L: [8, 4],
    q: [8, 8], Q: [8, 8], n: [8, 0], N: [8, 0],
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
        ctx.test(`${GROUP}: pack(${JSON.stringify(prefix + char)}, ${value}) names the range`, () => {
          assertThrows(() => struct.pack!(prefix + char, arg), { name: "StructError", message }, `pack('${prefix}${char}', ${value})`);
        });
      }
    }
  }
  for (const value of [1n << 64n, -(1n << 63n) - 1n]) {
    ctx.test(`${GROUP}: pack("P", ${value}) is too large to convert`, () => {
      assertThrows(() => struct.pack!("P", value), { name: "StructError", message: "int too large to convert" }, `pack('P', ${value})`);
    });
  }
}

/** Every group, in order. */
export function all(ctx: Context): void {
  const struct = ctx.impl.struct;
  if (!struct) {
    ctx.skip(GROUP, "the module exports no struct");
    return;
  }
  random(ctx, struct);
  api(ctx, struct);
  rangeMessages(ctx, struct);
}
