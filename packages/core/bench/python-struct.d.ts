/** The part of npm `python-struct` (CommonJS, untyped) that the benchmark calls. */
declare module "python-struct" {
  const pythonStruct: {
    pack(format: string, values: unknown[]): Uint8Array;
    unpackFrom(format: string, data: Uint8Array, checkBounds: boolean, position: number): unknown[];
  };
  export default pythonStruct;
}
