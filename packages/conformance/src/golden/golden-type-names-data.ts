/**
 * The golden type names: `fixtures/golden_type_names.json`, written by
 * `fixtures/golden_type_names.py` from CPython: for each Python value (keyed
 * by its type, or "instance:<Name>" for an instance of a class of that name),
 * the TypeError message of each call that refuses it, or null when the call
 * raises no TypeError. Read when a group
 * first asks for it (`load-fixture.ts`).
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

/** The calls recorded, as the fixture script names them. */
export type TypeNameCall =
  | "memoryview"
  | "unpack"
  | "unpack_from"
  | "iter_unpack"
  | "pack_into"
  | "offset_unpack_from"
  | "offset_pack_into";

/** The whole fixture. */
export interface GoldenTypeNameData {
  readonly generator: string;
  readonly python: string;
  /** Python value key, then call, then CPython's TypeError message (null: no TypeError). */
  readonly messages: Readonly<Record<string, Readonly<Record<TypeNameCall, string | null>>>>;
}

/** The recorded messages. */
export const goldenTypeNames: () => GoldenTypeNameData = lazyFixture<GoldenTypeNameData>("golden_type_names.json");
