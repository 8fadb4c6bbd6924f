/**
 * `@mv/core/npy`: NumPy `.npy` files as MemoryViews, and any exporter as a
 * `.npy` file, with no dependency: `readNpy` parses the header with a small
 * strict parser for the Python literals NumPy writes (nothing is
 * evaluated) and maps the dtype to a struct / PEP 3118 format; `writeNpy`
 * does the reverse.
 *
 * @packageDocumentation
 */

export { readNpy } from "./npy-read.js";
export { writeNpy } from "./npy-write.js";
export { npyDescrOfFormat, npyItemOfDescr, type NpyDescr, type NpyItem } from "./npy-dtype.js";
export { parsePythonLiteral, type PythonLiteral } from "./python-literal.js";
