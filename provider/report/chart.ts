/**
 * Mermaid charts of a plan's week for the pull-request comment (GitHub
 * renders Mermaid in comments and job summaries): per charge type, what a
 * driver pays from Monday 00:00 to Sunday 24:00, old against new, one point
 * per hour (or per 30, 15, 10 or 5 minutes when the plan's windows start
 * there). Each chart sits collapsed in `<details>`, so a report with many
 * plans stays readable; a week that did not change is one line, not a chart.
 *
 * The plotted values are the exact amounts ({@link exactAmount}), never
 * rounded: a chart is left out when an amount would not survive the
 * conversion to a JavaScript number.
 */
import { exactAmount } from "../money";
import { niceCeiling, plotsExactly } from "./chart-scale";
import { chargeName, restrictionsText, text } from "./describe";
import type { PlanReview } from "./model";
import { WEEK_MINUTES, type ChargeWeek, type ChartedType, type Profile } from "./week";

export interface ChartOptions {
  /** The amounts the charts show: "incl" (what a driver pays, the default) or "excl" VAT. */
  chartVat?: "incl" | "excl";
  /** At most this many charts in one report (a comment holds 65 536 characters; a chart takes about 4 000). Default 10. */
  maxCharts?: number;
}

/** The charts a report may still show. */
export interface ChartBudget {
  left: number;
}

export const DEFAULT_MAX_CHARTS = 10;

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const NONE: Record<ChartedType, string> = { ENERGY: "an energy price", TIME: "a charging-time price", PARKING_TIME: "an idle fee" };
const UNIT: Record<ChartedType, string> = { ENERGY: "per kWh", TIME: "per hour charging", PARKING_TIME: "per hour parked" };
/** Old grey, new blue (the GitHub palette), legible in light and dark themes. */
export const OLD_COLOR = "#8c959f";
export const NEW_COLOR = "#0969da";
/** Zero-width characters: Mermaid needs a distinct label per point, and only day starts show one. */
const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060"];

/** The chart of one charge type: the values per point and what the renderer says about them. */
export interface WeekChart {
  type: ChartedType;
  /** Minutes between two points (60, 30, 15, 10 or 5). */
  step: number;
  /** One label per point: the day's name at 00:00, an invisible distinct label elsewhere. */
  labels: string[];
  old?: string[];
  new: string[];
  /** Conditions besides the time of week taken as met (the case the table names), in words. */
  conditions: string[];
  /** Some points have no price of this type (plotted as 0). */
  gaps: boolean;
}

function invisibleLabel(index: number): string {
  let n = index;
  let out = "";
  do {
    out = INVISIBLE[n % 4] + out;
    n = Math.floor(n / 4) - 1;
  } while (n >= 0);
  return out;
}

/** A point every `step` minutes: the largest of 60, 30, 20, 15, 10, 5 that every window boundary falls on. */
function stepOf(profiles: Profile[]): number | undefined {
  const boundaries = profiles.flatMap((p) => (p.known ? p.segments.map((s) => s.from) : []));
  return [60, 30, 20, 15, 10, 5].find((step) => boundaries.every((b) => b % step === 0));
}

function values(p: Profile & { known: true }, step: number, withVat: boolean): { values: string[]; gaps: boolean } | undefined {
  const out: string[] = [];
  let gaps = false;
  let segment = 0;
  for (let minute = 0; minute < WEEK_MINUTES; minute += step) {
    while (p.segments[segment].to <= minute) segment++;
    const price = p.segments[segment].price;
    if (!price) {
      gaps = true;
      out.push("0");
      continue;
    }
    const amount = exactAmount(price.price, price.vat, withVat);
    if (amount === undefined) return undefined;
    out.push(amount);
  }
  return { values: out, gaps };
}

type Outcome = { chart: WeekChart } | { line: string };

