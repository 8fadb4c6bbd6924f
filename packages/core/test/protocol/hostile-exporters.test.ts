/**
 * Exporters that lie. Every bad BufferInfo must fail with a BufferError that
 * names the broken rule, and the exporter must see its export released.
 */

import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  getBuffer,
  GET_BUFFER,
  releaseBuffer,
  resolveBuffer,
  RELEASE_BUFFER,
  writePointer,
  type BufferInfo,
} from "../../src/index.js";
import { expectError } from "./support/errors.js";
import { plainInfo, RawExporter } from "./support/nd-exporter.js";

function refused(info: unknown, message: RegExp, flags: number = BufferFlags.FULL_RO): void {
  const exporter = new RawExporter(() => info);
  expectError(() => getBuffer(exporter, flags), "BufferError", message);
  expect(exporter.live, "the refused export is released").toBe(0);
  expect(exporter.released.length).toBe(1);
  expect(exporter.released[0]).toBe(info);
}

describe("the BufferInfo itself", () => {
  it("must be an object", () => {
    for (const answer of [undefined, null, 3, "info"]) {
      refused(answer, /^invalid BufferInfo: the exporter returned \w+, not a BufferInfo$/);
    }
  });

  it("buf must be a real ArrayBuffer or SharedArrayBuffer", () => {
    refused(plainInfo({ buf: new Uint8Array(16) }), /buf must be an ArrayBuffer or SharedArrayBuffer, not Uint8Array/);
    refused(plainInfo({ buf: Object.create(ArrayBuffer.prototype) }), /buf must be an ArrayBuffer/);
    refused(plainInfo({ buf: { byteLength: 16, [Symbol.toStringTag]: "ArrayBuffer" } }), /buf must be an ArrayBuffer/);
    refused(plainInfo({ buf: undefined }), /buf must be an ArrayBuffer or SharedArrayBuffer, not undefined/);
  });

  it("readonly must be a boolean and obj an object", () => {
    refused(plainInfo({ readonly: 0 }), /readonly must be a boolean, not 0/);
  });
});

describe("itemsize and format", () => {
  it("itemsize must be a positive integer", () => {
    for (const itemsize of [0, -4, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "4", 2 ** 53]) {
      refused(plainInfo({ itemsize, format: null }), /^invalid BufferInfo: itemsize must be a positive integer/);
    }
  });

  it("itemsize must match the format", () => {
    refused(plainInfo({ format: "d" }), /^invalid BufferInfo: itemsize 4 does not match format "d" \(size 8\)$/);
    refused(plainInfo({ format: "<h" }), /itemsize 4 does not match format "<h" \(size 2\)/);
  });

  it("the format must parse", () => {
    refused(plainInfo({ format: "Z" }), /^invalid BufferInfo: format "Z" is not a struct format: /);
    refused(plainInfo({ format: 7 }), /^invalid BufferInfo: format must be a string or null, not 7$/);
  });

  it("a null format means bytes, whatever the itemsize (CPython keeps the old itemsize)", () => {
    const exporter = new RawExporter(() => plainInfo({ format: null }));
    const info = getBuffer(exporter, BufferFlags.STRIDED_RO);
    expect([info.format, info.itemsize]).toEqual([null, 4]);
    releaseBuffer(info);
  });
});

