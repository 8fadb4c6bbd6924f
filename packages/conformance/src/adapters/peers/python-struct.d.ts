// The CommonJS API of the npm package python-struct (it ships no types).
declare module "python-struct" {
  const PythonStruct: {
    sizeOf(format: string): number;
    pack(format: string, values: unknown[], checkBounds?: boolean): Uint8Array;
    unpack(format: string, data: Uint8Array, checkBounds?: boolean): unknown[];
    unpackFrom(format: string, data: Uint8Array, checkBounds: boolean, position: number): unknown[];
  };
  export default PythonStruct;
}
