// The mutants the mutation score leaves out, and why: each is equivalent
// (no input the conformance suite could give tells it from the original),
// so it can only survive. Stryker reports them as "ignored" with the reason
// given here (`pnpm mutation:score` counts them in its "ignored" column);
// the sources carry no Stryker comments.
//
// An entry names its place by text, not by line number, so that edits
// elsewhere in the file do not move it:
//   file      the source file, from the workspace root
//   line      text on the line Stryker's `// Stryker disable next-line`
//             comment would have preceded (it must occur once in the file,
//             or once after `after`)
//   after     text on an earlier line, when `line` alone is not unique
//   mutators  the mutators left out on that line (Stryker's names); "all"
//   to        "end": from that line to the end of the file (every mutator
//             in `mutators`), as `// Stryker disable all` did
//   reason    why the mutants are equivalent
// The ignorer (equivalent-mutants-ignorer.mjs) fails the run when a place
// is no longer found, so the list cannot go stale unseen.
//
// The list is what the `// Stryker disable` comments it replaces ignored,
// mutant for mutant. Two of those comments sat before an `else` and so never
// applied (array.ts's `fromunicode` fallback, StringLiteral; siphash13.ts's
// `8 * (j - 4)`, ArithmeticOperator): their mutants were counted, and still
// are, so the recorded scores keep their meaning. Two others named
// BlockStatement on a line with no block (hash-bytes.ts, the empty-view fast
// path of memoryview/hash.ts); the entries name only what is ignored.