describe("dimensions", () => {
  it("ndim must be an integer from 0 to 64", () => {
    for (const ndim of [-1, 65, 1.5, Number.NaN, "1"]) {
      refused(plainInfo({ ndim }), /^invalid BufferInfo: ndim must be an integer from 0 to 64/);
    }
  });

  it("shape, strides and suboffsets lengths agree with ndim", () => {
    refused(plainInfo({ ndim: 2 }), /^invalid BufferInfo: shape has 1 entries but ndim is 2$/);
    refused(plainInfo({ strides: [4, 4] }), /^invalid BufferInfo: strides has 2 entries but ndim is 1$/);
    refused(plainInfo({ suboffsets: [] }), /^invalid BufferInfo: suboffsets has 0 entries but ndim is 1$/);
    refused(plainInfo({ shape: null, ndim: 2 }), /shape is null but ndim is 2/, BufferFlags.SIMPLE);
  });

  it("strides need a shape, suboffsets need strides", () => {
    refused(plainInfo({ shape: null }), /^invalid BufferInfo: strides require a shape$/);
    refused(plainInfo({ strides: null, suboffsets: [-1] }), /^invalid BufferInfo: suboffsets require strides$/);
  });

  it("dims must be non-negative safe integers", () => {
    for (const length of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "4", null]) {
      refused(plainInfo({ shape: [length] }), /^invalid BufferInfo: shape\[0\] must be a non-negative integer below 2\^53/);
    }
    for (const stride of [1.5, Number.NaN, Number.NEGATIVE_INFINITY, 2 ** 53, "4"]) {
      refused(plainInfo({ strides: [stride] }), /^invalid BufferInfo: strides\[0\] must be an integer/);
    }
    refused(plainInfo({ suboffsets: [0.5] }), /^invalid BufferInfo: suboffsets\[0\] must be an integer/);
  });

  it("arrays must be arrays, and not absurdly long", () => {
    refused(plainInfo({ shape: { 0: 4, length: 1 } }), /^invalid BufferInfo: shape must be an array or null, not Object$/);
    const long: number[] = [];
    long.length = 1e9;
    refused(plainInfo({ shape: long }), /^invalid BufferInfo: shape has 1000000000 entries/);
  });
});

describe("sizes", () => {
  it("len must be product(shape) * itemsize", () => {
    refused(plainInfo({ len: 12 }), /^invalid BufferInfo: len 12 does not equal product\(shape\) \* itemsize = 16$/);
    refused(plainInfo({ len: -1 }), /^invalid BufferInfo: len must be a non-negative integer/);
    refused(plainInfo({ len: 16.5 }), /^invalid BufferInfo: len must be a non-negative integer/);
  });

  it("sizes past 2^53 are refused", () => {
    refused(
      plainInfo({ ndim: 2, shape: [2 ** 30, 2 ** 30], strides: [0, 0], len: 2 ** 62 }),
      /len must be a non-negative integer below 2\^53/,
    );
    refused(
      plainInfo({ ndim: 2, shape: [2 ** 30, 2 ** 30], strides: [0, 0], len: 2 ** 50 }),
      /product\(shape\) \* itemsize exceeds 2\^53 bytes/,
    );
  });

  it("without a shape, len is a multiple of itemsize", () => {
    refused(
      plainInfo({ shape: null, strides: null, len: 6 }),
      /len 6 is not a multiple of itemsize 4/,
      BufferFlags.SIMPLE | BufferFlags.FORMAT,
    );
  });
});

