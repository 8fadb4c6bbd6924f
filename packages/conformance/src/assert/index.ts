/**
 * The suite's checks, free of any assertion library.
 *
 * @packageDocumentation
 */
export { ConformanceError } from "./assertion-error.js";
export { showValue } from "./show-value.js";
export { isSameValue, assertSameValue, assertTrue } from "./same-value.js";
export { assertThrows, attempt, errorMatches, type ExpectedError } from "./expect-error.js";
export { outcome, showOutcome, type Outcome } from "./outcome.js";
