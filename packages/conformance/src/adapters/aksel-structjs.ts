/**
 * The adapter for the npm package `@aksel/structjs` (Python's `struct` over
 * ArrayBuffers, standard sizes only): `mv-conformance --impl
 * @mv/conformance/adapters/aksel-structjs` runs the struct groups through
 * its API. It needs `@aksel/structjs` installed beside @mv/conformance (an
 * optional peer dependency).
 *
 * The library compiles a format with `struct(format)` and documents the
 * module-level functions as that object's methods, so `pack(fmt, …)` here is
 * `struct(fmt).pack(…)` and `calcsize(fmt)` is `struct(fmt).size`. Only
 * values are converted: byte fields go in as strings of one character per
 * byte and come back as bytes, `pack` results become `Uint8Array`s, and the
 * suite's buffers are handed over as ArrayBuffers of their exact bytes (a
 * copy written back after `pack_into` when the view does not span its whole
 * buffer). Its errors are passed on as it throws them.
 *
 * @packageDocumentation
 */

import { createRequire } from "node:module";
import compile from "@aksel/structjs";
import type { StructModuleLike } from "../implementation.js";
import { exactArrayBuffer, latin1String, stringBytes } from "./peers/byte-strings.js";

const require = createRequire(import.meta.url);
const VERSION = (require("@aksel/structjs/package.json") as { version: string }).version;

/** The name and version of the library, for reports. */
export const name = `@aksel/structjs ${VERSION}`;

/** The library's version, for the scoreboard. */
export const version = VERSION;

const toLibraryValue = (value: unknown): unknown => (value instanceof Uint8Array ? latin1String(value) : value);
const fromLibraryValue = (value: unknown): unknown => (typeof value === "string" ? stringBytes(value) : value);
const fromLibraryValues = (values: Iterable<unknown>): unknown[] => Array.from(values, fromLibraryValue);

// The library takes ArrayBuffers only; anything else is passed on as it is,
// for the library to accept or refuse.
function withArrayBuffer<T>(source: unknown, use: (buffer: ArrayBuffer) => T): T {
  if (!ArrayBuffer.isView(source)) return use(source as ArrayBuffer);
  const { buffer, writeBack } = exactArrayBuffer(source);
  const result = use(buffer);
  writeBack();
  return result;
}

/** A compiled format with the contract's method names over the library's. */
class Struct {
  readonly #compiled: ReturnType<typeof compile>;
  /** The format string. */
  readonly format: string;
  /** The packed size in bytes. */
  readonly size: number;

  /** @param format - the struct format */
  constructor(format: string) {
    this.#compiled = compile(format);
    this.format = this.#compiled.format;
    this.size = this.#compiled.size;
  }

  /** `pack(*values)` */
  pack(...values: unknown[]): Uint8Array {
    return new Uint8Array(this.#compiled.pack(...values.map(toLibraryValue)));
  }

  /** `unpack(buffer)` */
  unpack(buffer: unknown): unknown[] {
    return withArrayBuffer(buffer, (b) => fromLibraryValues(this.#compiled.unpack(b)));
  }

  /** `pack_into(buffer, offset, *values)` */
  packInto(buffer: unknown, offset: number, ...values: unknown[]): void {
    withArrayBuffer(buffer, (b) => this.#compiled.pack_into(b, offset, ...values.map(toLibraryValue)));
  }

  /** `unpack_from(buffer, offset=0)` */
  unpackFrom(buffer: unknown, offset = 0): unknown[] {
    return withArrayBuffer(buffer, (b) => fromLibraryValues(this.#compiled.unpack_from(b, offset)));
  }

  /**
   * `iter_unpack(buffer)`. The library's generator never ends for a
   * zero-size format (its offset does not advance); since a case cannot
   * time out, the adapter stops it once it has yielded more structs than the
   * buffer has bytes and reports that as the library's failure.
   */
  iterUnpack(buffer: unknown): Iterable<unknown[]> {
    return withArrayBuffer(buffer, (b) => {
      const out: unknown[][] = [];
      for (const values of this.#compiled.iter_unpack(b)) {
        if (out.length > b.byteLength) throw new Error("@aksel/structjs: iter_unpack did not stop (a zero-size format)");
        out.push(fromLibraryValues(values));
      }
      return out;
    });
  }
}

/** @aksel/structjs under the contract's names. */
export const struct: Partial<StructModuleLike> = {
  calcsize: (format) => new Struct(format).size,
  pack: (format, ...values) => new Struct(format).pack(...values),
  unpack: (format, buffer) => new Struct(format).unpack(buffer),
  packInto: (format, buffer, offset, ...values) => new Struct(format).packInto(buffer, offset, ...values),
  unpackFrom: (format, buffer, offset) => new Struct(format).unpackFrom(buffer, offset),
  iterUnpack: (format, buffer) => new Struct(format).iterUnpack(buffer),
  Struct,
};
