/** Error assertions that check both `name` and message, as STYLE asks. */

import { expect } from "vitest";

export function expectError(fn: () => unknown, name: string, message?: string | RegExp): Error {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${name} to be thrown`).toBeInstanceOf(Error);
  const error = caught as Error;
  expect(error.name).toBe(name);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}
