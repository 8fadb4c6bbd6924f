// @mv/core/pyodide against the real Pyodide 314 (CPython 3.14.2 in wasm):
// Python's own exporters seen from JavaScript without copies, writes seen
// on both sides, read-only objects kept read-only, exports that survive the
// wasm heap growing, and the PyBuffer given back with the last export.
import type { PyodideAPI } from "pyodide";
import { beforeAll, describe, expect, it } from "vitest";
import { BufferFlags, MemoryView, getBuffer } from "../../src/index.js";
import { fromPyodide } from "../../src/interop/pyodide.js";
import { loadLocalPyodide } from "./load-pyodide.js";

let py: PyodideAPI;
beforeAll(async () => {
  py = await loadLocalPyodide();
  py.runPython("import array, sys, _testbuffer");
}, 600_000); // seconds usually; minutes on a loaded machine

const named = (name: string, message?: string) => expect.objectContaining(message === undefined ? { name } : { name, message });

/** A view of the Python expression `code`'s buffer (its proxy, kept by Python as `name`). */
function viewOf(code: string, name = "x"): MemoryView {
  return MemoryView.from(fromPyodide(py, py.runPython(`${name} = ${code}; ${name}`)));
}

describe("fromPyodide", () => {
  it("runs CPython 3.14", () => {
    expect(py.runPython("sys.version_info[:2]").toJs()).toEqual([3, 14]);
  });

  it("views a bytearray, writable both ways", () => {
    const view = viewOf("bytearray(b'hello')");
    expect([view.format, view.shape, view.readonly, view.toList()]).toEqual(["B", [5], false, [104, 101, 108, 108, 111]]);
    view.set(0, 74);
    expect(py.runPython("x.decode()")).toBe("Jello");
    py.runPython("x[4] = ord('y')");
    expect(view.get(4)).toBe(121);
    view.release();
  });

  it("keeps immutable bytes read-only (Pyodide says readonly: 1)", () => {
    const exporter = fromPyodide(py, py.runPython("x = b'hello'; x"));
    const view = MemoryView.from(exporter);
    expect([view.readonly, view.toBytes()]).toEqual([true, new TextEncoder().encode("hello")]);
    expect(() => view.set(0, 1)).toThrow(named("TypeError"));
    expect(() => view.fill(0)).toThrow(named("TypeError"));
    expect(() => getBuffer(exporter, BufferFlags.WRITABLE)).toThrow(named("BufferError", "Object is not writable."));
    expect(py.runPython("x")?.toJs()).toEqual(new TextEncoder().encode("hello"));
    view.release();
  });

  it("takes a PyBufferView as Pyodide returns it (element units, readonly 0)", () => {
    py.runPython("a = array.array('d', [0.5, 1.5, 2.5, 3.5])");
    const pybuf = py.runPython("a").getBuffer();
    expect([pybuf.readonly, pybuf.data.constructor.name]).toEqual([0, "Float64Array"]);
    const exporter = fromPyodide(py, pybuf);
    const base = MemoryView.from(exporter);
    const view = base.slice([null, null, -2]);
    expect([view.format, view.strides, view.toList()]).toEqual(["d", [-16], [3.5, 1.5]]);
    view.set(0, -1);
    expect(py.runPython("a[3]")).toBe(-1);
    view.release();
    expect(exporter.exports).toBe(1);
    base.release();
    expect(exporter.exports).toBe(0);
    // Given directly, the PyBufferView is used up with its last export.
    expect(() => MemoryView.from(exporter)).toThrow(
      named("BufferError", "fromPyodide: the PyBufferView was released with its last export"),
    );
  });

  it("views array.array items of every size, with their formats", () => {
    for (const [code, format, values] of [
      ["array.array('b', [-1, 2])", "b", [-1, 2]],
      ["array.array('H', [65535, 2])", "H", [65535, 2]],
      ["array.array('i', [-7, 2**31 - 1])", "i", [-7, 2 ** 31 - 1]],
      ["array.array('q', [-2**63, 5])", "q", [-(2n ** 63n), 5n]],
      ["array.array('f', [0.25, -2])", "f", [0.25, -2]],
    ] as const) {
      const view = viewOf(code);
      expect([view.format, view.toList()], code).toEqual([format, values]);
      view.release();
    }
  });

  it("follows memoryview casts: shape, format and read-only views", () => {
    const view = viewOf("memoryview(bytearray(range(24))).cast('h', (3, 4))");
    expect([view.format, view.shape, view.strides]).toEqual(["h", [3, 4], [8, 2]]);
    expect(view.get(2, 3)).toBe(py.runPython("x[2, 3]"));
    const ro = viewOf("memoryview(bytearray(8)).toreadonly().cast('d')", "r");
    expect([ro.readonly, ro.toList()]).toEqual([true, [0]]);
    view.release();
    ro.release();
  });

  it("follows _testbuffer.ndarray layouts with negative strides and offsets", () => {
    const view = viewOf(
      "_testbuffer.ndarray(list(range(24)), shape=[4, 6], format='i', flags=_testbuffer.ND_WRITABLE)[::-1, 1::2]",
    );
    expect([view.shape, view.strides, view.cContiguous]).toEqual([[4, 3], [-24, 8], false]);
    expect(view.toList()).toEqual(py.runPython("x.tolist()").toJs());
    view.set(0, 0, 1000);
    expect(py.runPython("x.tolist()[0][0]")).toBe(1000);
    view.release();
  });

  it("follows Fortran-ordered _testbuffer.ndarray memory, and refuses a C-contiguous request", () => {
    const exporter = fromPyodide(
      py,
      py.runPython(
        "x = _testbuffer.ndarray(list(range(12)), shape=[3, 4], format='h', flags=_testbuffer.ND_FORTRAN | _testbuffer.ND_WRITABLE); x",
      ),
    );
    const view = MemoryView.from(exporter);
    expect([view.strides, view.fContiguous, view.cContiguous]).toEqual([[2, 6], true, false]);
    expect(view.toList()).toEqual(py.runPython("x.tolist()").toJs());
    expect(getBuffer(exporter, BufferFlags.F_CONTIGUOUS).shape).toEqual([3, 4]);
    expect(() => getBuffer(exporter, BufferFlags.C_CONTIGUOUS)).toThrow(named("BufferError", "ndarray is not C-contiguous"));
    view.release();
    expect(exporter.exports).toBe(1); // the F_CONTIGUOUS export above is still live
  });

  it("keeps big-endian items and zero-dimensional buffers", () => {
    const big = viewOf("_testbuffer.ndarray([1, -2, 3], shape=[3], format='>i')");
    expect([big.format, big.toList()]).toEqual([">i", [1, -2, 3]]);
    const scalar = viewOf("_testbuffer.ndarray(7, shape=[], format='q')");
    expect([scalar.ndim, scalar.get()]).toEqual([0, 7n]);
    const empty = viewOf("b''");
    expect([empty.shape, empty.nbytes]).toEqual([[0], 0]);
    big.release();
    scalar.release();
    empty.release();
  });

  it("holds the PyBuffer while views live, and gives it back with the last one", () => {
    const proxy = py.runPython("x = bytearray(b'abc'); x");
    const exporter = fromPyodide(py, proxy);
    const first = MemoryView.from(exporter);
    const second = MemoryView.from(exporter);
    expect(exporter.exports).toBe(2);
    expect(() => py.runPython("x.append(1)")).toThrow(/BufferError: Existing exports of data: object cannot be re-sized/);
    first.release();
    expect(() => py.runPython("x.append(1)")).toThrow(/cannot be re-sized/);
    second.release();
    expect(exporter.exports).toBe(0);
    py.runPython("x.append(100)");
    // A PyProxy is exported again after that, over the resized object.
    const again = MemoryView.from(exporter);
    expect(again.toList()).toEqual([97, 98, 99, 100]);
    again.release();
  });

  it("still reads and writes the right bytes after Python grows the heap by hundreds of MB", () => {
    const view = viewOf("bytearray(range(16))", "kept");
    const heap = () => (py as unknown as { _module: { HEAPU8: Uint8Array } })._module.HEAPU8.buffer;
    const heapBefore = heap();
    py.runPython("big = bytearray(320 * 1024 * 1024); big[-1] = 1");
    expect(heap()).not.toBe(heapBefore);
    expect(heapBefore.byteLength).toBe(0); // the old ArrayBuffer is detached
    expect(view.toList()).toEqual(Array.from({ length: 16 }, (_, i) => i));
    view.set(15, 200);
    expect(py.runPython("kept[15]")).toBe(200);
    py.runPython("kept[0] = 99; del big");
    expect(view.get(0)).toBe(99);
    view.release();
  }, 600_000);

  it("gives a release of a refused request back, and refuses what has no buffer", () => {
    const exporter = fromPyodide(py, py.runPython("b'ro'"));
    expect(() => MemoryView.from(exporter, BufferFlags.WRITABLE)).toThrow(named("BufferError"));
    expect(exporter.exports).toBe(0);
    expect(() => fromPyodide(py, py.runPython("[1, 2]"))).toThrow(
      named("TypeError", "fromPyodide: a bytes-like object is required, not 'list'"),
    );
    expect(() => fromPyodide(py, 5 as never)).toThrow(
      named("TypeError", "fromPyodide: a bytes-like object is required, not 'number'"),
    );
    expect(() => fromPyodide({} as never, py.runPython("b''"))).toThrow(named("TypeError"));
  });

  it("reads ctypes structures by their PEP 3118 format, named fields and padding", () => {
    py.runPython("import ctypes\nclass P(ctypes.Structure): _fields_ = [('a', ctypes.c_int), ('b', ctypes.c_double)]");
    const view = viewOf("(P * 2)(P(1, 0.5), P(-2, 2.5))");
    expect([view.format, view.itemsize, view.strides]).toEqual([py.runPython("memoryview(x).format"), 16, [16]]);
    expect(view.format).toMatch(/^T\{<[il]:a:4x<d:b:\}$/);
    expect(view.toList()).toEqual([
      [1, 0.5],
      [-2, 2.5],
    ]);
    view.set(1, [7, -0.25]);
    expect(py.runPython("(x[1].a, x[1].b)").toJs()).toEqual([7, -0.25]);
    view.release();
  });

  it("reads wasm32's native 4-byte long, ssize_t and pointer items as 4-byte items", () => {
    const longs = viewOf("array.array('l', [-3, 2**31 - 1])");
    expect([longs.format, longs.itemsize, longs.toList()]).toEqual(["<l", 4, [-3, 2 ** 31 - 1]]);
    const ulongs = viewOf("array.array('L', [3, 2**32 - 1])");
    expect([ulongs.format, ulongs.toList()]).toEqual(["<L", [3, 2 ** 32 - 1]]);
    const ssize = viewOf("memoryview(bytearray(8)).cast('n')");
    expect([ssize.format, ssize.itemsize, ssize.shape]).toEqual(["<i", 4, [2]]);
    longs.release();
    ulongs.release();
    ssize.release();
  });

  it("turns Pyodide's refusal of an export into BufferError, and holds nothing after it", () => {
    const exporter = fromPyodide(
      py,
      py.runPython("_testbuffer.ndarray(list(range(12)), shape=[3, 4], format='h', flags=_testbuffer.ND_PIL)"),
    );
    expect(() => MemoryView.from(exporter)).toThrow(
      named(
        "BufferError",
        "fromPyodide: Pyodide cannot export this ndarray: BufferError: ndarray cannot be represented without suboffsets",
      ),
    );
    expect(exporter.exports).toBe(0);
  });

  it("the other direction copies, as the README says: Python cannot view JavaScript memory", () => {
    const bytes = Uint8Array.of(1, 2, 3);
    py.globals.set("js_bytes", bytes);
    expect(() => py.runPython("memoryview(js_bytes)")).toThrow(
      /TypeError: memoryview: a bytes-like object is required, not 'pyodide.ffi.JsProxy'/,
    );
    expect(py.runPython("m = js_bytes.to_memoryview(); m[0] = 9; m.tolist()").toJs()).toEqual([9, 2, 3]);
    expect([...bytes]).toEqual([1, 2, 3]);
    py.globals.delete("js_bytes");
  });

  it("refuses a PyBufferView whose readonly is neither 0, 1 nor a boolean", () => {
    const pybuf = py.runPython("bytearray(2)").getBuffer();
    const lying = { ...pybuf, data: pybuf.data, readonly: 2, release: () => pybuf.release() };
    expect(() => MemoryView.from(fromPyodide(py, lying as never))).toThrow(
      named("BufferError", "invalid PyBuffer: readonly must be 0, 1 or a boolean, not 2"),
    );
    const elsewhere = { ...lying, readonly: 0, data: new Uint8Array(2) };
    expect(() => MemoryView.from(fromPyodide(py, elsewhere as never))).toThrow(
      named("BufferError", "invalid PyBuffer: its data is not a view of the Pyodide heap"),
    );
    pybuf.release();
  });
});
