/**
 * The golden object cases: `fixtures/golden_objects.json`, written by
 * `fixtures/golden_objects.py` from CPython's `bytes`, `bytearray` and
 * `array.array` (with CPython 3.14's wording where an older CPython words
 * an error differently; the script lists each rule). Read when a group first asks for it (`load-fixture.ts`).json`.
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

/** The Python types the scenarios build. */
export type GoldenObjectKind = "bytes" | "bytearray" | "array";

/** An object's state after a step: its repr and its length. */
export interface GoldenObjectState {
  /** `repr(obj)`. */
  readonly r?: string;
  /** `len(obj)`. */
  readonly n?: number;
  /** The exception: its name, the contract's message, and the recording CPython's own message when it differs. */
  readonly e?: readonly [string, string, string?];
}

/** One step of a scenario and what CPython did. */
export interface GoldenObjectStep extends GoldenObjectState {
  /** The operation: its name, then its (tagged) arguments. */
  readonly op: readonly [string, ...unknown[]];
  /** The result (tagged), when CPython returned something other than None or a new object. */
  readonly v?: unknown;
  /** The repr of a new object returned (a slice, a copy). */
  readonly o?: string;
}

/** One object and the operations applied to it in turn. */
export interface GoldenObjectScenario {
  /** A unique name: kind/topic/number. */
  readonly id: string;
  /** The type constructed. */
  readonly t: GoldenObjectKind;
  /** `"fromhex"` when built by the type's `fromhex`, else by calling the type. */
  readonly via?: "fromhex";
  /** The constructor's (tagged) arguments. */
  readonly a: readonly unknown[];
  /** The constructed object's state, or the constructor's exception. */
  readonly m: GoldenObjectState;
  /** The steps (absent when the constructor failed). */
  readonly s?: readonly GoldenObjectStep[];
}

/** The repr of a byte string's contents. */
export interface GoldenObjectRepr {
  readonly t: "bytes" | "bytearray";
  readonly hex: string;
  readonly r: string;
}

/** The whole fixture. */
export interface GoldenObjectData {
  readonly python: string;
  readonly platform: string;
  readonly byteorder: string;
  readonly seed: number;
  /** How many times each 3.11 → 3.14 rule of the script applied. */
  readonly rules: Record<string, number>;
  /** `array.typecodes`. */
  readonly typecodes: string;
  readonly reprs: readonly GoldenObjectRepr[];
  readonly scenarios: readonly GoldenObjectScenario[];
}

/**
 * The golden object data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * goldenObjects().typecodes; // returns "bBuwhHiIlLqQfd"
 * ```
 */
export const goldenObjects: () => GoldenObjectData = lazyFixture<GoldenObjectData>("golden_objects.json");
