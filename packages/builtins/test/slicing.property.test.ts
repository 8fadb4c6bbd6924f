/**
 * Slicing of bytes, bytearray, array and buffer against a naive model of
 * Python's list slicing (test/support/list-model.ts), on random data and
 * random slices, including negative steps and out-of-range bounds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { array, buffer, bytearray, bytes } from "./support/api.js";
import { assignSlice, deleteSlice, sliceVisits, type Slice } from "./support/list-model.js";

const bound = fc.option(fc.integer({ min: -25, max: 25 }), { nil: null });
const slice: fc.Arbitrary<Slice> = fc.record({
  start: bound,
  stop: bound,
  step: fc.option(
    fc.integer({ min: -5, max: 5 }).filter((s) => s !== 0),
    { nil: null },
  ),
});
const byteList = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 });
const shortList = fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 20 });

function outcome<T>(fn: () => T): { value: T } | { error: string } {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

describe("slicing against a list model", () => {
  it("bytes and bytearray get", () => {
    fc.assert(
      fc.property(byteList, slice, (data, s) => {
        const expected = sliceVisits(data.length, s).map((i) => data[i]);
        expect([...(bytes(data).get(s) as Iterable<number>)]).toEqual(expected);
        expect([...bytearray(data).slice(s.start, s.stop, s.step)]).toEqual(expected);
      }),
    );
  });

  it("bytearray set and delete", () => {
    fc.assert(
      fc.property(byteList, slice, byteList, (data, s, values) => {
        const b = bytearray(data);
        const model = outcome(() => assignSlice(data, s, values));
        const actual = outcome(() => b.set(s, values));
        if ("error" in model) {
          expect(actual).toEqual({ error: model.error });
          expect([...b]).toEqual(data);
        } else {
          expect(actual).toEqual({ value: undefined });
          expect([...b]).toEqual(model.value);
        }
        const d = bytearray(data);
        d.delete(s);
        expect([...d]).toEqual(deleteSlice(data, s));
      }),
    );
  });

  it("array get, set and delete", () => {
    fc.assert(
      fc.property(shortList, slice, shortList, (data, s, values) => {
        const a = array("h", data);
        expect((a.get(s) as ReturnType<typeof array>).tolist()).toEqual(sliceVisits(data.length, s).map((i) => data[i]));
        const model = outcome(() => assignSlice(data, s, values));
        const actual = outcome(() => a.set(s, array("h", values)));
        if ("error" in model) {
          expect(actual).toEqual({ error: model.error });
          expect(a.tolist()).toEqual(data);
        } else {
          expect(a.tolist()).toEqual(model.value);
        }
        const d = array("h", data);
        d.delete(s);
        expect(d.tolist()).toEqual(deleteSlice(data, s));
      }),
    );
  });

  it("buffer get, and set of equal length", () => {
    fc.assert(
      fc.property(byteList, slice, fc.integer({ min: 0, max: 25 }), (data, s, offset) => {
        const window = data.slice(offset);
        const b = buffer(bytes(data), offset);
        expect(Array.from(b.slice(s.start, s.stop, s.step))).toEqual(sliceVisits(window.length, s).map((i) => window[i]));
        const base = bytearray(data);
        const rw = buffer.fromReadWriteObject(base, offset);
        const visits = sliceVisits(window.length, s);
        const values = visits.map((i) => 255 - window[i]!);
        rw.set(s, new Uint8Array(values));
        const expected = [...data];
        visits.forEach((i, k) => {
          expected[offset + i] = values[k]!;
        });
        expect([...base]).toEqual(expected);
      }),
    );
  });
});
