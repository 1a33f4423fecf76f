import { defineConfig } from "vitest/config";

// The drills start the built portal as a process (crash, backup, shutdown) and so run one file
// at a time, after `remix build`, as their own step of `npm test` (scripts/test.mjs).
export default defineConfig({
  test: {
    include: ["tests/drills/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    // The heavy variants (TEST_HEAVY=1: 3× the hostile requests, 8 kills and 3,000 submissions)
    // took 5–7 min per file on a shared, loaded 2-core machine; 300 s was too short for them.
    testTimeout: process.env.TEST_HEAVY === "1" ? 900_000 : 300_000,
    hookTimeout: 120_000,
  },
});
