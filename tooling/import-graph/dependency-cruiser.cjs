// The import graph of the workspace, checked by dependency-cruiser (run by
// this package's test, so by the workspace's test command; `pnpm lint:deps`
// prints the same report). Paths are matched from the workspace root.
//
// Layering rules apply to runtime imports: an `import type` is erased by the
// compiler, loads nothing and cannot take part in a load-order cycle or grow
// a bundle (layout/ takes the protocol's BufferInfo type, for one).
//
// Layers of @mv/core, each importing only those below it:
//   (base: errors.ts, memo-caches.ts) → layout/ → codec/ → protocol/ →
//   exporters/ → struct/ → view/ → interop/ (the subpath adapters, on the public index);
//   records/ (the record item codec) sits on codec/ alone, for view/ and
//   record-struct/ (RecordStruct, on records/ and struct/), each its own chunk
// and the packages: core ← builtins ← conformance; native may use core and
// builtins; nothing of core imports another package; builtins never native.

const RUNTIME = { dependencyTypesNot: ["type-only"] };
const core = "(^|/)packages/core/src/";
const layer = (name) => `${core}${name}/`;

/** A rule: runtime imports from `from` to `to` are refused. */
const forbid = (name, comment, from, to, extra = {}) => ({
  name,
  comment,
  severity: "error",
  from: { path: from, ...(extra.from ?? {}) },
  to: { path: to, ...RUNTIME, ...(extra.to ?? {}) },
});

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-runtime-cycle",
      comment: "A runtime import cycle: modules that load each other (type-only imports do not count)",
      severity: "error",
      from: { path: "(^|/)packages/[^/]+/src/" },
      to: { circular: true, ...RUNTIME, viaOnly: RUNTIME },
    },
    forbid(
      "core-not-above",
      "@mv/core uses no other @mv package",
      "(^|/)packages/core/",
      "(^|/)packages/(builtins|native|conformance)/|@mv/(builtins|native|conformance)",
    ),
    forbid(
      "builtins-not-native",
      "@mv/builtins runs in browsers: it never uses @mv/native",
      "(^|/)packages/builtins/",
      "(^|/)packages/native/|@mv/native",
    ),
    forbid(
      "base-is-bottom",
      "errors.ts and memo-caches.ts sit below every layer of @mv/core",
      `${core}[^/]+\\.ts$`,
      `${core}[^/]+/`,
      { from: { pathNot: `${core}index\\.ts$` } },
    ),
    forbid(
      "layout-is-bottom",
      "layout/ is pure arithmetic on shapes and byte strides: it imports no other layer",
      layer("layout"),
      `${core}(codec|protocol|exporters|struct|records|record-struct|view)/`,
    ),
    forbid(
      "codec-below-protocol",
      "codec/ (the struct tables, grammar and compiler) is below the protocol, so getBuffer can measure a format without the struct module",
      layer("codec"),
      `${core}(protocol|exporters|struct|records|record-struct|view)/`,
    ),
    forbid(
      "protocol-below-struct-and-view",
      "protocol/ (getBuffer, validation, trust) is below struct/ and view/; of exporters/ it takes only the registry it dispatches to",
      layer("protocol"),
      `${core}(struct|records|record-struct|view)/|${core}exporters/(?!registry\\.ts$)`,
    ),
    forbid(
      "exporters-below-struct-and-view",
      "exporters/ (the built-in exporters) is below struct/ and view/",
      layer("exporters"),
      `${core}(struct|records|record-struct|view)/`,
    ),
    forbid(
      "struct-below-view",
      "struct/ (the struct module) is below view/ and knows nothing of records",
      layer("struct"),
      `${core}(records|record-struct|view)/`,
    ),
    forbid(
      "records-on-codec",
      "records/ (the record item codec, SPEC §2.1) takes only the codec, so views and RecordStruct share it and a program using only Struct or only MemoryView loads no more than it needs",
      layer("records"),
      `${core}(protocol|exporters|struct|record-struct|view)/`,
    ),
    forbid(
      "record-struct-on-top",
      "record-struct/ (RecordStruct) is used by the public index alone",
      `${core}(?!record-struct/|index\\.ts$)`,
      layer("record-struct"),
    ),
    forbid(
      "interop-on-top",
      "interop/ (@mv/core/ndarray, /pyodide, /npy) is built on the public index: nothing else in core imports it",
      `${core}(?!interop/)`,
      layer("interop"),
    ),
  ],
  options: {
    // Other packages are recorded as dependencies but not walked into: each
    // package's own sources are cruised from its src/.
    doNotFollow: { path: ["node_modules", "/dist/"] },
    exclude: { path: ["\\.test\\.ts$", "\\.d\\.ts$"] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
      extensions: [".ts", ".js", ".mjs", ".cjs"],
    },
  },
};
