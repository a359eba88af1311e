#!/usr/bin/env node
// The long run of the differential test of `check` against the API's validation:
//   npm run fuzz -- --runs 50000 --seed 7
// Same cases and assertions as `npm test` (test/schemas/differential.test.ts), more of them.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "50000" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log("usage: npm run fuzz -- [--runs N (default 50000)] [--seed N (default: from the clock)]");
  process.exit(0);
}
for (const name of ["runs", "seed"]) {
  if (!/^\d+$/.test(values[name])) {
    console.error(`--${name} must be a non-negative integer, got "${values[name]}"`);
    process.exit(2);
  }
}
console.log(`fuzz: ${values.runs} cases, seed ${values.seed}`);
const vitest = spawnSync("npx", ["vitest", "run", "test/schemas/differential.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, EOSVOLT_FUZZ_RUNS: values.runs, EOSVOLT_FUZZ_SEED: values.seed },
});
process.exit(vitest.status ?? 1);
