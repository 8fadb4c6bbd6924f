// Runs in the browser, from Vite's bundle: @mv/core and @mv/builtins with
// no Node API. Each check records [name, value]; the test compares them to
// what Node computes.
import { BufferFlags, MemoryView, getBuffer, pack, unpack, calcsize } from "@mv/core";
import { array, bytearray, bytes, memoryview, slice } from "@mv/builtins";

const checks = [];
const check = (name, compute) => {
  try {
    checks.push([name, compute()]);
  } catch (error) {
    checks.push([name, { error: `${error.name}: ${error.message}` }]);
  }
};

check("struct", () => [Array.from(pack(">hI?", -2, 7, true)), unpack("<q", pack("<q", -5n))[0].toString(), calcsize("@bq")]);
check("getBuffer", () => {
  const info = getBuffer(new Float32Array(6), BufferFlags.FULL_RO);
  return [info.format, info.itemsize, info.shape, info.strides];
});
check("MemoryView", () => {
  const m = MemoryView.from(new Float64Array([1, 2, 3, 4, 5, 6])).reshape([2, 3]);
  return [m.transpose().toList(), m.slice([null], [null, null, -1]).toList(), m.get(1, -1)];
});
check("memoryview", () => {
  const m = memoryview(bytearray(Uint8Array.of(1, 2, 3, 4, 5, 6)));
  m.set(slice(0, 2), bytes(Uint8Array.of(9, 9)));
  return [m.tolist(), m.cast("H").tolist(), m.hex(":"), m.toString().startsWith("<memory at")];
});
check("array", () => [memoryview(array("d", [1.5, 2.5])).tolist(), array("i", [1, 2, 3]).length]);
check("ImageData", () => {
  // A canvas's pixels (a browser-only exporter of Uint8ClampedArray memory).
  const canvas = document.createElement("canvas");
  canvas.width = 3;
  canvas.height = 2;
  const context = canvas.getContext("2d");
  context.fillStyle = "rgb(255, 0, 0)";
  context.fillRect(0, 0, 3, 2);
  const image = context.getImageData(0, 0, 3, 2);
  const view = MemoryView.from(image.data).reshape([2, 3, 4]);
  return view.slice([null, null, -1], [1, 2]).toList();
});
check("WebAssembly.Memory", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const view = MemoryView.from(memory).slice([0, 8]).cast("<d");
  view.set(0, Math.PI);
  memory.grow(1);
  return [view.get(0), memory.buffer.byteLength];
});
check("environment", () => [typeof process, typeof window]);

window.__mvResult = checks;
document.getElementById("result").textContent = JSON.stringify(checks, null, 1);
