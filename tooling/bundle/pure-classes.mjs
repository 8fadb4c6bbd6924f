// Marks each top-level class of a bundle as droppable when unused.
//
// A bundler (esbuild, Rollup) tree-shakes one file statement by statement
// and keeps any statement it cannot prove free of side effects. It cannot
// prove it for a class with a method keyed by a symbol held in a variable
// (`[GET_BUFFER]()`, `[DISPOSE]()`), nor for one that extends something, so
// in a single-file @mv/core every program kept MemoryView and all it uses:
// 88 KiB for a program that only calls `unpack`, where the same code as
// separate modules gave 48. Evaluating such a class has no effect but
// creating it (the packages declare `"sideEffects": false`), so each
// `var X = class … {` … `};` that esbuild prints at the top level becomes
// `var X = /* @__PURE__ */ (() => class … {` … `})();`, which every bundler
// drops when X is unused (an anonymous class is given the name X, which
// `var X = class {` gave it). Line numbers do not move, so the source map
// holds.

/** `code` with every top-level class expression wrapped in a pure IIFE. */
export function markClassesPure(code) {
  const lines = code.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = /^(var ([A-Za-z_$][\w$]*) = )class\b(.*\{)$/.exec(lines[i]);
    if (!start) continue;
    const [, declaration, name, rest] = start;
    // `var X = class {` names the class X; inside the arrow it would be
    // anonymous, so an anonymous class gets X as its own name.
    const head = /^ (?:extends\b|\{)/.test(rest) ? `class ${name}${rest}` : `class${rest}`;
    // esbuild closes a top-level class with `};` alone at column 0.
    const end = lines.indexOf("};", i + 1);
    if (end < 0) throw new Error(`pure-classes: no end for the class at line ${i + 1}`);
    lines[i] = `${declaration}/* @__PURE__ */ (() => ${head}`;
    lines[end] = "})();";
    i = end;
  }
  return lines.join("\n");
}
