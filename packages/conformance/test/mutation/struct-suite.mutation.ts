// The suite's struct groups against @mv/builtins' adapter (@mv/core's codec),
// as the test command of the mutation run (`pnpm mutation`). A fixed seed,
// so every mutant meets the same cases.
import { test } from "vitest";
import { suite } from "../../src/index.js";
import * as builtins from "../../src/adapters/builtins.js";

const only = new RegExp(process.env.MV_MUTATION_GROUPS ?? "^(golden-struct|struct-codec):");
suite({
  test: (name, body) => {
    if (only.test(name)) test(name, body);
  },
  impl: builtins,
  seed: 3118,
  scale: Number(process.env.MV_MUTATION_SCALE ?? 0.5),
});
