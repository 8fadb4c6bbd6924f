/**
 * A naive model of Python's struct, for property tests: layout from a table of
 * C sizes and alignments written out here (not the codec's), integers written
 * byte by byte with BigInt arithmetic, floats through typed arrays.
 */

export const PREFIXES = ["", "@", "=", "<", ">", "!"] as const;
export type Prefix = (typeof PREFIXES)[number];
export const CODES = "xcbB?hHiIlLqQnNefdspP";

/** [size, alignment] of each code in native mode on x86-64 Linux. */
const NATIVE: Record<string, [number, number]> = {
  x: [1, 1],
  c: [1, 1],
  b: [1, 1],
  B: [1, 1],
  "?": [1, 1],
  h: [2, 2],
  H: [2, 2],
  i: [4, 4],
  I: [4, 4],
  l: [8, 8],
  L: [8, 8],
  q: [8, 8],
  Q: [8, 8],
  n: [8, 8],
  N: [8, 8],
  e: [2, 2],
  f: [4, 4],
  d: [8, 8],
  s: [1, 1],
  p: [1, 1],
  P: [8, 8],
};
const STANDARD: Record<string, number> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 4,
  L: 4,
  q: 8,
  Q: 8,
  e: 2,
  f: 4,
  d: 8,
  s: 1,
  p: 1,
};

export function isNative(prefix: Prefix): boolean {
  return prefix === "" || prefix === "@";
}

export function codesFor(prefix: Prefix): string[] {
  return [...CODES].filter((c) => isNative(prefix) || !"nNP".includes(c));
}

export function sizeOf(prefix: Prefix, code: string): number {
  return isNative(prefix) ? NATIVE[code]![0] : STANDARD[code]!;
}

function alignOf(prefix: Prefix, code: string): number {
  return isNative(prefix) ? NATIVE[code]![1] : 1;
}

export interface Item {
  code: string;
  count: number;
}

export interface Field {
  code: string;
  byteOffset: number;
  /** For s and p: the field's length. */
  length: number;
}

/** The size (exact) and the value fields of a format. */
export function layout(prefix: Prefix, items: Item[]): { size: bigint; fields: Field[] } {
  let size = 0n;
  const fields: Field[] = [];
  for (const { code, count } of items) {
    const a = BigInt(alignOf(prefix, code));
    size = ((size + a - 1n) / a) * a;
    const item = BigInt(sizeOf(prefix, code));
    if (code === "s" || code === "p") {
      fields.push({ code, byteOffset: Number(size), length: count });
      size += BigInt(count);
    } else {
      if (code !== "x") {
        for (let j = 0; j < count; j++) fields.push({ code, byteOffset: Number(size) + j * Number(item), length: 0 });
      }
      size += BigInt(count) * item;
    }
  }
  return { size, fields };
}

export function formatString(prefix: Prefix, items: Item[], spaces = ""): string {
  return (
    prefix + items.map(({ code, count }) => (count === 1 && code !== "s" && code !== "p" ? code : `${count}${code}`)).join(spaces)
  );
}

function signed(code: string): boolean {
  return "bhilqn".includes(code);
}

/** The range of an integer code. */
export function intRange(prefix: Prefix, code: string): [bigint, bigint] {
  const bits = BigInt(8 * sizeOf(prefix, code));
  if (code === "P") return [0n, (1n << bits) - 1n];
  return signed(code) ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
}

function writeInt(out: Uint8Array, at: number, size: number, little: boolean, value: bigint): void {
  let v = BigInt.asUintN(size * 8, value);
  for (let k = 0; k < size; k++) {
    out[little ? at + k : at + size - 1 - k] = Number(v & 0xffn);
    v >>= 8n;
  }
}

/** Packs values (already of the right types) into bytes. `half` gives the bits of an `e`. */
export function modelPack(prefix: Prefix, items: Item[], values: unknown[], half: (x: number) => number): Uint8Array {
  const { size, fields } = layout(prefix, items);
  const out = new Uint8Array(Number(size));
  const little = prefix !== ">" && prefix !== "!";
  fields.forEach((field, i) => {
    const v = values[i];
    const at = field.byteOffset;
    const n = sizeOf(prefix, field.code);
    switch (field.code) {
      case "c":
        out[at] = (v as Uint8Array)[0]!;
        break;
      case "?":
        out[at] = v ? 1 : 0;
        break;
      case "s":
        out.set((v as Uint8Array).subarray(0, field.length), at);
        break;
      case "p": {
        const data = (v as Uint8Array).subarray(0, Math.max(0, field.length - 1));
        if (field.length > 0) {
          out[at] = Math.min(data.length, 255);
          out.set(data, at + 1);
        }
        break;
      }
      case "e":
        writeInt(out, at, 2, little, BigInt(half(v as number)));
        break;
      case "f":
      case "d": {
        const bytes = new Uint8Array(
          field.code === "f" ? new Float32Array([v as number]).buffer : new Float64Array([v as number]).buffer,
        );
        if (!little) bytes.reverse();
        out.set(bytes, at);
        break;
      }
      default:
        writeInt(out, at, n, little, BigInt(v as number | bigint));
    }
  });
  return out;
}

/** What unpack gives back for a packed value (CONTRACT §2 types). */
export function modelUnpacked(prefix: Prefix, field: Field, value: unknown): unknown {
  switch (field.code) {
    case "c":
      return value;
    case "?":
      return Boolean(value);
    case "s": {
      const out = new Uint8Array(field.length);
      out.set((value as Uint8Array).subarray(0, field.length));
      return out;
    }
    case "p":
      return field.length === 0 ? new Uint8Array(0) : (value as Uint8Array).slice(0, Math.min(field.length - 1, 255));
    case "e":
    case "d":
      return value;
    case "f":
      return Math.fround(value as number);
    default: {
      const big = BigInt(value as number | bigint);
      if (sizeOf(prefix, field.code) === 8) return field.code === "P" ? BigInt.asUintN(64, big) : big;
      return Number(big);
    }
  }
}
