/**
 * Golden slice objects, recorded from CPython (`slices` in
 * fixtures/golden.py): `slice(...)` with bounds and steps of every kind
 * (None, small and huge ints, bools, floats, a str), its attributes, its
 * repr, `indices(length)` or the error it raises, and equality between
 * slices made from the same arguments.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue } from "../../golden/decode-value.js";
import { golden } from "../../golden/golden-data.js";
import { construct } from "../../implementation.js";

interface SliceLike {
  readonly start: unknown;
  readonly stop: unknown;
  readonly step: unknown;
  indices?(length: unknown): unknown[];
  equals?(other: unknown): boolean;
  toString(): string;
}

/** Python's attributes of `slice(*args)`: one argument is the stop. */
function attributes(args: unknown[]): [unknown, unknown, unknown] {
  const none = (v: unknown) => (v === undefined ? null : v);
  return args.length === 1 ? [null, none(args[0]), null] : [none(args[0]), none(args[1]), none(args[2])];
}

/** The recorded slices. */
export function recorded(ctx: Context): void {
  golden().slices.forEach((c, i) => {
    const args = c.args.map(decodeValue);
    const length = decodeValue(c.length);
    const what = `#${i} ${c.repr}.indices(${typeof length === "string" ? JSON.stringify(length) : String(length)})`;
    ctx.test(`${what}`, () => {
      const s = attempt(() => construct(ctx.impl.slice, ...args), `slice(${c.repr})`) as SliceLike;
      const [start, stop, step] = attributes(args);
      assertSameValue([s.start, s.stop, s.step], [start, stop, step], `${what}: start, stop, step`);
      assertSameValue(String(s), c.repr, `${what}: repr`);
      if (typeof s.indices === "function") {
        if (c.indices_error) {
          const [name, message] = c.indices_error;
          assertThrows(() => s.indices!(length), { name, message }, what);
        } else {
          const got = attempt(() => s.indices!(length), what);
          assertSameValue(got, c.indices!.map(decodeValue), what);
        }
      }
      // NaN bounds are left out: Python's slices compare them by identity.
      if (typeof s.equals === "function" && !args.some((a) => Number.isNaN(a))) {
        const twin = construct(ctx.impl.slice, ...args);
        assertSameValue(s.equals(twin), true, `${what}: equals a slice of the same arguments`);
        const other = construct(ctx.impl.slice, start, stop, step === 5 ? 6 : 5);
        assertSameValue(s.equals(other), false, `${what}: differs from a slice of another step`);
      }
    });
  });
  for (const c of golden().slice_arity) {
    const what = `slice(${c.args.join(", ")})`;
    ctx.test(`${what} is refused`, () => {
      assertThrows(() => construct(ctx.impl.slice, ...c.args), { name: c.error[0], message: c.error[1] }, what);
    });
  }
}
