#!/usr/bin/env node
// A main job for @mv/builtins: decode a WAV file with Python's memoryview,
// as one would in Python -- slices and casts of one view over the file's
// bytes, no copies until the numbers are read.
//
//   node wav-memoryview.mjs FILE.wav
//
// A WAV file is a RIFF container: a 12-byte header, then chunks, each an
// ASCII id and a little-endian 32-bit size. The "fmt " chunk describes the
// samples; the "data" chunk holds them (16-bit little-endian PCM here).
import { readFileSync } from "node:fs";
import { bytes, memoryview, slice } from "@mv/builtins";

const path = process.argv[2];
if (!path) {
  console.error("usage: wav-memoryview.mjs FILE.wav");
  process.exit(2);
}
const file = memoryview(bytes(readFileSync(path)));
const ascii = (b) => String.fromCharCode(...b);
// m[start:stop], then the bytes read as one struct record (memoryview.cast
// to any struct format is this package's extension of CPython's).
const record = (start, format, size) =>
  file
    .get(slice(start, start + size))
    .cast(format)
    .get(0);

const [riff, riffSize, wave] = record(0, "<4sI4s", 12);
if (ascii(riff) !== "RIFF" || ascii(wave) !== "WAVE") {
  console.error(`${path}: not a RIFF/WAVE file`);
  process.exit(1);
}
console.log(`${path}: RIFF ${ascii(wave)}, ${riffSize + 8} bytes, hash ${file.hash()}`);

let channels = 1;
let offset = 12;
while (offset + 8 <= file.length) {
  const [id, size] = record(offset, "<4sI", 8);
  const body = offset + 8;
  const name = ascii(id);
  console.log(`chunk ${JSON.stringify(name)} at ${offset}, ${size} bytes: ${file.get(slice(offset, body)).hex(" ", 4)}`);
  if (name === "fmt ") {
    const [audioFormat, nchannels, sampleRate, byteRate, blockAlign, bitsPerSample] = record(body, "<HHIIHH", 16);
    channels = nchannels;
    console.log(`  audio format   ${audioFormat} (${audioFormat === 1 ? "PCM" : "other"})`);
    console.log(`  channels       ${channels}`);
    console.log(`  sample rate    ${sampleRate} Hz`);
    console.log(`  byte rate      ${byteRate} bytes/s`);
    console.log(`  block align    ${blockAlign} bytes`);
    console.log(`  bits/sample    ${bitsPerSample}`);
  } else if (name === "data") {
    // One view of the samples: frames x channels, without a copy.
    const samples = file.get(slice(body, body + size)).cast("<h");
    const frames = samples.cast("B").cast("<h", [samples.length / channels, channels]);
    const first = frames.get([slice(null, 8), 0]).tolist();
    let peak = 0;
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
    const silent = samples.count(0);
    console.log(`  ${frames.shape[0]} frames of ${channels}, peak ${peak}, ${silent} zero samples, first ${first.join(" ")}`);
    console.log(`  last frame is the same as the first: ${frames.get(-1).equals(frames.get(0))}`);
    frames.release();
    samples.release();
  }
  offset = body + size + (size & 1); // chunks are padded to an even size
}
file.release();
