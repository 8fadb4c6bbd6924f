// The group registry and how the suite loads: groups by topic with their
// needs declared once, golden data read only when a group asks for it, the
// package loadable with require(), and modules read as the suite reads them.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { countCases, GROUPS, resolveImplementation, selectGroups, suite, TOPICS } from "../src/index.js";
import * as builtins from "../src/adapters/builtins.js";
import * as independent from "../src/independent/index.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("the groups", () => {
  test("are named topic/sub-group, uniquely, under the seven topics and the manifest", () => {
    const names = GROUPS.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    expect(TOPICS).toEqual(["manifest", "protocol", "memoryview", "struct", "objects", "legacy", "numpy", "capi"]);
    for (const name of names) expect(name).toMatch(/^(manifest|[a-z]+\/[\w-]+)$/);
  });

  test("every case of a run belongs to the group that registered it", () => {
    const names: string[] = [];
    suite({ test: (name) => void names.push(name), impl: builtins, seed: 5, scale: 0.05 });
    const groups = new Set(GROUPS.map((g) => g.name));
    for (const name of names) expect(groups.has(name.slice(0, name.indexOf(": "))), name).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  test("select by group or topic; an unknown name is a RangeError", () => {
    expect(selectGroups(["struct/pack", "capi"]).map((g) => g.name)).toEqual([
      "struct/pack",
      "capi/pointers",
      "capi/contiguous",
      "capi/copies",
      "capi/fill-info",
    ]);
    expect(() => selectGroups(["golden-views"])).toThrow(RangeError);
    expect(() => suite({ test: () => {}, impl: builtins, groups: ["nope"] })).toThrow("unknown group 'nope'");
  });

  test("a module with none of a group's needs has the group skipped with the reason, never passed", () => {
    const counts = countCases({ impl: { name: "empty" } });
    for (const [name, { cases, skipped }] of Object.entries(counts)) {
      if (name === "manifest" || name === "protocol/flags" || name === "objects/types" || name === "memoryview/compare") continue;
      expect(cases, name).toBe(0);
      expect(skipped.join(), name).toMatch(/the module exports no|none of/);
    }
  });

  test("a feature declared unsupported runs its refusal twin instead of its cases", () => {
    const names: string[] = [];
    suite({
      test: (name) => void names.push(name),
      impl: independent,
      seed: 1,
      scale: 0.01,
      groups: ["memoryview/cast", "protocol/validation", "struct/pep3118"],
    });
    expect(names.filter((n) => n.includes(": refusal: cast"))).toHaveLength(1);
    expect(names.some((n) => n.startsWith("protocol/validation: refusal: a PIL-style exporter"))).toBe(true);
    expect(names.some((n) => n.startsWith("protocol/validation: refusal: a 2-dimensional exporter"))).toBe(true);
    expect(names.filter((n) => n.startsWith("struct/pep3118: refusal: a view of format"))).toHaveLength(4);
    // a module declaring the feature gets its cases, and no twin
    const full: string[] = [];
    suite({ test: (name) => void full.push(name), impl: builtins, seed: 1, scale: 0.01, groups: ["memoryview/cast"] });
    expect(full.some((n) => n.includes("refusal: cast"))).toBe(false);
    expect(full.length).toBeGreaterThan(100);
  });

  test("the random memoryview cases are shared out among the groups, each exactly once", () => {
    const names: string[] = [];
    suite({ test: (name) => void names.push(name), impl: builtins, seed: 9, scale: 0.1 });
    const numbers = names
      .map((n) => /^(?:memoryview\/[\w-]+|protocol\/release): random #(\d+) /.exec(n)?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 800 }, (_, i) => i));
  });
});

describe("module resolution", () => {
  test("finds struct and C API functions at a module's top level (@mv/core)", async () => {
    const impl = resolveImplementation(await import("@mv/core"));
    expect(typeof impl.struct?.pack).toBe("function");
    expect(typeof impl.struct?.Struct).toBe("function");
    expect(typeof impl.capi?.getPointer).toBe("function");
    expect(impl.capi?.POINTER_SIZE).toBe(8);
  });
  test("keeps an adapter's own struct member, and reads a default export", () => {
    const own = { calcsize: () => 1 };
    expect(resolveImplementation({ struct: own, pack: () => {} }).struct?.calcsize).toBe(own.calcsize);
    expect(resolveImplementation({ default: { memoryview: independent.memoryview } }).memoryview).toBe(independent.memoryview);
  });
});

describe("loading", () => {
  function node(script: string): string {
    const r = spawnSync(process.execPath, ["-e", script], { cwd: packageDir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.trim();
  }

  test("require('@mv/conformance') works and reads no fixture; a group reads only its own", () => {
    const out = node(`
      const fs = require("node:fs");
      const read = fs.readFileSync;
      const seen = [];
      fs.readFileSync = function (path, ...rest) {
        const name = String(path instanceof URL ? path.pathname : path);
        if (name.includes("/fixtures/golden")) seen.push(name.slice(name.lastIndexOf("/") + 1));
        return read.call(this, path, ...rest);
      };
      const conformance = require("@mv/conformance");
      const impl = require("@mv/conformance/builtins");
      const after = seen.length;
      conformance.suite({ test: () => {}, impl, seed: 1, groups: ["manifest", "protocol/flags"] });
      const manifestOnly = seen.length;
      conformance.suite({ test: () => {}, impl, seed: 1, groups: ["struct/calcsize"] });
      console.log(JSON.stringify({ after, manifestOnly, struct: [...new Set(seen)].sort() }));
    `);
    expect(JSON.parse(out)).toEqual({ after: 0, manifestOnly: 0, struct: ["golden.json", "golden_formats.json"] });
  });
});
