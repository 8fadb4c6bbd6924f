/**
 * The infos that `@mv/core`'s own exporters make (a MemoryView's export, the
 * built-in kinds' through `contiguousInfo`): instances of a module-private
 * class, built from values core has already checked, frozen, with their
 * bookkeeping in a private field. `getBuffer` takes such an info as it is,
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
import type { InfoState } from "./info-state.js";

type Memory = ArrayBuffer | SharedArrayBuffer;

class CoreBufferInfo implements BufferInfo {
  obj: object | null;
  buf: Memory;
  offset: number;
  len: number;
  readonly: boolean;
  itemsize: number;
  format: string | null;
  ndim: number;
  shape: readonly number[] | null;
  strides: readonly number[] | null;
  suboffsets: readonly number[] | null;
  readonly #state: InfoState;
  #trusted: boolean;
  // The values as made, to tell whether the fields above were changed
  // while the info was unfrozen.
  readonly #buf: Memory;
  readonly #offset: number;
  readonly #len: number;
  readonly #readonly: boolean;
  readonly #itemsize: number;
  readonly #format: string | null;
  readonly #ndim: number;
  readonly #shape: readonly number[] | null;
  readonly #strides: readonly number[] | null;

  constructor(
    obj: object | null,
    buf: Memory,
    offset: number,
    len: number,
    readonly: boolean,
    itemsize: number,
    format: string | null,
    ndim: number,
    shape: readonly number[] | null,
    strides: readonly number[] | null,
    exporter: object | null,
    requiredByteLength: number,
    trusted: boolean,
    original: unknown,
  ) {
    this.obj = obj;
    this.buf = buf;
    this.offset = offset;
    this.len = len;
    this.readonly = readonly;
    this.itemsize = itemsize;
    this.format = format;
    this.ndim = ndim;
    this.shape = shape;
    this.strides = strides;
    this.suboffsets = null;
    this.#state = { exporter, original: original ?? this, released: false, requiredByteLength };
    this.#trusted = trusted;
    this.#buf = buf;
    this.#offset = offset;
    this.#len = len;
    this.#readonly = readonly;
    this.#itemsize = itemsize;
    this.#format = format;
    this.#ndim = ndim;
    this.#shape = shape;
    this.#strides = strides;
  }

  static stateOf(x: object): InfoState | undefined {
    return #state in x ? x.#state : undefined;
  }

  static adopt(x: object, exporter: object): BufferInfo | null {
    if (!(#trusted in x) || !x.#trusted) return null;
    x.#trusted = false;
    if (Object.isFrozen(x)) {
      // Frozen when made: nothing can have changed.
      if (x.obj === exporter && x.#state.exporter === exporter) return x;
    } else {
      try {
        // Each field read once; a getter put in place of one cannot answer
        // differently later, since the answer is the copy made below.
        if (
          x.buf !== x.#buf ||
          x.offset !== x.#offset ||
          x.len !== x.#len ||
          x.readonly !== x.#readonly ||
          x.itemsize !== x.#itemsize ||
          x.format !== x.#format ||
          x.ndim !== x.#ndim ||
          x.shape !== x.#shape ||
          x.strides !== x.#strides ||
          x.suboffsets !== null
        ) {
          return null;
        }
      } catch {
        return null;
      }
    }
    return Object.freeze(
      new CoreBufferInfo(
        exporter,
        x.#buf,
        x.#offset,
        x.#len,
        x.#readonly,
        x.#itemsize,
        x.#format,
        x.#ndim,
        x.#shape,
        x.#strides,
        exporter,
        x.#state.requiredByteLength,
        false,
        x,
      ),
    );
  }
}

/**
 * A BufferInfo of memory with a fixed `buf` and no suboffsets (its `shape`
 * and `strides` arrays must be frozen), its state (releasing to `exporter`,
 * null for none) in a private field; frozen when `frozen`. When `trusted`,
 * the first `getBuffer` that receives it skips the snapshot and the
 * validation: pass true only for values core computed and checked itself
 * (`len` is `product(shape) * itemsize`, `itemsize` matches the format,
 * bytes `[.., requiredByteLength)` of `buf` hold every byte any index
 * reaches), never for values a caller of a public API supplied.
 *
 * @returns the info
 *
 * @example
 * ```ts
 * const buf = new ArrayBuffer(4);
 * const info = trustedInfo(null, buf, 0, 4, false, 1, "B", 1, [4], [1], null, 4, true, true);
 * [Object.isFrozen(info), trustedStateOf(info).requiredByteLength]; // returns [true, 4]
 * ```
 */
export function trustedInfo(
  obj: object | null,
  buf: Memory,
  offset: number,
  len: number,
  readonly: boolean,
  itemsize: number,
  format: string | null,
  ndim: number,
  shape: readonly number[] | null,
  strides: readonly number[] | null,
  exporter: object | null,
  requiredByteLength: number,
  trusted: boolean,
  frozen: boolean,
): BufferInfo {
  const info = new CoreBufferInfo(
    obj,
    buf,
    offset,
    len,
    readonly,
    itemsize,
    format,
    ndim,
    shape,
    strides,
    exporter,
    requiredByteLength,
    trusted,
    undefined,
  );
  return frozen ? Object.freeze(info) : info;
}

/**
 * The state of a trusted info, or undefined for any other object.
 *
 * @example
 * ```ts
 * trustedStateOf({}); // returns undefined
 * ```
 */
export function trustedStateOf(x: unknown): InfoState | undefined {
  return typeof x === "object" && x !== null ? CoreBufferInfo.stateOf(x) : undefined;
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
