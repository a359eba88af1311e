/**
 * `eosvolt-pricing-report --impact` against an API whose sessions were billed by
 * the emulator's own billing (`emulator/billing`), so that the expected
 * revenues are sums computed independently of the provider's pricer.
 */
import { describe, expect, it } from "vitest";
import { billSession, buildPeriods } from "../../emulator/billing/index";
import { run } from "../../provider/report/cli";
import { computeImpact } from "../../provider/report/impact/compute";
import { parsePreviewText } from "../../provider/report/preview";
import { reviewPricing } from "../../provider/report/review";
import { client, err, mockApi, type Reply, type Seen } from "../client/helpers";
import { fixture, fixtureText } from "./helpers";

const NOW = Date.parse("2026-12-01T00:00:00Z");
const DAY = 86_400_000;
const update = fixtureText("update.json");
const step = fixture("update").steps.find((s: { urn: string }) => s.urn.endsWith("PricingPlan::public-ac"));
const oldPlan = step.oldState.outputs;
const newPlan = step.newState.inputs;
const ZONE = "Europe/Amsterdam";

/** 60 sessions over 30 days billed by the emulator: under today's plan, a few under an earlier version, one billed wrongly, some of another plan. */
function history() {
  const out = [];
  for (let i = 0; i < 60; i += 1) {
    const start = NOW - 30 * DAY + i * 12 * 3600_000 + 7 * 60_000 + (i % 7) * 3600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
    const chargingEndedAt = start + (20 + (i % 5) * 25) * 60_000;
    const stoppedAt = chargingEndedAt + (i % 4 === 0 ? 3 * 3600_000 : 5 * 60_000);
    const energyWh = 3000 + i * 517;
    const periods = buildPeriods({ startedAt: iso(start), chargingEndedAt: iso(chargingEndedAt), stoppedAt: iso(stoppedAt), energyWh, timeZone: ZONE });
    const pricingPlanId = i % 10 === 9 ? "pp_other" : "pp_m2tni1";
    const bill = billSession({ plan: oldPlan, startedAt: iso(start), periods, timeZone: ZONE });
    const wrong = i === 14;
    out.push({
      id: `ses_${String(i).padStart(3, "0")}`,
      status: "COMPLETED",
      connectorId: "1.1.1",
      chargerId: "1",
      locationId: "loc_a",
      startedAt: iso(start),
      chargingEndedAt: iso(chargingEndedAt),
      stoppedAt: iso(stoppedAt),
      energyWh,
      periods,
      pricingPlanId,
      tariffVersion: i < 6 ? "2026-10-01T00:00:00.000Z" : oldPlan.updatedAt,
      currency: "EUR",
      cost: wrong ? { ...bill.cost, exclVat: "0.0001" } : bill.cost,
      lines: bill.lines,
    });
  }
  return out;
}

