/**
 * The gate of cases recorded on LP64 (CPython on 64-bit Linux): where the
 * module declares another data model (`supports.dataModel`), a recorded
 * case whose format's native sizes differ is left out and counted, and
 * each source of cases reports the count as skipped, with the reason. The
 * ILP32 twins are computed exactly elsewhere (the byte model's layouts,
 * the range errors, the ssize_t bounds of offsets), never guessed.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import { dependsOnDataModel, ssizeRange } from "../../model/data-model.js";
import type { GoldenOffsetCase } from "../../golden/golden-data.js";
import { decodeValue } from "../../golden/decode-value.js";

/** Counts the recorded cases one source leaves out under the module's data model. */
export interface DataModelGate {
  /** Whether a case recorded on LP64 with this format applies to the module (counted when not). */
  applies(format: string): boolean;
  /** Reports the cases left out, if any, as one skipped line. */
  report(): void;
}

/**
 * The gate for one source of recorded cases (`what` names them in the skip line).
 *
 * @example
 * ```ts
 * const gate = dataModelGate(ctx, "recorded calls");
 * golden().struct.forEach((c) => { if (gate.applies(c.format)) register(c); });
 * gate.report(); // "recorded calls: 412 cases (skipped: …)" under ILP32
 * ```
 */
export function dataModelGate(ctx: Context, what: string): DataModelGate {
  const lp64 = ctx.supports.dataModel === "LP64";
  let withheld = 0;
  return {
    applies(format) {
      if (lp64 || !dependsOnDataModel(format)) return true;
      withheld++;
      return false;
    },
    report() {
      if (withheld === 0) return;
      const reason = `recorded on LP64, their native l L n N P sizes differ under the module's dataModel ${ctx.supports.dataModel}`;
      ctx.skip(`${what}: ${withheld} case${withheld === 1 ? "" : "s"}`, reason);
    },
  };
}

/** The two recorded outcomes of an offset: `unpack_from('<2B', …)` and `pack_into('<B', …)`. */
type OffsetOutcomes = Pick<GoldenOffsetCase, "unpack_from" | "pack_into">;

/**
 * What CPython answers for an offset under the module's data model: the
 * recorded (LP64) outcomes, except for an integer offset outside the
 * model's `Py_ssize_t` that LP64 could still convert, which gets the
 * outcomes recorded for an offset no `Py_ssize_t` holds (2**63: an
 * OverflowError from unpack_from, an IndexError from pack_into), as CPython
 * on wasm32 answers.
 *
 * @example
 * ```ts
 * offsetOutcomes(ctx, golden().struct_offsets, c); // c's own outcomes under LP64
 * ```
 */
export function offsetOutcomes(ctx: Context, all: readonly GoldenOffsetCase[], c: GoldenOffsetCase): OffsetOutcomes {
  const offset = decodeValue(c.offset);
  if (typeof offset !== "bigint" && typeof offset !== "number") return c;
  if (typeof offset === "number" && !Number.isInteger(offset)) return c;
  const [lo, hi] = ssizeRange(ctx.supports.dataModel);
  const value = BigInt(offset);
  if (value >= lo && value <= hi) return c;
  const [lp64lo, lp64hi] = ssizeRange("LP64");
  const beyond = all.find((o) => {
    const v = decodeValue(o.offset);
    return typeof v === "bigint" && (v > lp64hi || v < lp64lo);
  });
  if (beyond === undefined) throw new Error("golden data: no recorded offset beyond Py_ssize_t");
  return { unpack_from: beyond.unpack_from, pack_into: beyond.pack_into };
}
