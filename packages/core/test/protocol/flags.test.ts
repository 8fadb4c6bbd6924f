import { describe, expect, it } from "vitest";
import {
  assertRequestFlags,
  BufferFlags,
  GET_BUFFER,
  RELEASE_BUFFER,
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "../../src/index.js";
import { expectError } from "./support/errors.js";

describe("registry symbols", () => {
  it("are the Symbol.for keys of the contract", () => {
    expect(GET_BUFFER).toBe(Symbol.for("mv.getbuffer"));
    expect(RELEASE_BUFFER).toBe(Symbol.for("mv.releasebuffer"));
  });
});

describe("BufferFlags", () => {
  it("has CPython's values (Include/pybuffer.h)", () => {
    expect({ ...BufferFlags }).toEqual({
      SIMPLE: 0,
      WRITABLE: 0x1,
      FORMAT: 0x4,
      ND: 0x8,
      STRIDES: 0x18,
      C_CONTIGUOUS: 0x38,
      F_CONTIGUOUS: 0x58,
      ANY_CONTIGUOUS: 0x98,
      INDIRECT: 0x118,
      CONTIG: 0x9,
      CONTIG_RO: 0x8,
      STRIDED: 0x19,
      STRIDED_RO: 0x18,
      RECORDS: 0x1d,
      RECORDS_RO: 0x1c,
      FULL: 0x11d,
      FULL_RO: 0x11c,
      READ: 0x100,
      WRITE: 0x200,
    });
    expect(Object.isFrozen(BufferFlags)).toBe(true);
  });

  it("predicates need every bit of a compound flag (the REQ_* macros)", () => {
    for (let flags = 0; flags < 0x400; flags++) {
      expect(requestsWritable(flags)).toBe((flags & 1) !== 0);
      expect(requestsFormat(flags)).toBe((flags & 4) !== 0);
      expect(requestsShape(flags)).toBe((flags & 8) !== 0);
      expect(requestsStrides(flags)).toBe((flags & 0x18) === 0x18);
      expect(requestsCContiguous(flags)).toBe((flags & 0x38) === 0x38);
      expect(requestsFContiguous(flags)).toBe((flags & 0x58) === 0x58);
      expect(requestsAnyContiguous(flags)).toBe((flags & 0x98) === 0x98);
      expect(requestsIndirect(flags)).toBe((flags & 0x118) === 0x118);
    }
  });

  it("assertRequestFlags refuses READ and WRITE alone, and non-integers", () => {
    expectError(() => assertRequestFlags(BufferFlags.READ), "ValueError", /PyMemoryView_FromMemory/);
    expectError(() => assertRequestFlags(BufferFlags.WRITE), "ValueError", /PyMemoryView_FromMemory/);
    expect(() => assertRequestFlags(BufferFlags.INDIRECT)).not.toThrow();
    expect(() => assertRequestFlags(BufferFlags.WRITE | BufferFlags.ND)).not.toThrow();
    for (const bad of [-1, 1.5, Number.NaN, "8", 2 ** 31, null]) {
      expectError(() => assertRequestFlags(bad), "TypeError", /non-negative 32-bit integer/);
    }
  });
});
