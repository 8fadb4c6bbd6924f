/**
 * Named records and text fields, opt-in (SPEC §2.1): RecordStruct and
 * MemoryView.withRecords read `:name:` fields as plain objects and `s`/`p`
 * fields as text when asked, write them back from the same forms, refuse
 * malformed records in CPython's argument-error style; Struct and plain
 * views read exactly as before.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  GET_BUFFER,
  MemoryView,
  RELEASE_BUFFER,
  RecordStruct,
  Struct,
  StructError,
  UnicodeDecodeError,
  ValueError,
  fillInfo,
  pack,
  packInto,
  unpack,
  unpackFrom,
  iterUnpack,
  type BufferInfo,
} from "../../src/index.js";

function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (error) {
    const e = error as Error;
    return { name: e.name, message: e.message };
  }
  throw new Error("did not throw");
}

/** An exporter that counts its live exports. */
function countingExporter(bytes: Uint8Array) {
  const exporter = {
    live: 0,
    [GET_BUFFER](flags: number): BufferInfo {
      exporter.live++;
      return fillInfo(exporter, bytes.buffer, bytes.byteOffset, bytes.byteLength, false, flags);
    },
    [RELEASE_BUFFER]() {
      exporter.live--;
    },
  };
  return exporter;
}

describe("RecordStruct", () => {
  const point = new RecordStruct<{ id: number; value: number }>("<i:id: d:value:", { records: true });

  it("reads and writes plain objects keyed by the field names", () => {
    const bytes = point.pack({ id: 1, value: 2.5 });
    expect(bytes).toEqual(new Struct("<id").pack(1, 2.5));
    expect(point.size).toBe(12);
    expect(point.unpack(bytes)).toEqual({ id: 1, value: 2.5 });
    expect(Object.keys(point.unpack(bytes))).toEqual(["id", "value"]);
    expect(point.unpackFrom(new Uint8Array([9, ...bytes]), 1)).toEqual({ id: 1, value: 2.5 });
    expect(point.unpackFrom(new Uint8Array([9, ...bytes]), -12)).toEqual({ id: 1, value: 2.5 });
    const target = new Uint8Array(14);
    point.packInto(target, 2, { id: -3, value: 0.25 });
    expect(point.unpackFrom(target, 2)).toEqual({ id: -3, value: 0.25 });
    expect([...point.iterUnpack(new Uint8Array([...bytes, ...point.pack({ id: 2, value: 4 })]))]).toEqual([
      { id: 1, value: 2.5 },
      { id: 2, value: 4 },
    ]);
  });

  it("takes the list form of the defaults as well", () => {
    expect(point.pack([1, 2.5])).toEqual(point.pack({ id: 1, value: 2.5 }));
  });

  it("refuses missing, extra and wrongly typed fields in CPython's style, writing nothing", () => {
    expect(thrown(() => point.pack({ id: 1 }))).toEqual({
      name: "TypeError",
      message: "record missing 1 required field: 'value'",
    });
    expect(thrown(() => new RecordStruct("i:a: i:b: i:c:", { records: true }).pack({}))).toEqual({
      name: "TypeError",
      message: "record missing 3 required fields: 'a', 'b', and 'c'",
    });
    expect(thrown(() => point.pack({ id: 1, value: 2, extra: 3 }))).toEqual({
      name: "TypeError",
      message: "record got an unexpected field 'extra'",
    });
    expect(thrown(() => point.pack({ id: "1", value: 2 }))).toEqual({
      name: "StructError",
      message: "required argument is not an integer",
    });
    expect(thrown(() => point.pack({ id: 2 ** 31, value: 2 })).name).toBe("StructError");
    expect(thrown(() => point.pack(null))).toEqual({
      name: "TypeError",
      message: "record must be an object or a list, not NoneType",
    });
    expect(thrown(() => point.pack(1, 2))).toEqual({ name: "StructError", message: "pack expected 1 items for packing (got 2)" });
    expect(thrown(() => (point.packInto as (...args: unknown[]) => void)(new Uint8Array(12)))).toEqual({
      name: "StructError",
      message: "pack_into expected offset argument",
    });
    const target = new Uint8Array(12).fill(7);
    expect(() => point.packInto(target, 0, { id: 1, value: "x" })).toThrow(StructError);
    expect(target).toEqual(new Uint8Array(12).fill(7));
  });

  it("keeps struct's buffer and offset checks and messages", () => {
    expect(thrown(() => point.unpack(new Uint8Array(11)))).toEqual({
      name: "StructError",
      message: "unpack requires a buffer of 12 bytes",
    });
    expect(thrown(() => point.unpackFrom(new Uint8Array(12), 1))).toEqual({
      name: "StructError",
      message: "unpack_from requires a buffer of at least 13 bytes for unpacking 12 bytes at offset 1 (actual buffer size is 12)",
    });
    expect(thrown(() => point.packInto(new Uint8Array(12), -13, { id: 1, value: 1 }))).toEqual({
      name: "StructError",
      message: "offset -13 out of range for 12-byte buffer",
    });
    expect(thrown(() => point.unpack(5))).toEqual({ name: "TypeError", message: "a bytes-like object is required, not 'int'" });
    expect(thrown(() => point.packInto(new Uint8Array(12).buffer.slice(0, 0), 0, [1, 1])).name).toBe("StructError");
    expect(thrown(() => point.iterUnpack(new Uint8Array(13)))).toEqual({
      name: "StructError",
      message: "iterative unpacking requires a buffer of a multiple of 12 bytes",
    });
  });

  it("holds an exporter's export for the call and gives it back, also for an iterator left early", () => {
    const bytes = new Uint8Array(24);
    const exporter = countingExporter(bytes);
    point.packInto(exporter, 12, { id: 5, value: 1 });
    expect(point.unpackFrom(exporter, 12)).toEqual({ id: 5, value: 1 });
    expect(() => point.packInto(exporter, 0, { id: 5 })).toThrow(TypeError);
    for (const record of point.iterUnpack(exporter)) {
      expect(exporter.live).toBe(1);
      expect(record).toEqual({ id: 0, value: 0 });
      break;
    }
    expect(exporter.live).toBe(0);
  });

  it("reads nested structures, sub-arrays and unnamed fields beside named ones", () => {
    const nested = new RecordStruct("T{<h:a: T{<2s:name: (2)B:xy:}:inner: (2)T{<B:v:}:list: <B}", { records: true });
    const value = { a: 1, inner: { name: Uint8Array.of(104, 105), xy: [3, 4] }, list: [{ v: 5 }, { v: 6 }], f3: 9 };
    const bytes = nested.pack(value);
    expect(Array.from(bytes)).toEqual([1, 0, 104, 105, 3, 4, 5, 6, 9]);
    expect(nested.unpack(bytes)).toEqual(value);
    expect(thrown(() => nested.pack({ ...value, inner: { name: Uint8Array.of(1) } }))).toEqual({
      name: "TypeError",
      message: "record['inner'] missing 1 required field: 'xy'",
    });
    expect(thrown(() => nested.pack({ ...value, list: [{ v: 1 }, { w: 1, v: 2 }] }))).toEqual({
      name: "TypeError",
      message: "record['list'][1] got an unexpected field 'w'",
    });
  });

  it("keeps the tuple of values for a format with no names", () => {
    const plain = new RecordStruct("<hd", { records: true });
    expect(plain.unpack(plain.pack(1, 2))).toEqual([1, 2]);
    expect(new RecordStruct("<h", { records: true }).unpack(Uint8Array.of(1, 0))).toEqual([1]);
  });

  it("shows its repr under Node's inspect", () => {
    expect(inspect(new RecordStruct("<i:id:"))).toBe("RecordStruct('<i:id:')");
  });

  it("names a field __proto__ as an own property", () => {
    const odd = new RecordStruct("<B:__proto__: B:b:", { records: true });
    const record = odd.unpack(Uint8Array.of(1, 2)) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(["__proto__", "b"]);
  });
});

