/**
 * The `struct/pack_into-unpack_from` group: pack_into and unpack_from
 * recorded from CPython, over every kind of buffer and offset, refused
 * targets, failed writes, every export given back.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import * as recordedCalls from "./recorded-calls.js";
import * as exporterArguments from "./exporter-arguments.js";
import * as buffersAndOffsets from "./buffers-and-offsets.js";

const struct = (ctx: Context) => ctx.impl.struct!;

/** The `struct/pack_into-unpack_from` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/pack_into-unpack_from",
  about:
    "pack_into and unpack_from recorded from CPython, over every kind of buffer and offset, refused targets, failed writes, every export given back",
  entries: [
    { needs: ["struct"], cases: (ctx) => recordedCalls.recorded(ctx, ["pack_into", "unpack_from"]) },
    {
      needs: ["struct"],
      feature: "structArguments",
      cases: (ctx) => {
        exporterArguments.exporterOffsets(ctx, struct(ctx));
        exporterArguments.exporterRefusals(ctx, struct(ctx));
        exporterArguments.packIntoArity(ctx, struct(ctx));
        buffersAndOffsets.bufferKindsGroup(ctx);
        buffersAndOffsets.argumentKinds(ctx);
        if (!buffersAndOffsets.hasFunctions(struct(ctx))) {
          ctx.skip("less common paths", "the module's struct lacks pack, unpack, unpackFrom or packInto");
          return;
        }
        buffersAndOffsets.failedWrites(ctx);
        buffersAndOffsets.pointerValues(ctx);
        buffersAndOffsets.resizedBuffers(ctx);
        buffersAndOffsets.detachedAndRefused(ctx);
      },
    },
  ],
};
