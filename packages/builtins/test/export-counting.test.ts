/**
 * Export counting of the resizable exporters under every consumer: a raw
 * `getBuffer`, a `buffer` (which holds an export only while it is itself
 * exported, or during one access), a `buffer` of a `buffer`, and
 * `memoryview` where the package has one. A resize with any live export
 * throws BufferError; releasing the last export makes it possible again.
 */
import { describe, expect, it } from "vitest";
import * as api from "./support/api.js";
import { array, buffer, bytearray, getBuffer, releaseBuffer } from "./support/api.js";
import { expectThrows } from "./support/errors.js";

const MESSAGE = "Existing exports of data: object cannot be re-sized";

type Resizable = { length: number; append(v: unknown): void };

const makers: [string, () => Resizable, unknown][] = [
  ["bytearray", () => bytearray([1, 2, 3]), 4],
  ["array('i')", () => array("i", [1, 2, 3]), 4],
  ["array('d')", () => array("d", [1, 2, 3]), 0.5],
];

describe.each(makers)("%s", (_name, make, item) => {
  it("raw getBuffer: refused while live, allowed after release", () => {
    const obj = make();
    const info = getBuffer(obj);
    expectThrows(() => obj.append(item), "BufferError", MESSAGE);
    expect(obj.length).toBe(3);
    releaseBuffer(info);
    obj.append(item);
    expect(obj.length).toBe(4);
  });

  it("raw getBuffer: every export must be released", () => {
    const obj = make();
    const infos = [getBuffer(obj), getBuffer(obj, api.BufferFlags.SIMPLE), getBuffer(obj, api.BufferFlags.WRITABLE)];
    for (const info of infos) {
      expectThrows(() => obj.append(item), "BufferError", MESSAGE);
      releaseBuffer(info);
    }
    obj.append(item);
  });

  it("buffer: each access holds an export only while it runs", () => {
    const obj = make();
    const b = buffer(obj);
    const bytesPerItem = b.length / obj.length;
    expect([1, 4, 8]).toContain(bytesPerItem);
    b.tobytes();
    b.get(0);
    b.slice(0, 2);
    obj.append(item);
    expect(b.length).toBe(4 * bytesPerItem);
  });

  it("buffer: an export of the buffer holds the base's export", () => {
    const obj = make();
    const b = buffer(obj, 1);
    const info = getBuffer(b);
    expectThrows(() => obj.append(item), "BufferError", MESSAGE);
    releaseBuffer(info);
    obj.append(item);
  });

  it("buffer of a buffer: the export reaches the base", () => {
    const obj = make();
    const outer = buffer(buffer(obj, 1), 1);
    const info = getBuffer(outer);
    expectThrows(() => obj.append(item), "BufferError", MESSAGE);
    releaseBuffer(info);
    obj.append(item);
  });

  it("a refused export of the buffer leaves no export behind", () => {
    const obj = make();
    expectThrows(() => getBuffer(buffer(obj), api.BufferFlags.WRITABLE), "BufferError", "Object is not writable.");
    obj.append(item);
  });

  const memoryview = (api as Record<string, unknown>).memoryview as ((obj: unknown) => { release(): void }) | undefined;
  it.runIf(typeof memoryview === "function")("memoryview: refused while the view lives", () => {
    const obj = make();
    const view = memoryview!(obj);
    expectThrows(() => obj.append(item), "BufferError", MESSAGE);
    view.release();
    obj.append(item);
    const throughBuffer = memoryview!(buffer(obj));
    expectThrows(() => obj.append(item), "BufferError", MESSAGE);
    throughBuffer.release();
    obj.append(item);
  });
});

describe("a shrinking base", () => {
  it("shrinks the buffer, as 2.7's did", () => {
    const data = bytearray([1, 2, 3, 4]);
    const b = buffer(data, 1, 2);
    expect(b.length).toBe(2);
    data.resize(2);
    expect(Array.from(b.tobytes())).toEqual([2]);
    data.clear();
    expect(b.length).toBe(0);
    expectThrows(() => b.get(0), "IndexError", "buffer index out of range");
  });
});
