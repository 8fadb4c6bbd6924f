/**
 * Compile-time tests of memoryview's types (checked by `pnpm typecheck`):
 * `get` is typed by its key (a slice or Ellipsis gives a view) and by what
 * the view was made of (numbers for TypedArrays of numbers, bytes and
 * bytearray; bigints for the 64-bit arrays); it takes one key.
 */
import { expectTypeOf } from "vitest";
import type { StructValue } from "@mv/core";
import { Ellipsis, bytearray, bytes, memoryview, slice, type MemoryviewItem, type PyMemoryView } from "../../src/index.js";

const doubles = memoryview(new Float64Array(4));
expectTypeOf(doubles).toEqualTypeOf<PyMemoryView<number>>();
expectTypeOf(doubles.get(0)).toEqualTypeOf<number>();
expectTypeOf(doubles.get(-1n)).toEqualTypeOf<number>();
expectTypeOf(doubles.get(slice(1, null))).toEqualTypeOf<PyMemoryView<number>>();
expectTypeOf(doubles.get(slice(1, null)).get(0)).toEqualTypeOf<number>();
expectTypeOf(doubles.get(Ellipsis)).toEqualTypeOf<PyMemoryView<number>>();
expectTypeOf(doubles.toreadonly().get(0)).toEqualTypeOf<number>();
expectTypeOf([...doubles]).toEqualTypeOf<number[]>();
expectTypeOf(new memoryview(new Int16Array(2)).get(0)).toEqualTypeOf<number>();
expectTypeOf(memoryview(bytes([1])).get(0)).toEqualTypeOf<number>();
expectTypeOf(memoryview(bytearray(1)).get(0)).toEqualTypeOf<number>();
expectTypeOf(memoryview(new ArrayBuffer(2), { autoRelease: true }).get(0)).toEqualTypeOf<number>();
expectTypeOf(memoryview(new BigInt64Array(1)).get(0)).toEqualTypeOf<bigint>();

// Whatever else it views, or after a cast, an item or a view.
const any = memoryview({} as unknown);
expectTypeOf(any.get(0)).toEqualTypeOf<MemoryviewItem>();
expectTypeOf(doubles.cast("B", [2, 16]).get(0)).toEqualTypeOf<MemoryviewItem>();
expectTypeOf(any.get(slice(null))).toEqualTypeOf<PyMemoryView>();
expectTypeOf(any.get([0, 1])).toExtend<StructValue | PyMemoryView>();

// One key: the tuple form is an array.
doubles.get([0]);
// @ts-expect-error get takes one key; m[0, 1] is get([0, 1])
doubles.get(0, 1);
// @ts-expect-error set takes a key and a value
doubles.set(0, 1, 2);
// @ts-expect-error autoRelease is a boolean
memoryview(new Uint8Array(1), { autoRelease: "yes" });
