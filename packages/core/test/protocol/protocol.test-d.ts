/**
 * Compile-time tests of the protocol's types: which arguments are accepted
 * and which are rejected. Checked by `pnpm typecheck`.
 */

import { expectTypeOf } from "vitest";
import {
  BufferFlags,
  copyData,
  fillContiguousStrides,
  fillInfo,
  getBuffer,
  GET_BUFFER,
  getPointer,
  isBufferExporter,
  isContiguous,
  releaseBuffer,
  RELEASE_BUFFER,
  resolveBuffer,
  toContiguous,
  type BufferExporter,
  type BufferInfo,
  type ContiguityOrder,
} from "../../src/index.js";

// getBuffer accepts anything (it throws TypeError at run time) and gives a BufferInfo.
expectTypeOf(getBuffer).parameter(0).toEqualTypeOf<unknown>();
expectTypeOf(getBuffer(new Uint8Array(1))).toEqualTypeOf<BufferInfo>();
expectTypeOf(getBuffer).parameter(1).toEqualTypeOf<number | undefined>();
// @ts-expect-error flags are a number
getBuffer(new Uint8Array(1), "FULL_RO");

// The flags are literal constants.
expectTypeOf(BufferFlags.FULL_RO).toEqualTypeOf<0x11c>();
// @ts-expect-error BufferFlags is read-only
BufferFlags.SIMPLE = 1;

// The BufferInfo fields of the contract.
expectTypeOf<BufferInfo["buf"]>().toEqualTypeOf<ArrayBuffer | SharedArrayBuffer>();
expectTypeOf<BufferInfo["format"]>().toEqualTypeOf<string | null>();
expectTypeOf<BufferInfo["shape"]>().toEqualTypeOf<readonly number[] | null>();
expectTypeOf<BufferInfo["obj"]>().toEqualTypeOf<object | null>();

// The symbols are unique, so a class can implement BufferExporter.
class Exporter implements BufferExporter {
  [GET_BUFFER](flags: number): BufferInfo {
    return fillInfo(this, new ArrayBuffer(1), 0, 1, false, flags);
  }
  [RELEASE_BUFFER](_info: BufferInfo): void {}
}
expectTypeOf(new Exporter()).toMatchTypeOf<BufferExporter>();
// @ts-expect-error an exporter needs GET_BUFFER
const notAnExporter: BufferExporter = { [RELEASE_BUFFER]() {} };
void notAnExporter;

// releaseBuffer takes a BufferInfo only.
releaseBuffer(getBuffer(new Exporter()));
// @ts-expect-error not a BufferInfo
releaseBuffer({});

// Orders are "C" | "F" | "A".
expectTypeOf<ContiguityOrder>().toEqualTypeOf<"C" | "F" | "A">();
isContiguous(getBuffer(new Uint8Array(1)), "A");
// @ts-expect-error lower case is not an order
isContiguous(getBuffer(new Uint8Array(1)), "c");
// @ts-expect-error lower case is not an order
toContiguous(getBuffer(new Uint8Array(1)), "f");

expectTypeOf(toContiguous).returns.toEqualTypeOf<Uint8Array>();
expectTypeOf(resolveBuffer).returns.toEqualTypeOf<ArrayBuffer | SharedArrayBuffer>();
expectTypeOf(getPointer).returns.toEqualTypeOf<number>();
expectTypeOf(fillContiguousStrides).returns.toEqualTypeOf<number[]>();
// @ts-expect-error indices are numbers
getPointer(getBuffer(new Uint8Array(1)), [0n]);
// @ts-expect-error fillInfo wants an ArrayBuffer, not a view
fillInfo(null, new Uint8Array(1), 0, 1, false, 0);

expectTypeOf(isBufferExporter).returns.toEqualTypeOf<boolean>();
expectTypeOf(copyData).returns.toEqualTypeOf<void>();
