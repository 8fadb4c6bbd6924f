/**
 * `array` beyond the recorded fixture: the `u` and `w` type codes and the
 * other CPython 3.13/3.14 changes, the export, growth, the value mapping of
 * JavaScript, and bad input.
 */
import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  GET_BUFFER,
  RELEASE_BUFFER,
  array,
  bytearray,
  bytes,
  getBuffer,
  releaseBuffer,
  resolveBuffer,
} from "./support/api.js";
import { expectThrows } from "./support/errors.js";
import { loadFixture } from "./support/fixture-values.js";
import { ResizableBytes } from "../src/storage/resizable-bytes.js";
import { arrayGrowth } from "../src/array/growth.js";

const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

describe("array: u and w (CPython 3.13+)", () => {
  it.each(["u", "w"])("%s holds code points in 4-byte items", (code) => {
    const a = array(code, "a\u00e9\u{1f600}");
    expect(a.itemsize).toBe(4);
    expect(a.length).toBe(3);
    expect(a.tolist()).toEqual(["a", "\u00e9", "\u{1f600}"]);
    expect(a.tounicode()).toBe("a\u00e9\u{1f600}");
    expect(a.get(2)).toBe("\u{1f600}");
    a.append("\ud800");
    a.fromunicode("xy");
    expect(a.tounicode()).toBe("a\u00e9\u{1f600}\ud800xy");
    expect(String(array(code, "a'\n"))).toBe(`array('${code}', "a'\\n")`);
    expect(String(array(code))).toBe(`array('${code}')`);
    const view = new DataView(array(code, "\u{1f600}").tobytes().buffer);
    expect(view.getUint32(0, LE)).toBe(0x1f600);
  });

  it.each(["u", "w"])('%s exports format "w" (Py_UNICODE_WIDE)', (code) => {
    // Asked of the exporter itself: @mv/core's validation does not yet size
    // the PEP 3118 code "w" (reported), so getBuffer would refuse it.
    const a = array(code, "ab");
    const exporter = a as unknown as Record<symbol, (flags: number) => { format: string | null; itemsize: number; len: number }>;
    const info = exporter[GET_BUFFER]!(BufferFlags.RECORDS_RO);
    expect([info.format, info.itemsize, info.len]).toEqual(["w", 4, 8]);
    (a as unknown as Record<symbol, (i: unknown) => void>)[RELEASE_BUFFER]!(info);
    a.append("c");
    const simple = getBuffer(a, BufferFlags.SIMPLE);
    expect([simple.format, simple.itemsize, simple.len]).toEqual([null, 4, 12]);
    releaseBuffer(simple);
  });

  it.each(["u", "w"])("%s refuses anything but one character", (code) => {
    const a = array(code);
    expectThrows(() => a.append(1), "TypeError", "array item must be a unicode character, not int");
    expectThrows(() => a.append("ab"), "TypeError", "array item must be a unicode character, not a string of length 2");
    expectThrows(() => a.append(""), "TypeError", "array item must be a unicode character, not a string of length 0");
    expectThrows(() => a.fromunicode(1), "TypeError", "fromunicode() argument must be str, not int");
    expectThrows(() => array(code, [1]), "TypeError", "array item must be a unicode character, not int");
  });

  it("raw values outside Unicode read as chr() does", () => {
    const a = array("w");
    a.frombytes(new Uint8Array(new Uint32Array([0x110000]).buffer));
    expectThrows(() => a.get(0), "ValueError", "chr() arg not in range(0x110000)");
  });

  it("other arrays refuse the unicode methods, and unicode arrays other initializers", () => {
    expectThrows(
      () => array("b").tounicode(),
      "ValueError",
      "tounicode() may only be called on unicode type arrays ('u' or 'w')",
    );
    expectThrows(
      () => array("b").fromunicode("a"),
      "ValueError",
      "fromunicode() may only be called on unicode type arrays ('u' or 'w')",
    );
    expectThrows(
      () => array("b", array("w", "a")),
      "TypeError",
      "cannot use a unicode array to initialize an array with typecode 'b'",
    );
    expectThrows(() => array("b", "a"), "TypeError", "cannot use a str to initialize an array with typecode 'b'");
  });

  it("byteswap reverses the 4 bytes of a w item", () => {
    const a = array("w", "a");
    a.byteswap();
    expect(Array.from(a.tobytes())).toEqual(LE ? [0, 0, 0, 0x61] : [0x61, 0, 0, 0]);
  });
});

describe("array: type codes and arguments (CPython 3.13+ wording)", () => {
  it("names every type code when one is unknown", () => {
    expectThrows(() => array("z"), "ValueError", "bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)");
    expect(array.typecodes).toBe("bBuwhHiIlLqQfd");
  });

  it("says what is wrong with the type code argument", () => {
    expectThrows(() => array("bb"), "TypeError", "array() argument 1 must be a unicode character, not a string of length 2");
    expectThrows(() => array(""), "TypeError", "array() argument 1 must be a unicode character, not a string of length 0");
    expectThrows(() => array(null as never), "TypeError", "array() argument 1 must be a unicode character, not None");
    expectThrows(() => (array as unknown as () => unknown)(), "TypeError", "array() takes at least 1 argument (0 given)");
  });

  it("checks the initializer is iterable before the type code", () => {
    expectThrows(() => array("z", 5), "TypeError", "'int' object is not iterable");
  });

  it("clear() (3.13) empties it", () => {
    const a = array("i", [1, 2]);
    a.clear();
    expect(a.length).toBe(0);
  });
});

