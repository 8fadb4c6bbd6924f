/**
 * Writing a NumPy `.npy` file, as `numpy.lib.format.write_array` does: the
 * header is the dict `{'descr': …, 'fortran_order': False, 'shape': …, }`,
 * padded with spaces and a newline so the data starts on a 64-byte boundary;
 * format version 1.0 unless the header needs more than 65535 bytes (then
 * 2.0). The header is kept ASCII (names are escaped as Python escapes
 * them), so 3.0 is never needed. The items follow in C order.
 *
 * @packageDocumentation
 */

import { MemoryView, parseFormat } from "../index.js";
import { npyDescrOfFormat, pythonTuple } from "./npy-dtype.js";

/** NumPy's ARRAY_ALIGN: the data starts at a multiple of it. */
const ARRAY_ALIGN = 64;

/**
 * The bytes of a `.npy` file holding the items of any exporter (a
 * MemoryView, a memoryview, a TypedArray, an ndarray's exporter, …),
 * contiguous or not, PIL-style or not: `numpy.load(file)` reads it with
 * `allow_pickle=False`. The dtype comes from the export's format (see
 * `npyDescrOfFormat`); a top-level sub-array format (`(2,3)<h`, `3i`)
 * adds its dimensions to the array's shape, as NumPy does. (NumPy refuses
 * headers over 10,000 bytes unless `numpy.load` is given a larger
 * `max_header_size`: thousands of fields, or very long names.)
 *
 * @param exporter - anything `getBuffer` accepts
 * @returns the file's bytes, in a buffer of their own
 * @throws ValueError for a format NumPy has no dtype for (`p`, `u`)
 *
 * @example
 * ```ts
 * const file = writeNpy(MemoryView.from(Int16Array.of(1, 2, 3, 4, 5, 6)).reshape([2, 3]).transpose());
 * [file.length, new TextDecoder().decode(file.subarray(10, 69))]; // returns [140, "{'descr': '<i2', 'fortran_order': False, 'shape': (3, 2), }"]
 * readNpy(file).toList(); // returns [[1, 4], [2, 5], [3, 6]]
 * ```
 * @example
 * ```ts
 * writeNpy(MemoryView.from(new Uint8Array(4)).cast("B").derive({ format: "4p", shape: [1] })); // throws ValueError
 * ```
 */
export function writeNpy(exporter: unknown): Uint8Array {
  const view = MemoryView.from(exporter);
  try {
    const { literal, extraShape } = npyDescrOfFormat(parseFormat(view.format));
    const shape = [...view.shape, ...extraShape];
    const dict = `{'descr': ${literal}, 'fortran_order': False, 'shape': ${pythonTuple(shape)}, }`;
    // The header and its newline end on a multiple of ARRAY_ALIGN, counting the 10 or 12 bytes before it.
    // NumPy's _wrap_header: at least one space, so a header already aligned gets a whole ARRAY_ALIGN more.
    const paddedLength = (preamble: number): number =>
      dict.length + 1 + ARRAY_ALIGN - ((preamble + dict.length + 1) % ARRAY_ALIGN);
    const version = paddedLength(10) <= 0xffff ? 1 : 2;
    const preamble = version === 1 ? 10 : 12;
    const header = `${dict.padEnd(paddedLength(preamble) - 1, " ")}\n`;
    const data = view.toBytes("C");
    const file = new Uint8Array(preamble + header.length + data.length);
    file.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
    const lengths = new DataView(file.buffer);
    if (version === 1) lengths.setUint16(8, header.length, true);
    else lengths.setUint32(8, header.length, true);
    for (let i = 0; i < header.length; i++) file[preamble + i] = header.charCodeAt(i);
    file.set(data, preamble + header.length);
    return file;
  } finally {
    view.release();
  }
}
