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