describe("array: values as JavaScript maps them (contract §2)", () => {
  it("reads 8-byte integers as bigints and writes numbers or bigints", () => {
    for (const code of "lLqQ") {
      const a = array(code, [1, 2n]);
      expect(a.tolist()).toEqual([1n, 2n]);
      expect(a.get(0)).toBe(1n);
    }
    expect(array("Q", [2n ** 64n - 1n]).get(0)).toBe(2n ** 64n - 1n);
    expect(array("i", [5n]).get(0)).toBe(5);
  });

  it("takes an integral number as an int, as JavaScript cannot tell 1e300 from an integer", () => {
    expectThrows(() => array("q", [1e300]), "OverflowError", "int too big to convert");
    expectThrows(() => array("b", [1.5]), "TypeError", "'float' object cannot be interpreted as an integer");
    expect(array("d", [2 ** 60]).get(0)).toBe(2 ** 60);
  });

  it("takes booleans as 0 and 1 (Python's bool is an int)", () => {
    expect(array("b", [true, false]).tolist()).toEqual([1, 0]);
    expect(array("d", [true]).tolist()).toEqual([1]);
  });

  it("rounds f items to float32", () => {
    expect(array("f", [0.1]).get(0)).toBe(Math.fround(0.1));
  });

  it("a JS array is a list, even where Python would pass a tuple", () => {
    const a = array("h");
    a.fromlist([1, 2]);
    expect(a.tolist()).toEqual([1, 2]);
  });
});

describe("array: memory", () => {
  const { cases } = loadFixture<{ cases: { alloc: [number, number][] } }>("array");

  it("over-allocates as CPython does (array_resize)", () => {
    const store = new ResizableBytes(0, arrayGrowth(4), 0);
    for (const [size, allocated] of cases.alloc) {
      store.resize(size * 4);
      expect(store.capacity / 4, `size ${size}`).toBe(allocated);
    }
  });

  it("is native-endian C values", () => {
    const a = array("i", [1, -2]);
    expect(Array.from(new Int32Array(a.tobytes().buffer))).toEqual([1, -2]);
    const d = array("d", [0.5]);
    expect(new Float64Array(d.tobytes().buffer)[0]).toBe(0.5);
  });

  it("exports as array_buffer_getbuf does", () => {
    const a = array("h", [1, 2, 3]);
    const simple = getBuffer(a, BufferFlags.SIMPLE);
    expect([simple.format, simple.itemsize, simple.len, simple.shape, simple.strides, simple.readonly]).toEqual([
      null,
      2,
      6,
      null,
      null,
      false,
    ]);
    releaseBuffer(simple);
    const full = getBuffer(a, BufferFlags.FULL);
    expect([full.format, full.itemsize, full.ndim, full.shape, full.strides]).toEqual(["h", 2, 1, [3], [2]]);
    new Int16Array(resolveBuffer(full), full.offset, 3)[1] = 7;
    expect(a.get(1)).toBe(7);
    releaseBuffer(full);
  });

  it.each("bBhHiIlLqQfd".split(""))("format of %s is its type code", (code) => {
    const info = getBuffer(array(code, [1]), BufferFlags.FULL_RO);
    expect(info.format).toBe(code);
    releaseBuffer(info);
  });

  it("frombytes(self) is refused while the array exports itself", () => {
    const a = array("b", [1]);
    expectThrows(() => a.frombytes(a), "BufferError", "Existing exports of data: object cannot be re-sized");
    expect(a.length).toBe(1);
    a.frombytes(bytes([2]));
    a.frombytes(bytearray([3]));
    a.frombytes(new Uint8Array([4]));
    expect(a.tolist()).toEqual([1, 2, 3, 4]);
  });
});

describe("array: behaviour", () => {
  it("slices, reverses, indexes and counts", () => {
    const a = array("i", [1, 2, 3, 4, 5]);
    expect(a.slice(1, 4).tolist()).toEqual([2, 3, 4]);
    expect((a.get({ step: -2 }) as typeof a).tolist()).toEqual([5, 3, 1]);
    a.reverse();
    expect(a.tolist()).toEqual([5, 4, 3, 2, 1]);
    expect(a.index(3)).toBe(2);
    expect(a.count(1n)).toBe(1);
    expect([...a]).toEqual([5, 4, 3, 2, 1]);
  });

  it("equals arrays of other type codes by value and reflects to bytearray", () => {
    expect(array("b", [1]).equals(array("d", [1]))).toBe(true);
    expect(array("B", [97]).equals(bytearray([97]))).toBe(true);
    expect(array("B", [97]).equals(bytes([97]))).toBe(false);
    const a = array("d", [NaN]);
    expect(a.equals(a)).toBe(false);
  });

  it("refuses bad slice assignments", () => {
    const a = array("i", [1, 2]);
    expectThrows(() => a.set({ start: 0 }, [1]), "TypeError", 'can only assign array (not "list") to array slice');
    expectThrows(() => a.set({ start: 0 }, array("h", [1])), "TypeError", "bad argument type for built-in operation");
    expectThrows(() => a.get("x" as never), "TypeError", "array indices must be integers");
    expectThrows(() => a.set(0, array("i")), "TypeError", "'array.array' object cannot be interpreted as an integer");
    a.set({ start: 0 }, a);
    expect(a.tolist()).toEqual([1, 2]);
  });
});