function api(sessions: ReturnType<typeof history>, scopeless = false) {
  return (req: Seen): Reply => {
    const url = new URL(req.path, "https://x");
    if (scopeless) return err(403, "insufficient_scope", "Token lacks scope 'pricing:read'.");
    if (url.pathname === "/v1/pricing-plans/pp_m2tni1") return { status: 200, body: { success: true, data: oldPlan } };
    if (url.pathname === "/v1/locations/loc_a") return { status: 200, body: { success: true, data: { id: "loc_a", name: "City Centre Garage", timeZone: ZONE, chargerCount: 2, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" } } };
    if (url.pathname === "/v1/sessions") {
      const q = url.searchParams;
      const rows = sessions.filter((s) => s.startedAt >= q.get("from")!.replace(".000Z", "Z") && s.startedAt < q.get("to")!.replace(".000Z", "Z"));
      const limit = Number(q.get("limit"));
      const page = Number(q.get("page"));
      return { status: 200, body: { success: true, data: rows.slice((page - 1) * limit, page * limit), pagination: { limit, page, hasMore: page * limit < rows.length } } };
    }
    return err(404, "not_found", "no route");
  };
}

const units = (d: string) => BigInt(d.replace(".", ""));
const show = (u: bigint) => `${u / 10000n}.${String(u % 10000n).padStart(4, "0")}`;

describe("the pricing review's --impact", () => {
  it("re-prices the window's sessions of the updated plan: revenues equal independent sums, reconciliation counts earlier versions apart", async () => {
    const sessions = history();
    const { agent } = mockApi(api(sessions));
    const { client: c } = client(agent);
    const preview = parsePreviewText(update);
    const report = await computeImpact(preview, reviewPricing(preview).plans, c, { days: 30, now: NOW });
    const impact = report.plans.find((p) => p.kind === "impact");
    if (!impact || impact.kind !== "impact") throw new Error("no impact");
    const mine = sessions.filter((s) => s.pricingPlanId === "pp_m2tni1");
    // Old: what the emulator billed under today's plan; new: the emulator's billing under the new prices.
    const oldSum = mine.reduce((a, s) => a + units(billSession({ plan: oldPlan, startedAt: s.startedAt, periods: s.periods, timeZone: ZONE }).cost.exclVat), 0n);
    const newSum = mine.reduce((a, s) => a + units(billSession({ plan: { ...newPlan, currency: "EUR" }, startedAt: s.startedAt, periods: s.periods, timeZone: ZONE }).cost.exclVat), 0n);
    expect(impact.sessions).toBe(mine.length);
    expect(show(impact.oldExclVat)).toBe(show(oldSum));
    expect(show(impact.newExclVat)).toBe(show(newSum));
    expect(impact.newExclVat).toBeGreaterThan(impact.oldExclVat); // 0.39 → 0.44 on weekdays
    expect(impact.energyWh).toBe(mine.reduce((a, s) => a + BigInt(s.energyWh), 0n));
    expect(impact.earlierVersion).toBe(6); // ses_000..005
    expect(impact.reconciled).toEqual({ matching: mine.length - 6 - 1, of: mine.length - 6 }); // ses_014 was billed wrongly
    expect(impact.top).toHaveLength(5);
    expect(impact.daily.reduce((a, d) => a + d.new, 0n)).toBe(newSum);
  });

  it("prints the section with the revenue table, the chart and the reconciliation line", async () => {
    const { agent } = mockApi(api(history()));
    const out = await run(["--impact"], () => update, { env: { EOSVOLT_TOKEN: "t0ken-for-tests" }, now: NOW, dispatcher: agent });
    expect(out.code).toBe(0);
    if (process.env.SHOW_IMPACT) console.log(out.stdout.slice(out.stdout.indexOf("## Revenue impact")));
    expect(out.stdout).toContain("## Revenue impact");
    expect(out.stdout).toMatch(/\| Revenue excl\. VAT \| EUR [\d.]+ \| EUR [\d.]+ \| \+EUR [\d.]+ \| \+[\d.]+% \|/);
    expect(out.stdout).toContain("| Median session incl. VAT |");
    expect(out.stdout).toContain('line "Old" [');
    expect(out.stdout).toMatch(/Re-priced under today's plan, \d+ of \d+ sessions match what was billed\./);
  });

  it("without a token or read scope, still prints the review and says impact needs read access", async () => {
    const noToken = await run(["--impact"], () => update, { env: {}, now: NOW });
    expect(noToken.code).toBe(0);
    expect(noToken.stdout).toMatch(/^Pricing changes: 1 plan updated/);
    expect(noToken.stdout).toContain("Impact needs read access to the API: No EOSVOLT API token.");
    const { agent } = mockApi(api(history(), true));
    const scopeless = await run(["--impact"], () => update, { env: { EOSVOLT_TOKEN: "t0ken-for-tests" }, now: NOW, dispatcher: agent });
    expect(scopeless.stdout).toContain("Impact needs read access: Token lacks scope 'pricing:read'.");
    expect((await run(["--impact-days", "0", "--impact"], () => update)).code).toBe(2);
  });

  it("says why new, replaced and deleted plans have no impact, without asking the API about them", async () => {
    const { agent, seen } = mockApi(() => err(500, "internal_error", "no request was expected"));
    const env = { env: { EOSVOLT_TOKEN: "t0ken-for-tests" }, now: NOW, dispatcher: agent };
    const created = await run(["--impact"], () => fixtureText("create.json"), env);
    expect(created.stdout).toContain("*No impact: a new plan: no session has been priced by it yet, so there is nothing to re-price.*");
    const replaced = await run(["--impact"], () => fixtureText("replace.json"), env);
    expect(replaced.stdout).toContain("replaced by a plan in another currency; its sessions were billed in the old currency and are not compared with prices in the new one. (EUR → USD)");
    const deleted = await run(["--impact"], () => fixtureText("delete.json"), env);
    expect(deleted.stdout).toContain("*No impact: deleted: it prices no session after this change.*");
    expect(seen).toHaveLength(0);
  });
});