describe("bounds: every reachable byte inside buf", () => {
  it("a lying shape is refused", () => {
    refused(
      plainInfo({ shape: [5], len: 20 }),
      /^invalid BufferInfo: reachable bytes \[0, 20\) are outside buf \(byteLength 16\)$/,
    );
  });

  it("an offset outside buf is refused", () => {
    refused(plainInfo({ offset: 17 }), /^invalid BufferInfo: offset 17 is outside buf \(byteLength 16\)$/);
    refused(plainInfo({ offset: -1 }), /offset -1 is outside buf/);
    refused(plainInfo({ offset: 4 }), /reachable bytes \[4, 20\) are outside buf/);
  });

  it("strides that escape are refused, whatever their sign", () => {
    refused(plainInfo({ strides: [-4] }), /reachable bytes \[-12, 4\) are outside buf/);
    refused(plainInfo({ strides: [5] }), /reachable bytes \[0, 19\) are outside buf/);
    refused(plainInfo({ strides: [2 ** 52] }), /the layout reaches bytes beyond 2\^53|outside buf/);
  });

  it("negative and zero strides inside buf are fine", () => {
    const ok = [
      plainInfo({ offset: 12, strides: [-4] }),
      plainInfo({ offset: 12, strides: [0] }),
      plainInfo({ ndim: 2, shape: [2, 2], strides: [-8, 4], offset: 8 }),
    ];
    for (const answer of ok) {
      const exporter = new RawExporter(() => answer);
      releaseBuffer(getBuffer(exporter));
      expect(exporter.live).toBe(0);
    }
  });

  it("an empty export reaches nothing, but its offset must be inside buf", () => {
    const exporter = new RawExporter(() => plainInfo({ shape: [0], strides: [-1000], len: 0, offset: 16 }));
    releaseBuffer(getBuffer(exporter));
    refused(plainInfo({ shape: [0], len: 0, offset: 17 }), /offset 17 is outside buf/);
  });

  it("suboffset pointers that escape are refused", () => {
    const buf = new ArrayBuffer(32);
    writePointer(buf, 0, 16);
    writePointer(buf, 8, 30); // row 1 would read bytes 30..33
    const answer = plainInfo({
      buf,
      ndim: 2,
      shape: [2, 4],
      strides: [8, 1],
      suboffsets: [0, -1],
      itemsize: 1,
      format: "B",
      len: 8,
    });
    refused(answer, /reachable bytes \[0, 34\) are outside buf \(byteLength 32\)/);
  });

  it("a pointer slot outside buf is refused before it is read", () => {
    const buf = new ArrayBuffer(16);
    const answer = plainInfo({
      buf,
      offset: 12,
      ndim: 2,
      shape: [1, 1],
      strides: [8, 1],
      suboffsets: [0, -1],
      itemsize: 1,
      format: "B",
      len: 1,
    });
    refused(answer, /the suboffset pointer slot at byte 12 \(dimension 0, index 0\) is outside buf \(byteLength 16\)/);
  });

  it("a huge pointer cannot wrap around into bounds", () => {
    const buf = new ArrayBuffer(16);
    new DataView(buf).setBigUint64(0, 2n ** 64n - 4n, true);
    const answer = plainInfo({
      buf,
      ndim: 1,
      shape: [1],
      strides: [8],
      suboffsets: [8],
      itemsize: 1,
      format: "B",
      len: 1,
    });
    refused(answer, /reachable bytes \[0, Infinity\) are outside buf/);
  });

  it("a zero-stride suboffset dimension of 2^40 items is walked once", () => {
    const buf = new ArrayBuffer(16);
    writePointer(buf, 0, 8);
    const exporter = new RawExporter(() =>
      plainInfo({
        buf,
        ndim: 2,
        shape: [2 ** 40, 1],
        strides: [0, 1],
        suboffsets: [0, -1],
        itemsize: 1,
        format: "B",
        len: 2 ** 40,
      }),
    );
    releaseBuffer(getBuffer(exporter));
    expect(exporter.live).toBe(0);
  });
});

describe("getters, proxies and mutation", () => {
  it("a throwing getter becomes a BufferError naming the field, and the export is released", () => {
    const answer = plainInfo();
    Object.defineProperty(answer, "shape", {
      get() {
        throw new Error("boom");
      },
    });
    const exporter = new RawExporter(() => answer);
    const error = expectError(() => getBuffer(exporter), "BufferError", "invalid BufferInfo: reading shape threw: boom");
    expect((error.cause as Error).message).toBe("boom");
    expect(exporter.live).toBe(0);
  });

  it("a throwing array element getter is named too", () => {
    const shape = [4];
    Object.defineProperty(shape, 0, {
      get() {
        throw new Error("no");
      },
    });
    refused(plainInfo({ shape }), /^invalid BufferInfo: reading shape\[0\] threw: no$/);
  });

  it("a revoked proxy as the info", () => {
    const { proxy, revoke } = Proxy.revocable(plainInfo(), {});
    revoke();
    refused(proxy, /^invalid BufferInfo: reading buf threw: /);
  });

  it("fields are read once: a getter cannot pass validation and then lie", () => {
    let reads = 0;
    const answer = plainInfo();
    Object.defineProperty(answer, "len", {
      get() {
        reads++;
        return reads === 1 ? 16 : 1e9;
      },
    });
    const info = getBuffer(new RawExporter(() => answer));
    expect(info.len).toBe(16);
    expect(info.len).toBe(16);
    expect(reads).toBe(1);
  });

  it("the exporter cannot change the arrays afterwards", () => {
    const shape = [4];
    const info = getBuffer(new RawExporter(() => plainInfo({ shape })));
    shape[0] = 1e6;
    expect(info.shape).toEqual([4]);
    expect(Object.isFrozen(info.shape)).toBe(true);
    expect(Object.isFrozen(info)).toBe(true);
  });

  it("a buf accessor is re-read, and checked on every resolve", () => {
    let current = new ArrayBuffer(16);
    const answer = plainInfo();
    Object.defineProperty(answer, "buf", { get: () => current, enumerable: true });
    const info = getBuffer(new RawExporter(() => answer));
    expect(resolveBuffer(info)).toBe(current);
    current = new ArrayBuffer(32);
    expect(resolveBuffer(info)).toBe(current);
    current = new ArrayBuffer(8);
    expectError(() => resolveBuffer(info), "ValueError", /resized to 8 bytes, below the 16 bytes the export reaches/);
    (current as unknown) = new Uint8Array(16);
    expectError(() => resolveBuffer(info), "BufferError", /no longer an ArrayBuffer/);
  });
});

