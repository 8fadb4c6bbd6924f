// The style guide makes every documented example a test: a TSDoc `@example`
// block or a README code block runs, and each of its lines
//   `expr; // returns value`          checks that expr equals value,
//   `stmt; // throws Name`            checks that stmt throws an error so named,
//   `stmt; // throws Name "message"`  checks its message too.
// This module is the one copy of that machinery the packages' doc-example
// tests share: finding the examples (and the exports that lack one),
// rewriting the checked lines, transpiling them and running them with the
// package's exports in scope. An example's `import` statements are resolved
// as written: each imported name must be an export of the module it names
// (the runner is given those modules), so a README that imports a name from
// the wrong package fails its test. What each test scans, which names it requires
// to be documented and which scope it runs with stay in the test.
//
// The TypeScript compiler and vitest's `expect` come from the caller, so this
// package needs no dependency of its own: they resolve from the package
// whose tests run.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every `.ts` file under `dir`, subdirectories included. */
export function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Strips the ` * ` margin of a doc comment, leaving its text. */
function docText(comment) {
  return comment
    .split("\n")
    .map((line) => line.replace(/^\s*\/?\*+\/?\s?/, ""))
    .join("\n");
}

/** The ```ts blocks after `@example` tags in one doc comment (`/** … *\/`). */
export function exampleBlocksOf(comment) {
  return [...docText(comment).matchAll(/@example\s*```ts\n([\s\S]*?)```/g)].map((block) => block[1]);
}

/** The `@example` blocks of every doc comment in `text`, members' included. */
export function exampleBlocks(text) {
  return [...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].flatMap((comment) => exampleBlocksOf(comment[0]));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const TYPE_KINDS = new Set(["interface", "type"]);

/**
 * The top-level exports of `text` (`export [declare] [async] <kind> name`
 * at the start of a line, for each kind in `kinds`), each with the doc
 * comment right above it, if any.
 */
function exportsOf(text, kinds) {
  const declaration = new RegExp(
    String.raw`(?:(\/\*\*(?:[^*]|\*(?!\/))*\*\/)\s*)?^export (?:declare )?(?:async )?(${kinds.join("|")}) (\w+)`,
    "gm",
  );
  return [...text.matchAll(declaration)].map(([, doc, kind, name]) => ({ doc, kind, name }));
}

/**
 * The `@example` blocks of the exports of `text`, each with the export it
 * documents, and the exports that have none.
 *
 * Options: `kinds`, the declaration keywords looked at (function, const and
 * class unless told); `overloads: "first"` to look only at the first of
 * several declarations of one name (an overloaded function's implementation
 * signature repeats it, undocumented); `typesNeedExample: false` to accept
 * any doc comment on an interface or type.
 */
export function exportExamples(
  text,
  { kinds = ["function", "const", "class"], overloads = "each", typesNeedExample = true } = {},
) {
  const examples = [];
  const undocumented = [];
  const seen = new Set();
  for (const { doc, kind, name } of exportsOf(text, kinds)) {
    if (overloads === "first") {
      if (seen.has(name)) continue;
      seen.add(name);
    }
    if (doc === undefined || !doc.includes("@example")) {
      if (!(TYPE_KINDS.has(kind) && !typesNeedExample && doc !== undefined)) undocumented.push(name);
      continue;
    }
    for (const code of exampleBlocksOf(doc)) examples.push({ owner: name, code });
  }
  return { examples, undocumented };
}

/** The exports of `text` without an `@example` (see exportExamples for the options). */
export function undocumentedExports(text, options) {
  return exportExamples(text, options).undocumented;
}

/** The public instance members of a class: own prototype names, not `_`-prefixed. */
export function publicMembers(cls) {
  return Object.getOwnPropertyNames(cls.prototype).filter((name) => name !== "constructor" && !name.startsWith("_"));
}

/**
 * The members among `names` that a class body in `text` declares (indented
 * two spaces, after one of `modifiers`) without an `@example` in the doc
 * comment above, or does not declare at all.
 */
export function membersWithoutExample(text, names, modifiers = ["get ", "\\*"]) {
  return names.filter((name) => {
    const at = text.search(new RegExp(`\\n  (?:${modifiers.join("|")})?${name}\\(`));
    if (at < 0) return true;
    const doc = text.slice(text.lastIndexOf("/**", at), at);
    return !doc.includes("@example");
  });
}

/**
 * A README section, from `marker` up to the next `## ` heading, and its
 * ```ts blocks; `start` is where the marker is (-1 when there is none).
 */
export function readmeSection(readme, marker) {
  const start = readme.indexOf(marker);
  if (start < 0) return { start, section: "", blocks: [] };
  const next = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  return { start, section, blocks: [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((block) => block[1]) };
}

/**
 * Drops the one-line `import … from "<pkg>";` statements of the given
 * packages. Prefer the runner's `modules` option, which checks the imports
 * instead of dropping them.
 */
export function withoutImports(code, packages) {
  const from = packages.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");
  return code.replace(new RegExp(`^import [^;]*? from "(?:${from})";$`, "gm"), "");
}

/** Rewrites the checked lines of example code into calls of `__returns` and `__throws`. */
export function instrument(code) {
  return code
    .split("\n")
    .map((line) => {
      const returns = /^(\s*)(.*?);?\s*\/\/ returns (.+)$/.exec(line);
      if (returns) {
        const [, indent, expr, expected] = returns;
        return `${indent}__returns(() => (${expr}), () => (${expected}), ${JSON.stringify(line.trim())});`;
      }
      const throws = /^(\s*)(.*?);?\s*\/\/ throws (\w+)(?: (".*"))?$/.exec(line);
      if (throws) {
        const [, indent, stmt, name, message] = throws;
        return `${indent}__throws(() => { ${stmt}; }, ${JSON.stringify(name)}, ${message ?? "undefined"}, ${JSON.stringify(line.trim())});`;
      }
      return line;
    })
    .join("\n");
}

/** Splits `a; b; expr; // returns value` into its statements, expression and value. */
export function splitReturnsLine(line) {
  const [code, value] = line.split("// returns").map((s) => s.trim());
  const body = code.replace(/;\s*$/, "");
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === ";" && depth === 0) cut = i;
  }
  return {
    statements: cut < 0 ? "" : body.slice(0, cut + 1),
    expression: cut < 0 ? body : body.slice(cut + 1),
    value,
  };
}

