/**
 * Property tests: every view derived by a random chain of slice, index,
 * transpose/permute, reshape and cast agrees, item by item, with a naive
 * model (nested arrays of byte positions, moved around like Python lists)
 * over the same bytes. Items are read back through the struct codec, the
 * slow twin of the views' TypedArray fast paths, so the fast paths are
 * checked against it on every run. PIL-style layouts (suboffsets) get
 * their own model, as in CPython's test_buffer.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatItemsize, itemCodec, MemoryView, type StructValue, writePointer } from "../../src/index.js";
import { TestExporter } from "./test-exporter.js";

type Nested = number | Nested[];

/** The model of a view: its shape, and the byte position of each item as nested lists. */
interface Model {
  shape: number[];
  data: Nested;
}

const FORMATS = [
  "B",
  "b",
  "h",
  "<h",
  ">h",
  "i",
  ">I",
  "l",
  "<l",
  "q",
  ">Q",
  "n",
  "P",
  "f",
  ">f",
  "d",
  ">d",
  "e",
  "?",
  "c",
  "2h",
  "<hf",
  "3s",
  "xBx",
  "@d",
  "=i",
];

// ------------------------------------------------------------------ model --

function at(m: Model, idx: readonly number[]): number {
  let node = m.data;
  for (const i of idx) node = (node as Nested[])[i]!;
  return node as number;
}

function build(shape: number[], value: (idx: number[]) => number): Model {
  const rec = (dim: number, idx: number[]): Nested =>
    dim === shape.length ? value(idx) : Array.from({ length: shape[dim]! }, (_, i) => rec(dim + 1, [...idx, i]));
  return { shape, data: rec(0, []) };
}

function indexTuples(shape: readonly number[], order: "C" | "F"): number[][] {
  const ndim = shape.length;
  const total = shape.reduce((a, b) => a * b, 1);
  const out: number[][] = [];
  for (let k = 0; k < total; k++) {
    const idx = new Array<number>(ndim);
    let rest = k;
    for (let j = 0; j < ndim; j++) {
      const dim = order === "C" ? ndim - 1 - j : j;
      idx[dim] = rest % shape[dim]!;
      rest = Math.floor(rest / shape[dim]!);
    }
    out.push(idx);
  }
  return out;
}

function leaves(m: Model, order: "C" | "F"): number[] {
  return indexTuples(m.shape, order).map((idx) => at(m, idx));
}

/** Python's slice.indices() and len(range(...)), written the naive way. */
function pySlice(n: number, start: number | null, stop: number | null, step: number | null): number[] {
  const s = step ?? 1;
  const clamp = (v: number | null, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    const x = v < 0 ? v + n : v;
    return Math.min(Math.max(x, lo), hi);
  };
  const out: number[] = [];
  if (s > 0) {
    const a = clamp(start, 0, 0, n);
    const b = clamp(stop, n, 0, n);
    for (let i = a; i < b; i += s) out.push(i);
  } else {
    const a = clamp(start, n - 1, -1, n - 1);
    const b = clamp(stop, -1, -1, n - 1);
    for (let i = a; i > b; i += s) out.push(i);
  }
  return out;
}

function sliceModel(m: Model, dim: number, picks: number[]): Model {
  const shape = m.shape.slice();
  shape[dim] = picks.length;
  return build(shape, (idx) =>
    at(
      m,
      idx.map((i, d) => (d === dim ? picks[i]! : i)),
    ),
  );
}

function indexModel(m: Model, dim: number, i: number): Model {
  const shape = m.shape.filter((_, d) => d !== dim);
  return build(shape, (idx) => at(m, [...idx.slice(0, dim), i, ...idx.slice(dim)]));
}

function permuteModel(m: Model, axes: number[]): Model {
  return build(
    axes.map((a) => m.shape[a]!),
    (idx) => {
      const old = new Array<number>(axes.length);
      axes.forEach((a, i) => {
        old[a] = idx[i]!;
      });
      return at(m, old);
    },
  );
}

