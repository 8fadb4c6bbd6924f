/**
 * The user-code harness: runs an operation with a hook at a point where
 * user code runs in its middle (a value's getter, a Proxy trap, a source's
 * GET_BUFFER or RELEASE_BUFFER, a step of an iteration), the hook doing one
 * thing to the memory the operation works on (release the view, detach the
 * buffer, shrink it, grow WebAssembly memory; the builtins add resizing a
 * bytearray or array), and checks what follows against the one rule: the
 * operation fails with the right error (or, where CPython succeeds, gives
 * the right result in the memory as it now is), nothing is written to
 * memory that no longer backs the object, the guard bytes around the target
 * stay as they were, and every export taken is released.
 *
 * Operations × actions × points are a table: a new operation is one row.
 * Each package's test file supplies its own targets and rows; this module
 * holds the memory, the actions, the hook and the checks.
 */
/** What the harness needs of vitest (the caller's: this package has no dependency of its own). */
export interface Vitest {
  expect: (
    actual: unknown,
    message?: string,
  ) => {
    toEqual(expected: unknown): void;
    toBe(expected: unknown): void;
    toMatch(expected: string | RegExp): void;
    toBeGreaterThan(expected: number): void;
    not: {
      toBeNull(): void;
    };
  };
  test: {
    each<T extends readonly unknown[]>(cases: readonly T[]): (name: string, body: (...args: T) => void) => void;
  };
}
/** Bytes laid either side of the target's bytes, that nothing may touch. */
export declare const GUARD = 16;
/** The target's own bytes. */
export declare const SIZE = 16;
/** The value every target byte starts with, and every guard byte keeps. */
export declare const FILL = 90;
/** What a hook does to the memory behind the operation. */
export type Action = "release" | "detach" | "shrink" | "grow" | "resize";
/** How the memory is allocated, which decides what a hook can do to it. */
export type MemoryKind = "plain" | "resizable" | "wasm";
/** The actions each kind of memory can suffer (release applies to every view). */
export declare const ACTIONS_OF: Readonly<Record<MemoryKind, readonly Action[]>>;
/**
 * GUARD + SIZE + GUARD bytes of one kind of memory, every byte FILL, and
 * what a hook may do to them. `current()` is the memory that backs the
 * target now (a grown wasm memory's new buffer), `left()` the bytes that
 * were there and are no longer the target's (the detached buffer's moved
 * contents, a shrunk buffer's remains), for checking nothing lands there.
 */
export declare class Memory {
  readonly kind: MemoryKind;
  readonly wasm: WebAssembly.Memory | null;
  /** The buffer the target was made over. */
  readonly original: ArrayBuffer;
  /** The contents of the original buffer when the hook ran, taken just before it acted. */
  atHook: Uint8Array | null;
  /** The bytes a detach moved out (structuredClone's transfer keeps them). */
  moved: ArrayBuffer | null;
  constructor(kind: MemoryKind);
  /** The memory that backs the target now. */
  current(): ArrayBuffer;
  /** The target's SIZE bytes, as they are now. */
  target(): Uint8Array;
  /** Does `action` to the memory (release is the caller's: it needs the view). */
  act(action: Action): void;
  /**
   * Asserts the guard bytes are FILL wherever they still exist, and that
   * memory which stopped backing the target holds what it held when the
   * hook ran.
   */
  assertUntouched(expect: Vitest["expect"], action: Action | null): void;
}
/** The error an operation must throw, by name and (part of its) message; or null for success. */
export interface Expected {
  readonly name: string;
  readonly message?: string | RegExp;
}
/** CPython's message for a released view. */
export declare const RELEASED = "operation forbidden on released memoryview object";
/** The error each action leads to unless a row says otherwise (grow: success). */
export declare function defaultExpected(action: Action): Expected | null;
/**
 * One operation run with a hook: `run` makes the target over `memory`,
 * puts `hook` where the point says, runs the operation and returns its
 * result; `check` asserts what a successful run left.
 */
export interface Scenario<T> {
  /** The target (whatever the row needs to release it and to check). */
  readonly target: T;
  /** Runs the operation; the hook is placed inside. */
  run(hook: () => void): unknown;
}
/** One row of the table: an operation, the points user code runs at in it, and its checks. */
export interface Row<T> {
  /** The operation, as a user writes it. */
  readonly op: string;
  /** The kinds of memory the row runs over (default all). */
  readonly memories?: readonly MemoryKind[];
  /** The actions the row runs (default all its memory's). */
  readonly actions?: readonly Action[];
  /** The points user code can run at, each making a scenario over fresh memory. */
  readonly points: Readonly<Record<string, (memory: Memory) => Scenario<T>>>;
  /** Releases the target (the "release" action). */
  release(target: T): void;
  /** Asserts the result of a successful run (grow; or a row's success). */
  check(memory: Memory, result: unknown, target: T): void;
  /** The error an action must give where it is not {@link defaultExpected}'s. */
  expected?(action: Action, point: string): Expected | null | undefined;
  /** Asserts every export the run took was released (default: nothing to check). */
  balanced?(target: T): void;
  /** Does an action the memory cannot ("resize": a bytearray's), or null to let memory act. */
  act?(action: Action, target: T): boolean;
}
/** A cell of the coverage table: row × action × point. */
export interface Cell {
  readonly op: string;
  readonly memory: MemoryKind;
  readonly action: Action;
  readonly point: string;
}
/** Every cell a table covers (for the coverage count). */
export declare function cellsOf(rows: readonly Row<unknown>[]): Cell[];
/** Runs one cell and asserts the rule. */
export declare function runCell<T>(row: Row<T>, cell: Cell, expect: Vitest["expect"]): void;
/**
 * Declares one test per cell of `rows`, named `op · memory · action · point`,
 * and returns the count of cells (for the coverage line).
 */
export declare function defineHarness<T>(rows: readonly Row<T>[], vitest: Vitest): number;
