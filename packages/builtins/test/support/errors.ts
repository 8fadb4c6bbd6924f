/**
 * Checks a thrown error by `name` and message, as the contract asks
 * (§3: tests check both).
 */
import { expect } from "vitest";

/** Expects `fn` to throw an error named `name` with exactly `message`. */
export function expectThrows(fn: () => unknown, name: string, message: string | RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${name}`).toBeInstanceOf(Error);
  expect((caught as Error).name).toBe(name);
  if (typeof message === "string") expect((caught as Error).message).toBe(message);
  else expect((caught as Error).message).toMatch(message);
}
