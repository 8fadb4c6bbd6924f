/**
 * The `struct/Struct` group's recorded cases: every recorded call again
 * through a `Struct` object, with the same values and errors.
 *
 * @packageDocumentation
 */

import { assertSameValue } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { golden, type GoldenStructCase } from "../../golden/golden-data.js";
import { checkRecorded } from "./recorded-calls.js";
import { dataModelGate } from "./data-model-gate.js";
import type { StructModuleLike } from "../../implementation.js";

type StructObject = InstanceType<StructModuleLike["Struct"]>;
/** One recorded case through `new Struct(format)` and its methods. */
export function runWithStruct(Struct: StructModuleLike["Struct"], c: GoldenStructCase): unknown {
  const s: StructObject = new Struct(c.format);
  const args = (c.args ?? []).map(decodeValue);
  switch (c.op) {
    case "calcsize":
      return s.size;
    case "pack":
      return s.pack(...args);
    case "unpack":
      return s.unpack(fromHex(c.bytes ?? ""));
    case "pack_into": {
      const buffer = fromHex(c.buffer ?? "");
      s.packInto(buffer, c.offset ?? 0, ...args);
      return buffer;
    }
    case "unpack_from":
      return s.unpackFrom(fromHex(c.buffer ?? ""), c.offset ?? 0);
    case "iter_unpack":
      return [...s.iterUnpack(fromHex(c.bytes ?? ""))];
  }
}
/** Every recorded case again through a `Struct` object: same values, same errors. */
export function structObjects(ctx: Context): void {
  const Struct = ctx.impl.struct?.Struct;
  if (typeof Struct !== "function") {
    ctx.skip(`Struct`, "the module's struct has no Struct");
    return;
  }
  const gate = dataModelGate(ctx, "recorded calls through Struct");
  golden().struct.forEach((c, i) => {
    if (!gate.applies(c.format)) return;
    const what = `#${i} Struct(${JSON.stringify(c.format)}) ${c.op}`;
    ctx.test(`${what}`, () => {
      checkRecorded(c, () => runWithStruct(Struct, c), what);
      if (!c.error) assertSameValue(new Struct(c.format).format, c.format, `${what}: .format`);
    });
  });
  gate.report();
}
