import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "@mv/vitest-config";

// The examples import the @mv packages as users do, from their built
// `dist/` (turbo builds them first: `test` depends on `^build`), not through
// the source aliases the packages' own tests use.
export default defineConfig({
  test: sharedTestConfig,
});
