/**
 * The `struct/errors` group: the exact 3.14 wording of every integer range
 * error, by the module's native sizes.
 *
 * @packageDocumentation
 */

import { assertThrows } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { StructModuleLike } from "../../implementation.js";
import { modelSizedBytes } from "../../model/data-model.js";

/**
 * The exact wording of integer range errors, CPython 3.14's: since gh-98248
 * (3.12) every integer row says `'<c>' format requires <lo> <= number <= <hi>`
 * (`_range_error` in `Modules/_struct.c`), in native and standard modes
 * alike; native `P` says "int too large to convert". (The golden cases come
 * from 3.11, whose wording differs, so they check only the name.)
 */
export function rangeMessages(ctx: Context, struct: Partial<StructModuleLike>): void {
  // Native l L n N have the data model's size (the range in the message follows it).
  const model = modelSizedBytes(ctx.supports.dataModel);
  const sizes: Record<string, [number, number]> = {
    b: [1, 1],
    B: [1, 1],
    h: [2, 2],
    H: [2, 2],
    i: [4, 4],
    I: [4, 4],
    l: [model, 4],
    L: [model, 4],
    q: [8, 8],
    Q: [8, 8],
    n: [model, 0],
    N: [model, 0],
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
