/**
 * Exporter compliance: every exporter, asked every request (each base
 * request with and without WRITABLE and FORMAT), must answer exactly as
 * PEP 3118 says or refuse with BufferError exactly when it must; its complete
 * answer must be well formed and inside its memory; and it takes back what it
 * gave. Run on the suite's own test exporter (which checks the checker), on a
 * memoryview re-exporting test exporters of every layout, on the
 * implementation's exporters, and on the built-in JavaScript objects.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import { assertWellFormedFullInfo } from "../../check/buffer-info-validity.js";
import { checkRequest } from "../../check/request-compliance.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { allRequests, BufferFlags } from "../../protocol/flags.js";
import {
  builtinExporters,
  implementationExporters,
  randomExporter,
  supportedFormats,
  symbolAccess,
  SIMPLE_FORMATS,
  type ExporterAccess,
} from "../exporter-fixtures.js";
import type { GroupDefinition } from "../../group-definition.js";

// The random streams keep the group's old name, so a seed draws the same cases as before.
const STREAM = "getbuffer-flags";

function fullOf(access: ExporterAccess): ReturnType<ExporterAccess["make"]> & { full: BufferInfo } {
  const made = access.make();
  const full = made.get(BufferFlags.FULL_RO);
  return { ...made, full };
}

/**
 * Checks one exporter against all requests: one case for its complete
 * answer, one per request. The module's own exporters have its native sizes
 * (`ownSizes`); the suite's, the contract's.
 */
export function checkExporter(ctx: Context, access: ExporterAccess, strictObj: boolean, ownSizes = false): void {
  ctx.test(`${access.label}: FULL_RO answer is well formed`, () => {
    const { full, release } = fullOf(access);
    assertWellFormedFullInfo(full, access.label, ownSizes ? ctx.supports.dataModel : "LP64");
    release(full);
  });
  for (const request of allRequests()) {
    ctx.test(`${access.label}: ${request.name}`, () => {
      const { full, get, release, obj } = fullOf(access);
      release(full);
      checkRequest(get, release, full, request.flags, `${access.label} ${request.name}`, strictObj ? { obj } : {});
    });
  }
}

/** The suite's own test exporter, in every layout: checks the checker and the tool. */
export function testExporters(ctx: Context): void {
  const rng = ctx.rng(`${STREAM}/test-exporter`);
  const count = Math.max(4, Math.round(24 * ctx.scale));
  for (let i = 0; i < count; i++) {
    const seedOfCase = rng.next();
    const make = () => randomExporter(ctx.rng(`${STREAM}/test-exporter/${seedOfCase}`), { maxDim: 3, formats: SIMPLE_FORMATS });
    checkExporter(ctx, symbolAccess(`test exporter #${i} ${make().describe()}`, make), true);
  }
}

/** A memoryview re-exporting test exporters: it must answer as its exporter would. */
export function memoryviewReexport(ctx: Context): void {
  if (!ctx.has("memoryview")) {
    ctx.skip(`memoryview re-export`, "the module exports no memoryview");
    return;
  }
  const rng = ctx.rng(`${STREAM}/memoryview`);
  const count = Math.max(4, Math.round(48 * ctx.scale));
  const formats = supportedFormats(ctx).filter((f) => !f.includes("e") || ctx.supports.formats.includes("e"));
  for (let i = 0; i < count; i++) {
    const seedOfCase = rng.next();
    const make = () =>
      randomExporter(ctx.rng(`${STREAM}/memoryview/${seedOfCase}`), {
        maxDim: Math.min(3, ctx.supports.maxNdim),
        formats,
        pil: ctx.supports.suboffsets ? undefined : false,
      });
    checkExporter(
      ctx,
      symbolAccess(`memoryview #${i} of ${make().describe()}`, () => ctx.memoryview(make())),
      true,
    );
  }
}

/** The implementation's exporters. */
export function ownExporters(ctx: Context): void {
  const list = implementationExporters(ctx);
  if (list.length === 0) ctx.skip(`bytes, bytearray, array, buffer`, "the module exports none of them");
  for (const access of list) checkExporter(ctx, access, true, true);
  if (ctx.has("memoryview") && ctx.has("bytes")) {
    for (const access of list.slice(0, 3)) {
      checkExporter(
        ctx,
        symbolAccess(`memoryview of ${access.label}`, () => ctx.memoryview(access.make().obj)),
        true,
        true,
      );
    }
  }
}

/** The built-in JavaScript exporters, through `getBuffer`. */
export function builtins(ctx: Context): void {
  const list = builtinExporters(ctx);
  if (list.length === 0) ctx.skip(`built-in JavaScript objects`, "the module exports no getBuffer");
  for (const access of list) checkExporter(ctx, access, false);
}

/** The `protocol/flags` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "protocol/flags",
  about:
    "every exporter asked every request (40 flag combinations): refused exactly when it must be, each field filled or null as asked, well formed, released",
  entries: [
    { needs: [], cases: testExporters },
    { needs: ["memoryview"], cases: memoryviewReexport },
    { needs: [{ anyOf: ["bytes", "bytearray", "array", "buffer"] }], cases: ownExporters },
  ],
};
