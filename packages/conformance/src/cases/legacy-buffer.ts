/**
 * Python 2.7's `buffer` (`Objects/bufferobject.c`) as the contract renders
 * it: a read-only window (offset, size) on another exporter that re-reads
 * its base on every access, its writable kinds, and its sequence operations.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../assert/index.js";
import type { Context } from "../common.js";
import { construct, type LegacyBufferLike } from "../implementation.js";
import { BufferFlags } from "../protocol/flags.js";
import { GET_BUFFER } from "../protocol/symbols.js";
import { TestExporter } from "../test-exporter/index.js";

const GROUP = "legacy-buffer";
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The read-only buffer. */
export function readOnly(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${GROUP}: ${name}`, body);
  const buffer = ctx.impl.buffer as ((...a: unknown[]) => LegacyBufferLike) & {
    fromReadWriteObject(obj: unknown, offset?: number, size?: number): LegacyBufferLike;
    new: (size: number) => LegacyBufferLike;
  };
  const make = (...args: unknown[]) => construct(buffer, ...args) as LegacyBufferLike;
  const hello = () => TestExporter.fromItems([...bytesOf("hello world")]);
  t("buffer(obj, offset, size) is a window", () => {
    const b = make(hello(), 6, 5);
    assertSameValue(b.length, 5, "length");
    assertSameValue(b.tobytes(), bytesOf("world"), "tobytes()");
    assertSameValue(b.get(0), bytesOf("w"), "get(0)");
    assertSameValue(b.get(-1), bytesOf("d"), "get(-1)");
  });
  t("size -1 reaches the end; an offset past the end gives an empty buffer", () => {
    assertSameValue(make(hello(), 6).tobytes(), bytesOf("world"), "buffer(x, 6)");
    assertSameValue(make(hello(), 6, -1).length, 5, "buffer(x, 6, -1).length");
    assertSameValue(make(hello(), 20).length, 0, "buffer(x, 20).length");
    assertSameValue(make(hello(), 6, 100).length, 5, "buffer(x, 6, 100).length");
  });
  t("bad offset and size throw ValueError", () => {
    assertThrows(() => make(hello(), -1), { name: "ValueError", message: "offset must be zero or positive" }, "offset -1");
    assertThrows(() => make(hello(), 0, -2), { name: "ValueError", message: "size must be zero or positive" }, "size -2");
  });
  t("get() out of range throws IndexError", () => {
    assertThrows(() => make(hello(), 6, 5).get(5), { name: "IndexError", message: "buffer index out of range" }, "get(5)");
  });
  t("slice() copies, with steps", () => {
    const b = make(hello(), 0, 5);
    assertSameValue(b.slice(1, 3), bytesOf("el"), "slice(1, 3)");
    assertSameValue(b.slice(null, null, -1), bytesOf("olleh"), "slice(::-1)");
    assertSameValue(b.slice(null, null, 2), bytesOf("hlo"), "slice(::2)");
    const s = b.slice(0, 2);
    s[0] = 0;
    assertSameValue(b.get(0), bytesOf("h"), "the slice is a copy");
  });
  t("set() on a read-only buffer throws TypeError", () => {
    assertThrows(() => make(hello()).set(0, bytesOf("x")), { name: "TypeError", message: "buffer is read-only" }, "set()");
  });
  t("it re-reads its base on every access", () => {
    const x = TestExporter.fromItems([...bytesOf("abcd")], { writable: true });
    const b = make(x, 1, 2);
    x.memory[1] = "Z".charCodeAt(0);
    assertSameValue(b.tobytes(), bytesOf("Zc"), "tobytes() after the base changed");
    assertSameValue(x.exports, 0, "it holds no export between accesses");
  });
  t("concat, repeat, compare, hash", () => {
    const a = make(hello(), 0, 5);
    const w = make(hello(), 6, 5);
    assertSameValue(a.concat(w), bytesOf("helloworld"), "concat()");
    assertSameValue(a.repeat(2), bytesOf("hellohello"), "repeat(2)");
    assertSameValue(a.repeat(0), new Uint8Array(0), "repeat(0)");
    assertSameValue(Math.sign(a.compare(w)), -1, "compare(hello, world)");
    assertSameValue(a.compare(make(hello(), 0, 5)), 0, "compare(equal)");
    assertSameValue(Math.sign(w.compare(a)), 1, "compare(world, hello)");
    assertSameValue(Math.sign(make(hello(), 0, 4).compare(a)), -1, "a prefix compares lower");
    assertSameValue(a.hash(), make(TestExporter.fromItems([...bytesOf("hello")])).hash(), "equal contents hash equal");
  });
  t("toString() is Python 2's repr", () => {
    assertTrue(/^<read-only buffer for .+, size 5, offset 6 at .+>$/.test(make(hello(), 6, 5).toString()), `repr: ${make(hello(), 6, 5).toString()}`);
  });
  t("it is an exporter, read-only", () => {
    const b = make(hello(), 6, 5) as unknown as Record<symbol, (f: number) => { len: number; readonly: boolean }>;
    const info = attempt(() => b[GET_BUFFER]!(BufferFlags.FULL_RO), "getbuffer(FULL_RO)");
    assertSameValue(info.len, 5, "len");
    assertSameValue(info.readonly, true, "readonly");
    assertThrows(() => b[GET_BUFFER]!(BufferFlags.WRITABLE), { name: "BufferError" }, "getbuffer(WRITABLE)");
  });
  if (typeof buffer.fromReadWriteObject === "function") {
    t("fromReadWriteObject() writes through to its base", () => {
      const x = TestExporter.fromItems([...bytesOf("abcd")], { writable: true });
      const b = buffer.fromReadWriteObject(x, 1, 2);
      b.set(0, bytesOf("Q"));
      assertSameValue(x.memory[1], "Q".charCodeAt(0), "base after set()");
      assertThrows(() => b.hash(), { name: "TypeError", message: "writable buffers are not hashable" }, "hash() of a writable buffer");
      assertTrue(/^<read-write buffer for .+, size 2, offset 1 at .+>$/.test(b.toString()), `repr: ${b.toString()}`);
    });
  }
  if (typeof buffer.new === "function") {
    t("buffer.new(size) is writable zeroed memory", () => {
      const b = buffer.new(4);
      assertSameValue(b.length, 4, "length");
      assertSameValue(b.tobytes(), new Uint8Array(4), "tobytes()");
      b.set(3, bytesOf("z"));
      assertSameValue(b.get(3), bytesOf("z"), "get(3) after set()");
      assertTrue(/^<read-write buffer ptr .+, size 4 at .+>$/.test(b.toString()), `repr: ${b.toString()}`);
    });
  }
}

/** Every group, in order. */
export function all(ctx: Context): void {
  if (!ctx.has("buffer")) {
    ctx.skip(GROUP, "the module exports no buffer");
    return;
  }
  readOnly(ctx);
}
