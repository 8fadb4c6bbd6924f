import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "@mv/vitest-config";

export default defineConfig({ test: sharedTestConfig });
