import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Marks every process the run starts; at the end ends what is left and fails on a leak.
    globalSetup: ["test/process-guard/global-setup.ts"],
    // Generous: a timeout here finds a hung test, never a slow machine (speed goals: npm run bench).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
