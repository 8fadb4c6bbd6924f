// A Stryker ignorer plugin ("mv-equivalent-mutants", stryker.config.mjs's
// `ignorers`) that leaves out the equivalent mutants listed in
// equivalent-mutants.mjs, by configuration instead of comments in the sources.
//
// Stryker's ignorer interface sees syntax nodes, not mutators, and ignoring a
// node would ignore every mutant inside it. The entries name mutators on a
// line, as `// Stryker disable next-line M: reason` did, so the plugin gives
// Stryker exactly that: when it enters a file's Program node it attaches the
// directive to the first node that starts on the entry's line (in memory,
// before the traversal reaches that node), and Stryker's own directive
// handling ignores the same mutants, with the same status and reason, as the
// comment did. It ignores no node itself.
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";
import { EQUIVALENT_MUTANTS } from "./equivalent-mutants.mjs";

/** The 1-based line of `entry` in `code`; throws when it is not found exactly once. */
export function lineOf(entry, code) {
  const lines = code.split("\n");
  let from = 0;
  if (entry.after !== undefined) {
    const anchors = lines.flatMap((text, i) => (text.includes(entry.after) ? [i] : []));
    if (anchors.length !== 1) throw placeError(entry, `'${entry.after}' occurs ${anchors.length} times`);
    from = anchors[0] + 1;
  }
  const hits = lines.flatMap((text, i) => (i >= from && text.includes(entry.line) ? [i] : []));
  // After an anchor the first occurrence is meant; without one, the only one.
  if (hits.length === 0 || (entry.after === undefined && hits.length !== 1)) {
    throw placeError(entry, `'${entry.line}' occurs ${hits.length} times`);
  }
  return hits[0] + 1;
}

function placeError(entry, what) {
  return new Error(`equivalent-mutants.mjs: ${entry.file}: ${what}; update the entry to the code`);
}

/** The directive comment text an entry stands for. */
export function directiveOf(entry) {
  const scope = entry.to === "end" ? "" : " next-line";
  return ` Stryker disable${scope} ${entry.mutators.join(",")}: ${entry.reason}`;
}

/** The outermost node that starts on `line` and that Stryker's traversal enters (not a type or an import). */
function firstNodeOn(programPath, line) {
  let found = null;
  programPath.traverse({
    enter(path) {
      if (found !== null || path.isImportDeclaration() || path.isTSType() || path.isFlow()) {
        path.skip();
        return;
      }
      const loc = path.node.loc;
      if (loc === null || loc === undefined || loc.end.line < line) path.skip();
      else if (loc.start.line === line) {
        found = path.node;
        path.stop();
      }
    },
  });
  return found;
}

/** Attaches the directives of the entries for `fileName` to the nodes they name. */
export function attachDirectives(programPath, fileName, code, entries = EQUIVALENT_MUTANTS) {
  const normalized = fileName.replaceAll("\\", "/");
  for (const entry of entries) {
    if (!normalized.endsWith(`/${entry.file}`)) continue;
    const line = lineOf(entry, code);
    const node = firstNodeOn(programPath, line);
    if (node === null) throw placeError(entry, `no code starts on line ${line}`);
    node.leadingComments = [...(node.leadingComments ?? []), { type: "CommentLine", value: directiveOf(entry) }];
  }
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "mv-equivalent-mutants", {
    shouldIgnore(path) {
      if (path.isProgram()) {
        const file = path.hub?.file;
        attachDirectives(path, file?.opts?.filename ?? "", file?.code ?? "");
      }
      return undefined;
    },
  }),
];
