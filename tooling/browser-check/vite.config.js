// The page is built as users' apps are: Vite resolves @mv/core and
// @mv/builtins from node_modules (their published `exports`, built dist/).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./page", import.meta.url)),
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
  },
});
