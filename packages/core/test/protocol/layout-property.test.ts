/**
 * Property tests: for random layouts (shape, strides with signs and zeros,
 * offset, suboffsets with pointers stored in buf), validation accepts
 * exactly the layouts whose every reachable byte lies inside buf, as a
 * brute-force enumeration of every index finds them; and getPointer agrees
 * with that enumeration on every index.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BufferFlags, getBuffer, getPointer, releaseBuffer, toContiguous, type BufferInfo } from "../../src/index.js";
import { RawExporter } from "./support/nd-exporter.js";

/** At least 10,000 generated layouts, as the issue asks of CI. */
const LAYOUT_RUNS = 10_000;

interface RandomLayout {
  byteLength: number;
  itemsize: number;
  shape: number[];
  strides: number[];
  suboffsets: number[] | null;
  offset: number;
  pointers: { at: number; to: number }[];
}

/** The model: walk every index tuple the way PyBuffer_GetPointer does. */
function model(layout: RandomLayout, buf: ArrayBuffer): { valid: boolean; pointers: Map<string, number> } {
  const pointers = new Map<string, number>();
  const { byteLength, itemsize, shape, strides, suboffsets, offset } = layout;
  if (offset < 0 || offset > byteLength) return { valid: false, pointers };
  if (shape.includes(0)) return { valid: true, pointers };
  const ndim = shape.length;
  const index = new Array<number>(ndim).fill(0);
  for (;;) {
    let p = offset;
    for (let dim = 0; dim < ndim; dim++) {
      p += strides[dim]! * index[dim]!;
      if (suboffsets !== null && suboffsets[dim]! >= 0) {
        if (p < 0 || p + 8 > byteLength) return { valid: false, pointers };
        // A native-endian unsigned 64-bit integer, read independently of src/.
        p = Number(new BigUint64Array(buf.slice(p, p + 8))[0]) + suboffsets[dim]!;
      }
    }
    if (p < 0 || p + itemsize > byteLength) return { valid: false, pointers };
    pointers.set(index.join(","), p);
    let k = ndim - 1;
    for (; k >= 0; k--) {
      if (index[k]! < shape[k]! - 1) {
        index[k]!++;
        break;
      }
      index[k] = 0;
    }
    if (k < 0) return { valid: true, pointers };
  }
}

const dimLength = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 6 }, { arbitrary: fc.constant(0), weight: 1 });

const layoutArb: fc.Arbitrary<RandomLayout> = fc
  .record({
    byteLength: fc.integer({ min: 0, max: 48 }),
    itemsize: fc.integer({ min: 1, max: 4 }),
    ndim: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ byteLength, itemsize, ndim }) =>
    fc.record({
      byteLength: fc.constant(byteLength),
      itemsize: fc.constant(itemsize),
      shape: fc.array(dimLength, { minLength: ndim, maxLength: ndim }),
      strides: fc.array(fc.integer({ min: -16, max: 16 }), { minLength: ndim, maxLength: ndim }),
      suboffsets: fc.option(
        fc.array(fc.oneof(fc.integer({ min: -3, max: -1 }), fc.integer({ min: 0, max: 12 })), {
          minLength: ndim,
          maxLength: ndim,
        }),
        { nil: null, freq: 2 },
      ),
      offset: fc.integer({ min: -4, max: byteLength + 4 }),
      pointers:
        byteLength < 8
          ? fc.constant([])
          : fc.array(
              fc.record({
                at: fc.integer({ min: 0, max: byteLength - 8 }),
                to: fc.oneof(
                  { arbitrary: fc.integer({ min: 0, max: byteLength + 4 }), weight: 8 },
                  { arbitrary: fc.constantFrom(2 ** 40, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER), weight: 1 },
                ),
              }),
              { maxLength: 6 },
            ),
    }),
  );

function bufferFor(layout: RandomLayout): ArrayBuffer {
  const buf = new ArrayBuffer(layout.byteLength);
  const slots = new BigUint64Array(8);
  for (const { at, to } of layout.pointers) {
    slots[0] = BigInt(to); // native byte order, as the contract says
    new Uint8Array(buf, at, 8).set(new Uint8Array(slots.buffer, 0, 8));
  }
  return buf;
}

