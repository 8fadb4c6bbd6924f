/**
 * The sub-views an assignment works through, tied to the view they were cut
 * from while it runs. User code in the middle of the assignment (a value's
 * getter, a source's GET_BUFFER) may release that view; CPython then stops
 * the write (`CHECK_RELEASED_AGAIN`: it writes through the view itself). A
 * sub-view has a life of its own in `@mv/core`, so the release reaches it
 * here: releasing the view releases the sub-views in flight, and their
 * writes then fail with the released view's `ValueError`.
 *
 * @packageDocumentation
 */
import type { MemoryView } from "@mv/core";

const inFlight = new WeakMap<MemoryView, Set<MemoryView>>();

/**
 * Runs `use(sub)` with `sub` (a new view cut from `parent`) in flight, and
 * releases `sub` after it, however `use` ends.
 *
 * @example
 * ```ts
 * const parent = MemoryView.from(new Uint8Array(4));
 * withSubview(parent, parent.sliceDim(0, 0, 2, 1), (sub) => sub.fill(7));
 * parent.toList(); // returns [7, 7, 0, 0]
 * ```
 */
export function withSubview(parent: MemoryView, sub: MemoryView, use: (sub: MemoryView) => void): void {
  let subs = inFlight.get(parent);
  if (subs === undefined) {
    subs = new Set();
    inFlight.set(parent, subs);
  }
  subs.add(sub);
  try {
    use(sub);
  } finally {
    subs.delete(sub);
    sub.release();
  }
}

/**
 * Releases the sub-views in flight of `parent` (after `parent` itself was
 * released).
 *
 * @example
 * ```ts
 * const parent = MemoryView.from(new Uint8Array(4));
 * parent.release();
 * releaseInFlight(parent); // returns undefined
 * ```
 */
export function releaseInFlight(parent: MemoryView): void {
  const subs = inFlight.get(parent);
  if (subs === undefined) return;
  for (const sub of subs) sub.release();
}
