// Python's memory seen from JavaScript without copies: CPython 3.14 running
// in Pyodide (https://pyodide.org, the `pyodide` npm package, loaded from
// its own folder, offline), through `@mv/core/pyodide`. The view follows
// the wasm heap when Python grows it.
//
//   node src/pyodide-view.mjs
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { loadPyodide } from "pyodide";
import { MemoryView } from "@mv/core";
import { fromPyodide } from "@mv/core/pyodide";

/** Pyodide, loaded from the installed package (about 4 s). */
export function loadLocalPyodide() {
  const indexURL = `${dirname(createRequire(import.meta.url).resolve("pyodide/package.json"))}/`;
  return loadPyodide({ indexURL });
}

/**
 * A 3x4 grid of int32 made by Python, read and changed from JavaScript,
 * before and after Python grows its heap.
 */
export async function shareGrid() {
  const pyodide = await loadLocalPyodide();
  const grid = pyodide.runPython(
    "import array\nbuf = array.array('i', range(12))\ngrid = memoryview(buf).cast('B').cast('i', (3, 4))\ngrid",
  );
  const view = MemoryView.from(fromPyodide(pyodide, grid));
  const flipped = view.slice([null, null, -1], [null, null, 2]);
  const before = { format: view.format, shape: view.shape, flipped: flipped.toList() };
  flipped.set(0, 0, -8); // grid[2][0]
  // Python allocates 128 MB: the heap grows and its old ArrayBuffer is detached.
  pyodide.runPython("big = bytearray(128 * 1024 * 1024)");
  view.set(0, 1, 100);
  const python = pyodide.runPython("(grid.tolist(), len(big))").toJs();
  const readonly = MemoryView.from(fromPyodide(pyodide, pyodide.runPython("b'immutable'"))).readonly;
  flipped.release();
  view.release();
  return { before, after: python[0], grew: python[1], readonly };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { before, after, grew, readonly } = await shareGrid();
  console.log(
    `Python's grid: format ${before.format}, shape ${before.shape}; rows reversed, every other column: ${JSON.stringify(before.flipped)}`,
  );
  console.log(`after JavaScript's writes and a ${grew / 2 ** 20} MB allocation, Python sees ${JSON.stringify(after)}`);
  console.log(`bytes are read-only from JavaScript: ${readonly}`);
}
