/**
 * The export's report: sessions, kWh and revenue (excl. and incl. VAT), in
 * total, by location and by day (UTC date of `startedAt`), per currency. Exact:
 * amounts are bigint units of 10^-4, energy whole Wh.
 */
import type { CompletedSession } from "../schemas/session";
import { exactText, formatMoney, requireUnits } from "../money";
import { markdownTable } from "../markdown/table";

/** Totals of a group of sessions. */
export interface Totals {
  sessions: number;
  energyWh: bigint;
  exclVat: bigint;
  inclVat: bigint;
}

/** Totals per currency: overall, by location id, by day. */
export interface Summary {
  byCurrency: Map<string, { total: Totals; byLocation: Map<string, Totals>; byDay: Map<string, Totals> }>;
}

const zero = (): Totals => ({ sessions: 0, energyWh: 0n, exclVat: 0n, inclVat: 0n });

export function emptySummary(): Summary {
  return { byCurrency: new Map() };
}

function add(t: Totals, s: CompletedSession, excl: bigint, incl: bigint): void {
  t.sessions += 1;
  t.energyWh += BigInt(s.energyWh);
  t.exclVat += excl;
  t.inclVat += incl;
}

function group(map: Map<string, Totals>, key: string): Totals {
  let t = map.get(key);
  if (!t) map.set(key, (t = zero()));
  return t;
}

/** Adds one session. */
export function addToSummary(summary: Summary, s: CompletedSession): void {
  let c = summary.byCurrency.get(s.currency);
  if (!c) summary.byCurrency.set(s.currency, (c = { total: zero(), byLocation: new Map(), byDay: new Map() }));
  const excl = requireUnits(s.cost.exclVat, `session ${s.id} cost.exclVat`);
  const incl = requireUnits(s.cost.inclVat, `session ${s.id} cost.inclVat`);
  add(c.total, s, excl, incl);
  add(group(c.byLocation, s.locationId), s, excl, incl);
  add(group(c.byDay, new Date(Date.parse(s.startedAt)).toISOString().slice(0, 10)), s, excl, incl);
}

type TotalsJson = { sessions: number; energyKwh: string; revenueExclVat: string; revenueInclVat: string };
const totalsJson = (t: Totals): TotalsJson => ({ sessions: t.sessions, energyKwh: exactText(t.energyWh, 3), revenueExclVat: formatMoney(t.exclVat), revenueInclVat: formatMoney(t.inclVat) });
const totalsFromJson = (j: TotalsJson): Totals => ({
  sessions: j.sessions,
  energyWh: requireUnits(j.energyKwh, "energyKwh") / 10n,
  exclVat: requireUnits(j.revenueExclVat, "revenueExclVat"),
  inclVat: requireUnits(j.revenueInclVat, "revenueInclVat"),
});
const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The summary as JSON (decimals as exact strings), for `--summary FILE` and the resume state. */
export function summaryJson(summary: Summary): Record<string, { total: TotalsJson; byLocation: Record<string, TotalsJson>; byDay: Record<string, TotalsJson> }> {
  return Object.fromEntries(
    sorted(summary.byCurrency).map(([currency, c]) => [
      currency,
      {
        total: totalsJson(c.total),
        byLocation: Object.fromEntries(sorted(c.byLocation).map(([k, t]) => [k, totalsJson(t)])),
        byDay: Object.fromEntries(sorted(c.byDay).map(([k, t]) => [k, totalsJson(t)])),
      },
    ]),
  );
}

/** Reads {@link summaryJson} back (resume). */
export function summaryFromJson(json: ReturnType<typeof summaryJson>): Summary {
  const summary = emptySummary();
  for (const [currency, c] of Object.entries(json)) {
    summary.byCurrency.set(currency, {
      total: totalsFromJson(c.total),
      byLocation: new Map(Object.entries(c.byLocation).map(([k, t]) => [k, totalsFromJson(t)])),
      byDay: new Map(Object.entries(c.byDay).map(([k, t]) => [k, totalsFromJson(t)])),
    });
  }
  return summary;
}

/** The summary as Markdown tables, for stderr. */
export function summaryText(summary: Summary): string {
  if (summary.byCurrency.size === 0) return "No completed sessions in the window.\n";
  const out: string[] = [];
  const row = (name: string, t: Totals) => [name, String(t.sessions), exactText(t.energyWh, 3), formatMoney(t.exclVat), formatMoney(t.inclVat)];
  for (const [currency, c] of sorted(summary.byCurrency)) {
    const head = ["", "sessions", "kWh", `revenue excl. VAT (${currency})`, `incl. VAT (${currency})`];
    out.push(`Total ${currency}: ${c.total.sessions} sessions, ${exactText(c.total.energyWh, 3)} kWh, ${formatMoney(c.total.exclVat)} excl. VAT, ${formatMoney(c.total.inclVat)} incl. VAT`);
    out.push("", "By location:", "", markdownTable(["location", ...head.slice(1)], sorted(c.byLocation).map(([k, t]) => row(k, t))));
    out.push("", "By day (UTC):", "", markdownTable(["day", ...head.slice(1)], sorted(c.byDay).map(([k, t]) => row(k, t))), "");
  }
  return `${out.join("\n")}\n`;
}
