// esbuild turns a top-level `class MemoryView { … }` whose body names itself
// into `var MemoryView = class _MemoryView { … }`, and the class's `name`
// becomes "_MemoryView": a user would see it in logs, and the Python-style
// messages that print an object's type name would print it. keepNames would
// fix it at the cost of a `__name` call for every function (a fifth more
// bytes in users' bundles), so instead the inner name is given back:
// `_MemoryView` → `MemoryView` in that file. Both bindings hold the same
// class (the outer `var` is never assigned again), so the rename only
// changes `name`. A file where `_MemoryView` is declared elsewhere is left
// alone (and the pack check's name test would catch it).

/** `code` with each `var X = class _X` made `var X = class X`. */
export function restoreClassNames(code) {
  let out = code;
  for (const [, name] of code.matchAll(/^var ([A-Za-z$][\w$]*) = class _\1\b/gm)) {
    const inner = `_${name}`;
    const declarations = out.match(new RegExp(`\\b(?:var|let|const|function|class) ${inner.replace("$", "\\$")}\\b`, "g")) ?? [];
    if (declarations.length !== 1) continue;
    // A written-out string or property named `_X` stays as it is.
    out = out.replace(new RegExp(`(?<![\\w$."'\`])${inner.replace("$", "\\$")}(?![\\w$"'\`])`, "g"), name);
  }
  return out;
}
