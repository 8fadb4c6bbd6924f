/**
 * `@mv/conformance`: the conformance suite of the PEP 3118 buffer protocol
 * for JavaScript. Run it inside your own test runner with {@link suite}, or
 * standalone with the `mv-conformance` command.
 *
 * @packageDocumentation
 */
export { suite, GROUPS } from "./suite.js";
export { TOPICS, selectGroups, missingNeed, type GroupDefinition, type GroupEntry, type Need, type Feature } from "./groups.js";
export { resolveImplementation } from "./resolve-implementation.js";
export { loadFixtures, FIXTURE_FILES, type FixtureFile } from "./golden/load-fixture.js";
export { createContext, type Context, type SuiteOptions, type TestFunction, type CaseBody } from "./common.js";
export { readSupports, FULL_SUPPORT, type Supports } from "./supports.js";
export {
  construct,
  ERROR_NAMES,
  type ImplementationModule,
  type MemoryViewLike,
  type StructModuleLike,
  type LegacyBufferLike,
} from "./implementation.js";
export * from "./test-exporter/index.js";
export { GET_BUFFER, RELEASE_BUFFER } from "./protocol/symbols.js";
export { BufferFlags, allRequests } from "./protocol/flags.js";
export type { BufferInfo, Exporter } from "./protocol/buffer-info.js";
export { checkRequest, expectedOutcome } from "./check/request-compliance.js";
export { assertWellFormedFullInfo } from "./check/buffer-info-validity.js";
export { runSuite, countCases, type RunOptions, type RunReport, type CaseResult, type GroupReport } from "./runner/run-suite.js";