describe("text fields", () => {
  it("reads s fields as latin-1 or UTF-8, trimmed as asked", () => {
    const bytes = Uint8Array.of(0x68, 0xc3, 0xa9, 0, 0x78, 0);
    const read = (encoding: string, trim?: "none" | "nul" | "cstring") =>
      new RecordStruct<string[]>("6s", { strings: { encoding, trim } }).unpack(bytes)[0];
    expect(read("utf-8")).toBe("hé\0x\0");
    expect(read("utf-8", "nul")).toBe("hé\0x");
    expect(read("UTF8", "cstring")).toBe("hé");
    expect(read("latin-1", "cstring")).toBe("hÃ©");
    expect(read("iso_8859_1", "none")).toBe("hÃ©\0x\0");
  });

  it("writes strings, encoded, truncated and NUL-padded as struct pads bytes", () => {
    const names = new RecordStruct("<4sH", { strings: { encoding: "utf-8", trim: "nul" } });
    expect(Array.from(names.pack("hé", 7))).toEqual([0x68, 0xc3, 0xa9, 0, 7, 0]);
    expect(names.unpack(names.pack("hé", 7))).toEqual(["hé", 7]);
    expect(Array.from(names.pack("abcdef", 1).subarray(0, 4))).toEqual([97, 98, 99, 100]);
    expect(names.pack(Uint8Array.of(1, 2), 1)).toEqual(pack("<4sH", Uint8Array.of(1, 2), 1));
    expect(new RecordStruct("p", { strings: { encoding: "latin-1" } }).unpack(Uint8Array.of(0))).toEqual([""]);
    expect(new RecordStruct("4p", { strings: { encoding: "latin-1" } }).unpack(pack("4p", Uint8Array.of(0xe9, 0x61)))).toEqual([
      "éa",
    ]);
  });

  it("refuses bytes and text the encoding cannot hold with CPython's codec errors", () => {
    const utf8 = new RecordStruct("3s", { strings: { encoding: "utf-8" } });
    expect(thrown(() => utf8.unpack(Uint8Array.of(0x61, 0xff, 0)))).toEqual({
      name: "UnicodeDecodeError",
      message: "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte",
    });
    expect(thrown(() => utf8.unpack(Uint8Array.of(0x61, 0xe2, 0x82)))).toEqual({
      name: "UnicodeDecodeError",
      message: "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data",
    });
    expect(thrown(() => utf8.unpack(Uint8Array.of(0xe2, 0x28, 0xa1)))).toEqual({
      name: "UnicodeDecodeError",
      message: "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte",
    });
    expect(thrown(() => utf8.unpack(Uint8Array.of(0xed, 0xa0, 0x80))).message).toBe(
      "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte",
    );
    expect(() => utf8.unpack(Uint8Array.of(0xc0, 0x80, 0))).toThrow(UnicodeDecodeError);
    expect(new UnicodeDecodeError("x")).toBeInstanceOf(ValueError);
    expect(thrown(() => new RecordStruct("4s", { strings: { encoding: "latin-1" } }).pack("a€€b"))).toEqual({
      name: "UnicodeEncodeError",
      message: "'latin-1' codec can't encode characters in position 1-2: ordinal not in range(256)",
    });
    expect(thrown(() => new RecordStruct("4s", { strings: { encoding: "utf-8" } }).pack("😀\ud800"))).toEqual({
      name: "UnicodeEncodeError",
      message: "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed",
    });
    expect(thrown(() => new RecordStruct("4s", { strings: { encoding: "utf-8" } }).pack(5)).message).toBe(
      "argument for 's' must be a bytes object",
    );
  });
});

