/**
 * Golden struct cases: `calcsize`, `pack`, `unpack`, `pack_into`,
 * `unpack_from` and `iter_unpack` outcomes recorded from CPython's `struct`
 * (bytes, values, or the error's name and message).
 *
 * Range-error wording changed between CPython versions (3.11's
 * "ubyte format requires …" became 3.14's "'B' format requires …"), so for
 * those messages only the name is checked; every other message is exact.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt, ConformanceError, errorMatches, showValue } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { StructModuleLike } from "../../implementation.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { golden, type GoldenStructCase } from "../../golden/golden-data.js";
import { dataModelGate } from "./data-model-gate.js";

const VERSION_DEPENDENT = [/format requires/, /argument out of range/, /int too large to convert/];

const FUNCTION_OF: Record<GoldenStructCase["op"], keyof StructModuleLike> = {
  calcsize: "calcsize",
  pack: "pack",
  unpack: "unpack",
  pack_into: "packInto",
  unpack_from: "unpackFrom",
  iter_unpack: "iterUnpack",
};

/** Runs one recorded struct call against the module under test. */
export function runStructCase(struct: Partial<StructModuleLike>, c: GoldenStructCase): unknown {
  const args = (c.args ?? []).map(decodeValue);
  switch (c.op) {
    case "calcsize":
      return struct.calcsize!(c.format);
    case "pack":
      return struct.pack!(c.format, ...args);
    case "unpack":
      return struct.unpack!(c.format, fromHex(c.bytes ?? ""));
    case "pack_into": {
      const buffer = fromHex(c.buffer ?? "");
      struct.packInto!(c.format, buffer, c.offset ?? 0, ...args);
      return buffer;
    }
    case "unpack_from":
      return struct.unpackFrom!(c.format, fromHex(c.buffer ?? ""), c.offset ?? 0);
    case "iter_unpack":
      return [...struct.iterUnpack!(c.format, fromHex(c.bytes ?? ""))];
  }
}

/** A recorded struct call, written as Python would call it. */
export function describeStructCase(c: GoldenStructCase): string {
  const args = (c.args ?? []).map((a) => JSON.stringify(a));
  const input = c.op === "unpack" || c.op === "iter_unpack";
  const data = input ? [`b"${c.bytes}"`] : c.buffer !== undefined ? [`b"${c.buffer}"`, String(c.offset)] : [];
  return `${c.op}(${[JSON.stringify(c.format), ...data, ...args].join(", ")})`;
}

/**
 * Checks one call against its recorded CPython outcome: the value (bytes
 * for pack, a size for calcsize, the values otherwise) or the error, whose
 * message is compared except where only its wording changed since 3.11.
 * `call` makes the call however the caller reaches struct (module functions,
 * a `Struct` object, another kind of buffer).
 */
export function checkRecorded(c: GoldenStructCase, call: () => unknown, what: string): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!c.error) {
      const thrown = `${(error as Error)?.name}: ${(error as Error)?.message}`;
      throw new ConformanceError(`${what}: threw ${thrown}`, { expected: "no error", actual: thrown });
    }
    const [name, message] = c.error;
    const loose = VERSION_DEPENDENT.some((re) => re.test(message));
    if (!errorMatches(error, loose ? { name } : { name, message })) {
      const detail = { expected: `${name}: ${message}`, actual: `${(error as Error)?.name}: ${(error as Error)?.message}` };
      throw new ConformanceError(`${what}: expected ${detail.expected}, got ${detail.actual}`, detail);
    }
    return;
  }
  if (c.error) {
    const detail = { expected: `${c.error[0]}: ${c.error[1]}`, actual: `returned ${showValue(result)}` };
    throw new ConformanceError(`${what}: expected ${detail.expected}, ${detail.actual}`, detail);
  }
  if (c.op === "calcsize") assertSameValue(result, c.value, what);
  else if (c.op === "pack" || c.op === "pack_into") assertSameValue(result, fromHex((c as { bytes?: string }).bytes ?? ""), what);
  else
    assertSameValue(
      attempt(() => Array.from(result as unknown[]), what),
      decodeValue(c.values),
      what,
    );
}

/** The recorded cases of the functions `ops` names (numbered across all of them, so a case keeps its number). */
export function recorded(ctx: Context, ops: readonly GoldenStructCase["op"][]): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  const missing = new Set<string>();
  const gate = dataModelGate(ctx, `recorded ${ops.join(", ")}`);
  golden().struct.forEach((c, i) => {
    if (!ops.includes(c.op) || !gate.applies(c.format)) return;
    const fn = FUNCTION_OF[c.op];
    if (typeof struct[fn] !== "function") {
      missing.add(fn);
      return;
    }
    const what = `#${i} ${describeStructCase(c)}`;
    ctx.test(`${what}`, () => checkRecorded(c, () => runStructCase(struct, c), what));
  });
  for (const fn of missing) ctx.skip(`${fn}`, `the module's struct has no ${fn}`);
  gate.report();
}
