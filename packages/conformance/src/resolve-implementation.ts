/**
 * How the suite finds the contract's names in a module: as the adapter
 * exports them (`struct`, `capi`, `legacyCapi` objects), or at the top level
 * of the module, as a library such as `@mv/core` exports its functions
 * (`calcsize`, `pack`, `getPointer`, …). Without this, a module whose struct
 * functions sit at its top level would have none of its struct cases run.
 *
 * @packageDocumentation
 */

import { CAPI_NAMES, type ImplementationModule } from "./implementation.js";

/** The struct module's names, as the contract spells them. */
export const STRUCT_NAMES = ["calcsize", "pack", "unpack", "packInto", "unpackFrom", "iterUnpack", "Struct"] as const;

/** Python 2.7's old-buffer helpers, as the contract spells them. */
export const LEGACY_CAPI_NAMES = ["asReadBuffer", "asWriteBuffer", "asCharBuffer", "checkReadBuffer"] as const;

/** The names that mark a namespace as the module itself rather than a wrapper around a default export. */
const CONTRACT_MARKERS = ["memoryview", "struct", "bytes", "buffer", "getBuffer", "MemoryView", "capi", ...STRUCT_NAMES] as const;

type Namespace = Record<string, unknown>;

/**
 * The members of `source` among `names` that are functions (and, for the C
 * API, the `POINTER_SIZE` constant), or undefined when there is none.
 */
function gather(source: Namespace, names: readonly string[], constants: readonly string[] = []): Namespace | undefined {
  const entries: [string, unknown][] = [];
  for (const name of names) if (typeof source[name] === "function") entries.push([name, source[name]]);
  for (const name of constants) if (typeof source[name] === "number") entries.push([name, source[name]]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** An object member, or the top-level functions of the same names, the member winning name by name. */
function member(
  module: Namespace,
  key: string,
  names: readonly string[],
  constants: readonly string[] = [],
): Namespace | undefined {
  const own = module[key];
  const topLevel = gather(module, names, constants);
  if (own !== undefined && (typeof own !== "object" || own === null)) return own as Namespace;
  if (own === undefined) return topLevel;
  return topLevel === undefined ? (own as Namespace) : { ...topLevel, ...(own as Namespace) };
}

/**
 * The module under test as the suite reads it: its default export when the
 * namespace itself holds none of the contract's names (a CommonJS module, or
 * an adapter exporting one object), then `struct`, `capi` and `legacyCapi`
 * completed from the module's top-level functions of the same names.
 *
 * @param namespace - a module namespace, or an adapter object
 * @returns the implementation module
 *
 * @example
 * ```ts
 * const impl = resolveImplementation(await import("@mv/core"));
 * typeof impl.struct?.pack; // returns "function": core exports pack at its top level
 * ```
 */
export function resolveImplementation(namespace: object): ImplementationModule {
  let module = namespace as Namespace;
  const fallback = module.default;
  const marked = CONTRACT_MARKERS.some((name) => name in module);
  if (!marked && typeof fallback === "object" && fallback !== null) module = fallback as Namespace;
  const struct = member(module, "struct", STRUCT_NAMES);
  const capi = member(module, "capi", CAPI_NAMES, ["POINTER_SIZE"]);
  const legacyCapi = member(module, "legacyCapi", LEGACY_CAPI_NAMES);
  if (struct === module.struct && capi === module.capi && legacyCapi === module.legacyCapi) {
    return module as ImplementationModule;
  }
  // A plain copy: a module namespace is frozen, and getters (an adapter's
  // lazily computed members) are read once here, as the suite would read them.
  const resolved: Namespace = {};
  for (const key of Object.keys(module)) resolved[key] = module[key];
  if (struct !== undefined) resolved.struct = struct;
  if (capi !== undefined) resolved.capi = capi;
  if (legacyCapi !== undefined) resolved.legacyCapi = legacyCapi;
  return resolved as ImplementationModule;
}
