/**
 * How a compliant exporter answers one request, given its complete
 * structure: the request checks of `ndarray_getbuf` in CPython's
 * `Modules/_testbuffer.c` (and of PEP 3118's rules in `Doc/c-api/buffer.rst`).
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import {
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "../protocol/flags.js";
import { ExporterBufferError } from "./buffer-error.js";

/**
 * The BufferInfo a compliant exporter gives for `flags`, or a thrown
 * BufferError naming the reason it cannot.
 *
 * @param base - the complete structure (as a FULL request gets it)
 * @param isC - whether it is C-contiguous
 * @param isF - whether it is Fortran-contiguous
 * @param flags - the request
 *
 * @example
 * ```ts
 * answerRequest(full, true, false, BufferFlags.SIMPLE).shape; // returns null
 * answerRequest(full, true, false, BufferFlags.F_CONTIGUOUS); // throws BufferError for a 2×3 C array
 * ```
 */
export function answerRequest(base: Readonly<BufferInfo>, isC: boolean, isF: boolean, flags: number): BufferInfo {
  if (base.ndim !== 0 && ((requestsShape(flags) && !base.shape) || (requestsStrides(flags) && !base.strides))) {
    throw new ExporterBufferError("re-exporter does not provide format, shape or strides");
  }
  if (requestsWritable(flags) && base.readonly) throw new ExporterBufferError("test exporter is not writable");
  if (requestsCContiguous(flags) && !isC) throw new ExporterBufferError("test exporter is not C-contiguous");
  if (requestsFContiguous(flags) && !isF) throw new ExporterBufferError("test exporter is not Fortran contiguous");
  if (requestsAnyContiguous(flags) && !isC && !isF) throw new ExporterBufferError("test exporter is not contiguous");
  if (!requestsIndirect(flags) && base.suboffsets) {
    throw new ExporterBufferError("test exporter cannot be represented without suboffsets");
  }
  const info: BufferInfo = {
    ...base,
    format: base.format ?? "B",
    shape: base.shape ? [...base.shape] : null,
    strides: base.strides ? [...base.strides] : null,
    suboffsets: base.suboffsets ? [...base.suboffsets] : null,
  };
  if (!requestsFormat(flags)) info.format = null;
  if (!requestsStrides(flags)) {
    if (!isC) throw new ExporterBufferError("test exporter is not C-contiguous");
    info.strides = null;
  }
  if (!requestsShape(flags)) {
    if (info.format !== null) {
      throw new ExporterBufferError("test exporter: cannot cast to unsigned bytes if the format flag is present");
    }
    info.ndim = 1;
    info.shape = null;
  }
  return info;
}
