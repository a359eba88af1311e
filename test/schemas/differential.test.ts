/**
 * The differential property test: the provider's `check` and the emulator's
 * validation agree on what the API takes (see contract/differential.ts).
 * `npm run fuzz -- --runs 50000 --seed N` runs the same test longer.
 */
import { describe, expect, it } from "vitest";
import { DISAGREEMENTS, formatReport, runDifferential } from "./contract/differential";

const RUNS = Number(process.env.EOSVOLT_FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.EOSVOLT_FUZZ_SEED ?? 16);

describe("check and the API agree", () => {
  it(`on ${RUNS} mutated inputs (seed ${SEED}): no crash, no changed price, no input only one side takes`, async () => {
    const report = await runDifferential({ runs: RUNS, seed: SEED });
    const text = formatReport(report);
    console.log(text);
    for (const outcome of DISAGREEMENTS) expect(report.counts[outcome], `${outcome}\n${text}`).toBe(0);
    expect(report.unreadable, `failures worded by zod\n${text}`).toBe(0);
    // The generators must reach both answers often, or the test proves little.
    expect(report.counts["agree-accept"]).toBeGreaterThan(RUNS / 20);
    expect(report.counts["agree-refuse"]).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
