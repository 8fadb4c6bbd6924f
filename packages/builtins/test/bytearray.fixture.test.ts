/**
 * `bytearray` against `fixtures/bytearray.json`, recorded from CPython by
 * `fixtures/bytearray.py`. Every mutation is also checked for what it left
 * behind, on failure as well as on success.
 */
import { describe, expect, it } from "vitest";
import { bytearray, getBuffer, releaseBuffer } from "./support/api.js";
import {
  bytesToHex,
  decode,
  expectOutcome,
  hexToBytes,
  label,
  loadFixture,
  type Encoded,
  type Outcome,
} from "./support/fixture-values.js";

interface BytearrayFixture {
  python: string;
  cases: {
    construct: { args: Encoded[]; result: Outcome }[];
    repr: { bytes: string; repr: string }[];
    setitem: { bytes: string; key: Encoded; value: Encoded; result: Outcome }[];
    delitem: { bytes: string; key: Encoded; result: Outcome }[];
    ops: { bytes: string; method: string; args: Encoded[]; result: Outcome }[];
    equals: { left: string; right: Encoded; result: boolean }[];
    exports: { bytes: string; op: string; args: Encoded[]; result: Outcome }[];
  };
}

const fixture = loadFixture<BytearrayFixture>("bytearray");
const { cases } = fixture;

type ByteArray = ReturnType<typeof bytearray>;

function call(b: ByteArray, method: string, args: unknown[]): unknown {
  if (method === "setitem") return b.set(args[0] as number, args[1]);
  if (method === "delitem") return b.delete(args[0] as number);
  return (b as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);
}

function checkAfter(b: ByteArray, outcome: Outcome, context: string): void {
  expect(bytesToHex(b), `${context}: content afterwards`).toBe(outcome.after);
}

describe(`bytearray against CPython ${fixture.python}`, () => {
  it.each(cases.construct.map((c) => [label(c.args), c] as const))("bytearray(%s)", (_name, c) => {
    expectOutcome(() => bytearray(...(c.args.map(decode) as [unknown])), c.result, label(c.args));
  });

  it.each(cases.repr.map((c) => [c.repr, c] as const))("repr %s", (_name, c) => {
    expect(bytearray(hexToBytes(c.bytes)).toString()).toBe(c.repr);
  });

  it.each(cases.setitem.map((c) => [`${c.bytes}[${label(c.key)}] = ${label(c.value)}`, c] as const))("%s", (name, c) => {
    const b = bytearray(hexToBytes(c.bytes));
    expectOutcome(() => b.set(decode(c.key) as number, decode(c.value)), c.result, name);
    checkAfter(b, c.result, name);
  });

  it.each(cases.delitem.map((c) => [`del ${c.bytes}[${label(c.key)}]`, c] as const))("%s", (name, c) => {
    const b = bytearray(hexToBytes(c.bytes));
    expectOutcome(() => b.delete(decode(c.key) as number), c.result, name);
    checkAfter(b, c.result, name);
  });

  it.each(cases.ops.map((c) => [`${c.bytes}.${c.method}(${label(c.args)})`, c] as const))("%s", (name, c) => {
    const b = bytearray(hexToBytes(c.bytes));
    expectOutcome(() => call(b, c.method, c.args.map(decode)), c.result, name);
    checkAfter(b, c.result, name);
  });

  it.each(cases.equals.map((c) => [`${c.left} == ${label(c.right)}`, c] as const))("%s", (_name, c) => {
    expect(bytearray(hexToBytes(c.left)).equals(decode(c.right))).toBe(c.result);
  });

  describe("with a live export (raw getBuffer standing in for CPython's memoryview)", () => {
    it.each(cases.exports.map((c) => [`${c.op}(${label(c.args)})`, c] as const))("%s", (name, c) => {
      const b = bytearray(hexToBytes(c.bytes));
      const info = getBuffer(b);
      try {
        expectOutcome(() => call(b, c.op, c.args.map(decode)), c.result, name);
        checkAfter(b, c.result, name);
      } finally {
        releaseBuffer(info);
      }
      // Once released, the same operation is allowed (where it failed only on exports).
      if (c.result.error?.[0] === "BufferError") {
        const again = bytearray(hexToBytes(c.bytes));
        expect(() => call(again, c.op, c.args.map(decode))).not.toThrow();
      }
    });
  });
});
