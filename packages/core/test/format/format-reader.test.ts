/**
 * The module-level reading functions go through a `FormatReader`, the
 * reading half of a `Struct`: the same values and the same errors as the
 * `Struct` methods, for every kind of buffer and format argument, and a
 * cache emptied by `clearCache`.
 */
import { describe, expect, test } from "vitest";
import { Struct, calcsize, clearCache, iterUnpack, unpack, unpackFrom } from "../../src/index.js";
import { MemoryView } from "../../src/index.js";
import { structFor } from "../../src/struct/cache.js";
import { FormatReader, readerFor } from "../../src/struct/format-reader.js";

/** The result, or the error's name and message. */
function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return typeof value === "object" && value !== null && Symbol.iterator in value ? [...(value as Iterable<unknown>)] : value;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
}

const FORMATS: unknown[] = [
  "<iid",
  "@bq",
  "=bq",
  ">hH",
  "3x2s",
  "5p",
  "?",
  "e",
  "<F",
  "0i",
  "",
  "i\0",
  "z",
  "9999999999999999999999i",
  "\u00e9",
  new TextEncoder().encode("<h"),
  new Uint8Array([0x69, 0xe9]),
  42,
  null,
];

const BUFFERS: [string, () => unknown][] = [
  ["16 bytes", () => new Uint8Array(16).map((_, i) => i * 17)],
  ["an ArrayBuffer", () => new Uint8Array(16).map((_, i) => 255 - i).buffer],
  ["a DataView at an offset", () => new DataView(new ArrayBuffer(24), 4, 16)],
  ["a MemoryView (an exporter)", () => MemoryView.from(new Uint8Array(16).fill(3))],
  [
    "a detached buffer",
    () => {
      const buffer = new ArrayBuffer(16);
      structuredClone(buffer, { transfer: [buffer] });
      return buffer;
    },
  ],
  ["a string", () => "abc"],
];

describe("module-level reads against Struct's", () => {
  for (const format of FORMATS) {
    test.each(BUFFERS)(`${String(format)}: %s`, (_name, make) => {
      const struct = (): Struct => new Struct(format as string);
      expect(outcome(() => calcsize(format as string))).toEqual(outcome(() => struct().size));
      expect(outcome(() => unpack(format as string, make()))).toEqual(outcome(() => struct().unpack(make())));
      for (const offset of [0, 2, -4, 17, 2n ** 70n, 1.5]) {
        expect(outcome(() => unpackFrom(format as string, make(), offset as number))).toEqual(
          outcome(() => struct().unpackFrom(make(), offset as number)),
        );
      }
      expect(outcome(() => iterUnpack(format as string, make()))).toEqual(outcome(() => struct().iterUnpack(make())));
    });
  }

  test("a memoised window is used again, and a buffer detached since is read as detached", () => {
    const buffer = new ArrayBuffer(4);
    new DataView(buffer).setInt32(0, -7, true);
    expect(unpack("<i", buffer)).toEqual([-7]);
    expect(unpackFrom("<h", buffer, 2)).toEqual([-1]);
    structuredClone(buffer, { transfer: [buffer] });
    expect(outcome(() => unpack("<i", buffer))).toEqual(outcome(() => new Struct("<i").unpack(buffer)));
    expect(outcome(() => unpackFrom("<h", buffer, 2))).toEqual(outcome(() => new Struct("<h").unpackFrom(buffer, 2)));
  });
});

describe("readerFor", () => {
  test("caches one reader per format, str and bytes alike, until clearCache", () => {
    clearCache();
    const reader = readerFor("<iid");
    expect(readerFor("<iid")).toBe(reader);
    expect(readerFor(new TextEncoder().encode("<iid"))).toBe(reader);
    clearCache();
    expect(readerFor("<iid")).not.toBe(reader);
  });

  test("reads through the Struct that pack compiled, rather than compile the format again", () => {
    clearCache();
    const struct = structFor("<hh");
    expect(readerFor("<hh")).toBe(struct);
    expect(readerFor("<ii")).toBeInstanceOf(FormatReader);
    expect(unpack("<hh", new Uint8Array([1, 0, 2, 0]))).toEqual([1, 2]);
  });

  test("gives a size above 2**53 exactly, as Struct does", () => {
    expect(readerFor("9007199254740993x").size).toBe(new Struct("9007199254740993x").size);
    expect(readerFor("9007199254740993x").size).toBe(9007199254740993n);
  });
});
