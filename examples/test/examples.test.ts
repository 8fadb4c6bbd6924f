// Each example module, used through its exports, and each run as a
// script the way its header says (`node src/NAME.mjs`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MEASUREMENT, roundTrip } from "../src/npy-files.mjs";
import { crop, flipHorizontal, flipVertical, imageView, makeImage, transpose } from "../src/rgba-image.mjs";
import { PARTICLE, RECORDS_ADDRESS, loadParticles } from "../src/wasm-structs.mjs";
import { runSharedCounters } from "../src/shared-counters.mjs";
import { readBmp } from "../src/read-bmp.mjs";

const pixel = (view, row, column) => view.slice([row, row + 1], [column, column + 1]).toList()[0][0];

describe("NumPy .npy files through @mv/core/npy", () => {
  it("writes records as NumPy's aligned struct and reads them back", () => {
    const dir = mkdtempSync(join(tmpdir(), "mv-examples-"));
    try {
      const { back, header } = roundTrip(join(dir, "m.npy"), 2);
      expect(header).toBe(
        "{'descr': [('id', '<i4'), ('', '|V4'), ('t', '<f8'), ('xy', '<f4', (2,))], 'fortran_order': False, 'shape': (2,), }",
      );
      expect([back.format, back.toList()]).toEqual([
        MEASUREMENT,
        [
          [1, 0, [0, -0]],
          [2, 0.25, [1, -1]],
        ],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an RGBA image cropped, flipped and transposed without copies", () => {
  it("moves pixels by strides only and writes through to the original", () => {
    const image = makeImage(6, 4);
    const view = transpose(flipVertical(crop(imageView(image), 1, 1, 5, 4)));
    expect([view.shape, view.strides]).toEqual([
      [4, 3, 4],
      [4, -24, 1],
    ]);
    expect(view.buffer).toBe(image.data.buffer);
    expect(pixel(view, 0, 0)).toEqual([1, 3, 4, 255]); // crop (1,1)-(5,4), bottom-left after the flip
    expect(pixel(view, 3, 2)).toEqual([4, 1, 5, 255]);
    view.slice([0, 1], [0, 1]).fill(0);
    expect([...image.data.subarray((3 * 6 + 1) * 4, (3 * 6 + 2) * 4)]).toEqual([0, 0, 0, 0]);
    expect(pixel(flipHorizontal(imageView(image)), 0, 0)).toEqual([5, 0, 5, 255]);
  });
});

describe("WebAssembly memory as struct records", () => {
  it("reads T{…} records, sees the module's writes, and survives memory.grow()", async () => {
    const { memory, storeF64, particles, recordBytes } = await loadParticles([
      { id: 1, x: 0.5, y: -1 },
      { id: 2, x: 1.5, y: -2 },
    ]);
    expect([particles.format, recordBytes, particles.length]).toEqual([PARTICLE, 24, 2]);
    expect(particles.toList()).toEqual([
      [1, 0.5, -1],
      [2, 1.5, -2],
    ]);
    storeF64(RECORDS_ADDRESS + recordBytes + 8, 42);
    memory.grow(1);
    expect(particles.get(1)).toEqual([2, 42, -2]);
    particles.set(0, [7, 1, 2]);
    expect(new DataView(memory.buffer).getInt32(RECORDS_ADDRESS, true)).toBe(7);
  });
});

describe("worker_threads sharing a SharedArrayBuffer through views", () => {
  it("adds atomically from four workers into one view", async () => {
    const result = await runSharedCounters({ workers: 4, counters: 3, increments: 500 });
    expect(result).toEqual({ counts: [2000, 4000, 6000], finished: 4, sharedMemory: true });
  });
});

describe("a BMP file read with struct and memoryview", () => {
  const file = readFileSync(new URL("../fixtures/gradient.bmp", import.meta.url));

  it("reads bottom-up BGR rows as top-down RGB, skipping the row padding", () => {
    const { width, height, rgb } = readBmp(file);
    expect([width, height, rgb.shape, rgb.strides, rgb.readonly]).toEqual([5, 3, [3, 5, 3], [-16, 3, -1], true]);
    // make-bmp.py: pixel (x, y) from the top is R = 40x, G = 100y, B = 200.
    const expected = Array.from({ length: 3 }, (_, y) => Array.from({ length: 5 }, (_, x) => [40 * x, 100 * y, 200]));
    expect(rgb.tolist()).toEqual(expected);
  });

  it("works on a file that sits at an offset inside a larger buffer", () => {
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(readBmp(padded.subarray(3)).rgb.tolist()[2][4]).toEqual([160, 200, 200]);
  });

  it("refuses what is not a 24-bit BMP", () => {
    expect(() => readBmp(new Uint8Array(64))).toThrow(expect.objectContaining({ name: "ValueError" }));
  });
});

describe("each example runs as a script", () => {
  const scripts = {
    "scijs-ndarray.mjs":
      /grid\[0\]\[3\] after array.set\(0, 0, 100\): 100\nback: shape 2,3, strides -16,-32, \[\[11,7,100\],\[9,5,1\]\]/,
    "stdlib-ndarray.mjs":
      /ValueError: dimension 0: a byte stride of 3 is not a whole number of 2-byte elements\nback: \[\[1,3\],\[2,4\]\], readonly true, strides 8,16/,
    // Every value of Python's grid before and after JavaScript's writes, across the heap's growth.
    "pyodide-view.mjs":
      /rows reversed, every other column: \[\[8,10\],\[4,6\],\[0,2\]\]\nafter JavaScript's writes and a 128 MB allocation, Python sees \[\[0,100,2,3\],\[4,5,6,7\],\[-8,9,10,11\]\]\nbytes are read-only from JavaScript: true/,
    "npy-files.mjs": /records: \[\[1,0,\[0,0\]\],\[2,0.25,\[1,-1\]\],\[3,0.5,\[2,-2\]\]\]/,
    "rgba-image.mjs": /original \(1, 3\) = 0,0,0,0/,
    "wasm-structs.mjs": /particle\[1\] = \[2,42,-2\]/,
    "shared-counters.mjs": /4 workers finished; counters \[4000,8000,12000,16000\]; zero-copy: true/,
    "read-bmp.mjs": /top row: \[\[0,0,200\],\[40,0,200\]/,
    "koffi-ffi.mjs": /rows sorted by qsort: \[\[1,2,3\],\[-5,7,9\]\]|@mv\/native is not built/,
  };
  // Loading Pyodide (CPython in wasm) takes seconds, and minutes on a loaded machine.
  const SLOW_SCRIPTS = new Set(["pyodide-view.mjs"]);
  for (const [script, expected] of Object.entries(scripts)) {
    it(
      script,
      () => {
        const run = spawnSync(process.execPath, [fileURLToPath(new URL(`../src/${script}`, import.meta.url))], {
          encoding: "utf8",
        });
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(expected);
      },
      SLOW_SCRIPTS.has(script) ? 600_000 : undefined,
    );
  }
});
