// The suite's cases for a mutation run, in chunks: consecutive cases of one
// group, at most `size` to a chunk, each chunk run as one test. Both drivers
// use it: the vitest one (`suite.mutation.ts`) and the in-process Stryker
// runner (`scripts/mutation/suite-runner.mjs`).
//
// Stryker matches covering tests by name, so thousands of tiny tests make a
// mutant's run spend its time in the matching rather than in the cases.
// Each chunk starts with @mv/core's memo caches empty, so the coverage
// recorded for a chunk includes every cached computation it checks (with
// warm caches only the first case to fill a cache would reach it).
import { clearCache } from "@mv/core";
import { suite } from "../../src/index.js";
import type { CaseBody } from "../../src/common.js";
import * as builtins from "../../src/adapters/builtins.js";

/** Options of {@link mutationChunks}; each has an `MV_MUTATION_*` variable. */
export interface ChunkOptions {
  /** Only the cases whose name matches (default: every case). */
  readonly groups?: RegExp;
  /** Cases per chunk (default 25). */
  readonly size?: number;
  /** The share of randomized cases (default 0.5). */
  readonly scale?: number;
}

/** One chunk: its unique name, and a function that runs its cases in order. */
export interface Chunk {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/** The options the environment asks for (`MV_MUTATION_GROUPS`, `_CHUNK`, `_SCALE`). */
export function chunkOptionsFromEnv(env: Record<string, string | undefined>): ChunkOptions {
  return {
    groups: new RegExp(env.MV_MUTATION_GROUPS ?? "."),
    size: Number(env.MV_MUTATION_CHUNK ?? 25),
    scale: Number(env.MV_MUTATION_SCALE ?? 0.5),
  };
}

interface Case {
  readonly name: string;
  readonly body: CaseBody;
}

const groupOf = (name: string): string => name.slice(0, name.indexOf(":"));

/**
 * The suite against @mv/builtins' adapter (@mv/core's codec and views), with
 * a fixed seed so every mutant meets the same cases, cut into chunks.
 */
export function mutationChunks(options: ChunkOptions = {}): Chunk[] {
  const { groups = /./, size = 25, scale = 0.5 } = options;
  const lists: Case[][] = [];
  suite({
    test: (name, body) => {
      if (!groups.test(name)) return;
      const last = lists.at(-1);
      if (last === undefined || groupOf(last[0]!.name) !== groupOf(name) || last.length >= size) lists.push([{ name, body }]);
      else last.push({ name, body });
    },
    impl: builtins,
    seed: 3118,
    scale,
  });
  // The closing bracket keeps "chunk 1]" from matching "chunk 10]" when a
  // runner filters tests by an unanchored name pattern.
  return lists.map((cases, index) => ({
    name: `${groupOf(cases[0]!.name)} [chunk ${index}]`,
    run: async () => {
      clearCache();
      for (const { name, body } of cases) {
        try {
          await body();
        } catch (error) {
          throw new Error(`${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        }
      }
    },
  }));
}
