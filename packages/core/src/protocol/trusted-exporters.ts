/**
 * The infos that `@mv/core`'s own exporters make (a MemoryView's export, the
 * built-in kinds' through `contiguousInfo`): instances of a module-private
 * class, built from values core has already checked, frozen, with their
 * trust mark and the values as made in private fields (their release
 * bookkeeping is in info-state.ts, as every info's is). `getBuffer` takes such an info as it is,
 * without the snapshot and the re-validation every other exporter's answer
 * goes through; it still checks it against the request and against the
 * current length of its memory.
 *
 * Trust cannot be forged: private fields are invisible to a Proxy (a Proxy
 * of a trusted info is not one) and to copies, and only code in this module
 * can set them. The mark is consumed by the first `getBuffer` that receives
 * the info, so an info handed back twice is snapshotted and validated like
 * any other answer. A MemoryView's export is not frozen (a re-exporter may
 * set its `obj`, as before); `getBuffer` then hands out a frozen copy, made
 * from the values as core made them, and only if no other field changed.
 * Nothing here is exported from the package.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "./buffer-info.js";
import { attachState, stateOf } from "./info-state.js";

/**
 * The fields of an info core makes (it never has suboffsets), as made.
 *
 * @example
 * ```ts
 * const fields: CoreInfoFields = { obj: null, buf: new ArrayBuffer(1), offset: 0, len: 1, readonly: false, itemsize: 1, format: "B", ndim: 1, shape: [1], strides: [1] };
 * trustedInfo(fields, { exporter: null, requiredByteLength: 1, trusted: false, frozen: true }).len; // returns 1
 * ```
 */
export type CoreInfoFields = Readonly<Omit<BufferInfo, "suboffsets">>;

/**
 * How {@link trustedInfo} makes an info: whom it releases to (null for
 * none), how many bytes of `buf` it needs, whether the first `getBuffer`
 * that receives it may skip the snapshot and validation, whether it is
 * frozen.
 *
 * @example
 * ```ts
 * const how: TrustedInfoOptions = { exporter: null, requiredByteLength: 4, trusted: true, frozen: true };
 * how.frozen; // returns true
 * ```
 */
export interface TrustedInfoOptions {
  /** The exporter whose RELEASE_BUFFER is called on release, or null. */
  readonly exporter: object | null;
  /** One past the highest byte of `buf` the info reaches. */
  readonly requiredByteLength: number;
  /** Whether the first `getBuffer` that receives it takes it as it is. */
  readonly trusted: boolean;
  /** Whether it is frozen (a view's export is not: a re-exporter may set `obj`). */
  readonly frozen: boolean;
}

class CoreBufferInfo implements BufferInfo {
  obj: object | null;
  buf: ArrayBuffer | SharedArrayBuffer;
  offset: number;
  len: number;
  readonly: boolean;
  itemsize: number;
  format: string | null;
  ndim: number;
  shape: readonly number[] | null;
  strides: readonly number[] | null;
  suboffsets: readonly number[] | null;
  /** The fields as made, to tell whether they were changed while unfrozen. */
  readonly #made: CoreInfoFields;
  #trusted: boolean;

  constructor(made: CoreInfoFields, trusted: boolean) {
    this.obj = made.obj;
    this.buf = made.buf;
    this.offset = made.offset;
    this.len = made.len;
    this.readonly = made.readonly;
    this.itemsize = made.itemsize;
    this.format = made.format;
    this.ndim = made.ndim;
    this.shape = made.shape;
    this.strides = made.strides;
    this.suboffsets = null;
    this.#made = made;
    this.#trusted = trusted;
  }

  static adopt(x: object, exporter: object): BufferInfo | null {
    if (!(#trusted in x) || !x.#trusted) return null;
    x.#trusted = false;
    const made = x.#made;
    const state = stateOf(x)!;
    if (Object.isFrozen(x)) {
      // Frozen when made: nothing can have changed.
      if (x.obj === exporter && state.exporter === exporter) return x;
    } else {
      try {
        // Each field read once; a getter put in place of one cannot answer
        // differently later, since the answer is the copy made below.
        if (
          x.buf !== made.buf ||
          x.offset !== made.offset ||
          x.len !== made.len ||
          x.readonly !== made.readonly ||
          x.itemsize !== made.itemsize ||
          x.format !== made.format ||
          x.ndim !== made.ndim ||
          x.shape !== made.shape ||
          x.strides !== made.strides ||
          x.suboffsets !== null
        ) {
          return null;
        }
      } catch {
        return null;
      }
    }
    const copy = new CoreBufferInfo({ ...made, obj: exporter }, false);
    // Released, it hands the exporter back what the exporter returned.
    attachState(copy, { exporter, original: x, released: false, requiredByteLength: state.requiredByteLength });
    return Object.freeze(copy);
  }
}

/**
 * A BufferInfo of memory with a fixed `buf` and no suboffsets (its `shape`
 * and `strides` arrays must be frozen), made from `fields` as `how` says.
 * When `how.trusted`, the first `getBuffer` that receives it skips the
 * snapshot and the validation: pass true only for values core computed and
 * checked itself (`len` is `product(shape) * itemsize`, `itemsize` matches
 * the format, bytes `[.., requiredByteLength)` of `buf` hold every byte any
 * index reaches), never for values a caller of a public API supplied.
 *
 * @returns the info
 *
 * @example
 * ```ts
 * const buf = new ArrayBuffer(4);
 * const fields = { obj: null, buf, offset: 0, len: 4, readonly: false, itemsize: 1, format: "B", ndim: 1, shape: [4], strides: [1] };
 * const info = trustedInfo(fields, { exporter: null, requiredByteLength: 4, trusted: true, frozen: true });
 * [Object.isFrozen(info), info.len]; // returns [true, 4]
 * ```
 */
export function trustedInfo(fields: CoreInfoFields, how: TrustedInfoOptions): BufferInfo {
  const info = new CoreBufferInfo(fields, how.trusted);
  attachState(info, { exporter: how.exporter, original: info, released: false, requiredByteLength: how.requiredByteLength });
  return how.frozen ? Object.freeze(info) : info;
}

/**
 * What `getBuffer` hands out for a trusted info that `exporter` returned:
 * the info itself when it is frozen and already names `exporter`, else a
 * frozen copy of it naming `exporter` (as a snapshot would), or null when
 * `returned` is not a trusted info not yet handed out, or its fields were
 * changed (then it is snapshotted and validated like any other answer).
 * Consumes the trust, so it answers non-null at most once per info.
 *
 * @param returned - what an exporter returned
 * @param exporter - the exporter
 * @returns the info to hand out, or null
 *
 * @example
 * ```ts
 * adoptTrusted({ ...getBuffer(new Uint8Array(1)) }, {}); // returns null
 * ```
 */
export function adoptTrusted(returned: unknown, exporter: object): BufferInfo | null {
  return typeof returned === "object" && returned !== null ? CoreBufferInfo.adopt(returned, exporter) : null;
}
