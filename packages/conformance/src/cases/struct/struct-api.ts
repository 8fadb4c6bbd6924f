/**
 * The `struct/Struct` group's own cases: the compiled `Struct` and the API
 * around it (the value mapping, byte sources, the plain `Uint8Array` pack
 * returns), and `repr(Struct(format))`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { StructModuleLike } from "../../implementation.js";
import { modelSizedBytes } from "../../model/data-model.js";

/** The compiled Struct and the API around it. */
export function api(ctx: Context, struct: Partial<StructModuleLike>): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
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
      assertSameValue(
        [...s.iterUnpack(Uint8Array.from([...bytes, ...bytes]))].map((v) => Array.from(v)),
        [
          [-2, 5n],
          [-2, 5n],
        ],
        "iterUnpack()",
      );
    });
    t("Struct of a bad format throws StructError", () => {
      assertThrows(() => new struct.Struct!("<y"), { name: "StructError", message: "bad char in struct format" }, "Struct('<y')");
    });
  }
  t("values: 8-byte integers are bigint, '?' boolean, 'c' a 1-byte Uint8Array, 's' Uint8Array", () => {
    assertSameValue(
      Array.from(
        struct.unpack!(
          "<qQ?c3s",
          Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 1, 0, 0, 0, 0, 0, 0, 0, 1, 65, 97, 98, 99]),
        ),
      ),
      [-1n, 1n, true, Uint8Array.of(65), Uint8Array.of(97, 98, 99)],
      "unpack()",
    );
    const size = modelSizedBytes(ctx.supports.dataModel);
    const zero = size === 8 ? 0n : 0;
    assertSameValue(
      Array.from(struct.unpack!("@lLnNP", new Uint8Array(5 * size))),
      [zero, zero, zero, zero, zero],
      `native l L n N P are ${size} bytes (${ctx.supports.dataModel})`,
    );
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
 * `repr(Struct(format))`, where the module's Struct has a `toString` of its
 * own: CPython 3.12's `Struct('<i')`, the format as Python's `repr` of a str
 * shows it (whitespace escaped).
 */
export function structRepr(ctx: Context, struct: Partial<StructModuleLike>): void {
  const Struct = struct.Struct;
  if (typeof Struct !== "function" || !Object.hasOwn(Struct.prototype, "toString")) return;
  // Expected strings from CPython: "Struct(" + repr(format) + ")".
  const cases: [string, string][] = [
    ["<i", "Struct('<i')"],
    ["\t2h\n", "Struct('\\t2h\\n')"],
    ["=\x0bq\x0c\r", "Struct('=\\x0bq\\x0c\\r')"],
  ];
  for (const [format, repr] of cases) {
    ctx.test(`String(new Struct(${JSON.stringify(format)})) is ${repr}`, () => {
      assertSameValue(String(new Struct(format)), repr, `String(new Struct(${JSON.stringify(format)}))`);
    });
  }
}
