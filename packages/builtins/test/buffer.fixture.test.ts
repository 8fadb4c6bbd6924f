/**
 * `buffer` against `fixtures/buffer.json`: Python 2.7's behaviour,
 * transcribed from its sources line by line (`fixtures/buffer.py` names the
 * line of each case), and the extended-slicing table of 2.7's
 * test_buffer.py.
 */
import { describe, expect, it } from "vitest";
import {
  array,
  asCharBuffer,
  asReadBuffer,
  asWriteBuffer,
  buffer,
  bytearray,
  bytes,
  checkReadBuffer,
  getBuffer,
  releaseBuffer,
  resolveBuffer,
} from "./support/api.js";
import { loadFixture } from "./support/fixture-values.js";

type Spec = Record<string, unknown>;
type Step = [string, ...unknown[]];

interface BufferCase {
  id: string;
  source: string;
  base?: Spec;
  make: Spec;
  first?: Step[];
  then?: Step[];
  do?: Step;
  expect: { value?: unknown; error?: [string, string]; repr?: string; same?: boolean };
  after?: string;
  after_self?: string;
}

interface BufferFixture {
  reference: string;
  cases: BufferCase[];
  extended_getslice: {
    source: string;
    data: string;
    cases: { start: number | null; stop: number | null; step: number; result: string }[];
  };
}

const fixture = loadFixture<BufferFixture>("buffer");

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function text(data: Uint8Array): string {
  return String.fromCharCode(...data);
}

function build(spec: Spec, base: unknown): unknown {
  const [kind, arg] = Object.entries(spec)[0]!;
  const args = Array.isArray(arg) ? arg : [arg];
  switch (kind) {
    case "str":
      return bytes(latin1(arg as string));
    case "bytearray":
      return bytearray(latin1(arg as string));
    case "array":
      return array(args[0] as string, args[1]);
    case "buffer":
      return buffer(build(args[0] as Spec, base), ...(args.slice(1).map((a) => operand(a, base)) as [number, number]));
    case "rwbuffer":
      return buffer.fromReadWriteObject(
        build(args[0] as Spec, base),
        ...(args.slice(1).map((a) => operand(a, base)) as [number, number]),
      );
    case "bigint":
      return BigInt(arg as string);
    case "newbuffer":
      return buffer.new(arg);
    case "base":
      return base;
    case "int":
    case "float":
      return arg;
    case "none":
      return null;
    case "text":
      return arg;
    default:
      throw new Error(`unknown spec ${kind}`);
  }
}

/** A plain JSON argument, or a spec object built. */
function operand(arg: unknown, base: unknown): unknown {
  return typeof arg === "object" && arg !== null ? build(arg as Spec, base) : arg;
}

function bytesOf(value: unknown): Uint8Array | unknown {
  return value instanceof Uint8Array ? text(value) : value;
}

function perform(target: unknown, step: Step, base: unknown): unknown {
  const [op, ...args] = step;
  const b = target as ReturnType<typeof buffer>;
  switch (op) {
    case "str":
      return text(b.tobytes());
    case "len":
      return b.length;
    case "get":
      return text(b.get(operand(args[0], base) as number));
    case "slice":
      return text(b.slice(...(args as [number, number, number])));
    case "set": {
      const [key, spec] = args as [unknown, Spec];
      const k =
        typeof key === "object" && key !== null && "slice" in key
          ? {
              start: (key as { slice: unknown[] }).slice[0],
              stop: (key as { slice: unknown[] }).slice[1],
              step: (key as { slice: unknown[] }).slice[2],
            }
          : typeof key === "object" && key !== null
            ? build(key as Spec, base)
            : key;
      return b.set(k as number, build(spec, base));
    }
    case "concat":
      return bytesOf(b.concat(build(args[0] as Spec, base)));
    case "repeat":
      return text(b.repeat(args[0] as number));
    case "compare":
      return b.compare(build(args[0] as Spec, base) as ReturnType<typeof buffer>);
    case "eq":
      return b.equals(build(args[0] as Spec, base));
    case "hash":
      return String(b.hash());
    case "repr":
      return b.toString();
    case "getbuffer": {
      const info = getBuffer(b, args[0] as number);
      try {
        return text(new Uint8Array(resolveBuffer(info), info.offset, info.len));
      } finally {
        releaseBuffer(info);
      }
    }
    case "asreadbuffer":
      return text(asReadBuffer(target));
    case "aswritebuffer":
      return text(asWriteBuffer(target));
    case "ascharbuffer":
      return text(asCharBuffer(target));
    case "checkreadbuffer":
      return checkReadBuffer(target);
    default:
      throw new Error(`unknown op ${op}`);
  }
}

function mutateBase(base: unknown, [method, ...args]: Step): void {
  if (method === "set") (base as ReturnType<typeof bytearray>).set(args[0] as number, args[1]);
  else (base as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);
}

describe(`buffer: ${fixture.reference}`, () => {
  it.each(fixture.cases.map((c) => [`${c.id} (${c.source})`, c] as const))("%s", (_name, c) => {
    const base = c.base === undefined ? undefined : build(c.base, undefined);
    const run = (): unknown => {
      const made = build(c.make, base);
      if (c.do === undefined) return made;
      for (const step of c.first ?? []) perform(made, step, base);
      for (const step of c.then ?? []) mutateBase(base, step);
      const operand = c.do[0] === "concat" ? build(c.do[1] as Spec, base) : undefined;
      if (operand !== undefined) {
        const result = (made as ReturnType<typeof buffer>).concat(operand);
        return c.expect.same ? result === operand : bytesOf(result);
      }
      const result = perform(made, c.do, base);
      if (c.after_self !== undefined) expect(text((made as ReturnType<typeof buffer>).tobytes())).toBe(c.after_self);
      return result;
    };
    if (c.expect.error !== undefined) {
      const [name, message] = c.expect.error;
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(caught, `expected ${name}`).toBeInstanceOf(Error);
      expect((caught as Error).name).toBe(name);
      expect((caught as Error).message).toBe(message);
      return;
    }
    const result = run();
    if (c.expect.repr !== undefined) expect(result).toMatch(new RegExp(c.expect.repr));
    else if (c.expect.same) expect(result).toBe(true);
    else if (c.do !== undefined) expect(result ?? null).toStrictEqual(c.expect.value);
    if (c.after !== undefined) expect(text(Uint8Array.from(base as Iterable<number>))).toBe(c.after);
  });

  describe(`extended getslice (${fixture.extended_getslice.source})`, () => {
    const b = buffer(bytes(latin1(fixture.extended_getslice.data)));
    it.each(fixture.extended_getslice.cases.map((c) => [`[${c.start}:${c.stop}:${c.step}]`, c] as const))("%s", (_n, c) => {
      const hex = Array.from(b.slice(c.start, c.stop, c.step), (x) => x.toString(16).padStart(2, "0")).join("");
      expect(hex).toBe(c.result);
    });
  });
});
