/**
 * The size tables and the itemsize the protocol measures with them
 * (`formatSize`) against the codec's rows and `parseFormat`: the same sizes,
 * alignments and characters, and for any format the same size or the same
 * error, so that measuring without the codec changes nothing.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { clearCache, parseFormat } from "../../src/index.js";
import { formatSize } from "../../src/codec/format-size.js";
import { leafRowOf } from "../../src/codec/pep3118/leaf-row.js";
import { sizeTable } from "../../src/codec/size-table.js";
import { rowTable } from "../../src/codec/table.js";

const NATIVE_TABLE = rowTable("native");
const LITTLE_TABLE = rowTable("little");
const BIG_TABLE = rowTable("big");
import { sizeFromFormat } from "../../src/protocol/size-from-format.js";

/** The size, or the error's name and message. */
function outcome(measure: () => number): unknown {
  try {
    return measure();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
}

describe("size tables", () => {
  test.each([
    ["native", NATIVE_TABLE],
    ["little", LITTLE_TABLE],
    ["big", BIG_TABLE],
  ] as const)("the %s size table has every row's size and alignment, and no other character", (name, rows) => {
    const sizes = sizeTable(name);
    for (let c = 0; c < 256; c++) {
      const row = rows.byChar[c];
      const sized = sizes.byChar[c];
      if (row === undefined) expect(sized, String.fromCharCode(c)).toBeUndefined();
      else expect(sized, String.fromCharCode(c)).toEqual({ size: row.size, align: row.align });
    }
  });
});

const FORMATS = [
  "",
  "i",
  "<iid",
  "@bq",
  "=bq",
  "!hH",
  ">Q",
  "3x2s",
  "10p",
  "@ib",
  "0i",
  " i ",
  "2 i",
  "3",
  "<",
  "i<",
  "T{b:a:i:b:}",
  "T{<h:a:}",
  "(2,3)<h",
  "(2,3)",
  "Zf",
  "Zd",
  "Zg",
  "^id",
  "u",
  "w",
  "3w",
  "O",
  "&",
  "g",
  "t",
  "X{}",
  "T{",
  "}",
  "T{i",
  "(2",
  "(a)",
  "i:a",
  "i:a::b:",
  "T{i:a:i:a:}",
  "@T{<i:a:}b",
  "2T{bi}",
  "(0)d",
  "i\0",
  "\u00e9",
  "T{i:\u00e9:}",
  "i:\u00e9",
  "99999999999999999999i",
  "9223372036854775807x",
  "4611686018427387904i",
  "9007199254740993x",
  "(9999999999999999999)i",
  "Zx",
  "Z",
  "?e",
  "nNP",
  "<nNP",
  "F",
  "<D",
  "=F",
];

describe("formatSize", () => {
  test.each(FORMATS.map((f) => [JSON.stringify(f), f]))("%s: what parseFormat measures", (_label, format) => {
    clearCache();
    const expected = outcome(() => parseFormat(format).itemsize);
    clearCache();
    expect(outcome(() => formatSize(format))).toEqual(expected);
    expect(outcome(() => formatSize(format))).toEqual(expected); // cached
    expect(outcome(() => sizeFromFormat(format))).toEqual(expected);
  });

  test("a bytes format measures as its text, and anything else is refused as parseFormat refuses it", () => {
    expect(formatSize(new TextEncoder().encode("T{h:a:}"))).toBe(2);
    const latin = new Uint8Array([0x69, 0xe9]);
    expect(outcome(() => formatSize(latin))).toEqual(outcome(() => parseFormat(latin).itemsize));
    expect(outcome(() => formatSize(42 as never))).toEqual(outcome(() => parseFormat(42 as never).itemsize));
  });

  test("random formats of the whole grammar measure as parseFormat measures them", () => {
    const piece = fc.constantFrom(
      "@",
      "=",
      "<",
      ">",
      "!",
      "^",
      "T{",
      "}",
      "(2,",
      "3)",
      ":n",
      ":",
      "Z",
      "f",
      "d",
      "g",
      "i",
      "b",
      "x",
      "s",
      "p",
      "q",
      "e",
      "?",
      "u",
      "w",
      "2",
      "0",
      "17",
      " ",
      "O",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const format = pieces.join("");
        clearCache();
        const expected = outcome(() => parseFormat(format).itemsize);
        clearCache();
        expect(outcome(() => formatSize(format))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("leafRowOf", () => {
  test("finds each leaf's row from its format", () => {
    const parsed = parseFormat("T{>h:a:^d:b:Zf:c:=Q:d:}");
    const fields = (parsed.fields[0]!.struct as typeof parsed).fields;
    expect(fields.map((f) => leafRowOf(f))).toEqual([
      BIG_TABLE.byChar[0x68],
      NATIVE_TABLE.byChar[0x64],
      NATIVE_TABLE.byChar[0x66],
      LITTLE_TABLE.byChar[0x51],
    ]);
    expect(leafRowOf(parseFormat("T{3s:a:i:b:}").fields[0]!.struct!.fields[0]!)).toBeUndefined();
    expect(leafRowOf(parsed.fields[0]!)).toBeUndefined();
  });
});