function regroup(flat: number[], shape: number[], order: "C" | "F"): Model {
  const tuples = indexTuples(shape, order);
  const position = new Map(tuples.map((idx, k) => [idx.join(","), flat[k]]));
  return build(shape, (idx) => position.get(idx.join(","))!);
}

// --------------------------------------------------------------- checking --

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function checkAgainstModel(view: MemoryView, model: Model, memory: ArrayBuffer, label: string): void {
  const shape = model.shape;
  expect(view.shape, `${label}: shape`).toEqual(shape);
  const codec = itemCodec(view.format);
  const dv = new DataView(memory);
  const itemsize = view.itemsize;
  const bytes = new Uint8Array(memory);
  for (const order of ["C", "F"] as const) {
    const positions = leaves(model, order);
    const expected = new Uint8Array(positions.length * itemsize);
    positions.forEach((p, k) => {
      expected.set(bytes.subarray(p, p + itemsize), k * itemsize);
    });
    expect(Array.from(view.toBytes(order)), `${label}: toBytes ${order}`).toEqual(Array.from(expected));
  }
  const nest = (dim: number, idx: number[]): unknown =>
    dim === shape.length
      ? codec.read(dv, at(model, idx))
      : Array.from({ length: shape[dim]! }, (_, i) => nest(dim + 1, [...idx, i]));
  expect(view.toList(), `${label}: toList`).toEqual(nest(0, []));
  // get() at every index (up to 64), with negative indices half the time
  indexTuples(shape, "C")
    .slice(0, 64)
    .forEach((idx, k) => {
      const given = idx.map((i, d) => (k % 2 === 1 ? i - shape[d]! : i));
      expect(view.get(...given), `${label}: get(${given})`).toEqual(codec.read(dv, at(model, idx)));
    });
}

// ------------------------------------------------------------- arbitraries --

interface Start {
  format: string;
  shape: number[];
  strideUnits: number[];
  misalign: number[];
  pad: number;
  seed: number;
}

const startArb: fc.Arbitrary<Start> = fc.record({
  format: fc.constantFrom(...FORMATS),
  shape: fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 })), { maxLength: 4 }),
  strideUnits: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 4, maxLength: 4 }),
  misalign: fc.array(fc.constantFrom(0, 0, 0, 1, -1), { minLength: 4, maxLength: 4 }),
  pad: fc.integer({ min: 0, max: 9 }),
  seed: fc.integer(),
});

type Step =
  | { op: "slice"; dims: [number | null, number | null, number | null][] }
  | { op: "index"; dim: number; i: number }
  | { op: "transpose" }
  | { op: "permute"; seed: number }
  | { op: "reshape"; seed: number; order: "C" | "F" }
  | { op: "cast"; format: string; withShape: boolean; seed: number };

const bound = fc.option(fc.integer({ min: -6, max: 6 }), { nil: null });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant("slice" as const),
    dims: fc.array(fc.tuple(bound, bound, fc.constantFrom(null, 1, 2, 3, -1, -2, -3)), { maxLength: 4 }),
  }),
  fc.record({ op: fc.constant("index" as const), dim: fc.nat(), i: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ op: fc.constant("transpose" as const) }),
  fc.record({ op: fc.constant("permute" as const), seed: fc.integer() }),
  fc.record({ op: fc.constant("reshape" as const), seed: fc.integer(), order: fc.constantFrom("C" as const, "F" as const) }),
  fc.record({
    op: fc.constant("cast" as const),
    format: fc.constantFrom("B", "h", "<i", "d", "2B", "c", ">H"),
    withShape: fc.boolean(),
    seed: fc.integer(),
  }),
);

function randomFactorization(n: number, next: () => number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest > 1 && out.length < 3) {
    const divisors: number[] = [];
    for (let d = 2; d <= rest; d++) if (rest % d === 0) divisors.push(d);
    const d = divisors[Math.floor(next() * divisors.length)]!;
    out.push(d);
    rest /= d;
  }
  if (rest > 1) out.push(rest);
  if (next() < 0.3) out.splice(Math.floor(next() * (out.length + 1)), 0, 1);
  if (n === 0) out.push(0);
  return out;
}

