/**
 * `--impact` as a user runs it: an emulator with a generated, billed history; a preview that
 * raises one plan's weekday energy price; the review's revenue old and new against sums
 * computed independently over the sessions `eosvolt-export` wrote (old: what the emulator
 * billed; new: the emulator's own billing under the new prices).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billSession } from "../../emulator/billing/index";
import { main } from "../../provider/export/cli";
import { run } from "../../provider/report/cli";
import { historyFixture, PLAN, TOKEN, UNTIL, ZONE, type HistoryFixture } from "../export/history-fixture";

let f: HistoryFixture;
beforeAll(async () => {
  f = await historyFixture(30, 4);
});
afterAll(async () => {
  await f?.close();
});

/** Units of 10^-4 of a decimal text with up to 4 decimals ("440.43" → 4404300n). */
const units = (d: string) => {
  const [whole, fraction = ""] = d.split(".");
  return BigInt(whole + fraction.padEnd(4, "0"));
};

describe("--impact against the emulator's history", () => {
  it("gives revenues old and new equal to sums over the exported sessions", { timeout: 60_000 }, async () => {
    const plan = await f.client.pricingPlans.get(f.planId);
    const raised = structuredClone(PLAN);
    raised.elements[0].priceComponents[0].price = "0.44";
    const urn = "urn:pulumi:dev::pricing::pulumi-nodejs:dynamic/eosvolt:PricingPlan::public-ac";
    const type = "pulumi-nodejs:dynamic/eosvolt:PricingPlan";
    const preview = JSON.stringify({ steps: [{ op: "update", urn, oldState: { urn, type, id: plan.id, inputs: PLAN, outputs: plan }, newState: { urn, type, inputs: raised }, detailedDiff: {} }], changeSummary: { update: 1 } });
    const now = Date.parse(UNTIL);
    const review = await run(["--impact", "--impact-days", "30"], () => preview, { env: { EOSVOLT_TOKEN: TOKEN, EOSVOLT_BASE_URL: f.emulator.url }, now });
    expect(review.stdout).toContain("## Revenue impact");

    // The same 30 days, exported.
    const out = join(mkdtempSync(join(tmpdir(), "impact-export-")), "s.jsonl");
    const io = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, now: () => now };
    expect(await main(["sessions", "--from", new Date(now - 30 * 86_400_000).toISOString(), "--to", UNTIL, "--format", "jsonl", "--out", out], io, { EOSVOLT_TOKEN: TOKEN, EOSVOLT_BASE_URL: f.emulator.url })).toBe(0);
    const sessions = readFileSync(out, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(sessions.length).toBeGreaterThan(100);
    const oldSum = sessions.reduce((a, s) => a + units(s.cost.exclVat), 0n);
    const newSum = sessions.reduce((a, s) => a + units(billSession({ plan: { ...raised, currency: "EUR" }, startedAt: s.startedAt, periods: s.periods, timeZone: ZONE, discountPercent: s.discountPercent }).cost.exclVat), 0n);
    expect(newSum).toBeGreaterThan(oldSum);
    const row = /\| Revenue excl\. VAT \| EUR ([\d.]+) \| EUR ([\d.]+) \|/.exec(review.stdout);
    expect(row, review.stdout.slice(review.stdout.indexOf("## Revenue impact"))).not.toBeNull();
    expect(units(row![1])).toBe(oldSum);
    expect(units(row![2])).toBe(newSum);
    expect(review.stdout).toContain(`${sessions.length} sessions`);
    expect(review.stdout).toContain(`Re-priced under today's plan, ${sessions.length} of ${sessions.length} sessions match what was billed.`);
  });
});
