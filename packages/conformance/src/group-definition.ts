/**
 * What a group of the suite is: a name (`topic/sub-group`), one line on
 * what it checks, and its entries, each a source of cases with the exports
 * it needs and the manifest feature that gates it. Every group file under
 * `cases/<topic>/` exports one `group` of this shape; `groups.ts` lists them.
 *
 * @packageDocumentation
 */

import type { Context } from "./common.js";
import type { ImplementationModule } from "./implementation.js";
import type { Supports } from "./supports.js";

/** An export a group calls: one name, or `{ anyOf }` for a group content with any of several. */
export type Need = keyof ImplementationModule | { readonly anyOf: readonly (keyof ImplementationModule)[] };

/** A manifest key that switches a feature on or off. */
export type Feature = { [K in keyof Supports]: Supports[K] extends boolean ? K : never }[keyof Supports];

/** One source of cases inside a group. */
export interface GroupEntry {
  /** The exports its cases call. */
  readonly needs: readonly Need[];
  /** The manifest feature its cases exercise; when the module declares it false, `refusal` runs instead. */
  readonly feature?: Feature;
  /**
   * Registers the cases. Left out for an entry that is only a refusal twin
   * (the feature's own cases are in the group's other entries, which
   * respect the manifest themselves).
   */
  readonly cases?: (ctx: Context) => void;
  /** The refusal twin: registers cases checking that the undeclared feature is refused cleanly. */
  readonly refusal?: (ctx: Context) => void;
  /** Whether the entry applies at all under this manifest (a twin for a limit the module does not have, say). */
  readonly when?: (supports: Supports) => boolean;
}

/** A group: `topic/sub-group`, what it checks, and its entries. */
export interface GroupDefinition {
  readonly name: string;
  /** One line on what the group checks. */
  readonly about: string;
  readonly entries: readonly GroupEntry[];
}