describe("options", () => {
  it("are checked", () => {
    expect(thrown(() => new RecordStruct("<h", { records: 1 as unknown as boolean }))).toEqual({
      name: "TypeError",
      message: "records must be a boolean, not int",
    });
    expect(thrown(() => new RecordStruct("4s", { strings: { encoding: "cp1252" } }))).toEqual({
      name: "ValueError",
      message: "unknown encoding: cp1252",
    });
    expect(thrown(() => new RecordStruct("4s", { strings: { encoding: 8 as unknown as string } })).name).toBe("TypeError");
    expect(thrown(() => new RecordStruct("4s", { strings: { encoding: "utf-8", trim: "all" as "nul" } })).name).toBe(
      "ValueError",
    );
    expect(thrown(() => new Struct("<i:id:"))).toEqual({ name: "StructError", message: "bad char in struct format" });
    // records: false keeps lists where names are, for text alone.
    expect(
      new RecordStruct("<h:a: 2s:b:", { records: false, strings: { encoding: "latin-1" } }).unpack(Uint8Array.of(1, 0, 97, 98)),
    ).toEqual([1, "ab"]);
    expect(String(new RecordStruct("<i:id:"))).toBe("RecordStruct('<i:id:')");
  });

  it("leave the defaults exactly as they are when off", () => {
    for (const options of [undefined, {}, { records: false }, { strings: null }]) {
      const s = new RecordStruct("<4sHd", options);
      const bytes = s.pack(Uint8Array.of(97, 98, 0, 0), 7, 0.5);
      expect(s.unpack(bytes)).toEqual([Uint8Array.of(97, 98, 0, 0), 7, 0.5]);
      expect(s.unpack(bytes)).toEqual(unpack("<4sHd", bytes));
    }
  });
});

