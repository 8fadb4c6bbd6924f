// vitest settings of the mutation run: the suite driving @mv/core and
// @mv/builtins from their TypeScript sources (see stryker.config.mjs).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  resolve: {
    alias: {
      "@mv/core": here("../core/src/index.ts"),
      "@mv/builtins": here("../builtins/src/index.ts"),
    },
  },
  test: {
    include: ["test/mutation/*.mutation.ts"],
    testTimeout: 60_000,
  },
});
