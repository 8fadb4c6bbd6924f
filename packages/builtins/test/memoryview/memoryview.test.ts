/**
 * memoryview's behaviour that the python3 fixture cannot show: the
 * JavaScript side of the protocol (requests, exports, release), identity,
 * the released state member by member, and each place where this
 * implementation chose between CPython 3.11, 3.14 and NumPy. Errors are
 * checked by name and message.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coreView } from "../../src/memoryview/memoryview-attributes.js";
import {
  BufferFlags,
  Ellipsis,
  EllipsisType,
  GET_BUFFER,
  RELEASE_BUFFER,
  array,
  bytearray,
  bytes,
  getBuffer,
  hashBytes,
  memoryview,
  PyMemoryView,
  PySlice,
  releaseBuffer,
  slice,
  type BufferInfo,
} from "../support/api.js";

function throws(fn: () => unknown, name: string, message?: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${name}`).toBeInstanceOf(Error);
  expect((error as Error).name).toBe(name);
  if (message !== undefined) expect((error as Error).message).toBe(message);
}

const RELEASED = "operation forbidden on released memoryview object";

/** An exporter that records its requests and counts its live exports. */
class Recorder {
  readonly requests: number[] = [];
  exports = 0;
  constructor(readonly data = Uint8Array.of(1, 2, 3, 4)) {}
  [GET_BUFFER](flags: number): BufferInfo {
    this.requests.push(flags);
    this.exports++;
    return getBuffer(this.data, flags);
  }
  [RELEASE_BUFFER](info: BufferInfo): void {
    this.exports--;
    releaseBuffer(info);
  }
}

describe("memoryview(obj)", () => {
  it("is callable with and without new, and instanceof holds", () => {
    const a = memoryview(Uint8Array.of(1));
    const b = new memoryview(Uint8Array.of(1));
    expect(a).toBeInstanceOf(memoryview);
    expect(b).toBeInstanceOf(memoryview);
    expect(a).toBeInstanceOf(PyMemoryView);
    expect(memoryview.name).toBe("memoryview");
  });

  it("requests FULL_RO once, and a view of a view shares the export", () => {
    const x = new Recorder();
    const a = memoryview(x);
    const b = memoryview(a);
    expect(x.requests).toEqual([BufferFlags.FULL_RO]);
    expect(b.obj).toBe(x);
    a.release();
    expect(x.exports).toBe(1);
    expect(b.tolist()).toEqual([1, 2, 3, 4]);
    b.release();
    expect(x.exports).toBe(0);
  });

  it("refuses values that export nothing with CPython's message", () => {
    throws(() => memoryview(5), "TypeError", "memoryview: a bytes-like object is required, not 'int'");
    throws(() => memoryview("abc"), "TypeError", "memoryview: a bytes-like object is required, not 'str'");
    throws(() => memoryview(null), "TypeError", "memoryview: a bytes-like object is required, not 'NoneType'");
    throws(() => memoryview([1]), "TypeError", "memoryview: a bytes-like object is required, not 'list'");
  });

  it("of a released memoryview throws ValueError", () => {
    const m = memoryview(Uint8Array.of(1));
    m.release();
    throws(() => memoryview(m), "ValueError", RELEASED);
  });

  it("views this package's exporters", () => {
    expect(memoryview(bytes([1, 2])).readonly).toBe(true);
    expect(memoryview(bytearray([1, 2])).readonly).toBe(false);
    const a = memoryview(array("h", [1, -2]));
    expect([a.format, a.tolist()]).toEqual(["h", [1, -2]]);
  });
});