describe("MemoryView.withRecords", () => {
  it("reads items as records and text through get, toList and iteration, and writes them with set", () => {
    const memory = new Uint8Array(2 * 10);
    const plain = MemoryView.from(memory).cast("T{<i:id: 6s:name:}");
    const named = plain.withRecords({ records: true, strings: { encoding: "utf-8", trim: "nul" } });
    named.set(0, { id: 1, name: "ab" });
    named.set(-1, { id: 2, name: "été" });
    expect(named.get(0)).toEqual({ id: 1, name: "ab" });
    expect(named.toList()).toEqual([
      { id: 1, name: "ab" },
      { id: 2, name: "été" },
    ]);
    expect([...named]).toHaveLength(2);
    expect(plain.get(0)).toEqual([1, Uint8Array.of(97, 98, 0, 0, 0, 0)]);
    // Derived views keep the options; withRecords() gives the defaults back.
    expect(named.slice([null, null, -1]).toList()).toEqual([
      { id: 2, name: "été" },
      { id: 1, name: "ab" },
    ]);
    expect(named.toReadonly().get(1)).toEqual({ id: 2, name: "été" });
    expect(MemoryView.from(named).get(0)).toEqual([1, Uint8Array.of(97, 98, 0, 0, 0, 0)]);
  });

  it("refuses malformed records with their own errors and leaves the memory as it was", () => {
    const memory = new Uint8Array(10);
    const named = MemoryView.from(memory)
      .cast("T{<i:id: 6s:name:}")
      .withRecords({ records: true, strings: { encoding: "latin-1" } });
    expect(thrown(() => named.set(0, { id: 1 }))).toEqual({
      name: "TypeError",
      message: "record missing 1 required field: 'name'",
    });
    expect(thrown(() => named.set(0, { id: 1, name: "€" })).name).toBe("UnicodeEncodeError");
    expect(thrown(() => named.set(0, { id: "x", name: "a" }))).toEqual({
      name: "TypeError",
      message: "memoryview: invalid type for format 'T{<i:id: 6s:name:}'",
    });
    expect(memory).toEqual(new Uint8Array(10));
  });

  it("changes nothing for formats without names or text fields", () => {
    const v = MemoryView.from(Int16Array.of(1, 2)).withRecords({ records: true, strings: { encoding: "utf-8" } });
    expect(v.toList()).toEqual([1, 2]);
    v.set(0, 5);
    expect(v.get(0)).toBe(5);
  });

  it("refuses use after release and bad options", () => {
    const v = MemoryView.from(new Uint8Array(2));
    expect(thrown(() => v.withRecords({ strings: { encoding: "ebcdic" } })).name).toBe("ValueError");
    v.release();
    expect(() => v.withRecords({ records: true })).toThrow(ValueError);
  });
});

describe("WebAssembly.Memory as a struct buffer", () => {
  it("is read and written like any exporter getBuffer takes, across grow()", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    packInto("<i", memory, 4, 77);
    expect(unpackFrom("<i", memory, 4)).toEqual([77]);
    memory.grow(1);
    expect(unpackFrom("<i", memory, 4)).toEqual([77]);
    expect(thrown(() => unpack("<i", memory))).toEqual({ name: "StructError", message: "unpack requires a buffer of 4 bytes" });
    expect([...iterUnpack("<65536s", memory)]).toHaveLength(2);
    expect(new RecordStruct("<i:v:", { records: true }).unpackFrom(memory, 4)).toEqual({ v: 77 });
  });
});
