/**
 * The trusted fast path of `getBuffer` (src/protocol/trusted-exporters.ts):
 * infos that core's own exporters built are taken as they are, once. No user
 * exporter can opt in: whatever it returns (a forged info, a Proxy or copy
 * of a trusted one, a fillInfo answer, a trusted info handed back twice or
 * through another exporter) is still snapshotted and validated.
 */

import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  fillInfo,
  getBuffer,
  GET_BUFFER,
  MemoryView,
  releaseBuffer,
  RELEASE_BUFFER,
  type BufferInfo,
} from "../../src/index.js";
import { expectError } from "./support/errors.js";
import { plainInfo, RawExporter } from "./support/nd-exporter.js";
import { resizableBuffer } from "./support/resizable.js";

/** A trusted info: what a view's GET_BUFFER returns, taken before getBuffer sees it. */
function trustedFrom(view: MemoryView, flags: number = BufferFlags.FULL_RO): BufferInfo {
  return view[GET_BUFFER](flags);
}

describe("a user exporter cannot opt into the trusted path", () => {
  it("a forged info claiming to be its own is still validated", () => {
    const exporter = new RawExporter(() => null);
    exporter.answer = () => plainInfo({ obj: exporter, len: 32, shape: [8] });
    expectError(() => getBuffer(exporter), "BufferError", /outside buf/);
    expect(exporter.live).toBe(0);
  });

  it("a Proxy of a trusted info is snapshotted and its lies caught", () => {
    const view = MemoryView.from(new Float64Array(4));
    const exporter = new RawExporter(() => null);
    exporter.answer = (flags) => {
      const real = trustedFrom(view, flags);
      return new Proxy({}, { get: (_target, key) => (key === "obj" ? exporter : key === "len" ? 64 : Reflect.get(real, key)) });
    };
    expectError(() => getBuffer(exporter), "BufferError", /len 64/);
    expect(exporter.live).toBe(0);
  });

  it("a copy of a trusted info is snapshotted", () => {
    const view = MemoryView.from(new Int16Array(4));
    const exporter = new RawExporter(() => null);
    let returned: Record<string, unknown> = {};
    exporter.answer = (flags) => (returned = { ...trustedFrom(view, flags), obj: exporter, len: 10 });
    expectError(() => getBuffer(exporter), "BufferError", /len 10/);
    returned = {};
    exporter.answer = (flags) => (returned = { ...trustedFrom(view, flags), obj: exporter });
    const info = getBuffer(exporter);
    expect(info).not.toBe(returned);
    expect(info.shape).toEqual([4]);
    expect(info.shape).not.toBe(returned.shape);
    expect(Object.isFrozen(info.shape)).toBe(true);
    releaseBuffer(info);
    expect(exporter.live).toBe(0);
  });

  it("fillInfo's answers are snapshotted and validated", () => {
    const buf = resizableBuffer(8, 8);
    let returned: unknown;
    const exporter = {
      [GET_BUFFER](flags: number) {
        returned = fillInfo(this, buf, 0, 8, false, flags);
        buf.resize(4); // after fillInfo checked it, before getBuffer does
        return returned;
      },
      [RELEASE_BUFFER]() {},
    };
    expectError(() => getBuffer(exporter), "BufferError", /outside buf/);
    buf.resize(8);
    const ok = { [GET_BUFFER]: (flags: number) => (returned = fillInfo(ok, buf, 2, 4, true, flags)) };
    const info = getBuffer(ok);
    expect(info).not.toBe(returned);
    expect([info.obj, info.offset, info.len, info.readonly]).toEqual([ok, 2, 4, true]);
  });

  it("a trusted info whose fields were changed is validated", () => {
    const view = MemoryView.from(new Uint8Array(4));
    const exporter = new RawExporter((flags) => {
      const info = trustedFrom(view, flags) as { obj: unknown; len: number };
      info.obj = exporter;
      info.len = 1 << 20;
      return info;
    });
    expectError(() => getBuffer(exporter), "BufferError", /len/);
    expect(exporter.live).toBe(0);
    expect(view.exports).toBe(1); // the exporter above does not release what it took
  });

  it("a trusted info handed back a second time is snapshotted and validated", () => {
    const view = MemoryView.from(new Uint8Array(4));
    const cached = trustedFrom(view);
    const exporter = new RawExporter(() => cached);
    const first = getBuffer(exporter);
    expect([first.obj, first.len]).toEqual([exporter, 4]);
    (cached as { len: number }).len = 1 << 20;
    expectError(() => getBuffer(exporter), "BufferError", /len/);
    releaseBuffer(first);
    expect(exporter.live).toBe(0);
  });

  it("a trusted info through another exporter names and releases to that exporter", () => {
    const view = MemoryView.from(new Uint8Array(4));
    let returned: unknown;
    const exporter = new RawExporter((flags) => (returned = trustedFrom(view, flags)));
    const info = getBuffer(exporter);
    expect(info.obj).toBe(exporter);
    expect(Object.isFrozen(info)).toBe(true);
    releaseBuffer(info);
    expect(exporter.live).toBe(0);
    expect(exporter.released).toEqual([returned]);
    expect(exporter.released[0]).toBe(returned);
  });

  it("a MemoryView subclass's own answer is validated", () => {
    class Lying extends MemoryView {
      override [GET_BUFFER](flags: number): BufferInfo {
        return { ...super[GET_BUFFER](flags), len: 1 << 20 };
      }
    }
    const base = MemoryView.from(new Uint8Array(4));
    const lying = Object.setPrototypeOf(MemoryView.from(base), Lying.prototype) as Lying;
    expectError(() => getBuffer(lying), "BufferError", /len/);
    expect(lying.exports).toBe(0);
  });
});

