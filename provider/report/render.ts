/**
 * The pricing review as Markdown for a pull-request comment, written for
 * people who set prices rather than for engineers.
 */
import type { PlanReview, PlanUsers, PriceRow, PricingReview } from "./changes";
import { KNOWN_AFTER_APPLY, formatPercent, formatUnits, inclVat, money, text, toUnits, vatText } from "./describe";
import { SECRET, UNKNOWN } from "./preview";
import { markdownTable as table } from "../markdown/table";


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
  return row.whenBefore ? `${row.when} (was ${row.whenBefore})` : row.when;
}

function changeText(row: PriceRow): string {
  if (row.status === "added") return "added";
  if (row.status === "removed") return "removed";
  if (row.percent === undefined) {
    if (row.status === "unchanged") return "—";
    return row.old && row.new && toUnits(row.old.price) !== undefined && toUnits(row.old.price) === toUnits(row.new.price) ? "same amount, new currency" : "not comparable";
  }
  if (row.status === "unchanged" || (row.percent === 0 && row.percentInclVat === undefined)) return row.whenBefore ? "time window changed" : "—";
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
    return [when(row), row.charge, oldPrice, emphasized, changeText(row), vatCell(row), pays];
  });
  return table(["When", "Charge", "Old price", "New price", "Change", "VAT", "Drivers pay (incl. VAT)"], rows);
}

function planTable(plan: PlanReview): string {
  const rows = plan.rows.map((row) => {
    const p = (row.new ?? row.old)!;
    return [row.when, row.charge, money(p.price, plan.currency), vatText(p.vat), driverPrice(p.price, p.vat, plan.currency)];
  });
  return table(["When", "Charge", "Price excl. VAT", "VAT", "Drivers pay (incl. VAT)"], rows);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function usersText(plan: PlanReview): string {
  const u: PlanUsers = plan.users;
  const total = u.locations.length + u.chargers.length + u.connectors.length;
  const lead = plan.op === "delete" ? "Still used by" : "Used by";
  if (total === 0) {
    if (plan.op === "delete") return "Used by no location or charger in this stack any more.";
    if (u.unknown > 0) return `${plan.op === "create" ? "New plan; users" : "Users"} known after apply.`;
    if (plan.usersIncomplete) return "No location or charger that changes in this preview uses it; unchanged ones are not listed in it (see the note below).";
    return "Not used by any location or charger in this stack.";
  }
  const parts = [
    u.locations.length ? count(u.locations.length, "location") : "",
    u.chargers.length ? count(u.chargers.length, "charger") : "",
    u.connectors.length ? count(u.connectors.length, "connector") : "",
  ].filter(Boolean);
  const lines = [`${lead} ${parts.join(", ")} in this stack:`];
  if (u.locations.length) lines.push(`- Locations (default plan of their chargers): ${u.locations.join(", ")}`);
  if (u.chargers.length) lines.push(`- Chargers: ${u.chargers.join(", ")}`);
  if (u.connectors.length) lines.push(`- Connectors with their own plan: ${u.connectors.join(", ")}`);
  if (u.unknown > 0) lines.push(`- and possibly more: ${count(u.unknown, "reference")} known after apply`);
  return lines.join("\n");
}

function planSection(plan: PlanReview): string {
  const cur = text(plan.currency);
  const out: string[] = [];
  switch (plan.op) {
    case "update":
      out.push(`### Updated plan: ${plan.name} (${cur})`);
      out.push(plan.rows.length > 0 ? changedPlanTable(plan) : "No prices.");
      break;
    case "replace": {
      const currencyChange = plan.currencyBefore !== plan.currency;
      out.push(`### Replaced plan: ${plan.name} (${currencyChange ? `currency ${text(plan.currencyBefore)} → ${cur}` : cur})`);
      out.push(
        currencyChange
          ? `The currency of a plan cannot change in place: a new plan in ${cur} is created, the locations and chargers below move to it, then the ${text(plan.currencyBefore)} plan is deleted. Prices in different currencies are not compared.`
          : `The plan is replaced (${plan.replaceReasons.join(", ") || "a field that cannot change in place"}): a new plan is created, its users move to it, then the old plan is deleted.`,
      );
      out.push(changedPlanTable(plan));
      break;
    }
    case "create":
      out.push(`### New plan: ${plan.name} (${cur})`);
      out.push(planTable(plan));
      break;
    case "import":
      out.push(`### Imported plan: ${plan.name} (${cur})`);
      out.push(planTable(plan));
      break;
    case "delete":
      out.push(`### Deleted plan: ${plan.name} (${cur})`);
      out.push("These prices are going away:");
      out.push(planTable(plan));
      break;
  }
  if (plan.other.length > 0) out.push(plan.other.map((o) => `- ${o}`).join("\n"));
  out.push(usersText(plan));
  return out.join("\n\n");
}

/** The whole review: the summary line first; only "No pricing changes." when there are none. */
export function renderMarkdown(review: PricingReview): string {
  if (!review.hasChanges && review.warnings.length === 0) return "No pricing changes.\n";
  const out: string[] = [review.summary];
  if (review.warnings.length > 0) {
    out.push(`### ⚠️ Warnings\n\n${review.warnings.map((w) => `- ${w.message}`).join("\n")}`);
  }
  if (review.plans.length > 0) {
    out.push("Prices are shown excluding VAT; *Drivers pay* is the price including VAT. Times are local to each location.");
  }
  for (const plan of review.plans) out.push(planSection(plan));
  if (review.switches.length > 0) {
    out.push(
      `### Locations and chargers switching plan\n\n${review.switches
        .map((s) => `- ${s.kind === "location" ? "Location" : "Charger"} ${s.name}: ${s.from} → ${s.to}`)
        .join("\n")}`,
    );
  }
  for (const note of review.notes) out.push(`> ${note}`);
  return `${out.join("\n\n")}\n`;
}