function makeStart(s: Start): { view: MemoryView; model: Model; memory: ArrayBuffer } {
  const itemsize = formatItemsize(s.format);
  const ndim = s.shape.length;
  const strides = s.shape.map((_, d) => s.strideUnits[d]! * itemsize + s.misalign[d]!);
  let lo = 0;
  let hi = 0;
  const empty = s.shape.includes(0);
  if (!empty) {
    for (let d = 0; d < ndim; d++) {
      const span = strides[d]! * (s.shape[d]! - 1);
      if (span < 0) lo += span;
      else hi += span;
    }
  }
  const offset = -lo + s.pad;
  const length = offset + hi + itemsize + 3;
  const memory = new ArrayBuffer(length);
  const bytes = new Uint8Array(memory);
  const next = rng(s.seed);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256);
  if (s.format === "?") for (let i = 0; i < length; i++) bytes[i]! &= 1;
  const layout = { offset, shape: s.shape, strides, format: s.format, itemsize };
  const model = build(s.shape, (idx) => offset + idx.reduce((acc, i, d) => acc + i * strides[d]!, 0));
  return { view: MemoryView.from(new TestExporter(memory, layout)), model, memory };
}

/** Applies a step to the view and the model; null when the step does not apply. */
function apply(view: MemoryView, model: Model, step: Step): { view: MemoryView; model: Model } | null {
  const ndim = view.ndim;
  const shape = view.shape;
  switch (step.op) {
    case "slice": {
      const dims = step.dims.slice(0, ndim);
      let m = model;
      dims.forEach(([a, b, c], d) => {
        m = sliceModel(m, d, pySlice(shape[d]!, a, b, c));
      });
      return { view: view.slice(...dims), model: m };
    }
    case "index": {
      if (ndim === 0) {
        expect(() => view.index(0, 0)).toThrow(TypeError);
        return null;
      }
      const dim = step.dim % ndim;
      const n = shape[dim]!;
      if (step.i >= n || step.i < -n) {
        expect(() => view.index(dim, step.i)).toThrow(/index out of bounds on dimension/);
        return null;
      }
      return { view: view.index(dim, step.i), model: indexModel(model, dim, step.i < 0 ? step.i + n : step.i) };
    }
    case "transpose": {
      const axes = shape.map((_, i) => ndim - 1 - i);
      return { view: view.transpose(), model: permuteModel(model, axes) };
    }
    case "permute": {
      const next = rng(step.seed);
      const axes = shape.map((_, i) => i).sort(() => next() - 0.5);
      return { view: view.permute(axes), model: permuteModel(model, axes) };
    }
    case "reshape": {
      const size = shape.reduce((a, b) => a * b, 1);
      const newShape = randomFactorization(size, rng(step.seed));
      let reshaped: MemoryView;
      try {
        reshaped = view.reshape(newShape, step.order);
      } catch (error) {
        expect((error as Error).message).toBe("Unable to avoid creating a copy while reshaping.");
        // A view contiguous in the order always reshapes.
        expect(step.order === "C" ? view.cContiguous && size > 0 : view.fContiguous && size > 0).toBe(false);
        return null;
      }
      const flat = leaves(model, step.order);
      return { view: reshaped, model: regroup(flat, newShape, step.order) };
    }
    case "cast": {
      const positions = leaves(model, "C");
      const itemsize = view.itemsize;
      const contiguous = positions.every((p, k) => p === positions[0]! + k * itemsize);
      if (!view.cContiguous || !contiguous || positions.length === 0) return null;
      const size = formatItemsize(step.format);
      const nbytes = positions.length * itemsize;
      if (nbytes % size !== 0) {
        expect(() => view.cast(step.format)).toThrow("memoryview: length is not a multiple of itemsize");
        return null;
      }
      const count = nbytes / size;
      const flat = Array.from({ length: count }, (_, k) => positions[0]! + k * size);
      if (step.withShape) {
        const newShape = randomFactorization(count, rng(step.seed));
        if (newShape.includes(0)) return null;
        return { view: view.cast(step.format, newShape), model: regroup(flat, newShape, "C") };
      }
      return { view: view.cast(step.format), model: regroup(flat, [count], "C") };
    }
  }
}

