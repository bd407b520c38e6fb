import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generating evaluators runs prettier and ts-morph; give the slow tests room on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