describe("the released state", () => {
  const members: [string, (m: PyMemoryView) => unknown][] = [
    ["obj", (m) => m.obj],
    ["nbytes", (m) => m.nbytes],
    ["readonly", (m) => m.readonly],
    ["itemsize", (m) => m.itemsize],
    ["format", (m) => m.format],
    ["ndim", (m) => m.ndim],
    ["shape", (m) => m.shape],
    ["strides", (m) => m.strides],
    ["suboffsets", (m) => m.suboffsets],
    ["c_contiguous", (m) => m.c_contiguous],
    ["f_contiguous", (m) => m.f_contiguous],
    ["contiguous", (m) => m.contiguous],
    ["length", (m) => m.length],
    ["get(0)", (m) => m.get(0)],
    ["get(slice)", (m) => m.get(slice(1))],
    ["set(0, 1)", (m) => m.set(0, 1)],
    ["tobytes()", (m) => m.tobytes()],
    ["hex()", (m) => m.hex()],
    ["tolist()", (m) => m.tolist()],
    ["toreadonly()", (m) => m.toreadonly()],
    ["cast('B')", (m) => m.cast("B")],
    ["count(1)", (m) => m.count(1)],
    ["index(1)", (m) => m.index(1)],
    ["hash()", (m) => m.hash()],
    ["[...m]", (m) => [...m]],
    ["getBuffer(m)", (m) => getBuffer(m)],
  ];
  for (const [name, use] of members) {
    it(`${name} throws ValueError`, () => {
      const m = memoryview(bytes([1, 2, 3]));
      m.release();
      throws(() => use(m), "ValueError", RELEASED);
    });
  }

  it("released, repr and equality of a released view", () => {
    const m = memoryview(bytes([1]));
    const other = memoryview(bytes([1]));
    expect(String(m)).toMatch(/^<memory at 0x[0-9a-f]+>$/);
    const address = String(m).slice("<memory at ".length, -1);
    m.release();
    m.release(); // twice: nothing
    expect(m.released).toBe(true);
    expect(String(m)).toBe(`<released memory at ${address}>`);
    expect(m.equals(m)).toBe(true);
    expect(m.equals(other)).toBe(false);
    expect(other.equals(m)).toBe(false);
  });

  it("a hash computed before release is not returned after it (CPython 3.14 would return its cache)", () => {
    const m = memoryview(bytes([1, 2]));
    m.hash();
    m.release();
    throws(() => m.hash(), "ValueError", RELEASED);
  });

  it("a view whose exports are live refuses release with BufferError", () => {
    const m = memoryview(new Uint8Array(4));
    const one = getBuffer(m);
    expect(one.obj).toBe(m);
    throws(() => m.release(), "BufferError", "memoryview has 1 exported buffer");
    const two = getBuffer(m, BufferFlags.ND);
    throws(() => m.release(), "BufferError", "memoryview has 2 exported buffers");
    releaseBuffer(one);
    releaseBuffer(two);
    m.release();
    expect(m.released).toBe(true);
  });

  it("Symbol.dispose releases (Python's with)", () => {
    const x = new Recorder();
    {
      using m = memoryview(x);
      expect(m.length).toBe(4);
    }
    expect(x.exports).toBe(0);
  });
});

