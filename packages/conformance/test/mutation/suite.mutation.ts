// The vitest driver of the mutation run (`MV_MUTATION_RUNNER=vitest pnpm
// mutation`): one vitest test per chunk of the suite's cases.
import { test } from "vitest";
import { chunkOptionsFromEnv, mutationChunks } from "./suite-chunks.js";

for (const chunk of mutationChunks(chunkOptionsFromEnv(process.env))) test(chunk.name, chunk.run);
