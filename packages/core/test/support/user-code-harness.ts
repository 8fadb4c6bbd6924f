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

import { expect, test } from "vitest";

/** Bytes laid either side of the target's bytes, that nothing may touch. */
export const GUARD = 16;
/** The target's own bytes. */
export const SIZE = 16;
/** The value every target byte starts with, and every guard byte keeps. */
export const FILL = 0x5a;

/** What a hook does to the memory behind the operation. */
export type Action = "release" | "detach" | "shrink" | "grow" | "resize";

/** How the memory is allocated, which decides what a hook can do to it. */
export type MemoryKind = "plain" | "resizable" | "wasm";

/** The actions each kind of memory can suffer (release applies to every view). */
export const ACTIONS_OF: Readonly<Record<MemoryKind, readonly Action[]>> = {
  plain: ["release", "detach"],
  resizable: ["release", "shrink"],
  wasm: ["release", "grow"],
};

interface ResizableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}

/**
 * GUARD + SIZE + GUARD bytes of one kind of memory, every byte FILL, and
 * what a hook may do to them. `current()` is the memory that backs the
 * target now (a grown wasm memory's new buffer), `left()` the bytes that
 * were there and are no longer the target's (the detached buffer's moved
 * contents, a shrunk buffer's remains), for checking nothing lands there.
 */
export class Memory {
  readonly kind: MemoryKind;
  readonly wasm: WebAssembly.Memory | null;
  /** The buffer the target was made over. */
  readonly original: ArrayBuffer;
  /** The contents of the original buffer when the hook ran, taken just before it acted. */
  atHook: Uint8Array | null = null;
  /** The bytes a detach moved out (structuredClone's transfer keeps them). */
  moved: ArrayBuffer | null = null;

  constructor(kind: MemoryKind) {
    this.kind = kind;
    const total = GUARD + SIZE + GUARD;
    if (kind === "wasm") {
      this.wasm = new WebAssembly.Memory({ initial: 1, maximum: 4 });
      this.original = this.wasm.buffer;
    } else {
      this.wasm = null;
      const Ctor = ArrayBuffer as unknown as new (n: number, o?: { maxByteLength: number }) => ArrayBuffer;
      this.original = kind === "resizable" ? new Ctor(total, { maxByteLength: 2 * total }) : new Ctor(total);
    }
    new Uint8Array(this.original, 0, total).fill(FILL);
  }

  /** The memory that backs the target now. */
  current(): ArrayBuffer {
    return this.wasm !== null ? this.wasm.buffer : this.original;
  }

  /** The target's SIZE bytes, as they are now. */
  target(): Uint8Array {
    return new Uint8Array(this.current(), GUARD, SIZE);
  }

  /** Does `action` to the memory (release is the caller's: it needs the view). */
  act(action: Action): void {
    const total = GUARD + SIZE + GUARD;
    this.atHook = new Uint8Array(this.current(), 0, Math.min(total, this.current().byteLength)).slice();
    switch (action) {
      case "detach":
        this.moved = structuredClone(this.original, { transfer: [this.original] });
        return;
      case "shrink":
        (this.original as ResizableBuffer).resize(GUARD + 2);
        return;
      case "grow":
        (this.wasm as WebAssembly.Memory).grow(1);
        return;
      default:
        throw new Error(`memory cannot ${action}`);
    }
  }

