// WebAssembly memory read as an array of C structs, in place. The module
// (assembled below, byte by byte, so no toolchain is needed) keeps three
// `struct { int32 id; double x, y; }` records in its memory (a data
// segment) and exports `store_f64(address, value)`. A MemoryView cast to
// the PEP 3118 format `T{<i:id:4x<d:x:<d:y:}` reads them as records, sees
// the module's own writes, and survives `memory.grow()`.
//
//   node src/wasm-structs.mjs
import { pathToFileURL } from "node:url";
import { MemoryView, formatItemsize, pack } from "@mv/core";

/** The record format: id, 4 padding bytes (C alignment of the doubles), x, y. */
export const PARTICLE = "T{<i:id:4x<d:x:<d:y:}";
/** Where the records start in the module's memory. */
export const RECORDS_ADDRESS = 16;

const section = (id, bytes) => [id, bytes.length, ...bytes];
const name = (text) => [text.length, ...new TextEncoder().encode(text)];

/** A module with one memory page, three records, and store_f64. */
export function particleModuleBytes(records) {
  const segment = records.flatMap(({ id, x, y }) => [...pack("<i4xdd", id, x, y)]);
  if (segment.length > 127) throw new RangeError("keep the demo segment under 128 bytes (1-byte LEB128 sizes)");
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // "\0asm", version 1
    ...section(1, [0x01, 0x60, 0x02, 0x7f, 0x7c, 0x00]), // type 0: (i32, f64) -> ()
    ...section(3, [0x01, 0x00]), // function 0 has type 0
    ...section(5, [0x01, 0x00, 0x01]), // one memory, at least 1 page
    ...section(7, [0x02, ...name("memory"), 0x02, 0x00, ...name("store_f64"), 0x00, 0x00]),
    // store_f64: local.get 0; local.get 1; f64.store align=8 offset=0; end
    ...section(10, [0x01, 0x09, 0x00, 0x20, 0x00, 0x20, 0x01, 0x39, 0x03, 0x00, 0x0b]),
    // data segment: active, memory 0, at i32.const RECORDS_ADDRESS
    ...section(11, [0x01, 0x00, 0x41, RECORDS_ADDRESS, 0x0b, segment.length, ...segment]),
  ]);
}

/** Instantiates the module and views its records. */
export async function loadParticles(records) {
  const { instance } = await WebAssembly.instantiate(particleModuleBytes(records));
  const { memory, store_f64: storeF64 } = instance.exports;
  // struct.calcsize takes only struct syntax; PEP 3118 formats have formatItemsize.
  const recordBytes = formatItemsize(PARTICLE);
  const particles = MemoryView.from(memory)
    .slice([RECORDS_ADDRESS, RECORDS_ADDRESS + records.length * recordBytes])
    .cast(PARTICLE);
  return { memory, storeF64, particles, recordBytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { memory, storeF64, particles, recordBytes } = await loadParticles([
    { id: 1, x: 0.5, y: -1 },
    { id: 2, x: 1.5, y: -2 },
    { id: 3, x: 2.5, y: -3 },
  ]);
  console.log(`${particles.length} records of ${recordBytes} bytes: ${JSON.stringify(particles.toList())}`);
  storeF64(RECORDS_ADDRESS + recordBytes + 8, 42); // wasm writes particle[1].x
  memory.grow(1);
  console.log(`after store_f64 and grow: particle[1] = ${JSON.stringify(particles.get(1))}`);
}
