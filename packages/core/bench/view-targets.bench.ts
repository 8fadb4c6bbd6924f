/**
 * The "light views" targets of the README's MemoryView table, each against
 * the hand-written TypedArray code it replaces (the first task of its
 * group, timed in the same run) and, where it has the same operation,
 * scijs `ndarray`:
 *
 * - `MemoryView.from(Float64Array)` against `Float64Array.subarray()`;
 * - `for…of` over a 1-D view of 1M doubles against a raw loop;
 * - `get(r, c)` on a strided 1000x500 view against raw index arithmetic;
 * - `set(i, v)` over 1M doubles against a raw store loop.
 *
 * As in view.bench.ts, the element paths have first seen other formats and
 * ranks (a program rarely views doubles only). Bytes retained per view are
 * measured by bench/view-memory.mjs, which `pnpm bench` runs after this.
 *
 *     pnpm vitest bench --run bench/view-targets.bench.ts
 */
import ndarray from "ndarray";
import { bench, describe } from "vitest";
// The built package, as a program gets it (\`pnpm bench\` builds first): vitest's
// module runner would turn every import between core's modules into a
// property read on a namespace object, which a bundle does not have.
import { MemoryView } from "../dist/index.js";

/** Where each batch leaves its results, so that none is optimised away. */
export let sink: unknown;

for (const [array, shape] of [
  [new Int16Array(64), [8, 8]],
  [new Uint8Array(64), [64]],
  [new Float32Array(64), [4, 16]],
  [new BigInt64Array(64), [64]],
  [new Int32Array(64), [4, 4, 4]],
] as const) {
  const v = MemoryView.from(array).reshape(shape as unknown as number[]);
  for (let r = 0; r < 20_000; r++) {
    const i = r % shape[0];
    sink = shape.length === 1 ? v.get(i) : shape.length === 2 ? v.get(i, r % shape[1]!) : v.get(i, 1, 2);
    for (const x of v) sink = x;
    if (shape.length === 1 && !(array instanceof BigInt64Array)) v.set(i, 1);
  }
}

const OPTIONS = { time: 2000, warmupTime: 500 };

// ---------------------------------------------------------- creation --

const CREATIONS = 100_000;
const source = new Float64Array(1024);

describe("creation of 100k views of a Float64Array", () => {
  bench(
    "Float64Array.prototype.subarray()",
    () => {
      for (let i = 0; i < CREATIONS; i++) sink = source.subarray();
    },
    OPTIONS,
  );
  bench(
    "MemoryView.from(Float64Array)",
    () => {
      for (let i = 0; i < CREATIONS; i++) sink = MemoryView.from(source);
    },
    OPTIONS,
  );
  bench(
    "scijs ndarray(Float64Array)",
    () => {
      for (let i = 0; i < CREATIONS; i++) sink = ndarray(source);
    },
    OPTIONS,
  );
});

// ---------------------------------------------------------- iteration --

const N = 1_000_000;
const doubles = new Float64Array(N);
for (let i = 0; i < N; i++) doubles[i] = i * 0.5;
const view = MemoryView.from(doubles);

/** The simplest iterator a program could write over a Float64Array: one result object, made at one return. */
class ArrayIterator {
  private index = 0;
  constructor(private readonly array: Float64Array) {}
  next(): IteratorResult<number> {
    const i = this.index;
    let value: number | undefined;
    let done = true;
    if (i < this.array.length) {
      this.index = i + 1;
      value = this.array[i];
      done = false;
    }
    return { value, done } as IteratorResult<number>;
  }
  [Symbol.iterator](): this {
    return this;
  }
}

describe("for…of over a 1-D view of 1M doubles", () => {
  bench(
    "raw Float64Array index loop",
    () => {
      let sum = 0;
      for (let i = 0; i < N; i++) sum += doubles[i]!;
      sink = sum;
    },
    OPTIONS,
  );
  // Any iterator written in JavaScript pays the iterator protocol: this one,
  // over the Float64Array itself, is the floor for MemoryView's.
  bench(
    "hand-written iterator over the Float64Array (the floor for any iterator)",
    () => {
      let sum = 0;
      for (const x of new ArrayIterator(doubles)) sum += x;
      sink = sum;
    },
    OPTIONS,
  );
  bench(
    "for (const x of view)",
    () => {
      let sum = 0;
      for (const x of view) sum += x as number;
      sink = sum;
    },
    OPTIONS,
  );
});

// ------------------------------------------------------ 2-D strided get --

const ROWS = 1000;
const COLS = 500;
const matrixData = new Float64Array(ROWS * COLS * 2);
for (let i = 0; i < matrixData.length; i++) matrixData[i] = i;
// Every other column of a 1000x1000 matrix: 1000x500, strides [8000, 16] bytes.
const strided = MemoryView.from(matrixData)
  .reshape([ROWS, 2 * COLS])
  .sliceDim(1, null, null, 2);
const stridedNd = ndarray(matrixData, [ROWS, COLS], [2 * COLS, 2]);

describe("get(r, c) over a strided 1000x500 float64 view", () => {
  bench(
    "raw index arithmetic",
    () => {
      let sum = 0;
      for (let r = 0; r < ROWS; r++) for (let c = 0; c < COLS; c++) sum += matrixData[r * 2 * COLS + 2 * c]!;
      sink = sum;
    },
    OPTIONS,
  );
  bench(
    "MemoryView get(r, c)",
    () => {
      let sum = 0;
      for (let r = 0; r < ROWS; r++) for (let c = 0; c < COLS; c++) sum += strided.get(r, c) as number;
      sink = sum;
    },
    OPTIONS,
  );
  bench(
    "scijs ndarray get(r, c)",
    () => {
      let sum = 0;
      for (let r = 0; r < ROWS; r++) for (let c = 0; c < COLS; c++) sum += stridedNd.get(r, c);
      sink = sum;
    },
    OPTIONS,
  );
});

// ------------------------------------------------------------ 1-D set --

const target = new Float64Array(N);
const targetView = MemoryView.from(target);
const targetNd = ndarray(target);

describe("set(i, v) over 1M doubles", () => {
  bench(
    "raw Float64Array store loop",
    () => {
      for (let i = 0; i < N; i++) target[i] = i * 0.25;
      sink = target;
    },
    OPTIONS,
  );
  bench(
    "MemoryView set(i, v)",
    () => {
      for (let i = 0; i < N; i++) targetView.set(i, i * 0.25);
      sink = target;
    },
    OPTIONS,
  );
  bench(
    "scijs ndarray set(i, v)",
    () => {
      for (let i = 0; i < N; i++) targetNd.set(i, i * 0.25);
      sink = target;
    },
    OPTIONS,
  );
});
