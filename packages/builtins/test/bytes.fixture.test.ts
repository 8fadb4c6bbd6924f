/**
 * `bytes` against `fixtures/bytes.json`, recorded from CPython by
 * `fixtures/bytes.py`.
 */
import { describe, expect, it } from "vitest";
import { bytes, hashBytes } from "../src/index.js";
import { decode, expectOutcome, hexToBytes, label, loadFixture, type Encoded, type Outcome } from "./support/fixture-values.js";

interface BytesFixture {
  python: string;
  hash_seed: number;
  cases: {
    construct: { args: Encoded[]; result: Outcome }[];
    repr: { bytes: string; repr: string }[];
    hash: { bytes: string; hash: Encoded }[];
    hex: { bytes: string; args: Encoded[]; result: Outcome }[];
    fromhex: { input: Encoded; result: Outcome }[];
    getitem: { bytes: string; key: Encoded; result: Outcome }[];
    equals: { left: Encoded; right: Encoded; result: boolean }[];
  };
}

const fixture = loadFixture<BytesFixture>("bytes");
const { cases } = fixture;

describe(`bytes against CPython ${fixture.python}`, () => {
  it("records its source", () => {
    expect(fixture.python).toMatch(/^3\./);
    expect(fixture.hash_seed).toBe(0);
  });

  it.each(cases.construct.map((c) => [label(c.args), c] as const))("bytes(%s)", (_name, c) => {
    expectOutcome(() => bytes(...(c.args.map(decode) as [unknown])), c.result, label(c.args));
  });

  it.each(cases.repr.map((c) => [c.repr, c] as const))("repr %s", (_name, c) => {
    expect(bytes(hexToBytes(c.bytes)).toString()).toBe(c.repr);
  });

  it.each(cases.hash.map((c) => [c.bytes.slice(0, 20), c] as const))("hash of %s", (_name, c) => {
    const python = BigInt(typeof c.hash === "number" ? c.hash : (c.hash as { int: string }).int);
    const data = hexToBytes(c.bytes);
    expect(hashBytes(data)).toBe(Number(BigInt.asIntN(53, python)));
    expect(bytes(data).hash()).toBe(hashBytes(data));
  });

  it.each(cases.hex.map((c) => [`${c.bytes} ${label(c.args)}`, c] as const))("hex %s", (_name, c) => {
    const b = bytes(hexToBytes(c.bytes));
    const [sep, per] = c.args.map(decode) as [unknown, unknown];
    expectOutcome(
      () => (c.args.length === 0 ? b.hex() : c.args.length === 1 ? b.hex(sep as string) : b.hex(sep as string, per as number)),
      c.result,
      label(c.args),
    );
  });

  it.each(cases.fromhex.map((c) => [label(c.input), c] as const))("fromhex(%s)", (_name, c) => {
    expectOutcome(() => bytes.fromhex(decode(c.input)), c.result, label(c.input));
  });

  it.each(cases.getitem.map((c) => [`${c.bytes}[${label(c.key)}]`, c] as const))("%s", (_name, c) => {
    const b = bytes(hexToBytes(c.bytes));
    expectOutcome(() => b.get(decode(c.key) as number), c.result, label(c.key));
  });

  it.each(cases.equals.map((c) => [`${label(c.left)} == ${label(c.right)}`, c] as const))("%s", (_name, c) => {
    const left = decode(c.left) as ReturnType<typeof bytes>;
    expect(left.equals(decode(c.right))).toBe(c.result);
  });
});
