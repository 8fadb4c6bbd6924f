/** What the runner needs of the TypeScript compiler (pass `import ts from "typescript"`). */
export interface TypeScriptCompiler {
  transpileModule(
    input: string,
    options: { compilerOptions: { target: number; module: number; verbatimModuleSyntax?: boolean } },
  ): { outputText: string };
  ScriptTarget: { ES2022: number };
  ModuleKind: { ESNext: number };
  // The parts of the AST resolveImports walks (the real `typescript` module has them all).
  createSourceFile(name: string, text: string, target: number, setParentNodes: boolean): unknown;
  isImportDeclaration(node: unknown): boolean;
  isNamespaceImport(node: unknown): boolean;
}
/** What the runner needs of vitest's `expect`. */
export type Expect = (
  actual: unknown,
  message?: string,
) => {
  toEqual(expected: unknown): void;
  toBe(expected: unknown): void;
};
/** An `@example` block and the export it documents. */
export interface Example {
  owner: string;
  code: string;
}
export interface ExportOptions {
  /** The declaration keywords looked at; function, const and class unless told. */
  kinds?: readonly string[];
  /** "first": look only at the first of several declarations of one name (overloads). */
  overloads?: "each" | "first";
  /** false: any doc comment will do on an interface or type. */
  typesNeedExample?: boolean;
}
/** Every `.ts` file under `dir`, subdirectories included. */
export declare function sourceFiles(dir: string): string[];
/** The ```ts blocks after `@example` tags in one doc comment. */
export declare function exampleBlocksOf(comment: string): string[];
/** The `@example` blocks of every doc comment in `text`, members' included. */
export declare function exampleBlocks(text: string): string[];
/** The `@example` blocks of the exports of `text`, and the exports that have none. */
export declare function exportExamples(text: string, options?: ExportOptions): { examples: Example[]; undocumented: string[] };
/** The exports of `text` without an `@example`. */
export declare function undocumentedExports(text: string, options?: ExportOptions): string[];
/** The public instance members of a class: own prototype names, not `_`-prefixed. */
export declare function publicMembers(cls: { prototype: object }): string[];
/** The members among `names` declared in `text` without an `@example`, or not declared. */
export declare function membersWithoutExample(text: string, names: readonly string[], modifiers?: readonly string[]): string[];
/** A README section, from `marker` up to the next `## ` heading, and its ```ts blocks. */
export declare function readmeSection(readme: string, marker: string): { start: number; section: string; blocks: string[] };
/** Drops the one-line `import … from "<pkg>";` statements of the given packages (prefer the runner's `modules`). */
export declare function withoutImports(code: string, packages: readonly string[]): string;
/** Rewrites the checked lines of example code into calls of `__returns` and `__throws`. */
export declare function instrument(code: string): string;
/** Splits `a; b; expr; // returns value` into its statements, expression and value. */
export declare function splitReturnsLine(line: string): { statements: string; expression: string; value: string };
export interface DocExampleRunner {
  /** Transpiles and runs example code with `scope` in view; returns how many lines it checked. */
  run(code: string, scope: Record<string, unknown>): number;
  /** Checks one plain JavaScript `statements; expr; // returns value` line. */
  runLine(line: string, scope: Record<string, unknown>): void;
}
/** Replaces the `import` declarations of transpiled example code by checked bindings from `__import`. */
export declare function resolveImports(ts: TypeScriptCompiler, js: string): string;
/**
 * The runner. `modules` maps the specifiers an example may import to the
 * module namespaces they stand for; imports are resolved against it as
 * written (a name the module does not export fails the example).
 */
export declare function createDocExampleRunner(tools: {
  ts?: TypeScriptCompiler;
  expect: Expect;
  modules?: Record<string, Record<string, unknown>>;
}): DocExampleRunner;
