/**
 * A consumer that asked for less than it got (SPEC §1.3): struct's
 * functions, as CPython's y* and w* converters, read an answer that carries
 * a format, shape, strides or unused suboffsets they did not request when
 * those fields describe the same C-contiguous bytes, and refuse only
 * answers that would change what they read. getBuffer without the option
 * stays strict.
 */
import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  GET_BUFFER,
  RELEASE_BUFFER,
  getBuffer,
  pack,
  packInto,
  releaseBuffer,
  unpack,
  unpackFrom,
  writePointer,
  type BufferInfo,
} from "../../src/index.js";

/** An exporter that answers every request with `fields` over `memory`, counting live exports. */
function answering(memory: ArrayBuffer, fields: Partial<BufferInfo>) {
  const exporter = {
    live: 0,
    [GET_BUFFER](_flags: number): BufferInfo {
      exporter.live++;
      return {
        obj: exporter,
        buf: memory,
        offset: 0,
        len: memory.byteLength,
        readonly: false,
        itemsize: 1,
        format: null,
        ndim: 1,
        shape: null,
        strides: null,
        suboffsets: null,
        ...fields,
      };
    },
    [RELEASE_BUFFER]() {
      exporter.live--;
    },
  };
  return exporter;
}

const ints = () => new Int32Array([7, -1]).buffer;

describe("struct's functions over answers with fields they did not request", () => {
  it("read and write contiguous memory described by a format, shape and strides", () => {
    const x = answering(ints(), { format: "<i", itemsize: 4, shape: [2], strides: [4] });
    expect(unpack("<ii", x)).toEqual([7, -1]);
    packInto("<i", x, 4, 5);
    expect(unpackFrom("<i", x, 4)).toEqual([5]);
    expect(x.live).toBe(0);
  });

  it("take two-dimensional C-ordered memory and suboffsets that are all negative", () => {
    const grid = answering(new ArrayBuffer(16), {
      format: "i",
      itemsize: 4,
      ndim: 2,
      shape: [2, 2],
      strides: [8, 4],
      suboffsets: [-1, -1],
    });
    packInto("<4i", grid, 0, 1, 2, 3, 4);
    expect(unpack("<4i", grid)).toEqual([1, 2, 3, 4]);
    expect(grid.live).toBe(0);
  });

  it("refuse strided, reversed and indirect memory, which would change what they read, and give the export back", () => {
    const strided = answering(new ArrayBuffer(16), { format: "i", itemsize: 4, len: 8, shape: [2], strides: [8] });
    expect(() => unpack("<ii", strided)).toThrow(expect.objectContaining({ name: "BufferError" }));
    const reversed = answering(new ArrayBuffer(8), { format: "i", itemsize: 4, offset: 4, shape: [2], strides: [-4] });
    expect(() => unpack("<ii", reversed)).toThrow(expect.objectContaining({ name: "BufferError" }));
    const memory = new ArrayBuffer(24);
    writePointer(memory, 0, 8);
    const indirect = answering(memory, { len: 4, itemsize: 1, shape: [4], strides: [1], suboffsets: [0], offset: 0, ndim: 1 });
    expect(() => unpack("<i", indirect)).toThrow(expect.objectContaining({ name: "BufferError" }));
    expect([strided.live, reversed.live, indirect.live]).toEqual([0, 0, 0]);
  });

  it("leave getBuffer strict unless asked", () => {
    const x = answering(ints(), { format: "<i", itemsize: 4, shape: [2], strides: [4] });
    expect(() => getBuffer(x, BufferFlags.SIMPLE)).toThrow("a format without FORMAT in the request");
    const info = getBuffer(x, BufferFlags.SIMPLE, { ignoreUnrequested: true });
    expect([info.format, info.shape, info.strides, info.ndim, info.len, info.itemsize]).toEqual([null, null, null, 1, 8, 4]);
    expect(Object.isFrozen(info)).toBe(true);
    releaseBuffer(info);
    releaseBuffer(info);
    expect(x.live).toBe(0);
    // A read-only answer to a WRITABLE request stays refused.
    const readonly = answering(ints(), { readonly: true });
    expect(() => packInto("<i", readonly, 0, 1)).toThrow(/^argument must be read-write bytes-like object, not /);
    expect(pack("<i", 1)).toEqual(Uint8Array.of(1, 0, 0, 0));
  });
});
