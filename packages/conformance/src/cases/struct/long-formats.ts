/**
 * The `struct/unpack` group's long formats: more than eight values in
 * every byte order, through the module functions and a `Struct`
 * (`runs` in fixtures/golden_struct_paths.py).
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GoldenStructCase } from "../../golden/golden-data.js";
import { goldenStructPaths } from "../../golden/golden-struct-paths-data.js";
import { checkRecorded } from "./recorded-calls.js";
import { dataModelGate } from "./data-model-gate.js";
import type { StructModuleLike } from "../../implementation.js";
import { runWithModule } from "./buffers-and-offsets.js";
import { runWithStruct } from "./struct-objects.js";

/**
 * Formats of more than eight values (a repeat count of every code in every
 * byte order, alone and before another field) and of eight values after
 * padding: CPython's pack, unpack and unpack_from (at an offset, and from
 * the end), through the module functions and a `Struct` object
 * (`runs` in fixtures/golden_struct_paths.py).
 */
export function longFormats(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike>;
  const Struct = struct.Struct;
  const byFormat = new Map<string, GoldenStructCase[]>();
  for (const c of goldenStructPaths().runs) byFormat.set(c.format, [...(byFormat.get(c.format) ?? []), c]);
  const gate = dataModelGate(ctx, "long formats");
  for (const [format, cases] of byFormat) {
    if (!gate.applies(format)) continue;
    ctx.test(`long format ${JSON.stringify(format)}: pack, unpack and unpack_from`, () => {
      cases.forEach((c, k) => {
        const what = `${JSON.stringify(format)} case ${k} (${c.op}${c.offset === undefined ? "" : ` at ${c.offset}`})`;
        checkRecorded(c, () => runWithModule(struct, c), what);
        if (typeof Struct === "function") checkRecorded(c, () => runWithStruct(Struct, c), `${what} through Struct`);
      });
    });
  }
  gate.report();
}