describe("MemoryView agrees with a nested-array model", () => {
  it("for random layouts and chains of derivations", () => {
    fc.assert(
      fc.property(startArb, fc.array(stepArb, { maxLength: 5 }), (start, steps) => {
        const { view: root, model: rootModel, memory } = makeStart(start);
        checkAgainstModel(root, rootModel, memory, "root");
        let view = root;
        let model = rootModel;
        const made: MemoryView[] = [];
        for (const step of steps) {
          const next = apply(view, model, step);
          if (next === null) continue;
          ({ view, model } = next);
          made.push(view);
          checkAgainstModel(view, model, memory, JSON.stringify(step));
        }
        for (const v of made) v.release();
        root.release();
      }),
      { numRuns: 600 },
    );
  });

  it("copyFrom between any two layouts, overlapping ones included", () => {
    fc.assert(
      fc.property(startArb, fc.array(stepArb, { maxLength: 3 }), fc.integer(), (start, steps, seed) => {
        const { view: root, model: rootModel, memory } = makeStart(start);
        if (root.readonly) return;
        let view = root;
        let model = rootModel;
        for (const step of steps) {
          const next = apply(view, model, step);
          if (next !== null) ({ view, model } = next);
        }
        // The source: the same items reversed along dimension 0 of the same
        // memory (overlapping the destination), or of a fresh copy.
        const ndim = view.ndim;
        const overlap = seed % 2 === 0;
        const source = ndim === 0 ? view : view.slice([null, null, -1]);
        const sourceModel = ndim === 0 ? model : sliceModel(model, 0, pySlice(view.shape[0]!, null, null, -1));
        const bytes = new Uint8Array(memory);
        const itemsize = view.itemsize;
        const srcItems = leaves(sourceModel, "C").map((p) => bytes.slice(p, p + itemsize));
        const dstPositions = leaves(model, "C");
        const expected = bytes.slice();
        dstPositions.forEach((p, k) => {
          expected.set(srcItems[k]!, p);
        });
        if (overlap) {
          view.copyFrom(source);
        } else {
          const copy = MemoryView.from(source.toBytes()).cast(
            view.format,
            ndim === 0 ? [] : view.shape.includes(0) ? undefined : view.shape,
          );
          if (copy.shape.length !== ndim) return;
          view.copyFrom(copy);
        }
        // Items written twice (zero strides) keep the last write.
        expect(Array.from(bytes)).toEqual(Array.from(expected));
      }),
      { numRuns: 400 },
    );
  });

  it("fill and equals over random layouts", () => {
    fc.assert(
      fc.property(startArb, fc.integer(), (start, seed) => {
        const { view, model, memory } = makeStart(start);
        const codec = itemCodec(view.format);
        const dv = new DataView(memory);
        const positions = leaves(model, "C");
        const values = positions.map((p) => codec.read(dv, p));
        const hasNaN = (v: StructValue): boolean => (Array.isArray(v) ? v.some(hasNaN) : Number.isNaN(v));
        const copy = MemoryView.from(new Uint8Array(view.toBytes())).cast(
          view.format,
          view.ndim === 0 ? [] : view.shape.includes(0) ? undefined : view.shape,
        );
        if (copy.ndim === view.ndim) expect(view.equals(copy)).toBe(!values.some(hasNaN));
        if (positions.length === 0) return;
        // Overlapping items (strides shorter than an item) cannot all hold the value.
        const sorted = [...new Set(positions)].sort((a, b) => a - b);
        if (sorted.some((p, k) => k > 0 && p - sorted[k - 1]! < view.itemsize)) return;
        const value = values[Math.abs(seed) % values.length]!;
        if (hasNaN(value)) return;
        view.fill(value);
        const bytes = new Uint8Array(memory);
        const p0 = positions[Math.abs(seed) % positions.length]!;
        const item = bytes.slice(p0, p0 + view.itemsize);
        for (const p of positions) expect(Array.from(bytes.subarray(p, p + view.itemsize))).toEqual(Array.from(item));
        checkAgainstModel(view, model, memory, "after fill");
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- PIL ----

interface PilStart {
  rows: number;
  inner: number[];
  suboffset: number;
  gaps: number[];
  reversed: boolean;
  seed: number;
}

const pilArb: fc.Arbitrary<PilStart> = fc.record({
  rows: fc.integer({ min: 1, max: 4 }),
  inner: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
  suboffset: fc.integer({ min: 0, max: 6 }),
  gaps: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
  reversed: fc.boolean(),
  seed: fc.integer(),
});

/** A PIL-style export: a pointer per row, rows scattered in the same buffer. */
function makePil(s: PilStart): { view: MemoryView; model: Model; memory: ArrayBuffer } {
  const itemsize = 2;
  const rowBytes = s.inner.reduce((a, b) => a * b, 1) * itemsize;
  const tableBytes = 8 * s.rows;
  const rowStarts: number[] = [];
  let cursor = tableBytes;
  for (let r = 0; r < s.rows; r++) {
    cursor += s.gaps[r]!;
    rowStarts.push(cursor);
    cursor += s.suboffset + rowBytes;
  }
  const memory = new ArrayBuffer(cursor + 3);
  const next = rng(s.seed);
  const bytes = new Uint8Array(memory);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  const order = s.reversed ? [...rowStarts].reverse() : rowStarts;
  order.forEach((start, r) => {
    writePointer(memory, 8 * r, start);
  });
  const innerStrides: number[] = [];
  let stride = itemsize;
  for (let d = s.inner.length - 1; d >= 0; d--) {
    innerStrides.unshift(stride);
    stride *= s.inner[d]!;
  }
  const shape = [s.rows, ...s.inner];
  const layout = {
    offset: 0,
    shape,
    strides: [8, ...innerStrides],
    suboffsets: [s.suboffset, ...s.inner.map(() => -1)],
    format: "<h",
    itemsize,
  };
  const model = build(shape, (idx) => {
    const base = order[idx[0]!]! + s.suboffset;
    return base + idx.slice(1).reduce((acc, i, d) => acc + i * innerStrides[d]!, 0);
  });
  return { view: MemoryView.from(new TestExporter(memory, layout)), model, memory };
}

describe("PIL-style views (suboffsets) agree with their model", () => {
  it("for slices and indexing of any dimension", () => {
    fc.assert(
      fc.property(pilArb, fc.array(stepArb, { maxLength: 4 }), (start, steps) => {
        const { view: root, model: rootModel, memory } = makePil(start);
        expect(root.suboffsets.length).toBe(root.ndim);
        expect(root.contiguous).toBe(false);
        checkAgainstModel(root, rootModel, memory, "pil root");
        let view = root;
        let model = rootModel;
        for (const step of steps) {
          if (step.op !== "slice" && step.op !== "index") {
            if (step.op === "cast" && view.suboffsets.some((x) => x >= 0)) {
              expect(() => view.cast("B")).toThrow("casts are restricted to C-contiguous views");
            }
            continue;
          }
          let next: { view: MemoryView; model: Model } | null;
          try {
            next = apply(view, model, step);
          } catch (error) {
            // Only dropping a pointer dimension after the first is refused.
            expect((error as Error).name).toBe("NotImplementedError");
            continue;
          }
          if (next === null) continue;
          ({ view, model } = next);
          checkAgainstModel(view, model, memory, `pil ${JSON.stringify(step)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("copies to and from PIL memory", () => {
    fc.assert(
      fc.property(pilArb, (start) => {
        const { view, model, memory } = makePil(start);
        const flat = view.toBytes();
        const reversed = view.slice([null, null, -1]);
        view.copyFrom(reversed);
        const bytes = new Uint8Array(memory);
        const rows = view.shape[0]!;
        const rowBytes = flat.length / rows;
        leaves(model, "C").forEach((p, k) => {
          const row = Math.floor((k * 2) / rowBytes);
          const srcRow = rows - 1 - row;
          const srcOffset = srcRow * rowBytes + ((k * 2) % rowBytes);
          expect([bytes[p], bytes[p + 1]]).toEqual([flat[srcOffset], flat[srcOffset + 1]]);
        });
      }),
      { numRuns: 200 },
    );
  });
});
