#!/usr/bin/env node
// The main job of the quick start: decode a WAV file's header with @mv/core's
// struct codec, exactly as one would with Python's `struct` module.
//
//   node read-wav.mjs tone.wav
//
// A WAV file is a RIFF container: a 12-byte header, then chunks, each an
// ASCII id and a little-endian 32-bit size. The "fmt " chunk describes the
// samples; the "data" chunk holds them.
import { readFileSync } from "node:fs";
import { Struct, iterUnpack, unpackFrom } from "@mv/core";

const path = process.argv[2];
if (!path) {
  console.error("usage: read-wav.mjs FILE.wav");
  process.exit(2);
}
const bytes = new Uint8Array(readFileSync(path));
const ascii = (b) => String.fromCharCode(...b);

const riffHeader = new Struct("<4sI4s");
const chunkHeader = new Struct("<4sI");
const fmtBody = new Struct("<HHIIHH");

const [riff, riffSize, wave] = riffHeader.unpackFrom(bytes, 0);
if (ascii(riff) !== "RIFF" || ascii(wave) !== "WAVE") {
  console.error(`${path}: not a RIFF/WAVE file`);
  process.exit(1);
}
console.log(`${path}: RIFF ${ascii(wave)}, ${riffSize + 8} bytes`);

let offset = riffHeader.size;
while (offset + chunkHeader.size <= bytes.length) {
  const [id, size] = chunkHeader.unpackFrom(bytes, offset);
  const body = offset + chunkHeader.size;
  const name = ascii(id);
  console.log(`chunk ${JSON.stringify(name)} at ${offset}, ${size} bytes`);
  if (name === "fmt ") {
    const [audioFormat, channels, sampleRate, byteRate, blockAlign, bitsPerSample] = fmtBody.unpackFrom(bytes, body);
    console.log(`  audio format   ${audioFormat} (${audioFormat === 1 ? "PCM" : "other"})`);
    console.log(`  channels       ${channels}`);
    console.log(`  sample rate    ${sampleRate} Hz`);
    console.log(`  byte rate      ${byteRate} bytes/s`);
    console.log(`  block align    ${blockAlign} bytes`);
    console.log(`  bits/sample    ${bitsPerSample}`);
  } else if (name === "data") {
    const samples = bytes.subarray(body, body + size);
    let peak = 0;
    let count = 0;
    for (const [sample] of iterUnpack("<h", samples)) {
      peak = Math.max(peak, Math.abs(sample));
      count++;
    }
    const first = unpackFrom("<8h", samples, 0);
    console.log(`  ${count} samples, peak ${peak}, first ${first.join(" ")}`);
  }
  offset = body + size + (size & 1); // chunks are padded to an even size
}
