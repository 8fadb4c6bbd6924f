/**
 * `@mv/core`: the buffer protocol of PEP 3118 for JavaScript.
 *
 * @packageDocumentation
 */
export * from "./errors.js";
export * from "./codec/index.js";
export * from "./struct/index.js";
export * from "./protocol/index.js";
export * from "./exporters/index.js";
export * from "./view/index.js";