/** The names of `scope` usable as parameters, and their values. */
function parameters(scope) {
  const names = Object.keys(scope).filter((name) => IDENTIFIER.test(name));
  return { names, values: names.map((name) => scope[name]) };
}

/** The names an import clause binds: `[imported, local]` pairs, the namespace's local name, the default's. */
function importBindings(ts, clause) {
  const named = [];
  let namespace = null;
  const defaultName = clause?.name?.text ?? null;
  const bindings = clause?.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) namespace = bindings.name.text;
  else if (bindings) {
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      named.push([(element.propertyName ?? element.name).text, element.name.text]);
    }
  }
  return { named, namespace, defaultName };
}

/**
 * Replaces each `import` declaration of transpiled example code by bindings
 * from `__import(specifier, names)`, which hands out the module the test
 * provides under that specifier and throws when the specifier is not
 * provided or a name is not among its exports: the import is resolved as
 * written, as a reader pasting the example would have it resolved.
 */
export function resolveImports(ts, js) {
  const file = ts.createSourceFile("example.js", js, ts.ScriptTarget.ES2022, false);
  const edits = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const specifier = JSON.stringify(statement.moduleSpecifier.text);
    const { named, namespace, defaultName } = importBindings(ts, statement.importClause);
    const names = [...named.map(([imported]) => imported), ...(defaultName === null ? [] : ["default"])];
    const module = `__import(${specifier}, ${JSON.stringify(names)})`;
    const lines = [];
    // `var`, not `const`: blocks of one README section run as one program,
    // and two of them may import the same name.
    if (named.length > 0)
      lines.push(
        `var { ${named.map(([imported, local]) => (imported === local ? local : `${imported}: ${local}`)).join(", ")} } = ${module};`,
      );
    if (defaultName !== null) lines.push(`var ${defaultName} = ${module}.default;`);
    if (namespace !== null) lines.push(`var ${namespace} = ${module};`);
    if (lines.length === 0) lines.push(`${module};`);
    edits.push({ start: statement.getStart(file), end: statement.end, text: lines.join(" ") });
  }
  let out = js;
  for (const { start, end, text } of edits.reverse()) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** The `__import` of examples: the module `modules` has under `specifier`, with each of `names` checked. */
function importerOf(modules) {
  return (specifier, names) => {
    if (!Object.hasOwn(modules, specifier)) {
      throw new Error(`the example imports "${specifier}", which its test does not provide`);
    }
    const module = modules[specifier];
    const missing = names.filter((name) => !(name in module));
    if (missing.length > 0) {
      throw new SyntaxError(`The requested module '${specifier}' does not provide an export named '${missing.join("', '")}'`);
    }
    return module;
  };
}

/**
 * The runner of examples: `run` transpiles example code (TypeScript) and
 * runs it with `scope` in view, checking its `// returns` and `// throws`
 * lines, and returns how many it checked; `runLine` checks one plain
 * JavaScript `statements; expr; // returns value` line on its own.
 *
 * `modules` maps the specifiers examples may import (`"@mv/core"`) to the
 * module namespaces they stand for; an example's imports are resolved
 * against it as written (see resolveImports).
 */
export function createDocExampleRunner({ ts, expect, modules = {} }) {
  const __import = importerOf(modules);
  function run(code, scope) {
    let checks = 0;
    const transpiled = ts.transpileModule(instrument(code), {
      // Keeps every import that is not marked `type`, used or not, so a
      // wrong one is seen even when the example never uses the name.
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    }).outputText;
    const js = resolveImports(ts, transpiled);
    const __returns = (actual, expected, line) => {
      checks++;
      expect(actual(), line).toEqual(expected());
    };
    const __throws = (fn, name, message, line) => {
      checks++;
      let caught;
      try {
        fn();
      } catch (error) {
        caught = error;
      }
      expect(caught?.name, line).toBe(name);
      if (message !== undefined) expect(caught.message, line).toBe(message);
    };
    const { names, values } = parameters(scope);
    new Function(...names, "__returns", "__throws", "__import", js)(...values, __returns, __throws, __import);
    return checks;
  }

  function runLine(line, scope) {
    const { statements, expression, value } = splitReturnsLine(line);
    const { names, values } = parameters(scope);
    const check = new Function(...names, `"use strict"; ${statements} return [(${expression}), (${value})];`);
    const [actual, expected] = check(...values);
    expect(actual).toEqual(expected);
  }

  return { run, runLine };
}