/** The chart of one type's week, or the line that replaces it. */
export function weekChart(week: ChargeWeek, withVat: boolean): Outcome {
  const name = chargeName(week.type);
  const profiles = [week.new, ...(week.old ? [week.old] : [])];
  if (profiles.some((p) => !p.known)) return { line: `${name} over the week: not charted, some of its prices or windows are known only after apply or secret.` };
  const known = profiles as Array<Profile & { known: true }>;
  const step = stepOf(known);
  if (step === undefined) return { line: `${name} over the week: not charted, its time windows do not start on a 5-minute boundary.` };
  const series = known.map((p) => values(p, step, withVat));
  if (series.some((s) => s === undefined)) return { line: `${name} over the week: not charted, a price or VAT is not a decimal.` };
  const [n, o] = series as Array<{ values: string[]; gaps: boolean }>;
  if (o && o.values.every((v, i) => v === n.values[i])) return { line: `${name} over the week: the same at every hour as before.` };
  if ([...n.values, ...(o?.values ?? [])].some((v) => !plotsExactly(v))) {
    return { line: `${name} over the week: not charted, an amount has more digits than a chart can plot exactly.` };
  }
  const conditions = [...new Set(known.flatMap((p) => p.conditions.map((c) => restrictionsText(c, { parking: week.type === "PARKING_TIME" }))))];
  const labels = n.values.map((_, i) => ((i * step) % (24 * 60) === 0 ? DAY_NAMES[(i * step) / (24 * 60)] : invisibleLabel(i)));
  return { chart: { type: week.type, step, labels, new: n.values, ...(o ? { old: o.values } : {}), conditions, gaps: n.gaps || (o?.gaps ?? false) } };
}

/** Text safe inside a quoted Mermaid string: no quote or line break ends it, no `%%` starts a directive. */
function quoted(value: string): string {
  return `"${value.replace(/["`]/g, "'").replace(/\r?\n/g, " ").replace(/%{2,}/g, "%")}"`;
}

/** Text safe inside HTML (the `<summary>` line). */
function html(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function resolution(step: number): string {
  return step === 60 ? "by hour" : `every ${step} minutes`;
}

/** The Mermaid source of a week chart. */
export function mermaidSource(chart: WeekChart, title: string, yTitle: string): string {
  const both = chart.old !== undefined;
  const top = niceCeiling([...chart.new, ...(chart.old ?? [])]);
  return [
    "---",
    "config:",
    "  xyChart:",
    "    width: 900",
    "    height: 360",
    "    showLegend: true",
    "    xAxis:",
    "      showTick: false",
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${both ? `${OLD_COLOR}, ${NEW_COLOR}` : NEW_COLOR}"`,
    "---",
    "xychart-beta",
    `  title ${quoted(title)}`,
    `  x-axis ${quoted(`Monday 00:00 to Sunday 24:00, ${resolution(chart.step)}`)} [${chart.labels.map(quoted).join(", ")}]`,
    `  y-axis ${quoted(yTitle)} 0 --> ${top}`,
    ...(both ? [`  line "Old" [${chart.old!.join(", ")}]`] : []),
    `  line "New" [${chart.new.join(", ")}]`,
  ].join("\n");
}

/** The collapsed charts of a plan (or the lines that stand for them), for its section of the report. */
export function renderWeekCharts(plan: PlanReview, options: ChartOptions, budget: ChartBudget): string[] {
  const withVat = options.chartVat !== "excl";
  const vat = withVat ? "incl. VAT" : "excl. VAT";
  const currency = text(plan.currency);
  const out: string[] = [];
  for (const week of plan.week.charges) {
    const outcome = weekChart(week, withVat);
    if ("line" in outcome) {
      out.push(`*${outcome.line}*`);
      continue;
    }
    const { chart } = outcome;
    const name = chargeName(chart.type);
    if (budget.left <= 0) {
      out.push(`*${name} over the week: not charted, this report shows at most ${options.maxCharts ?? DEFAULT_MAX_CHARTS} charts.*`);
      continue;
    }
    budget.left -= 1;
    const unit = `${currency} ${UNIT[chart.type]} ${vat}`;
    const both = chart.old !== undefined;
    const notes = [
      both ? "Grey: old, blue: new." : week.oldLeftOut === "currency" ? "The new plan only: prices in another currency are not compared." : "The new plan.",
      `What a driver pays ${vat}, ${resolution(chart.step)}, at the location's local time.`,
    ];
    if (chart.gaps) notes.push(`Times without ${NONE[chart.type]} are charted at 0.`);
    const lines = [notes.join(" ")];
    if (chart.conditions.length > 0) {
      lines.push(`Charted for the case the table names (${chart.conditions.join("; ")}): sessions that do not meet it pay another price or none.`);
    }
    out.push(
      [
        `<details><summary>Chart: ${name.toLowerCase()} over the week, ${both ? "old and new" : "new"} (${html(unit)})</summary>`,
        "",
        "```mermaid",
        mermaidSource(chart, `${text(plan.name)}: ${name.toLowerCase()}, ${unit}`, unit),
        "```",
        "",
        lines.join("<br>\n"),
        "</details>",
      ].join("\n"),
    );
  }
  return out;
}
