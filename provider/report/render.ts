/**
 * The pricing review as Markdown for a pull-request comment, written for
 * people who set prices rather than for engineers. Every word of the report
 * is chosen here (and in `describe.ts`); the review itself is data.
 */
import { DEFAULT_MAX_CHARTS, renderWeekCharts, type ChartBudget, type ChartOptions } from "./chart";
import { formatUnits, inclVat, toUnits } from "../money";
import { KNOWN_AFTER_APPLY, chargeLabel, chargeName, formatPercent, gapText, money, restrictionsText, text, unitOf, vatText } from "./describe";
import type { ChargerName, ConnectorUse, FieldChange, PlanRef, PlanReview, PlanUsers, PlanWindow, PriceRow, PricingReview, Switch, Warning } from "./model";
import { SECRET, UNKNOWN } from "./preview";
import { markdownTable as table } from "../markdown/table";
import { bookingSection, bookingSummary, bookingWarningText } from "./render-booking";

export interface RenderOptions extends ChartOptions {
  /** Charts of the week's prices, old and new. Default true. */
  charts?: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A time window in words: "Mon–Fri 07:00–23:00", "any other time". */
export function windowText(w: PlanWindow): string {
  return restrictionsText(w.restrictions, { parking: w.parking, fallback: w.otherTime ? "any other time" : "any time" });
}

export function chargerText(c: ChargerName): string {
  return c.name !== undefined ? `${c.id} “${c.name}”` : c.id;
}

function connectorText(c: ConnectorUse): string {
  return `${c.charger} EVSE ${text(c.evseId)} connector ${text(c.connectorId)}`;
}

const byText = (a: string, b: string) => a.localeCompare(b);

/** The users of a plan as sorted lists of words. */
function userLists(u: PlanUsers) {
  const chargers = u.chargers.map((c) => ({ label: `${chargerText(c)}${c.ownPlan ? " (own plan)" : ""}`, own: c.ownPlan, name: chargerText(c) }));
  chargers.sort((a, b) => byText(a.label, b.label));
  return {
    locations: [...u.locations].sort(byText),
    chargers,
    connectors: u.connectors.map(connectorText).sort(byText),
  };
}

/** What a driver pays: price incl. VAT. */
function driverPrice(price: unknown, vat: unknown, currency: unknown): string {
  if (price === UNKNOWN || vat === UNKNOWN) return KNOWN_AFTER_APPLY;
  if (price === SECRET || vat === SECRET) return "(secret)";
  const p = toUnits(price);
  if (p === undefined) return "—";
  const v = toUnits(vat);
  return `${text(currency)} ${formatUnits(inclVat(p, v))}`;
}

function when(row: PriceRow): string {
  return row.windowBefore ? `${windowText(row.window)} (was ${windowText(row.windowBefore)})` : windowText(row.window);
}

function changeText(row: PriceRow): string {
  if (row.status === "added") return "added";
  if (row.status === "removed") return "removed";
  if (row.percent === undefined) {
    if (row.status === "unchanged") return "—";
    return row.old && row.new && toUnits(row.old.price) !== undefined && toUnits(row.old.price) === toUnits(row.new.price) ? "same amount, new currency" : "not comparable";
  }
  if (row.status === "unchanged" || (row.percent === 0 && row.percentInclVat === undefined)) return row.windowBefore ? "time window changed" : "—";
  const main = formatPercent(row.percent);
  const withVat = row.percentInclVat !== undefined ? ` (${formatPercent(row.percentInclVat)} incl. VAT)` : "";
  return `**${main}**${withVat}`;
}

function vatCell(row: PriceRow): string {
  if (row.old && row.new && vatText(row.old.vat) !== vatText(row.new.vat)) return `${vatText(row.old.vat)} → **${vatText(row.new.vat)}**`;
  return vatText((row.new ?? row.old)!.vat);
}

function changedPlanTable(plan: PlanReview): string {
  const oldCur = plan.currencyBefore ?? plan.currency;
  const rows = plan.rows.map((row) => {
    const oldPrice = row.old ? money(row.old.price, oldCur) : "—";
    const newPrice = row.new ? money(row.new.price, plan.currency) : "removed";
    const emphasized = row.status === "changed" && row.new && oldPrice !== newPrice ? `**${newPrice}**` : newPrice;
    const pays = row.new
      ? driverPrice(row.new.price, row.new.vat, plan.currency) +
        (row.old && row.status === "changed" ? ` (was ${driverPrice(row.old.price, row.old.vat, oldCur)})` : "")
      : `— (was ${driverPrice(row.old!.price, row.old!.vat, oldCur)})`;
    return [when(row), chargeLabel(row.type, row.stepSize), oldPrice, emphasized, changeText(row), vatCell(row), pays];
  });
  return table(["When", "Charge", "Old price", "New price", "Change", "VAT", "Drivers pay (incl. VAT)"], rows);
}

function planTable(plan: PlanReview): string {
  const rows = plan.rows.map((row) => {
    const p = (row.new ?? row.old)!;
    return [windowText(row.window), chargeLabel(row.type, row.stepSize), money(p.price, plan.currency), vatText(p.vat), driverPrice(p.price, p.vat, plan.currency)];
  });
  return table(["When", "Charge", "Price excl. VAT", "VAT", "Drivers pay (incl. VAT)"], rows);
}

function limitText(limit: unknown, currency: unknown): string {
  if (limit === undefined || limit === null) return "none";
  if (limit === UNKNOWN || limit === SECRET) return text(limit);
  const l = (typeof limit === "object" ? limit : {}) as Record<string, unknown>;
  return l.inclVat !== undefined ? `${money(l.exclVat, currency)} excl. VAT (${money(l.inclVat, currency)} incl. VAT)` : `${money(l.exclVat, currency)} excl. VAT`;
}

const FIELD_LABEL = { minPrice: "Minimum price per session", maxPrice: "Maximum price per session", startDateTime: "Valid from", endDateTime: "Valid until" } as const;

function fieldChangeText(f: FieldChange, plan: PlanReview): string {
  const oldCur = plan.currencyBefore;
  switch (f.field) {
    case "name":
      return `Name: ${text(f.old)} → ${text(f.new)}`;
    case "minPrice":
    case "maxPrice":
      return `${FIELD_LABEL[f.field]}: ${limitText(f.old, oldCur)} → ${limitText(f.new, plan.currency)}`;
    case "startDateTime":
    case "endDateTime":
      return `${FIELD_LABEL[f.field]}: ${f.old === undefined ? "always" : text(f.old)} → ${f.new === undefined ? "always" : text(f.new)}`;
    case "altText":
      return "Text shown to drivers (altText) changed";
  }
}

function fieldText(f: FieldChange, plan: PlanReview): string {
  if (f.field === "minPrice" || f.field === "maxPrice") return `${FIELD_LABEL[f.field]}: ${limitText(f.new, plan.currency)}`;
  if (f.field === "startDateTime" || f.field === "endDateTime") return `${FIELD_LABEL[f.field]}: ${text(f.new)}`;
  return fieldChangeText(f, plan);
}

/** "Name: …", "Maximum price per session: …", the order of the windows: what else a plan changes or has. */
function otherLines(plan: PlanReview): string[] {
  if (plan.op === "update" || plan.op === "replace") {
    const lines = plan.fields.map((f) => fieldChangeText(f, plan));
    if (plan.reordered) lines.push("The order of the time windows changed (the first window that matches applies)");
    return lines;
  }
  return plan.fields.map((f) => fieldText(f, plan));
}

function usersText(plan: PlanReview): string {
  const u = userLists(plan.users);
  const total = u.locations.length + u.chargers.length + u.connectors.length;
  const lead = plan.op === "delete" ? "Still used by" : "Used by";
  if (total === 0) {
    if (plan.op === "delete") return "Used by no location or charger in this stack any more.";
    if (plan.users.unknown > 0) return `${plan.op === "create" ? "New plan; users" : "Users"} known after apply.`;
    if (plan.usersIncomplete) return "No location or charger that changes in this preview uses it; unchanged ones are not listed in it (see the note below).";
    return "Not used by any location or charger in this stack.";
  }
  const parts = [
    u.locations.length ? plural(u.locations.length, "location") : "",
    u.chargers.length ? plural(u.chargers.length, "charger") : "",
    u.connectors.length ? plural(u.connectors.length, "connector") : "",
  ].filter(Boolean);
  const lines = [`${lead} ${parts.join(", ")} in this stack:`];
  if (u.locations.length) lines.push(`- Locations (default plan of their chargers): ${u.locations.join(", ")}`);
  if (u.chargers.length) lines.push(`- Chargers: ${u.chargers.map((c) => c.label).join(", ")}`);
  if (u.connectors.length) lines.push(`- Connectors with their own plan: ${u.connectors.join(", ")}`);
  if (plan.users.unknown > 0) lines.push(`- and possibly more: ${plural(plan.users.unknown, "reference")} known after apply`);
  return lines.join("\n");
}

function planSection(plan: PlanReview, options: RenderOptions, budget: ChartBudget): string {
  const cur = text(plan.currency);
  const name = text(plan.name);
  const out: string[] = [];
  switch (plan.op) {
    case "update":
      out.push(`### Updated plan: ${name} (${cur})`);
      out.push(plan.rows.length > 0 ? changedPlanTable(plan) : "No prices.");
      break;
    case "replace": {
      const currencyChange = plan.currencyBefore !== plan.currency;
      out.push(`### Replaced plan: ${name} (${currencyChange ? `currency ${text(plan.currencyBefore)} → ${cur}` : cur})`);
      out.push(
        currencyChange
          ? `The currency of a plan cannot change in place: a new plan in ${cur} is created, the locations and chargers below move to it, then the ${text(plan.currencyBefore)} plan is deleted. Prices in different currencies are not compared.`
          : `The plan is replaced (${plan.replaceReasons.join(", ") || "a field that cannot change in place"}): a new plan is created, its users move to it, then the old plan is deleted.`,
      );
      out.push(changedPlanTable(plan));
      break;
    }
    case "create":
      out.push(`### New plan: ${name} (${cur})`);
      out.push(planTable(plan));
      break;
    case "import":
      out.push(`### Imported plan: ${name} (${cur})`);
      out.push(planTable(plan));
      break;
    case "delete":
      out.push(`### Deleted plan: ${name} (${cur})`);
      out.push("These prices are going away:");
      out.push(planTable(plan));
      break;
  }
  const other = otherLines(plan);
  if (other.length > 0) out.push(other.map((o) => `- ${o}`).join("\n"));
  if (options.charts !== false) out.push(...renderWeekCharts(plan, options, budget));
  out.push(usersText(plan));
  return out.join("\n\n");
}

function refText(ref: PlanRef): string {
  if ("none" in ref) return "no plan of its own";
  if ("unknown" in ref) return "a plan known after apply";
  if ("outside" in ref) return `plan ${ref.outside} (not in this stack)`;
  return ref.plan;
}

function switchName(s: Switch): string {
  return s.kind === "location" ? s.location : chargerText(s.charger);
}

function switchesSection(switches: Switch[]): string {
  const sorted = [...switches].sort((a, b) => a.kind.localeCompare(b.kind) || switchName(a).localeCompare(switchName(b)));
  return `### Locations and chargers switching plan\n\n${sorted
    .map((s) => `- ${s.kind === "location" ? "Location" : "Charger"} ${switchName(s)}: ${refText(s.from)} → ${refText(s.to)}`)
    .join("\n")}`;
}

/** A warning in one Markdown line. */
export function warningText(w: Warning): string {
  switch (w.kind) {
    case "increase": {
      const { row } = w;
      const name = text(w.plan);
      const pct = (p: number) => (p === Infinity ? "from zero" : `by ${Math.abs(p).toFixed(1)}%`);
      const by = row.percentInclVat !== undefined && row.percentInclVat > (row.percent ?? -Infinity) ? `${pct(row.percentInclVat)} incl. VAT` : pct(row.percent!);
      return `**${name}**: ${chargeName(row.type).toLowerCase()} ${windowText(row.window)} goes up ${by} (${money(row.old.price, w.currencyBefore)} → ${money(row.new.price, w.currency)} ${unitOf(row.new.type)} excl. VAT, VAT ${vatText(row.new.vat)}), more than the ${w.limitPercent}% limit.`;
    }
    case "booking-increase":
      return bookingWarningText(w);
    case "deleted-in-use": {
      const u = userLists(w.users);
      const who = [...u.locations.map((l) => `location ${l}`), ...u.chargers.filter((c) => c.own).map((c) => `charger ${c.name}`), ...u.connectors.map((c) => `connector ${c}`)];
      return `**${text(w.plan)}** is deleted but still used by ${who.join(", ")}. The API refuses to delete a plan in use (409 pricing_plan_in_use): move them to another plan first.`;
    }
    case "coverage":
      return `**${text(w.plan)}** has no energy, time or session price ${w.gaps.map(gapText).join("; ")}: no window applies to every session then.`;
    case "preview-error":
      return `The preview reported an error, so this review may be incomplete: ${w.error.split("\n").filter(Boolean).slice(0, 3).join(" ")}`;
  }
}

/** The first line of the review: "Pricing changes: 1 plan updated (1 price up, max +12.8%). ⚠️ 1 warning." */
export function summaryText(review: PricingReview): string {
  const { plans, switches, warnings } = review;
  if (!review.hasChanges) return warnings.length > 0 ? `No pricing changes. ⚠️ ${plural(warnings.length, "warning")}.` : "No pricing changes.";
  const parts: string[] = [];
  const updated = plans.filter((p) => p.op === "update");
  if (updated.length > 0) {
    const changed = updated.flatMap((p) => p.rows).filter((r) => r.status === "changed" && r.percent !== undefined);
    const up = changed.filter((r) => r.percent! > 0 || (r.percentInclVat ?? 0) > 0);
    const down = changed.filter((r) => r.percent! < 0 && (r.percentInclVat ?? r.percent!) <= 0);
    const added = updated.flatMap((p) => p.rows).filter((r) => r.status === "added").length;
    const removed = updated.flatMap((p) => p.rows).filter((r) => r.status === "removed").length;
    const details: string[] = [];
    if (up.length > 0) details.push(`${plural(up.length, "price")} up, max ${formatPercent(Math.max(...up.map((r) => Math.max(r.percent!, r.percentInclVat ?? -Infinity))))}`);
    if (down.length > 0) details.push(`${plural(down.length, "price")} down, max ${formatPercent(Math.min(...down.map((r) => r.percent!)))}`);
    if (added > 0) details.push(`${plural(added, "price")} added`);
    if (removed > 0) details.push(`${plural(removed, "price")} removed`);
    const otherOnly = details.length === 0 && changed.length === 0;
    if (otherOnly) details.push(updated.some((p) => otherLines(p).length > 0 || p.rows.some((r) => r.status === "changed")) ? "no price change" : "no visible change");
    parts.push(`${plural(updated.length, "plan")} updated (${details.join("; ")})`);
  }
  const replaced = plans.filter((p) => p.op === "replace");
  if (replaced.length > 0) {
    const currencies = [...new Set(replaced.filter((p) => p.currencyBefore !== p.currency).map((p) => `currency ${text(p.currencyBefore)} → ${text(p.currency)}`))];
    parts.push(`${plural(replaced.length, "plan")} replaced${currencies.length > 0 ? ` (${currencies.join(", ")})` : ""}`);
  }
  const created = plans.filter((p) => p.op === "create").length;
  if (created > 0) parts.push(`${created} new ${created === 1 ? "plan" : "plans"}`);
  const imported = plans.filter((p) => p.op === "import").length;
  if (imported > 0) parts.push(`${plural(imported, "plan")} imported`);
  const deleted = plans.filter((p) => p.op === "delete").length;
  if (deleted > 0) parts.push(`${plural(deleted, "plan")} deleted`);
  parts.push(...bookingSummary(review.bookings));
  const locs = switches.filter((s) => s.kind === "location").length;
  const chargers = switches.filter((s) => s.kind === "charger").length;
  if (locs > 0) parts.push(`${plural(locs, "location")} ${locs === 1 ? "switches" : "switch"} plan`);
  if (chargers > 0) parts.push(`${plural(chargers, "charger")} ${chargers === 1 ? "switches" : "switch"} plan`);
  const warn = warnings.length > 0 ? ` ⚠️ ${plural(warnings.length, "warning")}.` : "";
  return `Pricing changes: ${parts.join(", ")}.${warn}`;
}

const OP_ORDER = ["update", "replace", "create", "import", "delete"];

/** The whole review: the summary line first; only "No pricing changes." when there are none. */
export function renderMarkdown(review: PricingReview, options: RenderOptions = {}): string {
  if (!review.hasChanges && review.warnings.length === 0) return "No pricing changes.\n";
  const out: string[] = [summaryText(review)];
  if (review.warnings.length > 0) {
    out.push(`### ⚠️ Warnings\n\n${review.warnings.map((w) => `- ${warningText(w)}`).join("\n")}`);
  }
  if (review.plans.length > 0) {
    out.push("Prices are shown excluding VAT; *Drivers pay* is the price including VAT. Times are local to each location.");
  }
  const plans = [...review.plans].sort((a, b) => OP_ORDER.indexOf(a.op) - OP_ORDER.indexOf(b.op) || text(a.name).localeCompare(text(b.name)));
  const budget: ChartBudget = { left: options.maxCharts ?? DEFAULT_MAX_CHARTS };
  for (const plan of plans) out.push(planSection(plan, options, budget));
  const bookings = [...review.bookings].sort((a, b) => a.location.localeCompare(b.location));
  if (bookings.length > 0) {
    out.push(`Booking fees are shown excluding VAT; *Drivers pay* includes the booking's VAT (\`booking.vat\`).`);
    for (const booking of bookings) out.push(bookingSection(booking));
  }
  if (review.switches.length > 0) out.push(switchesSection(review.switches));
  if (review.hasChanges && review.unchangedOmitted) {
    out.push("> Unchanged locations and chargers are not in this preview, so the users listed may be incomplete: run `pulumi preview --json --show-sames`.");
  }
  return `${out.join("\n\n")}\n`;
}