describe("the export/release pairing", () => {
  it("a GET_BUFFER that throws has exported nothing: no release", () => {
    const exporter = new RawExporter(() => {
      throw new TypeError("nope");
    });
    expectError(() => getBuffer(exporter), "TypeError", "nope");
    expect(exporter.released).toEqual([]);
  });

  it("releaseBuffer passes the exporter's own object, once", () => {
    const answer = plainInfo();
    const exporter = new RawExporter(() => answer);
    const info = getBuffer(exporter);
    expect(info).not.toBe(answer);
    expect(info.obj).toBe(exporter);
    releaseBuffer(info);
    releaseBuffer(info);
    expect(exporter.released).toEqual([answer]);
    expect(exporter.live).toBe(0);
  });

  it("a consumer that throws midway still releases (try/finally)", () => {
    const exporter = new RawExporter(() => plainInfo());
    for (let i = 0; i < 5; i++) {
      try {
        const info = getBuffer(exporter);
        try {
          if (i % 2 === 0) throw new Error("consumer failure");
        } finally {
          releaseBuffer(info);
        }
      } catch {
        // the consumer's own error
      }
    }
    expect(exporter.calls).toBe(5);
    expect(exporter.live).toBe(0);
  });

  it("a release that throws is still counted as done", () => {
    let calls = 0;
    const exporter = {
      [GET_BUFFER]: (flags: number) => getBuffer(new ArrayBuffer(4), flags),
      [RELEASE_BUFFER]: () => {
        calls++;
        throw new Error("release failed");
      },
    };
    const info = getBuffer(exporter);
    expectError(() => releaseBuffer(info), "Error", "release failed");
    releaseBuffer(info);
    expect(calls).toBe(1);
  });

  it("a refused export is released even when the release hook throws", () => {
    let calls = 0;
    const exporter = {
      [GET_BUFFER]: () => plainInfo({ len: 3 }),
      [RELEASE_BUFFER]: () => {
        calls++;
        throw new Error("release failed");
      },
    };
    expectError(() => getBuffer(exporter), "BufferError", /len 3 does not equal/);
    expect(calls).toBe(1);
  });

  it("after release the info refuses access", () => {
    const info = getBuffer(new Uint8Array(4));
    releaseBuffer(info);
    expectError(() => resolveBuffer(info), "ValueError", "operation forbidden on a released buffer");
  });

  it("an info made elsewhere is released through its obj", () => {
    const released: unknown[] = [];
    const owner = { [RELEASE_BUFFER]: (info: unknown) => released.push(info) };
    const info = { ...plainInfo(), obj: owner } as unknown as BufferInfo;
    releaseBuffer(info);
    releaseBuffer(info);
    expect(released).toEqual([info]);
    expectError(() => releaseBuffer(null as unknown as BufferInfo), "TypeError", "releaseBuffer expects a BufferInfo");
  });
});
