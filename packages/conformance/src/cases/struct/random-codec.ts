/**
 * The `struct/pack` group's own cases: seeded random formats and values
 * (native formats laid out by the module's data model) against the suite's
 * byte-by-byte model of Python's `struct`, and structs over 32 and 64 bytes
 * whose pad bytes are zeroed.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { StructModuleLike } from "../../implementation.js";
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
    // The byte model lays the format out by the module's data model: exact under ILP32 too.
    const layout = modelLayout(format, ctx.supports.dataModel);
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
