/**
 * MemoryView against the hand-written TypedArray code a JavaScript
 * programmer would write instead, measured in the same run. Each task does
 * a whole batch (1M reads, 8 MB, a 1000x1000 matrix, 1M slices), so the
 * harness's per-call cost does not count. The medians and ratios go in the
 * README's "### MemoryView" table.
 *
 *     pnpm vitest bench --run bench/view.bench.ts
 */
import { bench, describe } from "vitest";
// The built package, as a program gets it (\`pnpm bench\` builds first): see view-targets.bench.ts.
import { MemoryView, type SliceSpec } from "../dist/index.js";

/** Where each batch leaves its results, so that none is optimised away. */
export let sink: unknown;

const N = 1_000_000;
const doubles = new Float64Array(N);
for (let i = 0; i < N; i++) doubles[i] = i * 0.5;
const view = MemoryView.from(doubles);

// Warm the element paths with other formats and ranks too, so that call
// sites are as polymorphic as in a program that views more than doubles.
for (const [array, shape] of [
  [new Int16Array(64), [8, 8]],
  [new Uint8Array(64), [64]],
  [new Float32Array(64), [4, 16]],
  [new BigInt64Array(64), [64]],
] as const) {
  const v = MemoryView.from(array).reshape(shape as unknown as number[]);
  for (let r = 0; r < 20_000; r++) sink = shape.length === 1 ? v.get(r % 64) : v.get(r % shape[0], r % shape[1]!);
}

const OPTIONS = { time: 3000, warmupTime: 1000 };

describe("element get over 1M doubles", () => {
  bench(
    "raw Float64Array loop",
    () => {
      let sum = 0;
      for (let i = 0; i < N; i++) sum += doubles[i]!;
      sink = sum;
    },
    OPTIONS,
  );
  bench(
    "MemoryView get(i) loop",
    () => {
      let sum = 0;
      for (let i = 0; i < N; i++) sum += view.get(i) as number;
      sink = sum;
    },
    OPTIONS,
  );
});

// The same loop in a function that takes the view (and the array) as an
// argument, called with two different ones: V8 can no longer fold the
// view's fields into constants.
const views = [view, MemoryView.from(new Float64Array(doubles))];
const arrays = [doubles, new Float64Array(doubles)];
function sumArray(a: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]!;
  return sum;
}
function sumView(v: MemoryView): number {
  let sum = 0;
  const n = v.length;
  for (let i = 0; i < n; i++) sum += v.get(i) as number;
  return sum;
}
let turn = 0;

describe("element get over 1M doubles, array or view passed as an argument", () => {
  bench(
    "raw Float64Array loop",
    () => {
      sink = sumArray(arrays[turn++ & 1]!);
    },
    OPTIONS,
  );
  bench(
    "MemoryView get(i) loop",
    () => {
      sink = sumView(views[turn++ & 1]!);
    },
    OPTIONS,
  );
});

const big = new Uint8Array(8 * 1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = i & 0xff;
const bigView = MemoryView.from(big);

describe("toBytes of 8 MB contiguous", () => {
  bench(
    "TypedArray.prototype.slice",
    () => {
      sink = big.slice();
    },
    OPTIONS,
  );
  bench(
    "MemoryView toBytes()",
    () => {
      sink = bigView.toBytes();
    },
    OPTIONS,
  );
});

const SIDE = 1000;
const matrixData = new Float64Array(SIDE * SIDE);
for (let i = 0; i < matrixData.length; i++) matrixData[i] = i;
const matrix = MemoryView.from(matrixData).reshape([SIDE, SIDE]);
const everyOtherColumn = matrix.sliceDim(1, null, null, 2);

describe("toBytes of a 1000x1000 float64 view of every other column", () => {
  bench(
    "hand-written gather loop",
    () => {
      const out = new Uint8Array(((SIDE * SIDE) / 2) * 8);
      const dst = new Float64Array(out.buffer);
      let k = 0;
      for (let r = 0; r < SIDE; r++) {
        const row = r * SIDE;
        for (let c = 0; c < SIDE; c += 2) dst[k++] = matrixData[row + c]!;
      }
      sink = out;
    },
    OPTIONS,
  );
  bench(
    "MemoryView toBytes()",
    () => {
      sink = everyOtherColumn.toBytes();
    },
    OPTIONS,
  );
});

const target = new Float64Array(SIDE * SIDE);
const targetView = MemoryView.from(target).reshape([SIDE, SIDE]);
const transposed = matrix.transpose();

describe("copyFrom of a transposed 1000x1000 float64 view", () => {
  bench(
    "hand-written transpose loop",
    () => {
      for (let r = 0; r < SIDE; r++) {
        const row = r * SIDE;
        for (let c = 0; c < SIDE; c++) target[row + c] = matrixData[c * SIDE + r]!;
      }
      sink = target;
    },
    OPTIONS,
  );
  bench(
    "MemoryView copyFrom(transposed)",
    () => {
      targetView.copyFrom(transposed);
      sink = target;
    },
    OPTIONS,
  );
});

const cube = MemoryView.from(new Uint8Array(64 * 64 * 64)).reshape([64, 64, 64]);
const SLICES = 1_000_000;

describe("slice creation on a 3-d view (1M slices)", () => {
  const inner: SliceSpec = [1, -1];
  const reversed: SliceSpec = [null, null, -2];
  bench(
    "MemoryView slice([1, -1], null, [null, null, -2]) + release()",
    () => {
      for (let i = 0; i < SLICES; i++) {
        const s = cube.slice(inner, null, reversed);
        s.release();
        sink = s;
      }
    },
    { time: 5000 },
  );
});
