/**
 * The impact section of the pricing review, in Markdown: per updated plan the
 * sessions and kWh, revenue excl. VAT old → new with Δ and %, the median
 * session incl. VAT, the 5 sessions that change most, a Mermaid chart of daily
 * revenue (the week charts' style: old grey, new blue) and the reconciliation
 * line; for the other plans, why they have no impact.
 */
import { exactText, formatUnits, percentChangeText } from "../../money";
import { markdownTable } from "../../markdown/table";
import { NEW_COLOR, OLD_COLOR } from "../chart";
import { niceCeiling, plotsExactly } from "../chart-scale";
import { text } from "../describe";
import type { ImpactReport, ImpactUnavailable, NoImpact, PlanImpact } from "./compute";

const amount = (units: bigint, currency: string) => `${currency} ${formatUnits(units)}`;
const signed = (units: bigint, currency: string) => `${units > 0n ? "+" : units < 0n ? "−" : "±"}${currency} ${formatUnits(units < 0n ? -units : units)}`;
const kwh = (wh: bigint) => exactText(wh, 3);
const day = (iso: string) => iso.slice(0, 10);

const REASONS: Record<NoImpact["reason"], string> = {
  "new-plan": "a new plan: no session has been priced by it yet, so there is nothing to re-price.",
  "currency-change": "replaced by a plan in another currency; its sessions were billed in the old currency and are not compared with prices in the new one.",
  deleted: "deleted: it prices no session after this change.",
  "unknown-prices": "some of its new prices are known only after apply (or secret), so its sessions cannot be re-priced yet.",
  "not-readable": "the plan could not be read from the API.",
};

function chart(p: PlanImpact): string {
  const old = p.daily.map((d) => exactText(d.old, 4));
  const updated = p.daily.map((d) => exactText(d.new, 4));
  if ([...old, ...updated].some((v) => !plotsExactly(v))) return "*Daily revenue: not charted, an amount has more digits than a chart can plot exactly.*";
  const labels = p.daily.map((d) => `"${d.day.slice(5)}"`);
  const unit = `${p.currency} excl. VAT`;
  return [
    `<details><summary>Chart: daily revenue, old and new (${unit})</summary>`,
    "",
    "```mermaid",
    [
      "---",
      "config:",
      "  xyChart:",
      "    width: 900",
      "    height: 360",
      "    showLegend: true",
      "  themeVariables:",
      "    xyChart:",
      `      plotColorPalette: "${OLD_COLOR}, ${NEW_COLOR}"`,
      "---",
      "xychart-beta",
      `  title "${String(text(p.name)).replace(/["`]/g, "'")}: daily revenue, ${unit}"`,
      `  x-axis "Day (UTC) of the session's start" [${labels.join(", ")}]`,
      `  y-axis "${unit}" 0 --> ${niceCeiling([...old, ...updated])}`,
      `  line "Old" [${old.join(", ")}]`,
      `  line "New" [${updated.join(", ")}]`,
    ].join("\n"),
    "```",
    "",
    "Grey: old, blue: new. Revenue excl. VAT of the sessions started that day, re-priced under each.",
    "</details>",
  ].join("\n");
}

function planSection(p: PlanImpact, report: ImpactReport): string {
  const c = p.currency;
  const out = [`### ${text(p.name)}`, ""];
  if (p.sessions === 0) {
    out.push(`No completed session was priced by this plan from ${day(report.from)} to ${day(report.to)}.`);
    return out.join("\n");
  }
  out.push(`${p.sessions} sessions, ${kwh(p.energyWh)} kWh, priced by this plan from ${day(report.from)} to ${day(report.to)} (UTC), re-priced under the old and the new prices:`, "");
  const rows = [["Revenue excl. VAT", amount(p.oldExclVat, c), amount(p.newExclVat, c), signed(p.newExclVat - p.oldExclVat, c), percentChangeText(p.oldExclVat, p.newExclVat)]];
  if (p.oldMedianInclVat !== undefined && p.newMedianInclVat !== undefined) {
    rows.push(["Median session incl. VAT", amount(p.oldMedianInclVat, c), amount(p.newMedianInclVat, c), signed(p.newMedianInclVat - p.oldMedianInclVat, c), percentChangeText(p.oldMedianInclVat, p.newMedianInclVat)]);
  }
  out.push(markdownTable(["", "old", "new", "Δ", "%"], rows), "");
  const moved = p.top.filter((t) => t.newInclVat !== t.oldInclVat);
  if (moved.length > 0) {
    out.push(`The ${moved.length === 1 ? "session" : `${moved.length} sessions`} that change most (incl. VAT):`, "");
    out.push(markdownTable(["session", "location", "started (UTC)", "kWh", "old", "new", "Δ"], moved.map((t) => [t.id, t.locationId, t.startedAt, kwh(BigInt(t.energyWh)), amount(t.oldInclVat, c), amount(t.newInclVat, c), signed(t.newInclVat - t.oldInclVat, c)])), "");
  } else out.push("No session's price changes.", "");
  out.push(chart(p), "");
  const r = p.reconciled;
  let line = `Re-priced under today's plan, ${r.matching} of ${r.of} sessions match what was billed.`;
  if (r.matching !== r.of) line += ` ${r.of - r.matching} ${r.of - r.matching === 1 ? "does" : "do"} not: compare their \`lines\` with the plan (\`eosvolt-export sessions --format jsonl\`).`;
  if (p.earlierVersion > 0) line += ` ${p.earlierVersion} more ${p.earlierVersion === 1 ? "was" : "were"} billed under an earlier version of the plan (another \`tariffVersion\`): re-priced in the comparison above, not reconciled with ${p.earlierVersion === 1 ? "its bill" : "their bills"}.`;
  out.push(line);
  return out.join("\n");
}

/** The impact section; `urns` orders the plans as the review lists them. */
export function renderImpact(report: ImpactReport | ImpactUnavailable, urns: readonly string[]): string {
  const out = ["## Revenue impact", ""];
  if ("unavailable" in report) {
    out.push(`*${report.unavailable}*`);
    return `${out.join("\n")}\n`;
  }
  out.push(`What the new prices would have made of the last ${report.days} days' completed sessions.`, "");
  const byUrn = new Map(report.plans.map((p) => [p.urn, p]));
  const ordered = urns.map((u) => byUrn.get(u)).filter((p): p is PlanImpact | NoImpact => p !== undefined);
  if (ordered.length === 0) out.push("*No pricing plan changes.*");
  for (const p of ordered) {
    out.push(p.kind === "impact" ? planSection(p, report) : `### ${text(p.name)}\n\n*No impact: ${REASONS[p.reason]}${p.detail ? ` (${p.detail})` : ""}*`, "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