function answerFor(layout: RandomLayout, buf: ArrayBuffer): Record<string, unknown> {
  return {
    obj: null,
    buf,
    offset: layout.offset,
    len: layout.shape.reduce((a, b) => a * b, layout.itemsize),
    readonly: false,
    itemsize: layout.itemsize,
    format: null,
    ndim: layout.shape.length,
    shape: layout.shape,
    strides: layout.strides,
    suboffsets: layout.suboffsets,
  };
}

describe("random layouts against a brute-force model", () => {
  it(`validation accepts exactly the in-bounds layouts, and getPointer agrees (${LAYOUT_RUNS} runs)`, () => {
    let accepted = 0;
    let refused = 0;
    let indirectAccepted = 0;
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const buf = bufferFor(layout);
        const expected = model(layout, buf);
        const exporter = new RawExporter(() => answerFor(layout, buf));
        let info: BufferInfo | undefined;
        try {
          info = getBuffer(exporter, BufferFlags.FULL_RO);
        } catch (error) {
          expect((error as Error).name).toBe("BufferError");
        }
        expect(info !== undefined).toBe(expected.valid);
        if (info === undefined) {
          refused++;
          expect(exporter.live).toBe(0);
          return;
        }
        accepted++;
        if (layout.suboffsets?.some((s) => s >= 0) && !layout.shape.includes(0)) indirectAccepted++;
        for (const [key, pointer] of expected.pointers) {
          const index = key === "" ? [] : key.split(",").map(Number);
          expect(getPointer(info, index)).toBe(pointer);
        }
        // Gathering reads exactly the modelled bytes.
        const bytes = new Uint8Array(buf);
        const gathered = Array.from(toContiguous(info, "C"));
        const modelled = [...expected.pointers.values()].flatMap((p) => Array.from(bytes.subarray(p, p + layout.itemsize)));
        expect(gathered).toEqual(modelled);
        releaseBuffer(info);
        expect(exporter.live).toBe(0);
      }),
      { numRuns: LAYOUT_RUNS },
    );
    // The generator must exercise both outcomes, and real indirection.
    expect(accepted).toBeGreaterThan(LAYOUT_RUNS / 10);
    expect(refused).toBeGreaterThan(LAYOUT_RUNS / 10);
    expect(indirectAccepted).toBeGreaterThan(LAYOUT_RUNS / 100);
  });
});

const junkNumber = fc.oneof(
  fc.integer({ min: -5, max: 40 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5, 2 ** 53, -0, 2 ** 60),
  fc.constantFrom("3" as unknown, null, undefined, 3n, {}),
);
const junkArray = fc.oneof(
  fc.constantFrom(null, undefined, "ab", { length: 1, 0: 1 }),
  fc.array(junkNumber, { maxLength: 5 }),
  fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 4 }),
);
const junkInfo = fc.record({
  obj: fc.constantFrom(null, {}, 3),
  buf: fc.oneof(
    fc.integer({ min: 0, max: 48 }).map((n) => new ArrayBuffer(n)),
    fc.constantFrom(new Uint8Array(4) as unknown, null, {}, new SharedArrayBuffer(8)),
  ),
  offset: junkNumber,
  len: junkNumber,
  readonly: fc.constantFrom(true, false, 0, undefined),
  itemsize: junkNumber,
  format: fc.constantFrom(null, undefined, "B", "b", "i", "d", "Z", "<h", "", "T{i:x:}", "(2)B", 5),
  ndim: junkNumber,
  shape: junkArray,
  strides: junkArray,
  suboffsets: junkArray,
});

describe("random junk", () => {
  it("is refused with BufferError, never another error, and never leaks an export", () => {
    fc.assert(
      fc.property(junkInfo, fc.integer({ min: 0, max: 0x1ff }), (answer, flags) => {
        if (flags === BufferFlags.READ) return;
        const exporter = new RawExporter(() => answer);
        try {
          releaseBuffer(getBuffer(exporter, flags));
        } catch (error) {
          expect((error as Error).name).toBe("BufferError");
        }
        expect(exporter.live).toBe(0);
      }),
      { numRuns: 3_000 },
    );
  });
});
