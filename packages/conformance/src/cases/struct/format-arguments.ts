/**
 * The `struct/calcsize` group's format arguments: `struct.calcsize` with
 * non-ASCII strings, bytes (longer than 8 KiB too) and other types.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue } from "../../golden/decode-value.js";
import { goldenFormats } from "../../golden/golden-formats-data.js";
import type { Test } from "./pep3118-formats.js";

/** `struct.calcsize` with non-ASCII strings, bytes (longer than 8 KiB too) and other types. */
export function formatArguments(ctx: Context): void {
  const t: Test = (name, body) => ctx.test(`${name}`, body);
  const calcsize = ctx.impl.struct?.calcsize as ((format: unknown) => number) | undefined;
  if (!calcsize) {
    ctx.skip(`format arguments`, "the module exports no struct.calcsize");
    return;
  }
  if (!ctx.supports.structArguments) {
    ctx.skip(`format arguments`, "the module declares structArguments: false");
    return;
  }
  goldenFormats().format_args.forEach((rec, i) => {
    const format = decodeValue(rec.format);
    const shown = format instanceof Uint8Array ? `bytes(${format.length})` : JSON.stringify(format);
    const what = `format argument #${i} calcsize(${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown})`;
    t(what, () => {
      if (rec.error) {
        const [name, message] = rec.error;
        assertThrows(() => calcsize(format), { name, message }, what);
      } else {
        assertSameValue(
          attempt(() => calcsize(format), what),
          rec.size,
          what,
        );
      }
    });
  });
}
