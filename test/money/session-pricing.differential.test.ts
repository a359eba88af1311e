/**
 * The provider's session pricer (`provider/money`) against the API's billing
 * (the emulator's `billSession`), on plans and sessions generated from the
 * contract (`contract/tariffs.ts`, `contract/sessions.ts`): every restriction,
 * step sizes, FLAT, min/max prices, team discounts, time zones on their
 * daylight-saving days. Periods come from this test's own builder (from the
 * contract) for half the cases and from the emulator's `buildPeriods` for the
 * other half. Every decimal of `cost` and of every line must be equal.
 *
 * `npm test`: 3000 cases, seed 25. `npm run fuzz -- --suite pricing --runs N --seed S` runs it longer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { billSession, buildPeriods } from "../../emulator/billing/index";
import { priceSession, type SessionPrice } from "../../provider/money";
import { contractPlan } from "./contract/tariffs";
import { contractSession } from "./contract/sessions";

const RUNS = Number(process.env.EOSVOLT_FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.EOSVOLT_FUZZ_SEED ?? 25);

/** The fields of a priced line that both sides write (the emulator's `BillingLine`, the pricer's `BillLine`). */
interface PricedLine {
  type: string;
  elementIndex: number;
  billedAmount: number;
  price: string;
  vatPercent: string;
  exclVat: string;
  vat: string;
}

/** A bill in canonical text: decimals by value, so "0.39" and "0.3900" agree and nothing else does. */
function canonical(bill: { cost: Record<string, string>; lines: ReadonlyArray<PricedLine> }): string {
  const dec = (v: unknown) => {
    const m = /^(-?)(\d+)(?:\.(\d{0,4}))?$/.exec(String(v));
    return m ? `${m[1]}${BigInt(m[2])}.${(m[3] ?? "").padEnd(4, "0")}` : `?${String(v)}`;
  };
  return JSON.stringify({
    cost: [dec(bill.cost.exclVat), dec(bill.cost.vat), dec(bill.cost.inclVat)],
    lines: bill.lines.map((l) => [l.type, l.elementIndex, l.billedAmount, dec(l.price), dec(l.vatPercent), dec(l.exclVat), dec(l.vat)]),
  });
}

interface Report {
  cases: number;
  differences: Array<{ index: number; plan: unknown; session: unknown; timeZone: string; pricer: string; api: string }>;
  crashes: Array<{ index: number; side: string; error: string }>;
  seen: Record<string, number>;
}

function run(runs: number, seed: number, pricer: typeof priceSession = priceSession): Report {
  const cases = fc.sample(fc.tuple(contractPlan, contractSession, fc.boolean()), { seed, numRuns: runs });
  const report: Report = { cases: cases.length, differences: [], crashes: [], seen: {} };
  const count = (k: string) => (report.seen[k] = (report.seen[k] ?? 0) + 1);
  cases.forEach(([plan, { session, timeZone }, emulatorPeriods], index) => {
    const periods = emulatorPeriods
      ? buildPeriods({ startedAt: session.startedAt, chargingEndedAt: session.chargingEndedAt, stoppedAt: session.stoppedAt, energyWh: session.energyWh, timeZone })
      : session.periods;
    const input = { startedAt: session.startedAt, periods, discountPercent: session.discountPercent };
    let api: string;
    let mine: SessionPrice;
    try {
      api = canonical(billSession({ plan, startedAt: session.startedAt, periods, timeZone, discountPercent: session.discountPercent }));
    } catch (error) {
      report.crashes.push({ index, side: "emulator", error: String(error) });
      return;
    }
    try {
      mine = pricer(plan, input, timeZone);
    } catch (error) {
      report.crashes.push({ index, side: "pricer", error: String(error) });
      return;
    }
    if (canonical(mine) !== api) report.differences.push({ index, plan, session: { ...input, chargingEndedAt: session.chargingEndedAt, stoppedAt: session.stoppedAt }, timeZone, pricer: canonical(mine), api });
    for (const l of mine.lines) count(l.type);
    if (mine.lines.some((l) => l.billedAmount === 0)) count("zero-amount line");
    if (mine.lines.length > new Set(mine.lines.map((l) => l.type)).size) count("several runs of a type");
    const sum = mine.lines.reduce((a, l) => a + BigInt(l.exclVat.replace(".", "")), 0n);
    if (sum !== BigInt(mine.cost.exclVat.replace(".", ""))) count("clamped");
    if (session.discountPercent !== undefined) count("discount");
    if (periods.length === 0) count("no periods");
    const keys = new Set(plan.elements.flatMap((e) => Object.keys(e.restrictions ?? {})));
    for (const key of keys) count(`restriction ${key}`);
  });
  return report;
}

describe("session pricing: the provider's pricer against the API's billing", () => {
  it(`gives the same cost and lines to the last of 4 decimals on ${RUNS} generated cases (seed ${SEED})`, { timeout: 60_000 + RUNS * 100 }, () => {
    const report = run(RUNS, SEED);
    console.log(`session pricing differential: ${report.cases} cases, seed ${SEED}: ${report.differences.length} differences, ${report.crashes.length} crashes; ${JSON.stringify(report.seen)}`);
    expect(report.crashes.slice(0, 3)).toEqual([]);
    expect(report.differences.slice(0, 2)).toEqual([]);
    // The generator reaches every part of the contract (else 0 differences would prove little).
    const restrictions = ["startTime", "endTime", "startDate", "endDate", "minKwh", "maxKwh", "minPowerKw", "maxPowerKw", "minDurationS", "maxDurationS", "dayOfWeek"];
    for (const k of ["FLAT", "ENERGY", "TIME", "PARKING_TIME", "several runs of a type", "clamped", "discount", "zero-amount line", ...restrictions.map((r) => `restriction ${r}`)]) {
      expect(report.seen[k] ?? 0, k).toBeGreaterThan(Math.floor(RUNS / 200));
    }
  });

  it("notices a pricer that is off by one unit in one line", () => {
    const offByOne: typeof priceSession = (plan, session, zone) => {
      const p = priceSession(plan, session, zone);
      if (p.lines.length === 0) return p;
      const [first, ...rest] = p.lines;
      const units = BigInt(first.vat.replace(".", "")) + 1n;
      return { ...p, lines: [{ ...first, vat: `${units / 10000n}.${String(units % 10000n).padStart(4, "0")}` }, ...rest] };
    };
    expect(run(50, SEED, offByOne).differences.length).toBeGreaterThan(0);
  });
});
