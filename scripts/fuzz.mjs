#!/usr/bin/env node
// The long runs of the differential tests:
//   npm run fuzz -- --runs 50000 --seed 7                    `check` against the API's validation
//   npm run fuzz -- --suite pricing --runs 200000 --seed 7   the session pricer against the API's billing
// Same cases and assertions as `npm test` (test/schemas/differential.test.ts,
// test/money/session-pricing.differential.test.ts), more of them.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const SUITES = {
  check: "test/schemas/differential.test.ts",
  pricing: "test/money/session-pricing.differential.test.ts",
};

const { values } = parseArgs({
  options: {
    suite: { type: "string", default: "check" },
    runs: { type: "string", default: "50000" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log("usage: npm run fuzz -- [--suite check|pricing (default check)] [--runs N (default 50000)] [--seed N (default: from the clock)]");
  process.exit(0);
}
for (const name of ["runs", "seed"]) {
  if (!/^\d+$/.test(values[name])) {
    console.error(`--${name} must be a non-negative integer, got "${values[name]}"`);
    process.exit(2);
  }
}
const file = SUITES[values.suite];
if (!file) {
  console.error(`--suite must be one of ${Object.keys(SUITES).join(", ")}, got "${values.suite}"`);
  process.exit(2);
}
console.log(`fuzz ${values.suite}: ${values.runs} cases, seed ${values.seed}`);
const vitest = spawnSync("npx", ["vitest", "run", file, "--testTimeout", "0"], {
  stdio: "inherit",
  env: { ...process.env, EOSVOLT_FUZZ_RUNS: values.runs, EOSVOLT_FUZZ_SEED: values.seed },
});
process.exit(vitest.status ?? 1);
