// Re-runs the @example of every export and checks its `// returns`.
import { GET_BUFFER } from "@mv/core";
import { describe, expect, it } from "vitest";
import { AddonUnavailableError } from "../src/addon-unavailable-error.js";
import { addressAlignment, byteAlignment } from "../src/alignment.js";
import { createNativeApi } from "../src/api.js";
import { NO_EXTERNAL_BUFFERS_CODE, type NativeBinding } from "../src/binding.js";
import {
  ADDON_PATH_ENV,
  addressOf,
  alignmentOf,
  available,
  elementAddress,
  extentOf,
  fromAddress,
  loadError,
} from "../src/index.js";
import { addonCandidates, binding, loadBinding } from "../src/load.js";
import { directAddress } from "../src/direct-address.js";
import { normalizeIndices } from "../src/normalize-indices.js";
import { koffi, memset } from "./support/libc.js";
import { describeNative } from "./support/native-suite.js";

describe("examples that need no addon", () => {
  it("alignment.ts", () => {
    expect(addressAlignment(0x7f00_1230n)).toBe(16);
    expect(addressAlignment(0x1_0000_0000n)).toBe(4294967296);
    expect(addressAlignment(0n)).toBe(Infinity);
    expect(byteAlignment(-24)).toBe(8);
    expect(byteAlignment(0)).toBe(Infinity);
  });

  it("normalize-indices.ts", () => {
    expect(normalizeIndices([2, 3], [1, -1])).toEqual([1, 2]);
    expect(normalizeIndices([4], [3n])).toEqual([3]);
    expect(() => normalizeIndices([2, 3], [2, 0])).toThrow("index out of bounds on dimension 1");
  });

  it("binding.ts", () => {
    const fake: NativeBinding = {
      baseAddress: () => 0x1000n,
      isDetached: () => false,
      wrapAddress: (_address, byteLength) => new ArrayBuffer(byteLength),
    };
    expect(fake.baseAddress(new ArrayBuffer(8))).toBe(4096n);
    expect(NO_EXTERNAL_BUFFERS_CODE).toBe("ERR_MV_NATIVE_NO_EXTERNAL_BUFFERS");
  });

  it("api.ts createNativeApi", () => {
    const api = createNativeApi({
      baseAddress: (memory) => 0x1000n + BigInt(ArrayBuffer.isView(memory) ? memory.byteOffset : 0),
      isDetached: () => false,
      wrapAddress: (_address, byteLength) => new ArrayBuffer(byteLength),
    });
    expect(api.addressOf(new Float64Array(new ArrayBuffer(32), 8))).toBe(4104n);
    expect(() => createNativeApi(null, new Error("not built")).addressOf(new Uint8Array(1))).toThrow("not built");
  });

  it("load.ts and addon-unavailable-error.ts", () => {
    expect(ADDON_PATH_ENV).toBe("MV_NATIVE_ADDON");
    expect(addonCandidates({}).map((path) => path.split("/build/")[1])).toEqual([
      "Release/mv_native.node",
      "Debug/mv_native.node",
    ]);
    expect(addonCandidates({ MV_NATIVE_ADDON: "/tmp/asan/mv_native.node" })).toEqual(["/tmp/asan/mv_native.node"]);
    const result = loadBinding(["/nowhere/mv_native.node"]);
    expect(result.binding).toBe(null);
    expect(result.loadError?.name).toBe("ImportError");
    expect(binding === null).toBe(!available);
    expect(available || loadError instanceof Error).toBe(true);
    const error = new AddonUnavailableError([{ path: "/x/mv_native.node", reason: "not found" }]);
    expect([error.name, error.code]).toEqual(["ImportError", "ERR_MV_NATIVE_UNAVAILABLE"]);
  });

  it("alignmentOf of a bigint", () => {
    expect(alignmentOf(0x1000n)).toBe(4096);
  });
});

describeNative("examples of index.ts", () => {
  it("addressOf", () => {
    const bytes = new Uint8Array(16);
    memset(addressOf(bytes), 0x2a, bytes.byteLength);
    expect(bytes[15]).toBe(42);
    const base = new Float64Array(8);
    expect(addressOf(base.subarray(3)) - addressOf(base)).toBe(24n);
  });

  it("elementAddress", () => {
    const grid = new Int32Array(12);
    expect(elementAddress(grid, [5]) - addressOf(grid)).toBe(20n);
    const a = new Int32Array(4);
    expect(elementAddress(a, [-1]) - addressOf(a)).toBe(12n);
    expect(() => elementAddress(new Int32Array(4), [4])).toThrow("index out of bounds on dimension 1");
  });

  it("fromAddress", () => {
    const source = new Uint8Array([1, 2, 3, 4]);
    const alias = new Uint8Array(fromAddress(addressOf(source), 4));
    alias[0] = 9;
    expect(source[0]).toBe(9);

    const lib = koffi.load(process.platform === "darwin" ? "libc.dylib" : "libc.so.6");
    const malloc = lib.func("void *malloc(size_t n)");
    const free = lib.func("void free(uintptr_t p)");
    const buffer = fromAddress(koffi.address(malloc(64)), 64, { finalize: (address) => free(address) });
    expect(buffer.byteLength).toBe(64);
  });

  it("extentOf", () => {
    const data = new Int16Array(10);
    const { start, end, byteLength } = extentOf(data);
    expect([start === addressOf(data), end - start, byteLength]).toEqual([true, 20n, 20]);
    const reversed = {
      [GET_BUFFER]: () => ({
        obj: null,
        buf: data.buffer,
        offset: 10,
        len: 8,
        readonly: false,
        itemsize: 2,
        format: "h",
        ndim: 1,
        shape: [4],
        strides: [-2],
        suboffsets: null,
      }),
    };
    expect(extentOf(reversed).start - addressOf(data)).toBe(4n);
  });

  it("direct-address.ts", () => {
    const array = new Float64Array(4);
    expect(directAddress(binding!, array.subarray(1)) === directAddress(binding!, array)! + 8n).toBe(true);
    expect(directAddress(binding!, new Float64Array(0))).toBe(undefined);
  });

  it("alignmentOf", () => {
    const doubles = new Float64Array(4);
    expect(alignmentOf(doubles) >= 8).toBe(true);
    expect(alignmentOf(new Uint8Array(doubles.buffer, 1, 3))).toBe(1);
  });
});
