/**
 * Reading a NumPy `.npy` file (`numpy/lib/format.py`; versions 1.0, 2.0
 * and 3.0): the magic string, the version, the header length (2 bytes in
 * 1.0, 4 after), the header (a Python dict literal: latin-1 before 3.0,
 * UTF-8 in 3.0), then the items, C or Fortran order.
 *
 * The result is a MemoryView over the given bytes themselves when the data
 * sits at an address its items are aligned to (NumPy pads the header so the
 * data starts on a 64-byte boundary of the file, so a file read into its own
 * ArrayBuffer always is), and over a copy of the data otherwise, so that
 * typed fast paths apply. Every check happens before any item is touched:
 * a malformed or truncated file is a `ValueError`, never a read past the end.
 *
 * @packageDocumentation
 */

import { BufferFlags, MemoryView, ValueError, cByteStrides, fByteStrides } from "../index.js";
import { npyItemOfDescr, pythonRepr } from "./npy-dtype.js";
import { type PythonLiteral, parsePythonLiteral } from "./python-literal.js";

/** The six bytes every `.npy` file starts with. */
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
/** The most dimensions a view has (PyBUF_MAX_NDIM, as NumPy's NPY_MAXDIMS). */
const MAX_NDIM = 64;

/** The parts of a `.npy` header. */
interface NpyHeader {
  readonly descr: PythonLiteral;
  readonly fortranOrder: boolean;
  readonly shape: number[];
  /** Where the data starts, in bytes from the start of the file. */
  readonly dataOffset: number;
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x2000) text += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return text;
}

