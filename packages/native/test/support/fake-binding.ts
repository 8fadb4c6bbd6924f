// A fake addon for testing src/api.ts without a compiler: every ArrayBuffer
// gets a made-up, 4096-aligned base address, and calls are recorded.
import type { NativeBinding } from "../../src/binding.js";

export interface FakeBinding extends NativeBinding {
  /** The made-up address of byte 0 of `buffer`. */
  baseOf(buffer: ArrayBuffer | SharedArrayBuffer): bigint;
  /** Every wrapAddress call. */
  wraps: { address: bigint; byteLength: number; finalize: unknown }[];
}

function isDetachedForReal(buffer: ArrayBuffer): boolean {
  if (buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

export function fakeBinding(options: { wrapError?: Error } = {}): FakeBinding {
  const bases = new WeakMap<object, bigint>();
  let next = 0x7f00_0000_0000n;
  const baseOf = (buffer: ArrayBuffer | SharedArrayBuffer): bigint => {
    let base = bases.get(buffer);
    if (base === undefined) {
      base = next;
      next += 0x10_0000n;
      bases.set(buffer, base);
    }
    return base;
  };
  const wraps: FakeBinding["wraps"] = [];
  return {
    baseOf,
    wraps,
    baseAddress(memory) {
      if (ArrayBuffer.isView(memory)) return baseOf(memory.buffer) + BigInt(memory.byteOffset);
      if (!(memory instanceof ArrayBuffer)) throw new TypeError("baseAddress() expects an ArrayBuffer");
      return baseOf(memory);
    },
    isDetached(buffer) {
      if (!(buffer instanceof ArrayBuffer)) throw new TypeError("isDetached() expects one ArrayBuffer");
      return isDetachedForReal(buffer);
    },
    wrapAddress(address, byteLength, finalize) {
      if (options.wrapError) throw options.wrapError;
      wraps.push({ address, byteLength, finalize });
      return new ArrayBuffer(byteLength);
    },
  };
}
