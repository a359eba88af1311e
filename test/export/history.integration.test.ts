/**
 * The history, the export and the pricer against the emulator's own generated, billed
 * history (real HTTP): every completed session once, in order, and each one re-priced by
 * the provider's pricer to exactly what the emulator billed.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceSession } from "../../provider/money";
import { main } from "../../provider/export/cli";
import { completedIds, historyFixture, TOKEN, UNTIL, ZONE, type HistoryFixture } from "./history-fixture";

let f: HistoryFixture;
beforeAll(async () => {
  f = await historyFixture(45);
});
afterAll(async () => {
  await f?.close();
});

describe("session history against the emulator", () => {
  it("lists every completed session of 45 days once, in startedAt order, through windows of ≤ 31 days", { timeout: 60_000 }, async () => {
    expect(f.sessions).toBeGreaterThan(200);
    f.emulator.clearRequests();
    const seen = [];
    for await (const s of f.client.sessions.history({ from: f.from, to: UNTIL })) seen.push(s);
    expect(seen.map((s) => s.id).sort()).toEqual(completedIds(f.emulator));
    for (let i = 1; i < seen.length; i += 1) expect(Date.parse(seen[i].startedAt)).toBeGreaterThanOrEqual(Date.parse(seen[i - 1].startedAt));
    const windows = new Set(f.emulator.requests().map((r) => new URL(r.path, "http://x").searchParams.get("from")));
    expect(windows.size).toBeGreaterThanOrEqual(2);
  });

  it("re-prices every session under its plan to exactly what was billed (cost and lines)", { timeout: 60_000 }, async () => {
    const plan = await f.client.pricingPlans.get(f.planId);
    let checked = 0;
    for await (const s of f.client.sessions.history({ from: f.from, to: UNTIL })) {
      const mine = priceSession(plan, s, ZONE);
      expect({ id: s.id, cost: mine.cost, lines: mine.lines }).toEqual({ id: s.id, cost: s.cost, lines: s.lines.map((l) => ({ type: l.type, elementIndex: l.elementIndex, billedAmount: l.billedAmount, price: l.price, vatPercent: l.vatPercent, exclVat: l.exclVat, vat: l.vat })) });
      checked += 1;
    }
    expect(checked).toBe(f.sessions);
  });

  it("eosvolt-export writes each session once and sums revenue to the emulator's bills", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "export-int-"));
    const out = join(dir, "s.csv");
    const stderr: string[] = [];
    const code = await main(["sessions", "--from", f.from, "--to", UNTIL, "--out", out, "--summary", join(dir, "sum.json")], { stdout: { write: () => true }, stderr: { write: (t: string) => stderr.push(t), isTTY: false }, now: () => Date.parse(UNTIL) }, { EOSVOLT_TOKEN: TOKEN, EOSVOLT_BASE_URL: f.emulator.url });
    expect(code, stderr.join("")).toBe(0);
    const rows = readFileSync(out, "utf8").trimEnd().split("\r\n").slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[0]).sort()).toEqual(completedIds(f.emulator));
    const billed = f.emulator.state().sessions.filter((s) => s.status === "COMPLETED").reduce((a, s) => a + BigInt(String((s.cost as { exclVat: string }).exclVat).replace(".", "")), 0n);
    const summary = JSON.parse(readFileSync(join(dir, "sum.json"), "utf8"));
    expect(BigInt(summary.byCurrency.EUR.total.revenueExclVat.replace(".", ""))).toBe(billed);
  });
});
