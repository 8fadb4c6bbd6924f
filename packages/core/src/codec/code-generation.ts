/**
 * Whether the struct compiler may build a function per format with
 * `new Function`: decided once, the first time a format is compiled.
 *
 * A page whose Content Security Policy forbids `'unsafe-eval'` (or a runtime
 * without eval) makes `new Function` throw; the codec then keeps to the
 * interpreter (the plans of `pack.ts` and `unpack.ts`), which gives the same
 * results and errors, only more slowly where call sites go megamorphic.
 *
 * `Struct` asks for the generated functions ({@link withGeneratedFunctions});
 * the codec's other readers keep the interpreter, so that a bundle without
 * `Struct` (only `MemoryView`, say) carries no code generator.
 *
 * Tests, benchmarks and the conformance suite run both paths: the internal
 * {@link setCodeGeneration} switch (not exported by the package), or, for a
 * whole process, a global `Symbol.for("@mv/core.struct.interpreter")` set to
 * `true` before the first format is compiled (`node --import` of a module
 * that sets it). Neither is public API.
 *
 * @packageDocumentation
 */

import type { CompiledFormat, CompiledReader } from "./compile.js";
import { generatePacker, generatePositionalPacker } from "./generated-pack.js";
import { generateUnpacker } from "./generated-unpack.js";

/**
 * The global flag that forces the interpreter in a whole process, read once.
 *
 * @example
 * ```ts
 * FORCE_INTERPRETER === Symbol.for("@mv/core.struct.interpreter"); // returns true
 * ```
 */
export const FORCE_INTERPRETER: unique symbol = Symbol.for("@mv/core.struct.interpreter") as never;

/** Whether this runtime lets `new Function` build code (false under a strict CSP). */
function runtimeAllowsEval(): boolean {
  try {
    return new Function("return 1")() === 1;
  } catch {
    return false;
  }
}

let decided: boolean | undefined;

/**
 * Whether formats compiled now get generated functions: the runtime allows
 * `new Function` and no switch forces the interpreter. Decided on the first
 * call, then remembered.
 *
 * @example
 * ```ts
 * typeof codeGenerationEnabled(); // returns "boolean"
 * ```
 */
export function codeGenerationEnabled(): boolean {
  if (decided === undefined) {
    const forced = (globalThis as { [FORCE_INTERPRETER]?: unknown })[FORCE_INTERPRETER] === true;
    decided = !forced && runtimeAllowsEval();
  }
  return decided;
}

/**
 * Internal switch for tests and benchmarks: `false` makes the formats
 * compiled from now on use the interpreter; `true` lets them be generated
 * again where the runtime allows it. Formats compiled before keep their path
 * (the caches of `@mv/core` may hold them: clear them with `clearCache()`).
 * Returns whether generation was enabled before.
 *
 * @example
 * ```ts
 * const before = setCodeGeneration(false); setCodeGeneration(before); codeGenerationEnabled() === before; // returns true
 * ```
 */
export function setCodeGeneration(enabled: boolean): boolean {
  const before = codeGenerationEnabled();
  decided = enabled && runtimeAllowsEval();
  return before;
}

/**
 * `compiled` with functions generated for its format in place of the
 * interpreter's (`unpackAt`, `packAt`, `writeAt`), where generation is
 * enabled and the format is not too long for it; else `compiled` itself.
 *
 * @example
 * ```ts
 * withGeneratedFunctions(compileFormat("<iid")).unpackAt(new DataView(new ArrayBuffer(16)), 0); // returns [0, 0, 0]
 * ```
 */
export function withGeneratedFunctions(compiled: CompiledFormat): CompiledFormat {
  if (!codeGenerationEnabled()) return compiled;
  const unpackAt = generateUnpacker(compiled.codes, compiled.len, compiled.size);
  const packAt = unpackAt === null ? null : generatePacker(compiled.codes, compiled.size);
  if (unpackAt === null || packAt === null) return compiled;
  // The generated packer leaves what zeroing and then packing leave, so it
  // serves both over zeroed bytes (packAt) and over any bytes (writeAt).
  const writeArgs = generatePositionalPacker(compiled.codes, compiled.len, compiled.size);
  return Object.freeze({ ...compiled, unpackAt, packAt, writeAt: packAt, writeArgs, generated: true });
}

/**
 * `reader` with an unpack function generated for its format, where the
 * runtime allows it and a function can be generated; else `reader` itself
 * (the interpreter's). The reading half of {@link withGeneratedFunctions}:
 * it carries no pack generator.
 *
 * @example
 * ```ts
 * withGeneratedUnpacker(compileReader("<h")).unpackAt(new DataView(new ArrayBuffer(2)), 0); // returns [0]
 * ```
 */
export function withGeneratedUnpacker(reader: CompiledReader): CompiledReader {
  if (!codeGenerationEnabled()) return reader;
  const unpackAt = generateUnpacker(reader.codes, reader.len, reader.size);
  return unpackAt === null ? reader : Object.freeze({ ...reader, unpackAt });
}
