/**
 * Setup file of the `interpreter` vitest project: forces the struct
 * interpreter in the test's worker before any format is compiled, so that
 * the same test cases run through the generated functions (the default
 * project) and through the interpreter (this one).
 */
import { FORCE_INTERPRETER } from "../src/codec/code-generation.js";

(globalThis as { [FORCE_INTERPRETER]?: boolean })[FORCE_INTERPRETER] = true;
