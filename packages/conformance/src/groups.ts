/**
 * The suite's groups, by topic, and what each needs: the one place that
 * says which exports a group calls and which manifest feature gates it.
 *
 * A group is `topic/sub-group` (`memoryview/slicing`) and is made of
 * entries, each drawing its cases from one source (recorded golden data or
 * seeded random cases), so one group mixes both. An entry runs when the
 * module has what it needs (else it is reported skipped, with the reason,
 * never passed); an entry gated by a feature the module's `supports`
 * manifest declares false runs its refusal twin instead, which checks that
 * the module refuses that feature cleanly (abstract-level's pattern).
 *
 * @packageDocumentation
 */

import type { GroupDefinition, Need } from "./group-definition.js";
import type { ImplementationModule } from "./implementation.js";
import { group as manifest } from "./cases/manifest.js";
import { group as protocolFlags } from "./cases/protocol/flags.js";
import { group as protocolRequests } from "./cases/protocol/requests.js";
import { group as protocolValidation } from "./cases/protocol/validation.js";
import { group as protocolRelease } from "./cases/protocol/release.js";
import { group as protocolBuiltinExporters } from "./cases/protocol/builtin-exporters.js";
import { group as protocolBoundedWork } from "./cases/protocol/bounded-work.js";
import { group as memoryviewAttributes } from "./cases/memoryview/attributes.js";
import { group as memoryviewIndexing } from "./cases/memoryview/indexing.js";
import { group as memoryviewSlicing } from "./cases/memoryview/slicing.js";
import { group as memoryviewCast } from "./cases/memoryview/cast.js";
import { group as memoryviewCompare } from "./cases/memoryview/compare.js";
import { group as memoryviewHash } from "./cases/memoryview/hash.js";
import { group as memoryviewHex } from "./cases/memoryview/hex.js";
import { group as memoryviewTolistTobytes } from "./cases/memoryview/tolist-tobytes.js";
import { group as memoryviewCountIndex } from "./cases/memoryview/count-index.js";
import { group as memoryviewLifetime } from "./cases/memoryview/lifetime.js";
import { group as memoryviewUserCode } from "./cases/memoryview/user-code.js";
import { group as structCalcsize } from "./cases/struct/calcsize.js";
import { group as structPack } from "./cases/struct/pack.js";
import { group as structUnpack } from "./cases/struct/unpack.js";
import { group as structPackIntoUnpackFrom } from "./cases/struct/pack_into-unpack_from.js";
import { group as structIterUnpack } from "./cases/struct/iter_unpack.js";
import { group as structStruct } from "./cases/struct/Struct.js";
import { group as structErrors } from "./cases/struct/errors.js";
import { group as structPep3118 } from "./cases/struct/pep3118.js";
import { group as structComplex } from "./cases/struct/complex.js";
import { group as objectsTypes } from "./cases/objects/types.js";
import { group as objectsBytes } from "./cases/objects/bytes.js";
import { group as objectsBytearray } from "./cases/objects/bytearray.js";
import { group as objectsArray } from "./cases/objects/array.js";
import { group as objectsExports } from "./cases/objects/exports.js";
import { group as legacyBuffer } from "./cases/legacy/buffer.js";
import { group as legacyCapi } from "./cases/legacy/capi.js";
import { group as numpyItems } from "./cases/numpy/items.js";
import { group as numpyShape } from "./cases/numpy/shape.js";
import { group as numpySlicing } from "./cases/numpy/slicing.js";
import { group as numpyCopies } from "./cases/numpy/copies.js";
import { group as numpyPil } from "./cases/numpy/pil.js";
import { group as numpyLifetime } from "./cases/numpy/lifetime.js";
import { group as capiPointers } from "./cases/capi/pointers.js";
import { group as capiContiguous } from "./cases/capi/contiguous.js";
import { group as capiCopies } from "./cases/capi/copies.js";
import { group as capiFillInfo } from "./cases/capi/fill-info.js";

export type { Feature, GroupDefinition, GroupEntry, Need } from "./group-definition.js";

/** Every group, in the order they run: each defined in its own file under `cases/<topic>/`. */
export const GROUPS: readonly GroupDefinition[] = [
  manifest,
  protocolFlags,
  protocolRequests,
  protocolValidation,
  protocolRelease,
  protocolBuiltinExporters,
  protocolBoundedWork,
  memoryviewAttributes,
  memoryviewIndexing,
  memoryviewSlicing,
  memoryviewCast,
  memoryviewCompare,
  memoryviewHash,
  memoryviewHex,
  memoryviewTolistTobytes,
  memoryviewCountIndex,
  memoryviewLifetime,
  memoryviewUserCode,
  structCalcsize,
  structPack,
  structUnpack,
  structPackIntoUnpackFrom,
  structIterUnpack,
  structStruct,
  structErrors,
  structPep3118,
  structComplex,
  objectsTypes,
  objectsBytes,
  objectsBytearray,
  objectsArray,
  objectsExports,
  legacyBuffer,
  legacyCapi,
  numpyItems,
  numpyShape,
  numpySlicing,
  numpyCopies,
  numpyPil,
  numpyLifetime,
  capiPointers,
  capiContiguous,
  capiCopies,
  capiFillInfo,
];

/** The topics, in order: the part of each group name before the slash. */
export const TOPICS: readonly string[] = [...new Set(GROUPS.map((g) => g.name.split("/")[0]!))];

/**
 * Why an entry cannot run against `impl`, or null when it can.
 *
 * @example
 * ```ts
 * missingNeed({}, ["memoryview"]); // returns "the module exports no memoryview"
 * ```
 */
export function missingNeed(impl: ImplementationModule, needs: readonly Need[]): string | null {
  const has = (name: keyof ImplementationModule) => impl[name] !== undefined && impl[name] !== null;
  for (const need of needs) {
    if (typeof need === "string") {
      if (!has(need)) return `the module exports no ${need}`;
    } else if (!need.anyOf.some(has)) {
      return `the module exports none of ${need.anyOf.join(", ")}`;
    }
  }
  return null;
}

/**
 * The groups a selection names: each name is a group (`memoryview/slicing`)
 * or a topic (`memoryview`, all its groups). Throws a RangeError naming an
 * unknown one.
 *
 * @example
 * ```ts
 * selectGroups(["struct/pack", "capi"]).length; // returns 5
 * selectGroups(["nope"]); // throws RangeError: unknown group 'nope'
 * ```
 */
export function selectGroups(names: readonly string[] | undefined): readonly GroupDefinition[] {
  if (names === undefined) return GROUPS;
  for (const name of names) {
    if (!GROUPS.some((g) => g.name === name) && !TOPICS.includes(name)) throw new RangeError(`unknown group '${name}'`);
  }
  return GROUPS.filter((g) => names.includes(g.name) || names.includes(g.name.split("/")[0]!));
}
