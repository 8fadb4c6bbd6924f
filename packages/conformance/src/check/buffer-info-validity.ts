/**
 * Whether a BufferInfo is well formed and stays inside its memory: the rules
 * SPEC §1.3–§1.4 put on every exporter's answer, checked against
 * the suite's own model.
 *
 * @packageDocumentation
 */

import { ConformanceError } from "../assert/index.js";
import { modelLayout } from "../model/format-model.js";
import type { DataModel } from "../model/data-model.js";
import { allIndices, readPointer } from "../model/model-view.js";
import type { BufferInfo } from "../protocol/buffer-info.js";

function fail(what: string, rule: string): never {
  throw new ConformanceError(`${what}: ${rule}`);
}

/**
 * Throws unless a complete (FULL or FULL_RO) answer is well formed: types,
 * `len = product(shape) * itemsize`, the format's size (by the data model's
 * native sizes, LP64's by default), and every byte any index reaches
 * (through pointers too) inside `buf`.
 *
 * @example
 * ```ts
 * assertWellFormedFullInfo(x[GET_BUFFER](BufferFlags.FULL_RO), "bytes");
 * ```
 */
export function assertWellFormedFullInfo(info: BufferInfo, what: string, dataModel: DataModel = "LP64"): void {
  if (!info || typeof info !== "object") fail(what, "getbuffer returned no object");
  const isBuffer =
    info.buf instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && info.buf instanceof SharedArrayBuffer);
  if (!isBuffer) fail(what, "buf is not an ArrayBuffer or SharedArrayBuffer");
  if (typeof info.readonly !== "boolean") fail(what, "readonly is not a boolean");
  if (!Number.isInteger(info.itemsize) || info.itemsize <= 0) fail(what, `itemsize ${info.itemsize} is not positive`);
  if (!Number.isInteger(info.ndim) || info.ndim < 0) fail(what, `ndim ${info.ndim} is not an integer >= 0`);
  if (info.format !== null && typeof info.format !== "string") fail(what, "format is neither a string nor null");
  const format = info.format ?? "B";
  let known = true;
  try {
    modelLayout(format, dataModel);
  } catch {
    known = false; // a PEP 3118 extension the model does not lay out
  }
  if (known && modelLayout(format, dataModel).itemsize !== info.itemsize) {
    fail(what, `itemsize ${info.itemsize} differs from calcsize('${format}') = ${modelLayout(format, dataModel).itemsize}`);
  }
  const shape = info.shape ?? (info.ndim === 0 ? [] : null);
  if (!shape) fail(what, "a FULL answer has no shape");
  if (shape.length !== info.ndim) fail(what, `shape [${shape}] does not have ndim = ${info.ndim} entries`);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) fail(what, `shape [${shape}] has a negative or non-integer entry`);
  const count = shape.reduce((a, b) => a * b, 1);
  if (info.len !== count * info.itemsize) fail(what, `len ${info.len} is not product(shape) * itemsize`);
  const strides = info.strides ?? (info.ndim === 0 ? [] : null);
  if (!strides || strides.length !== info.ndim) fail(what, "a FULL answer has no strides for each dimension");
  if (info.suboffsets !== null && info.suboffsets.length !== info.ndim) {
    fail(what, "suboffsets do not have ndim entries");
  }
  if (!Number.isInteger(info.offset)) fail(what, "offset is not an integer");
  // Every reachable byte inside buf: walk every item (the structures under
  // test are small), following pointers where suboffsets say so.
  const memory = new Uint8Array(info.buf);
  let checked = 0;
  for (const index of allIndices(shape)) {
    let position = info.offset;
    for (let dim = 0; dim < index.length; dim++) {
      position += (index[dim] as number) * (strides[dim] as number);
      const sub = info.suboffsets?.[dim] ?? -1;
      if (sub >= 0) {
        if (position < 0 || position + 8 > memory.length) fail(what, `pointer at ${position} lies outside buf`);
        position = readPointer(memory, position) + sub;
      }
    }
    if (position < 0 || position + info.itemsize > memory.length) {
      fail(what, `item [${index}] at bytes ${position}..${position + info.itemsize} lies outside buf (${memory.length})`);
    }
    if (++checked > 100_000) break;
  }
}