describe("the trusted path of a MemoryView", () => {
  it("answers the request exactly", () => {
    const view = MemoryView.from(new Float64Array(6));
    const simple = getBuffer(view, BufferFlags.SIMPLE);
    expect([simple.format, simple.shape, simple.strides, simple.ndim, simple.len]).toEqual([null, null, null, 1, 48]);
    const nd = getBuffer(view, BufferFlags.ND);
    expect([nd.format, nd.shape, nd.strides]).toEqual([null, [6], null]);
    expectError(() => getBuffer(view.slice([null, null, 2]), BufferFlags.C_CONTIGUOUS), "BufferError");
    expectError(() => getBuffer(view.toReadonly(), BufferFlags.WRITABLE), "BufferError");
    for (const info of [simple, nd]) releaseBuffer(info);
    expect(view.exports).toBe(0);
  });

  it("exports stay valid when code changes a view's layout", () => {
    // A derived view's layout arrays are its own (a view made by from()
    // shares the export's frozen ones); the state record itself is private.
    const view = MemoryView.from(new Uint8Array(8)).slice([0, 8]);
    releaseBuffer(getBuffer(view));
    (view.layout.shape as number[])[0] = 1 << 20;
    const info = getBuffer(view);
    expect([info.shape, info.len]).toEqual([[8], 8]);
    releaseBuffer(info);
    const other = MemoryView.from(new Uint8Array(8)).slice([0, 8]);
    (other.layout.shape as number[])[0] = 1 << 20;
    (other.layout as { nbytes: number }).nbytes = 1 << 20;
    expectError(() => getBuffer(other), "BufferError", /outside buf/);
    expect(other.exports).toBe(0);
  });

  it("refuses memory shrunk below the export", () => {
    const buf = resizableBuffer(8, 8);
    const view = MemoryView.from(buf);
    releaseBuffer(getBuffer(view));
    buf.resize(4);
    expect(() => getBuffer(view)).toThrow();
    expect(view.exports).toBe(0);
  });
});
