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
/** Bytes laid either side of the target's bytes, that nothing may touch. */
export const GUARD = 16;
/** The target's own bytes. */
export const SIZE = 16;
/** The value every target byte starts with, and every guard byte keeps. */
export const FILL = 0x5a;
/** The actions each kind of memory can suffer (release applies to every view). */
export const ACTIONS_OF = {
  plain: ["release", "detach"],
  resizable: ["release", "shrink"],
  wasm: ["release", "grow"],
};
/**
 * GUARD + SIZE + GUARD bytes of one kind of memory, every byte FILL, and
 * what a hook may do to them. `current()` is the memory that backs the
 * target now (a grown wasm memory's new buffer), `left()` the bytes that
 * were there and are no longer the target's (the detached buffer's moved
 * contents, a shrunk buffer's remains), for checking nothing lands there.
 */
export class Memory {
  kind;
  wasm;
  /** The buffer the target was made over. */
  original;
  /** The contents of the original buffer when the hook ran, taken just before it acted. */
  atHook = null;
  /** The bytes a detach moved out (structuredClone's transfer keeps them). */
  moved = null;
  constructor(kind) {
    this.kind = kind;
    const total = GUARD + SIZE + GUARD;
    if (kind === "wasm") {
      this.wasm = new WebAssembly.Memory({ initial: 1, maximum: 4 });
      this.original = this.wasm.buffer;
    } else {
      this.wasm = null;
      const Ctor = ArrayBuffer;
      this.original = kind === "resizable" ? new Ctor(total, { maxByteLength: 2 * total }) : new Ctor(total);
    }
    new Uint8Array(this.original, 0, total).fill(FILL);
  }
  /** The memory that backs the target now. */
  current() {
    return this.wasm !== null ? this.wasm.buffer : this.original;
  }
  /** The target's SIZE bytes, as they are now. */
  target() {
    return new Uint8Array(this.current(), GUARD, SIZE);
  }
  /** Does `action` to the memory (release is the caller's: it needs the view). */
  act(action) {
    const total = GUARD + SIZE + GUARD;
    this.atHook = new Uint8Array(this.current(), 0, Math.min(total, this.current().byteLength)).slice();
    switch (action) {
      case "detach":
        this.moved = structuredClone(this.original, { transfer: [this.original] });
        return;
      case "shrink":
        this.original.resize(GUARD + 2);
        return;
      case "grow":
        this.wasm.grow(1);
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
  assertUntouched(expect, action) {
    const total = GUARD + SIZE + GUARD;
    const guards = (bytes, what) => {
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
/** CPython's message for a released view. */
export const RELEASED = "operation forbidden on released memoryview object";
/** The error each action leads to unless a row says otherwise (grow: success). */
export function defaultExpected(action) {
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
/** Every cell a table covers (for the coverage count). */
export function cellsOf(rows) {
  const cells = [];
  for (const row of rows) {
    for (const memory of row.memories ?? ["plain", "resizable", "wasm"]) {
      const actions = [...ACTIONS_OF[memory], ...(row.actions?.includes("resize") ? ["resize"] : [])];
      for (const action of actions) {
        if (row.actions !== undefined && !row.actions.includes(action)) continue;
        for (const point of Object.keys(row.points)) cells.push({ op: row.op, memory, action, point });
      }
    }
  }
  return cells;
}
/** Runs one cell and asserts the rule. */
export function runCell(row, cell, expect) {
  const memory = new Memory(cell.memory);
  const scenario = row.points[cell.point](memory);
  let hooked = 0;
  const hook = () => {
    if (hooked++ > 0) return; // once per run: a point reached twice acts once
    if (row.act?.(cell.action, scenario.target)) return;
    if (cell.action === "release") {
      memory.atHook = new Uint8Array(memory.current(), 0, 2 * GUARD + SIZE).slice();
      row.release(scenario.target);
    } else {
      memory.act(cell.action);
    }
  };
  const override = row.expected?.(cell.action, cell.point);
  const expected = override === undefined ? defaultExpected(cell.action) : override;
  let result;
  let error = null;
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
    const e = error;
    if (!(e instanceof Error) || e.name !== expected.name) throw error;
    if (expected.message !== undefined) expect(e.message).toMatch(expected.message);
  }
  memory.assertUntouched(expect, cell.action === "release" ? null : cell.action);
  row.balanced?.(scenario.target);
}
/**
 * Declares one test per cell of `rows`, named `op · memory · action · point`,
 * and returns the count of cells (for the coverage line).
 */
export function defineHarness(rows, vitest) {
  const { test, expect } = vitest;
  const cells = cellsOf(rows);
  const byOp = new Map(rows.map((r) => [r.op, r]));
  test.each(cells.map((c) => [`${c.op} · ${c.memory} · ${c.action} · ${c.point}`, c]))("%s", (_name, cell) => {
    runCell(byOp.get(cell.op), cell, expect);
  });
  return cells.length;
}
