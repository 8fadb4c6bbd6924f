// NumPy .npy files without NumPy, through `@mv/core/npy`: a structured
// array of records written as a file NumPy loads, and read back as a view
// over the file's own bytes.
//
//   node src/npy-files.mjs [out.npy]
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { MemoryView } from "@mv/core";
import { readNpy, writeNpy } from "@mv/core/npy";

/** The record of one measurement: NumPy's dtype([('id', '<i4'), ('t', '<f8'), ('xy', '<f4', (2,))], align=True). */
export const MEASUREMENT = "T{<i:id:4x<d:t:(2)<f:xy:}";

/** Writes `count` measurements to `path` as a .npy file and reads them back. */
export function roundTrip(path, count) {
  const records = MemoryView.from(new ArrayBuffer(24 * count)).derive({ format: MEASUREMENT, shape: [count] });
  for (let i = 0; i < count; i++) records.set(i, [i + 1, i / 4, [i, -i]]);
  writeFileSync(path, writeNpy(records));
  const file = readFileSync(path);
  const back = readNpy(file);
  return {
    back,
    zeroCopy: back.buffer === file.buffer,
    header: file
      .subarray(10, 10 + file.readUInt16LE(8))
      .toString("latin1")
      .trimEnd(),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const path = process.argv[2] ?? join(tmpdir(), "measurements.npy");
  const { back, zeroCopy, header } = roundTrip(path, 3);
  console.log(`wrote ${path}: ${header}`);
  console.log(`read back: format ${back.format}, shape ${back.shape}, zero-copy ${zeroCopy}`);
  console.log(`records: ${JSON.stringify(back.toList())}`);
  console.log(`in Python: numpy.load(${JSON.stringify(path)}, allow_pickle=False)`);
}