describe("keys", () => {
  const m = () => memoryview(Int16Array.of(10, 20, 30, 40));

  it("numbers, bigints and booleans are indices", () => {
    expect([m().get(-1), m().get(1n), m().get(true), m().get(-4n)]).toEqual([40, 20, 20, 10]);
    throws(() => m().get(4), "IndexError", "index out of bounds on dimension 1");
    throws(() => m().get(2 ** 63), "IndexError", "cannot fit 'int' into an index-sized integer");
    throws(() => m().get(-(2n ** 63n) - 1n), "IndexError", "cannot fit 'int' into an index-sized integer");
    throws(() => m().get(1.5), "TypeError", "memoryview: invalid slice key");
  });

  it("slice objects, and any object with start/stop/step", () => {
    expect((m().get(slice(null, null, -2)) as PyMemoryView).tolist()).toEqual([40, 20]);
    expect((m().get(slice(2)) as PyMemoryView).tolist()).toEqual([10, 20]);
    expect((m().get({ start: 1, stop: -1 }) as PyMemoryView).tolist()).toEqual([20, 30]);
    throws(() => m().get(slice(null, null, 0)), "ValueError", "slice step cannot be zero");
    throws(() => m().get(slice("a")), "TypeError", "slice indices must be integers or None or have an __index__ method");
  });

  it("Ellipsis and () of a 0-d view: the view itself, and the item", () => {
    const z = memoryview(Int16Array.of(-7)).cast("B").cast("h", []);
    expect(z.get(Ellipsis)).toBe(z);
    expect(z.get([])).toBe(-7);
    z.set(Ellipsis, 5);
    expect(z.get([])).toBe(5);
    throws(() => z.get(0), "TypeError", "invalid indexing of 0-dim memory");
  });

  it("beyond CPython: NumPy's basic indexing of N-d views", () => {
    const g = memoryview(Uint8Array.from({ length: 24 }, (_, i) => i)).cast("B", [2, 3, 4]);
    expect((g.get(1) as PyMemoryView).shape).toEqual([3, 4]);
    expect((g.get([1, 2]) as PyMemoryView).tolist()).toEqual([20, 21, 22, 23]);
    expect((g.get([Ellipsis, 0]) as PyMemoryView).tolist()).toEqual([
      [0, 4, 8],
      [12, 16, 20],
    ]);
    expect((g.get([slice(null, null, -1), 0, slice(1, 3)]) as PyMemoryView).tolist()).toEqual([
      [13, 14],
      [1, 2],
    ]);
    expect((g.get(Ellipsis) as PyMemoryView).shape).toEqual([2, 3, 4]);
    expect(g.get([1, 2, 3])).toBe(23);
    throws(() => g.get([0, 0, 0, 0]), "TypeError", "cannot index 3-dimension view with 4-element tuple");
    throws(() => g.get([Ellipsis, Ellipsis]), "IndexError", "an index can only have a single ellipsis ('...')");
    throws(() => g.get([0, "a"]), "TypeError", "memoryview: invalid slice key");
    expect([...g].map((row) => (row as PyMemoryView).shape)).toEqual([
      [3, 4],
      [3, 4],
    ]);
  });

  it("beyond CPython: assignment to sub-views, from exporters or one value", () => {
    const a = new Uint8Array(6);
    const g = memoryview(a).cast("B", [2, 3]);
    g.set(0, Uint8Array.of(1, 2, 3));
    g.set([Ellipsis, 2], 9);
    expect(Array.from(a)).toEqual([1, 2, 9, 0, 0, 9]);
    throws(
      () => g.set(1, Uint8Array.of(1, 2)),
      "ValueError",
      "memoryview assignment: lvalue and rvalue have different structures",
    );
    throws(() => g.set(1, 256), "ValueError", "memoryview: invalid value for format 'B'");
  });
});

describe("values written as CPython writes them", () => {
  it("f takes any double: out of range becomes inf (C's cast), as in CPython", () => {
    const a = new Float32Array(2);
    const m = memoryview(a);
    m.set(0, 1e300);
    m.set(1, -1e300);
    expect(Array.from(a)).toEqual([Infinity, -Infinity]);
  });

  it("wrong types are TypeError, out of range ValueError, quoting the format without @", () => {
    const m = memoryview(new Uint8Array(2)).cast("@B");
    throws(() => m.set(0, 1.5), "TypeError", "memoryview: invalid type for format 'B'");
    throws(() => m.set(0, "1"), "TypeError", "memoryview: invalid type for format 'B'");
    throws(() => m.set(0, -1), "ValueError", "memoryview: invalid value for format 'B'");
    throws(() => memoryview(new Float64Array(1)).set(0, 2n ** 1100n), "ValueError", "memoryview: invalid value for format 'd'");
  });

  it("c takes bytes of length 1; ? takes Python's truth", () => {
    const c = memoryview(new Uint8Array(2)).cast("c");
    c.set(0, bytes([97]));
    c.set(1, Uint8Array.of(98));
    expect(c.tolist()).toEqual([Uint8Array.of(97), Uint8Array.of(98)]);
    throws(() => c.set(0, bytes([1, 2])), "ValueError", "memoryview: invalid value for format 'c'");
    throws(() => c.set(0, bytearray([1])), "TypeError", "memoryview: invalid type for format 'c'");
    const t = memoryview(new Uint8Array(3)).cast("?");
    t.set(0, bytes(0));
    t.set(1, [0]);
    t.set(2, NaN);
    expect(t.tolist()).toEqual([false, true, true]);
  });

  it("P takes negative integers down to -2**63 (PyLong_AsVoidPtr)", () => {
    const p = memoryview(new Uint8Array(8)).cast("P");
    p.set(0, -1);
    expect(p.get(0)).toBe(2n ** 64n - 1n);
    throws(() => p.set(0, -(2n ** 63n) - 1n), "ValueError", "memoryview: invalid value for format 'P'");
  });

  it("1-D slice assignment needs an exporter of the same structure", () => {
    const a = Uint8Array.of(1, 2, 3, 4);
    const m = memoryview(a);
    m.set(slice(null, null, -1), memoryview(Uint8Array.of(5, 6, 7, 8)));
    expect(Array.from(a)).toEqual([8, 7, 6, 5]);
    m.set(slice(1, 3), m.get(slice(0, 2))); // overlapping
    expect(Array.from(a)).toEqual([8, 8, 7, 5]);
    throws(() => m.set(slice(0, 2), 5), "TypeError", "a bytes-like object is required, not 'int'");
    throws(
      () => m.set(slice(0, 2), Int16Array.of(1)),
      "ValueError",
      "memoryview assignment: lvalue and rvalue have different structures",
    );
    throws(() => memoryview(bytes(2)).set(slice(0, 2), bytes(2)), "TypeError", "cannot modify read-only memory");
  });
});

