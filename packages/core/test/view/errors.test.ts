/**
 * Bad input: every misuse throws the contract's error class with CPython's
 * (or, where CPython has no such operation, NumPy's) wording, and changes
 * nothing.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemCodec, MemoryView } from "../../src/index.js";
import { packError } from "../../src/view/pack-error.js";
import { TestExporter } from "./test-exporter.js";

function thrown(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    return [(error as Error).name, (error as Error).message];
  }
  throw new Error("expected an error");
}

const RELEASED: [string, string] = ["ValueError", "operation forbidden on released memoryview object"];

function matrix(): MemoryView {
  return MemoryView.from(Uint8Array.from({ length: 12 }, (_, i) => i)).reshape([3, 4]);
}

describe("indices", () => {
  it("out of range: IndexError naming the dimension (1-based, as CPython)", () => {
    const m = matrix();
    expect(thrown(() => m.get(3, 0))).toEqual(["IndexError", "index out of bounds on dimension 1"]);
    expect(thrown(() => m.get(0, -5))).toEqual(["IndexError", "index out of bounds on dimension 2"]);
    expect(thrown(() => m.set(0, 4, 1))).toEqual(["IndexError", "index out of bounds on dimension 2"]);
    expect(thrown(() => m.index(1, 4))).toEqual(["IndexError", "index out of bounds on dimension 2"]);
    expect(thrown(() => MemoryView.from(new Float64Array(2)).get(2))).toEqual([
      "IndexError",
      "index out of bounds on dimension 1",
    ]);
    expect(thrown(() => MemoryView.from(new Float64Array(2)).get(2n ** 70n))).toEqual([
      "IndexError",
      "index out of bounds on dimension 1",
    ]);
  });

  it("wrong number of indices: TypeError", () => {
    const m = matrix();
    expect(thrown(() => m.get(0, 0, 0))).toEqual(["TypeError", "cannot index 2-dimension view with 3-element tuple"]);
    expect(thrown(() => m.get(0))[0]).toBe("TypeError");
    expect(thrown(() => m.set(0, 1))[0]).toBe("TypeError");
    const scalar = MemoryView.from(new Uint8Array(1)).cast("B", []);
    expect(scalar.get()).toBe(0);
    expect(thrown(() => scalar.get(0))).toEqual(["TypeError", "invalid indexing of 0-dim memory"]);
    expect(thrown(() => scalar.index(0, 0))).toEqual(["TypeError", "invalid indexing of 0-dim memory"]);
    expect(thrown(() => [...scalar])).toEqual(["TypeError", "invalid indexing of 0-dim memory"]);
    expect(thrown(() => scalar.length)).toEqual(["TypeError", "0-dim memory has no length"]);
  });

  it("non-integer indices: TypeError", () => {
    const v = MemoryView.from(new Uint8Array(4));
    expect(thrown(() => v.get(1.5))).toEqual(["TypeError", "memoryview: invalid slice key"]);
    expect(thrown(() => v.get("1" as unknown as number))).toEqual(["TypeError", "memoryview: invalid slice key"]);
    expect(thrown(() => v.set(NaN, 1))).toEqual(["TypeError", "memoryview: invalid slice key"]);
  });
});

describe("writes", () => {
  it("to a read-only view: TypeError, nothing written", () => {
    const a = Uint8Array.of(1, 2, 3);
    const ro = MemoryView.from(a).toReadonly();
    const message: [string, string] = ["TypeError", "cannot modify read-only memory"];
    expect(thrown(() => ro.set(0, 9))).toEqual(message);
    expect(thrown(() => ro.fill(9))).toEqual(message);
    expect(thrown(() => ro.copyFrom(Uint8Array.of(7, 7, 7)))).toEqual(message);
    const bytesExporter = new TestExporter(a.buffer, {
      offset: 0,
      shape: [3],
      strides: [1],
      format: "B",
      itemsize: 1,
      readonly: true,
    });
    expect(thrown(() => MemoryView.from(bytesExporter).set(0, 1))).toEqual(message);
    expect(Array.from(a)).toEqual([1, 2, 3]);
  });

  it("out of range or of the wrong type: memoryview's wording", () => {
    const v = MemoryView.from(new Uint8Array(2));
    expect(thrown(() => v.set(0, 256))).toEqual(["ValueError", "memoryview: invalid value for format 'B'"]);
    expect(thrown(() => v.set(0, -1))).toEqual(["ValueError", "memoryview: invalid value for format 'B'"]);
    expect(thrown(() => v.set(0, "x"))).toEqual(["TypeError", "memoryview: invalid type for format 'B'"]);
    expect(thrown(() => v.fill(300))).toEqual(["ValueError", "memoryview: invalid value for format 'B'"]);
    const q = MemoryView.from(new BigInt64Array(1));
    expect(thrown(() => q.set(0, 2n ** 63n))).toEqual(["ValueError", "memoryview: invalid value for format 'q'"]);
    // Native 'f' rounds as C's cast does (struct's np_float, memoryview's
    // pack_single); standard '<f' refuses what rounds to infinity.
    const f = MemoryView.from(new Float32Array(1));
    f.set(0, 1e300);
    expect(f.get(0)).toBe(Infinity);
    const le = MemoryView.from(new Uint8Array(4)).cast("<f");
    expect(thrown(() => le.set(0, 1e300))).toEqual(["ValueError", "memoryview: invalid value for format '<f'"]);
    const c = MemoryView.from(new Uint8Array(1)).cast("c");
    expect(thrown(() => c.set(0, Uint8Array.of(1, 2)))).toEqual(["ValueError", "memoryview: invalid value for format 'c'"]);
    expect(thrown(() => c.set(0, 1))).toEqual(["TypeError", "memoryview: invalid type for format 'c'"]);
    const pair = MemoryView.from(new Uint8Array(4)).cast("<hh");
    expect(thrown(() => pair.set(0, [1]))[0]).toBe("ValueError");
    expect(thrown(() => pair.set(0, 5))[0]).toBe("TypeError");
    expect(pair.toList()).toEqual([[0, 0]]);
    // A 'c' field of several: bytes of the wrong length are a value error
    // too, whatever the item around them.
    const fields = MemoryView.from(new Uint8Array(2)).cast("cb");
    expect(thrown(() => fields.set(0, [Uint8Array.of(1, 2), 1]))).toEqual([
      "ValueError",
      "memoryview: invalid value for format 'cb'",
    ]);
    expect(thrown(() => fields.set(0, [1, 1]))).toEqual(["TypeError", "memoryview: invalid type for format 'cb'"]);
    const tree = MemoryView.from(new Uint8Array(1)).cast("T{c:c:}");
    expect(thrown(() => tree.set(0, [Uint8Array.of(1, 2)]))).toEqual([
      "ValueError",
      "memoryview: invalid value for format 'T{c:c:}'",
    ]);
    // An int too large for a double in a float field is a value error
    // (PyFloat_AsDouble's OverflowError), whatever the item around it.
    const floats = MemoryView.from(new Uint8Array(10)).cast("<hd");
    expect(thrown(() => floats.set(0, [1, 2n ** 2000n]))).toEqual(["ValueError", "memoryview: invalid value for format '<hd'"]);
    expect(thrown(() => floats.set(0, [1, "x"]))).toEqual(["TypeError", "memoryview: invalid type for format '<hd'"]);
    expect(thrown(() => MemoryView.from(new Float64Array(1)).set(0, -(2n ** 1024n)))).toEqual([
      "ValueError",
      "memoryview: invalid value for format 'd'",
    ]);
  });

  it("'?' takes an object with a length by it (Python's __len__ truth)", () => {
    const flags = MemoryView.from(new Uint8Array(2)).cast("<??");
    flags.set(0, [{ length: 0 }, { length: 3 }]);
    expect(flags.get(0)).toEqual([false, true]);
    flags.set(0, [() => 0, {}]);
    expect(flags.get(0)).toEqual([true, true]);
  });

  it("copyFrom between different structures: ValueError", () => {
    const v = MemoryView.from(new Uint8Array(4));
    const message: [string, string] = ["ValueError", "memoryview assignment: lvalue and rvalue have different structures"];
    expect(thrown(() => v.copyFrom(new Uint8Array(3)))).toEqual(message);
    expect(thrown(() => v.copyFrom(new Int8Array(4)))).toEqual(message);
    expect(thrown(() => v.reshape([2, 2]).copyFrom(new Uint8Array(4)))).toEqual(message);
    expect(thrown(() => v.copyFrom(42))[0]).toBe("TypeError");
  });
});

describe("derivations", () => {
  it("incompatible casts: CPython's and NumPy's errors", () => {
    const m = matrix();
    expect(thrown(() => MemoryView.from(new Uint8Array(6)).cast("i"))).toEqual([
      "TypeError",
      "memoryview: length is not a multiple of itemsize",
    ]);
    expect(thrown(() => m.cast("B", [5]))).toEqual(["TypeError", "memoryview: product(shape) * itemsize != buffer size"]);
    expect(thrown(() => m.cast("B", [0, 12]))).toEqual([
      "ValueError",
      "memoryview.cast(): elements of shape must be integers > 0",
    ]);
    expect(thrown(() => m.slice([0, 0]).cast("B"))).toEqual([
      "TypeError",
      "memoryview: cannot cast view with zeros in shape or strides",
    ]);
    expect(thrown(() => m.cast("Z"))[0]).toBe("ValueError");
    expect(thrown(() => m.cast(3 as unknown as string))[0]).toBe("TypeError");
    expect(thrown(() => m.cast("B", 12 as unknown as number[]))).toEqual(["TypeError", "shape must be a list or a tuple"]);
    expect(thrown(() => m.transpose().cast("h"))).toEqual([
      "ValueError",
      "To change to a dtype of a different size, the last axis must be contiguous",
    ]);
    expect(thrown(() => m.sliceDim(1, 0, 3).cast("h"))).toEqual([
      "ValueError",
      "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.",
    ]);
    const triples = MemoryView.from(new Uint8Array(12)).cast("<hb");
    expect(thrown(() => triples.sliceDim(0, null, null, 2).cast("<i"))).toEqual([
      "ValueError",
      "To change to a dtype of a different size, the last axis must be contiguous",
    ]);
    expect(thrown(() => triples.reshape([2, 2]).sliceDim(0, null, null, -1).cast("h"))).toEqual([
      "ValueError",
      "When changing to a smaller dtype, its size must be a divisor of the size of original dtype",
    ]);
  });

  it("impossible reshapes: NumPy's errors", () => {
    const m = matrix();
    expect(thrown(() => m.transpose().reshape([12]))).toEqual(["ValueError", "Unable to avoid creating a copy while reshaping."]);
    expect(thrown(() => m.reshape([5, -1]))).toEqual(["ValueError", "cannot reshape array of size 12 into shape (5,newaxis)"]);
    expect(thrown(() => m.reshape([-1, -1]))).toEqual(["ValueError", "can only specify one unknown dimension"]);
    expect(thrown(() => m.reshape([7]))).toEqual(["ValueError", "cannot reshape array of size 12 into shape (7,)"]);
    expect(thrown(() => m.reshape([1.5]))[0]).toBe("TypeError");
    expect(thrown(() => m.reshape([12], "X" as "C"))[0]).toBe("ValueError");
  });

  it("bad axes and slices", () => {
    const m = matrix();
    expect(thrown(() => m.permute(0))).toEqual(["ValueError", "axes don't match array"]);
    expect(thrown(() => m.permute(1, 1))).toEqual(["ValueError", "repeated axis in transpose"]);
    expect(thrown(() => m.permute(0, 2))).toEqual(["ValueError", "axis 2 is out of bounds for array of dimension 2"]);
    expect(thrown(() => m.index(2, 0))).toEqual(["ValueError", "axis 2 is out of bounds for array of dimension 2"]);
    expect(thrown(() => m.slice([null, null, 0]))).toEqual(["ValueError", "slice step cannot be zero"]);
    expect(thrown(() => m.slice(null, null, null))).toEqual([
      "IndexError",
      "too many indices for array: array is 2-dimensional, but 3 were indexed",
    ]);
    expect(thrown(() => m.slice([0.5]))[0]).toBe("TypeError");
    expect(thrown(() => m.derive({ byteOffset: 4, shape: [9] }))[0]).toBe("BufferError");
    expect(thrown(() => m.toReadonly().derive({ readonly: false }))[0]).toBe("BufferError");
    expect(thrown(() => m.toBytes("X" as "C"))).toEqual(["ValueError", "order must be 'C', 'F' or 'A'"]);
  });

  it("views that follow pointers refuse what cannot be expressed", () => {
    const memory = new ArrayBuffer(32);
    const exporter = new TestExporter(memory, {
      offset: 0,
      shape: [2, 2],
      strides: [8, 1],
      suboffsets: [0, -1],
      format: "B",
      itemsize: 1,
    });
    new DataView(memory).setBigUint64(0, 16n, true);
    new DataView(memory).setBigUint64(8, 20n, true);
    const pil = MemoryView.from(exporter);
    expect(thrown(() => pil.transpose())[0]).toBe("NotImplementedError");
    expect(thrown(() => pil.reshape([4]))[0]).toBe("NotImplementedError");
    expect(thrown(() => pil.cast("B"))).toEqual(["TypeError", "memoryview: casts are restricted to C-contiguous views"]);
    // A pointer that leads outside the buffer is caught, never followed.
    new DataView(memory).setBigUint64(8, 31n, true);
    expect(thrown(() => pil.get(1, 1))[0]).toBe("BufferError");
    expect(thrown(() => pil.toList())[0]).toBe("BufferError");
  });
});

describe("released views", () => {
  it("throw ValueError on every use", () => {
    const v = matrix();
    v.release();
    const uses: (() => unknown)[] = [
      () => v.get(0, 0),
      () => v.set(0, 0, 1),
      () => v.obj,
      () => v.format,
      () => v.itemsize,
      () => v.ndim,
      () => v.shape,
      () => v.strides,
      () => v.suboffsets,
      () => v.readonly,
      () => v.nbytes,
      () => v.cContiguous,
      () => v.fContiguous,
      () => v.contiguous,
      () => v.length,
      () => v.layout,
      () => v.buffer,
      () => v.slice([1]),
      () => v.sliceDim(0, 1),
      () => v.index(0, 0),
      () => v.transpose(),
      () => v.permute(1, 0),
      () => v.reshape([12]),
      () => v.cast("B"),
      () => v.toReadonly(),
      () => v.derive({}),
      () => v.toBytes(),
      () => v.toList(),
      () => v.toTypedArray(),
      () => v.copyFrom(new Uint8Array(12)),
      () => v.fill(0),
      () => [...v],
      () => MemoryView.from(v),
    ];
    for (const use of uses) expect(thrown(use), use.toString()).toEqual(RELEASED);
    expect(v.released).toBe(true);
    expect(v.exports).toBe(0);
    expect(String(v)).toBe("<released MemoryView>");
    expect(v.equals(v)).toBe(true);
    expect(v.equals(matrix())).toBe(false);
    v.release(); // twice: nothing
  });

  it("fast and slow paths agree on a random mix of reads after release", () => {
    fc.assert(
      fc.property(fc.constantFrom("B", "d", "<h", "q", "2B"), fc.nat(3), (format, i) => {
        const v = MemoryView.from(new Uint8Array(32)).cast(format);
        v.get(0); // warm the fast path
        v.release();
        expect(thrown(() => v.get(i))).toEqual(RELEASED);
        expect(thrown(() => v.set(i, 0))).toEqual(RELEASED);
      }),
      { numRuns: 50 },
    );
  });
});

describe("fast writes agree with the codec's", () => {
  it("for every value, in and out of range", () => {
    const formats = ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "P", "f", "d", "?", "c", "e"];
    const value = fc.oneof(
      fc.integer({ min: -(2 ** 33), max: 2 ** 33 }),
      fc.double(),
      fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }),
      fc.constantFrom(0, -0, 255, 256, -129, 2 ** 31, 2 ** 32, 1.5, NaN, Infinity, 3.4028235677973366e38, "x", null, true),
    );
    fc.assert(
      fc.property(fc.constantFrom(...formats), value, (format, v) => {
        // The view's TypedArray path against the codec with packError: the
        // slow twin every other path takes.
        const view = MemoryView.from(new Uint8Array(8)).cast(format);
        const fast = ((): unknown => {
          try {
            view.set(0, v);
            return ["ok", view.get(0)];
          } catch (error) {
            return [(error as Error).name, (error as Error).message];
          }
        })();
        const dv = new DataView(new ArrayBuffer(8));
        const codec = itemCodec(format);
        const slow = ((): unknown => {
          try {
            codec.write(dv, 0, v);
            return ["ok", codec.read(dv, 0)];
          } catch (error) {
            const translated = packError(format, error) as Error;
            return [translated.name, translated.message];
          }
        })();
        expect(fast).toEqual(slow);
      }),
      { numRuns: 2000 },
    );
  });
});
