// The CommonJS API of the npm package @aksel/structjs (it ships no types).
declare module "@aksel/structjs" {
  interface CompiledStruct {
    readonly format: string;
    readonly size: number;
    pack(...values: unknown[]): ArrayBuffer;
    unpack(buffer: ArrayBuffer): unknown[];
    pack_into(buffer: ArrayBuffer, offset: number, ...values: unknown[]): void;
    unpack_from(buffer: ArrayBuffer, offset?: number): unknown[];
    iter_unpack(buffer: ArrayBuffer): Iterable<unknown[]>;
  }
  function struct(format: string): CompiledStruct;
  export default struct;
}