function readHeader(file: Uint8Array): NpyHeader {
  if (file.length < 8 || MAGIC.some((byte, i) => file[i] !== byte)) {
    throw new ValueError(
      `the magic string is not correct; expected b'\\x93NUMPY', got ${pythonRepr({ bytes: file.subarray(0, 6) })}`,
    );
  }
  const major = file[6]!;
  const minor = file[7]!;
  if (!(minor === 0 && (major === 1 || major === 2 || major === 3))) {
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`);
  }
  const lengthBytes = major === 1 ? 2 : 4;
  const start = 8 + lengthBytes;
  if (file.length < start) {
    throw new ValueError(`EOF: reading array header length, expected ${lengthBytes} bytes got ${file.length - 8}`);
  }
  const view = new DataView(file.buffer, file.byteOffset, start);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (file.length - start < headerLength) {
    throw new ValueError(`EOF: reading array header, expected ${headerLength} bytes got ${file.length - start}`);
  }
  const headerBytes = file.subarray(start, start + headerLength);
  let text: string;
  if (major === 3) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(headerBytes);
    } catch {
      throw new ValueError("the array header of a version 3.0 file is not UTF-8");
    }
  } else {
    text = latin1(headerBytes);
  }
  let literal: PythonLiteral;
  try {
    literal = parsePythonLiteral(text);
  } catch (error) {
    throw new ValueError(
      `Cannot parse header: ${pythonRepr(text.length > 200 ? `${text.slice(0, 200)}…` : text)} (${(error as Error).message})`,
      { cause: error },
    );
  }
  if (!(literal instanceof Map)) throw new ValueError(`Header is not a dictionary: ${pythonRepr(literal)}`);
  const keys = [...literal.keys()];
  if (keys.length !== 3 || !["descr", "fortran_order", "shape"].every((key) => literal.has(key))) {
    throw new ValueError(`Header does not contain the correct keys: ${pythonRepr(keys.map(String).sort())}`);
  }
  const rawShape = literal.get("shape")!;
  const shapeItems: readonly PythonLiteral[] | null =
    typeof rawShape === "object" && rawShape !== null && "tuple" in rawShape ? rawShape.tuple : null;
  if (
    shapeItems === null ||
    shapeItems.length > MAX_NDIM ||
    !shapeItems.every((n) => typeof n === "bigint" && n >= 0n && n <= BigInt(Number.MAX_SAFE_INTEGER))
  ) {
    throw new ValueError(`shape is not valid: ${pythonRepr(rawShape)}`);
  }
  const fortranOrder = literal.get("fortran_order");
  if (typeof fortranOrder !== "boolean") throw new ValueError(`fortran_order is not a valid bool: ${pythonRepr(fortranOrder!)}`);
  return { descr: literal.get("descr")!, fortranOrder, shape: shapeItems.map(Number), dataOffset: start + headerLength };
}

/**
 * A MemoryView over the array in a NumPy `.npy` file (format 1.0, 2.0 or
 * 3.0): its shape, its strides (Fortran ones for `fortran_order`), and a
 * struct / PEP 3118 format for its dtype: `<d`, `>i`, `?`, `<e`, `<Zd`,
 * `5s` for `S5` and `V5`, `<3w` for `U3`, `T{<i:id:4x<d:value:}` for a
 * structured dtype (padding, nesting and sub-arrays included).
 *
 * Without a copy when the data is aligned for its items (a file NumPy wrote,
 * read into its own buffer, always is): writes through a writable view then
 * change `bytes`. Otherwise over a copy of the data, read-only when `bytes`
 * is. Bytes after the data are ignored, as `numpy.load` ignores them.
 *
 * @param bytes - the file: a Uint8Array, an ArrayBuffer, or any contiguous exporter
 * @returns the view
 * @throws ValueError for a malformed or truncated file, an object (pickled) array
 *   ("Object arrays cannot be loaded when allow_pickle=False"), or a dtype with no struct format
 *
 * @example
 * ```ts
 * const file = writeNpy(MemoryView.from(Float64Array.of(1, 2, 3, 4, 5, 6)).reshape([2, 3]));
 * const view = readNpy(file);
 * [view.format, view.shape, view.get(1, 2)]; // returns ["<d", [2, 3], 6]
 * view.buffer === file.buffer; // returns true
 * ```
 * @example
 * ```ts
 * readNpy(new TextEncoder().encode("\x93NUMPY\x01\x00\x16\x00{'descr': '|O', 'fortran_order': False, 'shape': (1,)}")); // throws ValueError
 * readNpy(new Uint8Array(4)); // throws ValueError "the magic string is not correct; expected b'\\x93NUMPY', got b'\\x00\\x00\\x00\\x00'"
 * ```
 */
export function readNpy(bytes: unknown): MemoryView {
  const source = MemoryView.from(bytes, BufferFlags.CONTIG_RO);
  try {
    const base = source.layout.byteOffset;
    const file = new Uint8Array(source.buffer, base, source.nbytes);
    const header = readHeader(file);
    const item = npyItemOfDescr(header.descr);
    const { shape, dataOffset } = header;
    let count = 1;
    for (const length of shape) count *= length;
    const dataBytes = count * item.itemsize;
    if (!Number.isSafeInteger(dataBytes)) throw new ValueError(`shape is not valid: the array would hold more than 2**53 bytes`);
    const available = file.length - dataOffset;
    if (available < dataBytes) {
      throw new ValueError(`EOF: reading array data, expected ${dataBytes} bytes got ${available}`);
    }
    const byteStrides = header.fortranOrder ? fByteStrides(shape, item.itemsize) : cByteStrides(shape, item.itemsize);
    const layout = { shape, byteStrides, format: item.format, itemsize: item.itemsize };
    if ((base + dataOffset) % item.alignment === 0) {
      return source.derive({ ...layout, byteOffset: base + dataOffset });
    }
    // Misaligned data: copy it to the start of a new buffer, which is aligned for every item.
    const copy = file.slice(dataOffset, dataOffset + dataBytes);
    const view = MemoryView.from(copy).derive({ ...layout, byteOffset: 0 });
    return source.readonly ? view.toReadonly() : view;
  } finally {
    source.release();
  }
}