  /**
   * Asserts the guard bytes are FILL wherever they still exist, and that
   * memory which stopped backing the target holds what it held when the
   * hook ran.
   */
  assertUntouched(action: Action | null): void {
    const total = GUARD + SIZE + GUARD;
    const guards = (bytes: Uint8Array, what: string) => {
      const before = Array.from(bytes.subarray(0, Math.min(GUARD, bytes.length)));
      expect(before, `${what}: guard bytes before the target`).toEqual(before.map(() => FILL));
      if (bytes.length >= total) {
        const after = Array.from(bytes.subarray(GUARD + SIZE, total));
        expect(after, `${what}: guard bytes after the target`).toEqual(after.map(() => FILL));
      }
    };
    if (action === "detach" && this.moved !== null) {
      const moved = new Uint8Array(this.moved);
      guards(moved, "the detached memory");
      expect(Array.from(moved), "the detached memory changed after the hook").toEqual(Array.from(this.atHook ?? []));
      return;
    }
    if (action === "shrink") {
      const left = new Uint8Array(this.original);
      guards(left, "the shrunk memory");
      expect(Array.from(left), "the shrunk memory changed after the hook").toEqual(
        Array.from((this.atHook ?? new Uint8Array(0)).subarray(0, left.length)),
      );
      return;
    }
    guards(new Uint8Array(this.current(), 0, total), "the memory");
  }
}

/** The error an operation must throw, by name and (part of its) message; or null for success. */
export interface Expected {
  readonly name: string;
  readonly message?: string | RegExp;
}

/** CPython's message for a released view. */
export const RELEASED = "operation forbidden on released memoryview object";

/** The error each action leads to unless a row says otherwise (grow: success). */
export function defaultExpected(action: Action): Expected | null {
  switch (action) {
    case "release":
      return { name: "ValueError", message: RELEASED };
    case "detach":
    case "shrink":
      return { name: "ValueError" };
    case "grow":
      return null;
    case "resize":
      return { name: "BufferError" };
  }
}

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
export function cellsOf(rows: readonly Row<unknown>[]): Cell[] {
  const cells: Cell[] = [];
  for (const row of rows) {
    for (const memory of row.memories ?? (["plain", "resizable", "wasm"] as const)) {
      const actions = [...ACTIONS_OF[memory], ...(row.actions?.includes("resize") ? (["resize"] as const) : [])];
      for (const action of actions) {
        if (row.actions !== undefined && !row.actions.includes(action)) continue;
        for (const point of Object.keys(row.points)) cells.push({ op: row.op, memory, action, point });
      }
    }
  }
  return cells;
}

/** Runs one cell and asserts the rule. */
export function runCell<T>(row: Row<T>, cell: Cell): void {
  const memory = new Memory(cell.memory);
  const scenario = row.points[cell.point](memory);
  let hooked = 0;
  const hook = (): void => {
    if (hooked++ > 0) return; // once per run: a point reached twice acts once
    if (row.act !== undefined && row.act(cell.action, scenario.target)) return;
    if (cell.action === "release") {
      memory.atHook = new Uint8Array(memory.current(), 0, 2 * GUARD + SIZE).slice();
      row.release(scenario.target);
    } else {
      memory.act(cell.action);
    }
  };
  const override = row.expected?.(cell.action, cell.point);
  const expected = override === undefined ? defaultExpected(cell.action) : override;
  let result: unknown;
  let error: unknown = null;
  try {
    result = scenario.run(hook);
  } catch (e) {
    error = e;
  }
  expect(hooked, "the hook ran").toBeGreaterThan(0);
  if (expected === null) {
    if (error !== null) throw error;
    row.check(memory, result, scenario.target);
  } else {
    expect(error, `expected ${expected.name}, the operation returned ${String(result)}`).not.toBeNull();
    const e = error as Error;
    if (!(e instanceof Error) || e.name !== expected.name) throw error;
    if (expected.message !== undefined) expect(e.message).toMatch(expected.message);
  }
  memory.assertUntouched(cell.action === "release" ? null : cell.action);
  row.balanced?.(scenario.target);
}

/**
 * Declares one test per cell of `rows`, named `op · memory · action · point`,
 * and returns the count of cells (for the coverage line).
 */
export function defineHarness<T>(rows: readonly Row<T>[]): number {
  const cells = cellsOf(rows as readonly Row<unknown>[]);
  const byOp = new Map(rows.map((r) => [r.op, r]));
  test.each(cells.map((c) => [`${c.op} · ${c.memory} · ${c.action} · ${c.point}`, c] as const))("%s", (_name, cell) => {
    runCell(byOp.get(cell.op) as Row<T>, cell);
  });
  return cells.length;
}