/** @type {readonly {file: string, line: string, after?: string, mutators: readonly string[], to?: "end", reason: string}[]} */
export const EQUIVALENT_MUTANTS = [
  // @mv/core
  {
    file: "packages/core/src/layout/fill-contiguous-strides.ts",
    line: 'order: ContiguityOrder = "C",',
    mutators: ["StringLiteral"],
    reason: 'any default order but "F" gives C strides',
  },
  {
    file: "packages/core/src/layout/fill-contiguous-strides.ts",
    line: "out: number[] = new Array<number>(shape.length),",
    mutators: ["ArrayDeclaration"],
    reason: "the strides functions assign every index",
  },
  {
    file: "packages/core/src/layout/float64-moves.ts",
    line: "function probeFloat64Moves(): boolean {",
    mutators: ["BlockStatement"],
    reason: "both copy loops move the bits exactly",
  },
  {
    file: "packages/core/src/layout/strided-copy.ts",
    line: "return dstExtent[0]! < srcExtent[1]! && srcExtent[0]! < dstExtent[1]!;",
    mutators: ["LogicalOperator"],
    reason: "more staging, same bytes",
  },
  {
    file: "packages/core/src/layout/strided-copy.ts",
    line: "let same = true;",
    mutators: ["BooleanLiteral"],
    reason: "both paths write the same bytes",
  },
  {
    file: "packages/core/src/layout/strided-copy.ts",
    line: "if (same) {",
    mutators: ["BlockStatement"],
    reason: "both paths write the same bytes",
  },
  {
    file: "packages/core/src/protocol/copy-buffer.ts",
    line: "return destStart < srcEnd && srcStart < destEnd;",
    mutators: ["LogicalOperator"],
    reason: "staging a disjoint copy gives the same bytes",
  },
  {
    file: "packages/core/src/struct/byte-source.ts",
    line: "this.reusable = found.window.byteLength > 0 && !isResizable(found.buffer);",
    mutators: ["EqualityOperator"],
    reason: "reusing an empty window, or never reusing one, reads the same bytes",
  },
  {
    file: "packages/core/src/view/cast.ts",
    line: "const out = new Array<number>(shape.length);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned below",
  },
  {
    file: "packages/core/src/view/cast.ts",
    line: "return { ...flat, shape: shape.slice(), byteStrides: cByteStrides(shape, flat.itemsize) };",
    mutators: ["MethodExpression"],
    reason: "the only caller passes a fresh array",
  },
  {
    file: "packages/core/src/view/fill.ts",
    line: "if (layout.flags & (LayoutFlag.C | LayoutFlag.F)) {",
    mutators: ["BlockStatement"],
    reason: "the strided path writes the same bytes",
  },
  {
    file: "packages/core/src/view/memory-view.ts",
    line: "if (spec === null || spec === undefined) continue; // the whole dimension",
    mutators: ["LogicalOperator"],
    reason: "the slow path gives the same layout",
  },
  {
    file: "packages/core/src/view/memory-view.ts",
    line: "const axes = new Array<number>(ndim);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned below",
  },
  {
    file: "packages/core/src/view/number-access.ts",
    line: "value < -128 || value > 127) return false;",
    mutators: ["UnaryOperator"],
    reason: "a refused fast write falls back to the codec, which writes the same",
  },
  {
    file: "packages/core/src/view/number-access.ts",
    line: "return true;",
    after: "value < -128 || value > 127) return false;",
    mutators: ["BooleanLiteral"],
    reason: "the codec rewrites the same byte",
  },
  {
    file: "packages/core/src/view/native-access.ts",
    line: 'e: { nativeSize: 2, standardSize: 2, kind: "float" },',
    mutators: ["StringLiteral"],
    reason: "elementType's default case is the float case",
  },
  {
    file: "packages/core/src/view/native-access.ts",
    line: 'f: { nativeSize: 4, standardSize: 4, kind: "float" },',
    mutators: ["StringLiteral"],
    reason: "elementType's default case is the float case",
  },
  {
    file: "packages/core/src/view/native-access.ts",
    line: 'd: { nativeSize: 8, standardSize: 8, kind: "float" },',
    mutators: ["StringLiteral"],
    reason: "elementType's default case is the float case",
  },
  {
    file: "packages/core/src/view/permute.ts",
    line: "const seen = new Array<boolean>(ndim).fill(false);",
    mutators: ["ArrayDeclaration"],
    reason: "undefined and false test the same",
  },
  {
    file: "packages/core/src/view/permute.ts",
    line: "const out = new Array<number>(ndim);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned below",
  },
  {
    file: "packages/core/src/view/permute.ts",
    line: "const shape = new Array<number>(ndim);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned below",
  },
  {
    file: "packages/core/src/view/permute.ts",
    line: "const byteStrides = new Array<number>(ndim);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned below",
  },
  {
    file: "packages/core/src/view/reshape.ts",
    line: "const shape = new Array<number>(newShape.length);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned below",
  },
  {
    file: "packages/core/src/view/reshape.ts",
    line: "const byteStrides = new Array<number>(ndim);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned below",
  },
  {
    file: "packages/core/src/view/reshape.ts",
    line: "const newStrides = new Array<number>(newNdim).fill(0);",
    mutators: ["ArrayDeclaration"],
    reason: "every index is assigned before it is read",
  },
  {
    file: "packages/core/src/view/slice.ts",
    line: "if (spec === null || spec === undefined) return adjustSlice(length, null, null, null, out);",
    mutators: ["LogicalOperator"],
    reason: "null and undefined never reach it",
  },
  // @mv/builtins
  {
    file: "packages/builtins/src/array/growth.ts",
    line: "export function arrayGrowth(",
    mutators: ["all"],
    to: "end",
    reason: "an allocation policy, not observable through the public API",
  },
  {
    file: "packages/builtins/src/buffer/buffer.ts",
    line: 'if (isBufferExporter(value)) return baseBytes(value as object, "read", false);',
    mutators: ["BooleanLiteral"],
    reason: 'unused for the kind "read"',
  },
  {
    file: "packages/builtins/src/bytearray/bytearray.ts",
    line: "return new ByteArray(this.#bytes().slice());",
    mutators: ["MethodExpression"],
    reason: "the constructor copies either way",
  },
  {
    file: "packages/builtins/src/bytearray/growth.ts",
    line: "export const bytearrayGrowth: GrowthPolicy =",
    mutators: ["all"],
    to: "end",
    reason: "an allocation policy, not observable through the public API",
  },
  {
    file: "packages/builtins/src/hash-bytes.ts",
    line: "if (x === -1n) x = -2n;",
    mutators: ["ConditionalExpression", "UnaryOperator"],
    reason: "unreachable by any known input",
  },
  {
    file: "packages/builtins/src/memoryview/hash.ts",
    line: "if (layout.nbytes === 0) return hashBytes(new Uint8Array(0));",
    mutators: ["ConditionalExpression"],
    reason: "equivalent fast path (see the comment above it)",
  },
  {
    file: "packages/builtins/src/memoryview/hash.ts",
    line: "if (layout.flags & LayoutFlag.C) {",
    mutators: ["ConditionalExpression", "BlockStatement"],
    reason: "equivalent fast path (see the comment above it)",
  },
  {
    file: "packages/builtins/src/siphash13.ts",
    line: "const carry = lo < v[a + 1]! ? 1 : 0;",
    mutators: ["EqualityOperator"],
    reason: "equivalent for every input a case can give",
  },
  {
    file: "packages/builtins/src/siphash13.ts",
    line: "for (let j = 0; i + j < n; j++) {",
    mutators: ["EqualityOperator"],
    reason: "equivalent for every input a case can give",
  },
];
