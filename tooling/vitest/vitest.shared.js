// Shared vitest settings: every package runs its tests the same way, so a
// failure reads the same everywhere. Benchmarks live in bench/ and run only
// under `pnpm bench`; tests never time anything.
export const sharedTestConfig = {
  include: ["test/**/*.test.ts"],
  benchmark: { include: ["bench/**/*.bench.ts"] },
  // fast-check runs are seeded by fast-check itself and print the seed on failure.
  testTimeout: 60_000,
};
