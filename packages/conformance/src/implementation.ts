/**
 * What the suite expects of the module under test (the adapter): the
 * contract's names, each optional. What a module does not export, the suite
 * skips and reports as skipped; what it exports, it tests in full, unless
 * the module's own `supports` manifest declares a limit.
 *
 * @packageDocumentation
 */

import type { Supports } from "./supports.js";

/** A key for `get` and `set`: index, slice, Ellipsis, or a tuple of those. */
export type ViewKey = number | bigint | object | readonly unknown[];

/** The members of a memoryview the contract names (section 4). */
export interface MemoryViewLike {
  readonly obj: unknown;
  readonly nbytes: number;
  readonly readonly: boolean;
  readonly itemsize: number;
  readonly format: string;
  readonly ndim: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly suboffsets: readonly number[];
  readonly c_contiguous: boolean;
  readonly f_contiguous: boolean;
  readonly contiguous: boolean;
  readonly length: number;
  readonly released: boolean;
  get(key: unknown): unknown;
  set(key: unknown, value: unknown): void;
  tobytes(order?: string | null): Uint8Array;
  hex(sep?: string | Uint8Array, bytesPerSep?: number): string;
  tolist(): unknown;
  toreadonly(): MemoryViewLike;
  cast(format: string, shape?: readonly number[]): MemoryViewLike;
  release(): void;
  count(value: unknown): number;
  index(value: unknown, start?: number, stop?: number): number;
  equals(other: unknown): boolean;
  hash(): number | bigint;
  toString(): string;
  [Symbol.iterator](): Iterator<unknown>;
}

/** Python's `struct` module, as the contract names it. */
export interface StructModuleLike {
  calcsize(format: string): number;
  pack(format: string, ...values: unknown[]): Uint8Array;
  unpack(format: string, buffer: unknown): unknown[];
  packInto(format: string, buffer: unknown, offset: number, ...values: unknown[]): void;
  unpackFrom(format: string, buffer: unknown, offset?: number): unknown[];
  iterUnpack(format: string, buffer: unknown): Iterable<unknown[]>;
  Struct: new (format: string) => {
    readonly format: string;
    readonly size: number;
    pack(...values: unknown[]): Uint8Array;
    unpack(buffer: unknown): unknown[];
    packInto(buffer: unknown, offset: number, ...values: unknown[]): void;
    unpackFrom(buffer: unknown, offset?: number): unknown[];
    iterUnpack(buffer: unknown): Iterable<unknown[]>;
  };
}

/** Python 2's `buffer`, as the contract names it. */
export interface LegacyBufferLike {
  readonly length: number;
  get(index: number): Uint8Array;
  slice(start?: number | null, stop?: number | null, step?: number | null): Uint8Array;
  set(index: number, value: unknown): void;
  concat(other: unknown): Uint8Array;
  repeat(count: number): Uint8Array;
  compare(other: unknown): number;
  hash(): number | bigint;
  tobytes(): Uint8Array;
  toString(): string;
}

/** Any constructor-like function: called with or without `new`. */
export type Callable = (...args: never[]) => unknown;

/**
 * The module an adapter exports. Every member is optional; the error
 * classes are looked up by their contract names.
 *
 * @example
 * ```ts
 * // my-adapter.js
 * export { memoryview, slice, Ellipsis, bytes, bytearray, array, buffer } from "my-impl";
 * export { ValueError, IndexError, BufferError, NotImplementedError, OverflowError, StructError } from "my-impl";
 * export const supports = { maxNdim: 1, suboffsets: false };
 * ```
 */
export interface ImplementationModule {
  /** A name for reports. */
  readonly name?: string;
  /** The implementation's own manifest of optional features. */
  readonly supports?: Partial<Supports>;
  readonly memoryview?: unknown;
  readonly slice?: unknown;
  readonly Ellipsis?: unknown;
  readonly bytes?: unknown;
  readonly bytearray?: unknown;
  readonly array?: unknown;
  readonly buffer?: unknown;
  readonly struct?: Partial<StructModuleLike>;
  readonly getBuffer?: unknown;
  readonly releaseBuffer?: unknown;
  readonly ValueError?: unknown;
  readonly IndexError?: unknown;
  readonly BufferError?: unknown;
  readonly NotImplementedError?: unknown;
  readonly OverflowError?: unknown;
  readonly StructError?: unknown;
}

/** The error classes the contract names (section 3). */
export const ERROR_NAMES = [
  "ValueError",
  "IndexError",
  "BufferError",
  "NotImplementedError",
  "OverflowError",
  "StructError",
] as const;

/**
 * Calls a contract constructor the way the contract allows: `memoryview` may
 * be called with or without `new`; the suite calls plain functions plainly
 * and classes with `new`.
 *
 * @example
 * ```ts
 * construct(impl.bytearray, new Uint8Array([1, 2]));
 * ```
 */
export function construct(ctor: unknown, ...args: unknown[]): unknown {
  if (typeof ctor !== "function") throw new TypeError("not a constructor");
  const source = Function.prototype.toString.call(ctor);
  if (source.startsWith("class")) return Reflect.construct(ctor, args);
  return (ctor as (...a: unknown[]) => unknown)(...args);
}
