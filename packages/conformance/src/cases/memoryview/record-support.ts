/**
 * What the golden record, cast and hash cases share
 * (fixtures/golden_records.py): which formats the module declares, the
 * exports a value needs, and the forms a recorded value is decoded into.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { construct } from "../../implementation.js";

/** The native single-character formats. */
const NATIVE = "cbB?hHiIlLqQnNefdP";

/** The native character of a format (`B`, `@B`), or null. */
export function nativeChar(format: string): string | null {
  const body = format.startsWith("@") ? format.slice(1) : format;
  return body.length === 1 && NATIVE.includes(body) ? body : null;
}

/** Whether the module declares views of `format`. */
export function isDeclared(ctx: Context, format: string): boolean {
  const char = nativeChar(format);
  return char !== null ? ctx.supports.formats.includes(char) : ctx.supports.structFormats;
}

/** What a tagged input needs from the module beyond memoryview. */
export function needs(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) needs(v, out);
  } else if (value !== null && typeof value === "object") {
    if ("$bytearray" in value) out.add("bytearray");
  }
  return out;
}

/**
 * A tagged written value in JavaScript: the module's bytearray for
 * `$bytearray`, a Map of n entries for `$dict`, else {@link decodeValue}.
 */
export function decodeInput(ctx: Context, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeInput(ctx, v));
  if (value !== null && typeof value === "object") {
    const tagged = value as Record<string, unknown>;
    if ("$bytearray" in tagged) return construct(ctx.impl.bytearray, fromHex(tagged.$bytearray as string));
    if ("$dict" in tagged) return new Map(Array.from({ length: tagged.$dict as number }, (_, k) => [k, k]));
  }
  return decodeValue(value);
}

/** `value` with every integer as a bigint (the contract takes both). */
export function asBigints(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asBigints);
  return typeof value === "number" && Number.isInteger(value) ? BigInt(value) : value;
}

/** `value` with every byte string as the module's `bytes`. */
export function asModuleBytes(ctx: Context, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => asModuleBytes(ctx, v));
  return value instanceof Uint8Array ? construct(ctx.impl.bytes, value) : value;
}

export function contains(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some((v) => contains(v, test)) : test(value);
}

/** A short text of a value (an integer of hundreds of digits is cut). */
export function label(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "bigint"
      ? `${v}n`
      : v instanceof Uint8Array
        ? `b'${[...v].map((b) => b.toString(16).padStart(2, "0")).join("")}'`
        : v,
  );
  return text.replace(/(-?\d{12})\d{20,}/g, (_m, head: string) => `${head}…`);
}
