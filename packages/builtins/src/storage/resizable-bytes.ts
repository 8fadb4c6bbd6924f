/**
 * The memory of a resizable exporter (`bytearray`, `array`): a byte count
 * inside an over-allocated `ArrayBuffer`, as CPython keeps `ob_alloc` bytes
 * for `Py_SIZE` used ones.
 *
 * Exports hand out the live `ArrayBuffer` itself; that is safe because a
 * resize is refused while any export is live, so the buffer a consumer holds
 * is never swapped or shrunk under it. When no export is live, a resize may
 * move the contents to a new `ArrayBuffer`.
 *
 * @packageDocumentation
 */
import { ExportCount } from "./export-count.js";

/**
 * Chooses the new capacity, in bytes, for a resize from `oldSize` to
 * `newSize` bytes when the current capacity is `capacity`; returning
 * `capacity` keeps the current allocation.
 */
export type GrowthPolicy = (newSize: number, oldSize: number, capacity: number) => number;

/**
 * Growable, export-counted bytes.
 *
 * @example
 * ```ts
 * const store = new ResizableBytes(2, (n) => n);
 * store.bytes().set([1, 2]);
 * store.resize(3);
 * Array.from(store.bytes()); // returns [1, 2, 0]
 * ```
 */
export class ResizableBytes {
  #buffer: ArrayBuffer;
  #size: number;
  #view: DataView;
  readonly #growth: GrowthPolicy;
  /** The live exports of the owner. */
  readonly exports = new ExportCount();

  /**
   * @param size - the initial length in bytes, zero-filled
   * @param growth - the over-allocation policy for later resizes
   * @param capacity - the initial allocation (at least `size`)
   */
  constructor(size: number, growth: GrowthPolicy, capacity = size) {
    this.#growth = growth;
    this.#size = size;
    this.#buffer = new ArrayBuffer(Math.max(size, capacity));
    this.#view = new DataView(this.#buffer);
  }

  /** The number of bytes in use. */
  get size(): number {
    return this.#size;
  }

  /** The number of bytes allocated. */
  get capacity(): number {
    return this.#buffer.byteLength;
  }

  /** The current memory; it changes only on a resize with no live export. */
  get buffer(): ArrayBuffer {
    return this.#buffer;
  }

  /** A DataView over the whole allocation (read within `size`). */
  get dataView(): DataView {
    return this.#view;
  }

  /** The bytes in use, as a view over the live memory (valid until the next resize). */
  bytes(): Uint8Array {
    return new Uint8Array(this.#buffer, 0, this.#size);
  }

  /**
   * Changes the length to `newSize` bytes, keeping the first
   * `min(size, newSize)` bytes and zero-filling any new ones. Resizing to
   * the current size always succeeds; any other size throws `BufferError`
   * while an export is live.
   */
  resize(newSize: number): void {
    const oldSize = this.#size;
    if (newSize === oldSize) return;
    this.exports.assertResizable();
    const capacity = this.#buffer.byteLength;
    const wanted = Math.max(newSize, this.#growth(newSize, oldSize, capacity));
    if (wanted !== capacity) {
      const next = new ArrayBuffer(wanted);
      new Uint8Array(next).set(new Uint8Array(this.#buffer, 0, Math.min(oldSize, newSize)));
      this.#buffer = next;
      this.#view = new DataView(next);
    } else if (newSize > oldSize) {
      new Uint8Array(this.#buffer, oldSize, newSize - oldSize).fill(0);
    }
    this.#size = newSize;
  }
}