describe("methods", () => {
  it("hash equals bytes(...).hash() of the same bytes, for any layout", () => {
    const data = bytes([1, 2, 3, 4, 5, 6]);
    const strided = memoryview(data).get(slice(null, null, -2)) as PyMemoryView;
    expect(strided.hash()).toBe(bytes([6, 4, 2]).hash());
    expect(strided.hash()).toBe(hashBytes(Uint8Array.of(6, 4, 2)));
    expect(memoryview(data).cast("c").hash()).toBe(data.hash());
    throws(
      () =>
        memoryview(bytearray([1]))
          .toreadonly()
          .hash(),
      "TypeError",
      "unhashable type: 'bytearray'",
    );
    throws(() => memoryview(new Uint8Array(1)).hash(), "ValueError", "cannot hash writable memoryview object");
    throws(
      () => memoryview(bytes(2)).cast("h").hash(),
      "ValueError",
      "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
    );
  });

  it("equals reflects to a non-exporter's own equals, as == reflects to __eq__ (not once released)", () => {
    const m = memoryview(Uint8Array.of(1));
    const asked: unknown[] = [];
    const other = {
      equals: (x: unknown) => {
        asked.push(x);
        return true;
      },
    };
    expect([m.equals(other), m.equals({}), m.equals(null)]).toEqual([true, false, false]);
    expect(asked).toEqual([m]);
    m.release();
    expect([m.equals(other), m.equals(m)]).toEqual([false, true]);
    expect(asked).toHaveLength(1);
  });

  it("count and index (3.14), and for N-d views by sub-view", () => {
    const m = memoryview(Int32Array.of(5, 1, 5, 2, 5));
    expect([m.count(5), m.count(5n), m.count(true), m.index(5, 1), m.index(5, -2), m.index(5, 1n, 3n)]).toEqual([
      3, 3, 1, 2, 4, 2,
    ]);
    throws(() => m.index(5, 1, 2), "ValueError", "memoryview.index(x): x not found");
    throws(
      () => m.index(5, null as unknown as number),
      "TypeError",
      "slice indices must be integers or have an __index__ method",
    );
    const g = memoryview(Uint8Array.of(1, 2, 3, 1, 2, 3)).cast("B", [3, 2]);
    expect(g.count(Uint8Array.of(1, 2))).toBe(1);
    expect(g.index(Uint8Array.of(3, 1))).toBe(1);
    const z = memoryview(Uint8Array.of(1)).cast("B", []);
    throws(() => z.count(1), "TypeError", "invalid indexing of 0-dim memory");
    throws(() => z.index(1), "TypeError", "invalid lookup on 0-dim memory");
  });

  it("hex of any layout, and its separators", () => {
    const m = memoryview(Uint8Array.of(0xb9, 0x01, 0xef, 0x10));
    expect((m.get(slice(null, null, -1)) as PyMemoryView).hex()).toBe("10ef01b9");
    expect(m.hex(bytes([0x7c]), -3)).toBe("b901ef|10");
    throws(() => m.hex(null), "TypeError", "object of type 'NoneType' has no len()");
    throws(() => m.hex(":", 2 ** 31), "OverflowError", "Python int too large to convert to C int");
    const big = new Uint8Array(100_000).map((_, i) => i);
    let expected = "";
    for (const b of big) expected += b.toString(16).padStart(2, "0");
    expect(memoryview(big).hex()).toBe(expected);
    for (const offset of [0, 1]) {
      for (const n of [4095, 4096, 4097, 9001]) {
        const view = memoryview(big).get(slice(offset, offset + n)) as PyMemoryView;
        const want = expected.slice(2 * offset, 2 * (offset + n));
        expect(view.hex()).toBe(want);
        expect(view.hex("-")).toBe(want.replace(/(..)(?!$)/g, "$1-"));
      }
    }
  });

  it("tobytes(order) and its argument", () => {
    const m = memoryview(Uint8Array.of(1, 2, 3, 4, 5, 6)).cast("B", [2, 3]);
    expect(Array.from(m.tobytes(null))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(m.tobytes("F"))).toEqual([1, 4, 2, 5, 3, 6]);
    throws(() => m.tobytes("X" as "C"), "ValueError", "order must be 'C', 'F' or 'A'");
    throws(() => m.tobytes(5 as unknown as "C"), "TypeError", "tobytes() argument 'order' must be str or None, not int");
  });

  it("cast keeps CPython's refusals and extends its formats", () => {
    const d = memoryview(Float64Array.of(1.5, -2));
    expect(d.cast("f").length).toBe(4); // two non-byte formats: NumPy's view
    expect(d.cast("B").cast("<d").tolist()).toEqual([1.5, -2]);
    expect(
      memoryview(Uint8Array.of(1, 0, 2, 0))
        .cast("<hh")
        .tolist(),
    ).toEqual([[1, 2]]);
    expect(memoryview(new Uint8Array(4)).cast("T{h:a:h:b:}").length).toBe(1);
    throws(
      () => (d.get(slice(null, null, -1)) as PyMemoryView).cast("B"),
      "TypeError",
      "memoryview: casts are restricted to C-contiguous views",
    );
    throws(
      () => memoryview(new Uint8Array(4)).cast("B", [2, 2]).cast("B", [1, 4]),
      "TypeError",
      "memoryview: cast must be 1D -> ND or ND -> 1D",
    );
    throws(
      () => d.cast("Z"),
      "ValueError",
      "memoryview: destination format must be a native single character format prefixed with an optional '@'",
    );
    throws(() => d.cast(5 as unknown as string), "TypeError", "cast() argument 'format' must be str, not int");
    throws(() => d.cast(null as unknown as string), "TypeError", "cast() argument 'format' must be str, not None");
  });

  it("equals: values across formats and exporters; struct's refusal of PEP 3118 formats is inequality", () => {
    expect(memoryview(Uint8Array.of(1, 2)).equals(Int32Array.of(1, 2))).toBe(true);
    expect(memoryview(Uint8Array.of(1, 2)).equals(bytes([1, 2]))).toBe(true);
    expect(bytes([1, 2]).equals(memoryview(Uint8Array.of(1, 2)))).toBe(true);
    expect(memoryview(Float64Array.of(NaN)).equals(Float64Array.of(NaN))).toBe(false);
    expect(memoryview(Uint8Array.of(1)).equals([1])).toBe(false);
    const t = memoryview(new Uint8Array(4)).cast("T{h:a:h:b:}");
    expect(t.equals(t)).toBe(false);
    // '^', 'Zf'/'Zd' and sub-arrays are PEP 3118's too: struct reads none of them
    for (const format of ["^i", "^bi", "Zf", "<Zf", "(1)i", "i:a:"]) {
      const v = memoryview(new Uint8Array(40)).cast(format);
      expect([format, v.equals(v)]).toEqual([format, false]);
    }
    expect(
      memoryview(new Uint8Array(8))
        .cast("<2f")
        .equals(memoryview(new Uint8Array(8)).cast("<2f")),
    ).toBe(true);
  });

  it("toreadonly makes a new read-only view", () => {
    const m = memoryview(new Uint8Array(2));
    const r = m.toreadonly();
    expect([r.readonly, m.readonly, r === m]).toEqual([true, false, false]);
    throws(() => r.set(0, 1), "TypeError", "cannot modify read-only memory");
  });
});

