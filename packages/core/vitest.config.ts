import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "@mv/vitest-config";

// Every test runs once with the struct functions generated per format (the
// default where `new Function` is allowed); the tests that reach the struct
// codec run a second time with the interpreter forced, as under a Content
// Security Policy that forbids eval.
export default defineConfig({
  test: {
    ...sharedTestConfig,
    projects: [
      {
        test: {
          name: "generated",
          include: sharedTestConfig.include,
          benchmark: sharedTestConfig.benchmark,
          testTimeout: sharedTestConfig.testTimeout,
        },
      },
      {
        test: {
          name: "interpreter",
          testTimeout: sharedTestConfig.testTimeout,
          include: [
            "test/format/**/*.test.ts",
            "test/struct-fixture.test.ts",
            "test/protocol/struct-exporters.test.ts",
            "test/view/fixture.test.ts",
            "test/view/model.test.ts",
            "test/view/errors.test.ts",
          ],
          setupFiles: ["test/force-interpreter.ts"],
          // The benchmarks time both paths side by side in one process.
          benchmark: { include: [] },
        },
      },
    ],
  },
});
