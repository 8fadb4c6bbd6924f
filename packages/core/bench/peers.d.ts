/** The parts of the untyped npm peers that the struct benchmark calls. */
declare module "@aksel/structjs" {
  interface AkselStruct {
    unpack_from(buffer: ArrayBufferLike, offset: number): unknown[];
    pack_into(buffer: ArrayBufferLike, offset: number, ...values: unknown[]): void;
    pack(...values: unknown[]): ArrayBuffer;
    readonly size: number;
  }
  const struct: (format: string) => AkselStruct;
  export default struct;
}

declare module "restructure" {
  interface Codec {
    fromBuffer(buffer: Uint8Array): Record<string, unknown>;
    toBuffer(value: Record<string, unknown>): Uint8Array;
  }
  export class Struct implements Codec {
    constructor(fields: Record<string, unknown>);
    fromBuffer(buffer: Uint8Array): Record<string, unknown>;
    toBuffer(value: Record<string, unknown>): Uint8Array;
  }
  export const int32le: unknown;
  export const uint16le: unknown;
  export const uint32le: unknown;
  export const doublele: unknown;
}

// binary-parser ships types, but its package.json `exports` hides them from
// TypeScript's resolver: this is the part the benchmark calls.
declare module "binary-parser" {
  export class Parser {
    endianness(order: "little" | "big"): Parser;
    int32(name: string): Parser;
    uint16(name: string): Parser;
    uint32(name: string): Parser;
    int64(name: string): Parser;
    doublele(name: string): Parser;
    buffer(name: string, options: { length: number }): Parser;
    parse(buffer: Uint8Array): Record<string, unknown>;
  }
}
