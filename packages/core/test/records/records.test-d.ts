/**
 * Compile-time tests of the record options (checked by `pnpm typecheck`):
 * a RecordStruct's `unpack` gives the declared record type, a Struct its
 * values; the options are typed.
 */
import { expectTypeOf } from "vitest";
import {
  MemoryView,
  RecordStruct,
  Struct,
  type RecordUnpackIterator,
  type StructValue,
  type UnpackIterator,
} from "../../src/index.js";

interface Point {
  id: number;
  value: number;
}
const point = new RecordStruct<Point>("<i:id: d:value:");
expectTypeOf(point.unpack(new Uint8Array(12))).toEqualTypeOf<Point>();
expectTypeOf(point.unpackFrom(new Uint8Array(12), 0)).toEqualTypeOf<Point>();
expectTypeOf(point.iterUnpack(new Uint8Array(12))).toEqualTypeOf<RecordUnpackIterator<Point>>();
expectTypeOf([...point.iterUnpack(new Uint8Array(12))]).toEqualTypeOf<Point[]>();

const plain = new Struct("<hd");
expectTypeOf(plain.unpack(new Uint8Array(10))).toEqualTypeOf<StructValue[]>();
expectTypeOf(plain.iterUnpack(new Uint8Array(10))).toEqualTypeOf<UnpackIterator>();

new RecordStruct("4s", { strings: { encoding: "utf-8", trim: "nul" } });
// @ts-expect-error trim is "none", "nul" or "cstring"
new RecordStruct("4s", { strings: { encoding: "utf-8", trim: "all" } });
// @ts-expect-error records is a boolean
new RecordStruct("<h", { records: "yes" });
// @ts-expect-error Struct takes no options
new Struct("<h", { records: true });

expectTypeOf(MemoryView.from(new Uint8Array(4)).withRecords({ records: true })).toEqualTypeOf<MemoryView>();
