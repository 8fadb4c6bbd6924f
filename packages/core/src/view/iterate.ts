/**
 * Iteration over a view's first dimension, as a generator would do it but
 * without one: a generator allocates a result object and boxes every
 * double it yields, where V8 inlines a small `next()` into the `for…of`
 * loop and keeps both away. The behaviour is a generator's: the view is
 * checked at the first `next()`, the length is fixed then, an error closes
 * the iterator, and `return()` closes it too.
 *
 * @packageDocumentation
 */

import { checkReleased } from "./guards.js";
import type { MemoryView } from "./memory-view.js";
import type { StructValue } from "../codec/index.js";
import { layoutOf } from "./state/access.js";

/** %IteratorPrototype%, so that the iterators are iterable and get the engine's iterator helpers. */
const ITERATOR_PROTOTYPE = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;

const NOT_STARTED = -1;

/** Checks the view at the first `next()`, as the generator's body would; returns the length, or throws. */
function start(view: MemoryView): number {
  checkReleased(view);
  const layout = layoutOf(view);
  if (layout.ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
  return layout.shape[0]!;
}

/** The items of a 1-D view (and, at its first `next()`, the refusal of a 0-d one). */
class ItemIterator {
  private readonly view: MemoryView;
  private index = 0;
  private length = NOT_STARTED;

  constructor(view: MemoryView) {
    this.view = view;
  }

  // One result object, made at the one return: where V8 inlines next()
  // into a for…of loop it then removes the object (and, cloning the loop's
  // test of `done` over the two ways here, keeps the items unboxed). A
  // second return of another object would make it allocate both.
  next(): IteratorResult<StructValue> {
    if (this.length === NOT_STARTED) this.begin();
    const i = this.index;
    let value: StructValue | undefined;
    let done = true;
    if (i < this.length) {
      this.index = i + 1;
      try {
        value = this.view.get(i);
      } catch (error) {
        this.length = 0; // an error closes the iterator, as it closes a generator
        throw error;
      }
      done = false;
    }
    return { value, done } as IteratorResult<StructValue>;
  }

  /** The first `next()`: checks the view (an error closes the iterator) and fixes the length. */
  private begin(): void {
    this.length = 0;
    this.length = start(this.view);
  }

  return(value?: unknown): IteratorResult<StructValue> {
    this.length = 0;
    return { value: value as StructValue, done: true };
  }

  throw(error?: unknown): never {
    this.length = 0;
    throw error;
  }
}

/** The sub-views along dimension 0 of a view of two or more dimensions. */
class RowIterator {
  private readonly view: MemoryView;
  private index = 0;
  private length = NOT_STARTED;

  constructor(view: MemoryView) {
    this.view = view;
  }

  next(): IteratorResult<MemoryView> {
    const i = this.index;
    if (i < this.length) {
      this.index = i + 1;
      let value: MemoryView;
      try {
        value = this.view.index(0, i);
      } catch (error) {
        this.length = 0;
        throw error;
      }
      return { value, done: false };
    }
    if (this.length !== NOT_STARTED) return { value: undefined, done: true };
    this.length = 0;
    this.length = start(this.view);
    return this.next();
  }

  return(value?: unknown): IteratorResult<MemoryView> {
    this.length = 0;
    return { value: value as MemoryView, done: true };
  }

  throw(error?: unknown): never {
    this.length = 0;
    throw error;
  }
}

Object.setPrototypeOf(ItemIterator.prototype, ITERATOR_PROTOTYPE);
Object.setPrototypeOf(RowIterator.prototype, ITERATOR_PROTOTYPE);

/**
 * An iterator over the first dimension of `view`: its items when it has one
 * dimension, its sub-views when it has more. Nothing is checked until the
 * first `next()`, which throws for a released or 0-d view, as the generator
 * this replaces did.
 *
 * @example
 * ```ts
 * Array.from(iterateView(MemoryView.from(Uint8Array.of(1, 2)))); // returns [1, 2]
 * ```
 * @example
 * ```ts
 * const it = iterateView(MemoryView.from(new Uint8Array(1)).cast("B", []));
 * it.next(); // throws TypeError "invalid indexing of 0-dim memory"
 * ```
 */
export function iterateView(view: MemoryView): Iterator<StructValue | MemoryView> {
  return layoutOf(view).ndim >= 2 ? new RowIterator(view) : new ItemIterator(view);
}
