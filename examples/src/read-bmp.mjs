// A real binary file, a 24-bit BMP, read with Python's tools: struct for
// the headers, then one view for the pixels. BMP stores rows bottom-up,
// each padded to 4 bytes, pixels as B, G, R. A view with a negative row
// stride, a 3-byte column stride and a -1 channel stride reads it top-down
// as (height, width, RGB), no copy, padding skipped.
//
//   node src/read-bmp.mjs [FILE.bmp]
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { MemoryView, ValueError, unpackFrom } from "@mv/core";
import { memoryview } from "@mv/builtins";

/** The BMP in `bytes` as { width, height, rgb }, `rgb` a (height, width, 3) memoryview. */
export function readBmp(bytes) {
  const [magic, , , , dataOffset] = unpackFrom("<2sIHHI", bytes, 0);
  if (magic[0] !== 0x42 || magic[1] !== 0x4d) throw new ValueError("not a BMP file (no 'BM' magic)");
  const [, width, signedHeight, , bitsPerPixel, compression] = unpackFrom("<IiiHHI", bytes, 14);
  if (bitsPerPixel !== 24 || compression !== 0) {
    throw new ValueError(`only uncompressed 24-bit BMP is read here, not ${bitsPerPixel}-bit/compression ${compression}`);
  }
  const height = Math.abs(signedHeight);
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  // A positive height means bottom-up rows: start at the last stored row.
  const bottomUp = signedHeight > 0;
  const firstRow = dataOffset + (bottomUp ? (height - 1) * rowBytes : 0);
  const pixels = MemoryView.from(bytes).derive({
    byteOffset: bytes.byteOffset + firstRow + 2, // R is the third byte of each pixel
    shape: [height, width, 3],
    byteStrides: [bottomUp ? -rowBytes : rowBytes, 3, -1],
    readonly: true,
  });
  return { width, height, rgb: memoryview(pixels) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const path = process.argv[2] ?? new URL("../fixtures/gradient.bmp", import.meta.url);
  const { width, height, rgb } = readBmp(readFileSync(path));
  console.log(`${width}x${height}, strides ${rgb.strides}`);
  console.log(`top row: ${JSON.stringify(rgb.tolist()[0])}`);
}
