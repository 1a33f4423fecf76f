import { defineConfig } from "vitest/config";

// The drills start the built portal as a process (crash, backup, shutdown) and so run one file
// at a time, after `remix build`, as their own step of `npm test` (scripts/test.mjs).
export default defineConfig({
  test: {
    include: ["tests/drills/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
