/**
 * The functions generated per format against the interpreter, which is the
 * reference: for random formats in every mode and random values, good and
 * hostile, both leave the same bytes (over garbage, also when a value is
 * refused), throw the same error, and read the same values; the detection
 * of `new Function` falls back to the interpreter where it throws (a CSP);
 * and the generated source is made of the codec's own tokens only.
 *
 * The whole struct test suite also runs through the interpreter (the
 * `interpreter` project of vitest.config.ts).
 */
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { Struct } from "../../src/index.js";
import { compileFormat, type CompiledFormat } from "../../src/codec/compile.js";
import {
  codeGenerationEnabled,
  FORCE_INTERPRETER,
  setCodeGeneration,
  withGeneratedFunctions,
} from "../../src/codec/code-generation.js";
import { numberFromHalfBits } from "../../src/codec/half-float.js";
import { PREFIXES, codesFor, formatString, layout, type Item } from "./struct-model.js";

const initially = codeGenerationEnabled();
afterAll(() => {
  setCodeGeneration(initially);
});

/** The format compiled both ways. */
function bothWays(format: string): { generated: CompiledFormat; interpreted: CompiledFormat } {
  const before = setCodeGeneration(true);
  try {
    const generated = withGeneratedFunctions(compileFormat(format));
    setCodeGeneration(false);
    const interpreted = withGeneratedFunctions(compileFormat(format));
    return { generated, interpreted };
  } finally {
    setCodeGeneration(before);
  }
}

/** Runs `f`, giving its result or the name and message of what it threw. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (error) {
    const e = error as Error;
    return { threw: `${e.name}: ${e.message}` };
  }
}

/** Equality that tells NaN and -0 apart as Object.is does. */
function same(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => same((a as never)[k], (b as never)[k]));
  }
  return Object.is(a, b);
}

/** Values every code is given besides its own kind: wrong types and values at and beyond every bound. */
const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  "1",
  "",
  1.5,
  -0,
  Number.NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  -(2 ** 53),
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  -1,
  127,
  128,
  -129,
  255,
  256,
  32767,
  32768,
  -32769,
  65535,
  65536,
  65520,
  1e39,
  -1e39,
  1n << 63n,
  -(1n << 63n),
  -(1n << 63n) - 1n,
  (1n << 64n) - 1n,
  1n << 64n,
  -1n,
  2n ** 1024n,
  0n,
  true,
  false,
  {},
  [],
  [1],
  new Uint8Array(0),
  new Uint8Array([7]),
  new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
  () => 1,
  Symbol.iterator,
  new Map(),
];

function valueArb(code: string, length: number): fc.Arbitrary<unknown> {
  const own = ((): fc.Arbitrary<unknown> => {
    switch (code) {
      case "c":
        return fc.uint8Array({ minLength: 1, maxLength: 1 });
      case "?":
        return fc.oneof(fc.boolean(), fc.integer());
      case "s":
      case "p":
        return fc.uint8Array({ maxLength: length + 3 });
      case "e":
        return fc.integer({ min: 0, max: 0xffff }).map(numberFromHalfBits);
      case "f":
      case "d":
        return fc.double();
      default:
        return fc.oneof(fc.integer(), fc.bigInt({ min: -(1n << 64n), max: 1n << 64n }), fc.maxSafeInteger());
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) });
}

const caseArb = fc.constantFrom(...PREFIXES).chain((prefix) =>
  fc
    .array(
      fc.record({
        code: fc.constantFrom(...codesFor(prefix)),
        count: fc.oneof(fc.constant(1), fc.nat(6), fc.integer({ min: 5, max: 20 })),
      }),
      { maxLength: 8 },
    )
    .chain((items: Item[]) => {
      const { fields } = layout(prefix, items);
      return fc.record({
        format: fc.constant(formatString(prefix, items)),
        values: fc.tuple(...fields.map((f) => valueArb(f.code, f.length))),
        seed: fc.nat(255),
      });
    }),
);