describe("fast paths agree with the general ones", () => {
  it("get(i) and set(i, v) equal get([i]) and set([i], v), errors included", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("b", "B", "h", "i", "d", "f", "q", "e", "?", "<i", "c"),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0),
        fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom(2 ** 63, -(2 ** 63), 1.5, NaN)),
        fc.oneof(fc.integer(), fc.double(), fc.bigInt(), fc.boolean(), fc.constant("x")),
        (format, n, step, key, value) => {
          const a = new Uint8Array(64).map((_, i) => (i * 37) & 0xff);
          const b = a.slice();
          const base = (x: Uint8Array) =>
            memoryview(x)
              .cast(format)
              .get(slice(null, null, step)) as PyMemoryView;
          const ma = base(a);
          const mb = base(b);
          const outcome = (fn: () => unknown) => {
            try {
              return { ok: fn() };
            } catch (e) {
              return { error: `${(e as Error).name}: ${(e as Error).message}` };
            }
          };
          expect(outcome(() => ma.get(key))).toEqual(outcome(() => mb.get([key])));
          const v = format === "c" ? Uint8Array.of(Number(value) & 0xff) : value;
          expect(outcome(() => ma.set(key, v))).toEqual(outcome(() => mb.set([key], v)));
          expect(Array.from(a)).toEqual(Array.from(b));
          void n;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the contiguous equality fast path agrees with @mv/core's general comparison", () => {
  it("for every native format, NaN, -0 and unaligned offsets", () => {
    const formats = ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "c", "P", "f", "d"];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.uint8Array({ minLength: 0, maxLength: 48 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 47 }),
        fc.boolean(),
        (format, data, offset, flip, nanish) => {
          const size =
            (new Uint8Array(1).length &&
              ({ b: 1, B: 1, c: 1, h: 2, H: 2, i: 4, I: 4, f: 4 } as Record<string, number>)[format]) ||
            8;
          const n = Math.floor(Math.max(0, data.length - offset) / size) * size;
          const left = new Uint8Array(offset + n);
          left.set(data.subarray(0, offset + n));
          const right = left.slice();
          if (n > 0 && nanish) right[offset + (flip % n)]! ^= 0x80; // sign bits: -0 and NaN payloads
          const a = memoryview(left).get(slice(offset, null)) as PyMemoryView;
          const b = memoryview(right).get(slice(offset, null)) as PyMemoryView;
          const ma = a.cast(format);
          const mb = b.cast(format);
          expect(ma.equals(mb)).toBe(coreView(ma).equals(coreView(mb)));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("slice and Ellipsis", () => {
  it("slice(stop), slice(start, stop, step), attributes and repr", () => {
    const s = slice(3);
    expect([s.start, s.stop, s.step]).toEqual([null, 3, null]);
    expect(new slice(1, undefined, -1)).toBeInstanceOf(PySlice);
    expect(String(slice(1n, "a", 1.5))).toBe("slice(1, 'a', 1.5)");
    expect(slice(1, 2).equals(slice(1, 2, null))).toBe(true);
    expect(slice(1, 2).equals(slice(1, 3))).toBe(false);
    throws(() => slice(), "TypeError", "slice expected at least 1 argument, got 0");
    throws(
      () => (slice as unknown as (...a: unknown[]) => unknown)(1, 2, 3, 4),
      "TypeError",
      "slice expected at most 3 arguments, got 4",
    );
    expect(Object.isFrozen(s)).toBe(true);
  });

  it("indices(length)", () => {
    expect(slice(null, null, -1).indices(5)).toEqual([4, -1, -1]);
    expect(slice(-100, 100).indices(5)).toEqual([0, 5, 1]);
    expect(slice(0, 2n ** 70n).indices(2n ** 60n)).toEqual([0, 2n ** 60n, 1]);
    throws(() => slice(1).indices(-1), "ValueError", "length should not be negative");
    throws(() => slice(1, 2, 0).indices(3), "ValueError", "slice step cannot be zero");
  });

  it("Ellipsis is one frozen object", () => {
    expect(Object.isFrozen(Ellipsis)).toBe(true);
    expect(new EllipsisType()).toBe(Ellipsis);
    expect(String(Ellipsis)).toBe("Ellipsis");
  });
});
