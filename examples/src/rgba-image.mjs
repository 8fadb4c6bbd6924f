// An RGBA image (ImageData's layout: rows of width*4 bytes) cropped,
// flipped and transposed by views alone: every step changes only the
// offset, shape and strides, as NumPy's img[y0:y1, x0:x1], img[::-1] and
// img.transpose(1, 0, 2) do. Writing through the last view paints the
// original pixels.
//
//   node src/rgba-image.mjs
import { pathToFileURL } from "node:url";
import { MemoryView } from "@mv/core";

/** A width×height RGBA image whose pixel (x, y) is [x, y, x + y, 255]. */
export function makeImage(width, height) {
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set([x, y, x + y, 255], (y * width + x) * 4);
  }
  return { width, height, data: pixels };
}

/** The image as a (height, width, 4) view. */
export function imageView(image) {
  return MemoryView.from(image.data).reshape([image.height, image.width, 4]);
}

/** Rows [y0, y1) and columns [x0, x1). */
export const crop = (view, x0, y0, x1, y1) => view.slice([y0, y1], [x0, x1]);
/** Upside down. */
export const flipVertical = (view) => view.slice([null, null, -1]);
/** Left to right. */
export const flipHorizontal = (view) => view.slice([null], [null, null, -1]);
/** Rows become columns (the pixel channels stay together). */
export const transpose = (view) => view.permute(1, 0, 2);

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const image = makeImage(6, 4);
  const view = transpose(flipVertical(crop(imageView(image), 1, 1, 5, 4)));
  console.log(`shape ${view.shape}, strides ${view.strides}, same memory: ${view.buffer === image.data.buffer}`);
  console.log(`view[0][0] = ${view.slice([0, 1], [0, 1]).toList()[0][0]}`);
  view.slice([0, 1], [0, 1]).fill(0); // paints one original pixel black
  console.log(`original (1, 3) = ${image.data.subarray((3 * 6 + 1) * 4, (3 * 6 + 2) * 4)}`);
}