describe("generated functions against the interpreter", () => {
  test("the same bytes over garbage, and the same error, for random formats and values", () => {
    fc.assert(
      fc.property(caseArb, ({ format, values, seed }) => {
        const { generated, interpreted } = bothWays(format);
        expect(generated.generated).toBe(true);
        expect(interpreted.generated).toBe(false);
        for (const write of ["writeAt", "packAt"] as const) {
          const garbage = (i: number) => (write === "packAt" ? 0 : (seed + i * 101) & 255);
          const a = new Uint8Array(generated.size + 5).map((_, i) => garbage(i));
          const b = a.slice();
          const ra = outcome(() => generated[write](new DataView(a.buffer), 3, values, 0));
          const rb = outcome(() => interpreted[write](new DataView(b.buffer), 3, values, 0));
          expect(ra).toEqual(rb);
          expect(a).toEqual(b);
        }
        // The packer that takes its values as arguments (formats of up to eight values).
        const writeArgs = generated.writeArgs;
        expect(writeArgs === null).toBe(generated.len > 8);
        if (writeArgs !== null) {
          const a = new Uint8Array(generated.size + 5).map((_, i) => (seed + i * 7) & 255);
          const b = a.slice();
          const ra = outcome(() => writeArgs(new DataView(a.buffer), 3, ...values));
          const rb = outcome(() => interpreted.writeAt(new DataView(b.buffer), 3, values, 0));
          expect(ra).toEqual(rb);
          expect(a).toEqual(b);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("the same values from random bytes", () => {
    fc.assert(
      fc.property(caseArb, ({ format, seed }) => {
        const { generated, interpreted } = bothWays(format);
        const bytes = new Uint8Array(generated.size + 3).map((_, i) => (seed * 31 + i * 17) & 255);
        const view = new DataView(bytes.buffer);
        expect(same(generated.unpackAt(view, 3), interpreted.unpackAt(view, 1 + 2))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("Struct methods give the same results and errors through both paths, detached buffers included", () => {
    const before = setCodeGeneration(true);
    try {
      const formats = ["<iid", "<HHIqd4s", ">qQ", "@bi?xe", "=3s0pc", "<100d", "!fI", "@P", ""];
      for (const format of formats) {
        setCodeGeneration(true);
        const generated = new Struct(format);
        setCodeGeneration(false);
        const interpreted = new Struct(format);
        // Values of the right types: those of a zeroed struct.
        const goodValues = interpreted.unpack(new Uint8Array(interpreted.size));
        const runs = (s: Struct): unknown[] => {
          const buffer = new ArrayBuffer(s.size * 3);
          const bytes = new Uint8Array(buffer);
          const results = [
            outcome(() => s.pack(...goodValues)),
            outcome(() => s.pack(...goodValues, 1)),
            outcome(() => s.unpack(bytes.subarray(0, s.size))),
            outcome(() => s.unpackFrom(bytes, s.size)),
            outcome(() => s.unpackFrom(bytes, -s.size - 1)),
            outcome(() => s.packInto(bytes, 1, ...goodValues)),
            outcome(() => s.packInto(bytes, s.size * 2 + 1, ...goodValues)),
            outcome(() => s.packInto(bytes, 0, ...goodValues.map(() => "x"))),
            bytes.slice(),
          ];
          // The window is memoised: detach the buffer under it, then use it again.
          outcome(() => s.unpackFrom(bytes, 0));
          structuredClone(buffer, { transfer: [buffer] });
          results.push(
            outcome(() => s.unpackFrom(bytes, 0)),
            outcome(() => s.packInto(bytes, 0, ...goodValues)),
            outcome(() => s.unpack(bytes)),
            outcome(() => [...s.iterUnpack(bytes)]),
          );
          return results;
        };
        const ra = runs(generated);
        const rb = runs(interpreted);
        expect(same(ra, rb), format).toBe(true);
        expect(generated.compiled.generated).toBe(true);
        expect(interpreted.compiled.generated).toBe(false);
      }
    } finally {
      setCodeGeneration(before);
    }
  });

  test("a refused value leaves the values before it written and the rest zero, over garbage", () => {
    const { generated } = bothWays(">hqxxhq");
    const bytes = new Uint8Array(22).fill(0xee);
    expect(() => generated.writeAt(new DataView(bytes.buffer), 0, [1, (1n << 64n) + 5n, 3, 4], 0)).toThrow(
      "'q' format requires -9223372036854775808 <= number <= 9223372036854775807",
    );
    // bp_longlong writes the low 8 bytes of the integer before it refuses it.
    expect([...bytes]).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("detection", () => {
  test("a runtime whose new Function throws (a Content Security Policy) gets the interpreter", () => {
    const realFunction = globalThis.Function;
    // biome-ignore lint/complexity/useArrowFunction: it stands in for Function, which is called with new; an arrow function cannot be
    const blocked = function () {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
    } as unknown as FunctionConstructor;
    const before = codeGenerationEnabled();
    try {
      globalThis.Function = blocked;
      setCodeGeneration(true);
      expect(codeGenerationEnabled()).toBe(false);
      const s = new Struct("<iid");
      expect(s.compiled.generated).toBe(false);
      expect(s.unpack(s.pack(1, -2, 0.5))).toEqual([1, -2, 0.5]);
    } finally {
      globalThis.Function = realFunction;
      setCodeGeneration(before);
    }
  });

  test("the process-wide flag is what the interpreter project sets", () => {
    const forced = (globalThis as { [FORCE_INTERPRETER]?: unknown })[FORCE_INTERPRETER] === true;
    expect(initially).toBe(!forced);
    expect(new Struct("<i").compiled.generated).toBe(!forced);
  });

  test("formats of too many codes keep the interpreter", () => {
    const before = setCodeGeneration(true);
    try {
      const generated = (format: string) => withGeneratedFunctions(compileFormat(format)).generated;
      expect(generated("bh".repeat(32))).toBe(true);
      expect(generated("bh".repeat(33))).toBe(false);
      expect(generated("1073741824x")).toBe(true);
      expect(generated("1073741825x")).toBe(false);
      // The codec's own readers (item codecs, views) keep the interpreter.
      expect(compileFormat("<i").generated).toBe(false);
    } finally {
      setCodeGeneration(before);
    }
  });
});

describe("the generated source", () => {
  /** Every word a generated function may contain: its own names, keywords and the DataView methods. */
  const ALLOWED = new Set([
    "function",
    "unpackGenerated",
    "packGenerated",
    "var",
    "return",
    "if",
    "else",
    "for",
    "typeof",
    "true",
    "false",
    "new",
    "Array",
    "Uint8Array",
    "Number",
    "isSafeInteger",
    "BigInt",
    "number",
    "bigint",
    "v",
    "b",
    "a",
    "k",
    "x",
    "z",
    "j",
    "o",
    "Z",
    ...["Int8", "Uint8", "Int16", "Uint16", "Int32", "Uint32", "BigInt64", "BigUint64", "Float32", "Float64"].flatMap((t) => [
      `get${t}`,
      `set${t}`,
    ]),
  ]);
  const NUMBERED = /^[atrxwyp]\d+$/;

  test("holds only the codec's own words, whatever the format", () => {
    fc.assert(
      fc.property(caseArb, ({ format }) => {
        const { generated } = bothWays(format);
        const sources = [generated.unpackAt, generated.writeAt, generated.writeArgs ?? (() => 0)].map(String);
        for (const source of sources) {
          // Numbers (bigint literals too) first, so that their digits and `n` are no words.
          for (const word of source.replace(/\b\d+n?\b/g, " ").match(/[A-Za-z_$][\w$]*/g) ?? []) {
            expect(ALLOWED.has(word) || NUMBERED.test(word), `${word} in ${source}`).toBe(true);
          }
          // No string literal but the type names tested.
          for (const literal of source.match(/"[^"]*"/g) ?? []) {
            expect(['"use strict"', '"number"', '"bigint"']).toContain(literal);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
