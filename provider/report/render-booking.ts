/**
 * The booking part of the pricing review in words: per location, booking
 * turned on or off, and each priced rule old → new with its change and what a
 * driver pays incl. the booking's VAT; the summary's words and the warning of
 * a booking fee rising past the limit.
 */
import { formatUnits, inclVat, toUnits } from "../money";
import { KNOWN_AFTER_APPLY, SECRET_TEXT, formatPercent, money, text, vatText } from "./describe";
import type { BookingReview, BookingRow, Warning } from "./model";
import { SECRET, UNKNOWN } from "./preview";
import { markdownTable as table } from "../markdown/table";

const LABEL: Record<BookingRow["rule"], string> = {
  slotFee: "Slot fee (per booked slot)",
  sameDaySlotFee: "Same-day slot fee (per slot booked for today)",
  blockingFeePerHour: "Blocking fee (per hour after the grace period)",
  graceMinutes: "Grace period before the blocking fee",
  freeKwh: "Free kWh per booked session",
  pricingPlanId: "Booking-only pricing plan",
};
const FEES = new Set(["slotFee", "sameDaySlotFee", "blockingFeePerHour"]);

/** A rule's value in words: an amount with its currency, minutes, kWh, or a plan. */
function valueText(row: BookingRow, value: unknown, currency: unknown): string {
  if (value === UNKNOWN) return KNOWN_AFTER_APPLY;
  if (value === SECRET) return SECRET_TEXT;
  if (value === undefined || value === null) return row.rule === "pricingPlanId" ? "the location's plan" : row.rule === "freeKwh" ? "none" : "—";
  if (FEES.has(row.rule)) return money(value, currency);
  if (row.rule === "graceMinutes") return `${text(value)} min`;
  if (row.rule === "freeKwh") {
    const units = toUnits(value);
    return units === undefined ? text(value) : `${formatUnits(units).replace(/\.?0+$/, "")} kWh`;
  }
  return text(value);
}

/** What a driver pays for a fee, incl. the booking's VAT. */
function driverPays(value: unknown, vat: unknown, currency: unknown): string {
  if (value === UNKNOWN || vat === UNKNOWN) return KNOWN_AFTER_APPLY;
  if (value === SECRET || vat === SECRET) return SECRET_TEXT;
  const units = toUnits(value);
  if (units === undefined) return "—";
  return `${text(currency)} ${formatUnits(inclVat(units, toUnits(vat)))}`;
}

function changeText(row: BookingRow): string {
  if (row.old === undefined || row.old === null) return "added";
  if (row.new === undefined || row.new === null) return "removed";
  if (row.percent === undefined) return row.rule === "pricingPlanId" ? "other plan" : "changed";
  const withVat = row.percentInclVat !== undefined ? ` (${formatPercent(row.percentInclVat)} incl. VAT)` : "";
  return `**${formatPercent(row.percent)}**${withVat}`;
}

function changedTable(b: BookingReview): string {
  const oldCur = b.currencyBefore ?? b.currency;
  const oldVat = b.vatBefore ?? b.vat;
  const rows = b.rows.map((row) => {
    const fee = FEES.has(row.rule);
    const pays = fee
      ? row.new === undefined
        ? `— (was ${driverPays(row.old, oldVat, oldCur)})`
        : `${driverPays(row.new, b.vat, b.currency)}${row.old === undefined ? "" : ` (was ${driverPays(row.old, oldVat, oldCur)})`}`
      : "—";
    return [LABEL[row.rule], valueText(row, row.old, oldCur), `**${valueText(row, row.new, b.currency)}**`, changeText(row), pays];
  });
  return table(["Booking rule", "Old", "New", "Change", "Drivers pay (incl. VAT)"], rows);
}

function rulesTable(b: BookingReview): string {
  const rows = b.rows.map((row) => {
    const value = row.new ?? row.old;
    return [LABEL[row.rule], valueText(row, value, b.currency), FEES.has(row.rule) ? driverPays(value, b.vat, b.currency) : "—"];
  });
  return table(["Booking rule", "Value", "Drivers pay (incl. VAT)"], rows);
}

/** One location's booking section. */
export function bookingSection(b: BookingReview): string {
  const out: string[] = [];
  const vat = `VAT on the fees: ${b.vatBefore !== undefined ? `${vatText(b.vatBefore)} → **${vatText(b.vat)}**` : vatText(b.vat)}`;
  switch (b.change) {
    case "on":
      out.push(`### Booking turned on: ${b.location}${b.locationOp === "create" ? " (new location)" : ""}`);
      out.push("Drivers can book slots at this location from this change on.");
      if (b.rows.length > 0) out.push(rulesTable(b), `- ${vat}`);
      break;
    case "off":
      out.push(`### Booking turned off: ${b.location}${b.locationOp === "delete" ? " (location deleted)" : ""}`);
      out.push("Drivers can no longer book slots at this location; these booking rules go away:");
      if (b.rows.length > 0) out.push(rulesTable(b), `- ${vat}`);
      break;
    case "changed": {
      out.push(`### Booking rules changed: ${b.location}`);
      if (b.rows.length > 0) out.push(changedTable(b));
      const lines = [vat];
      if (b.currencyBefore !== undefined) lines.push(`Currency of the fees: ${text(b.currencyBefore)} → **${text(b.currency)}** (fees in different currencies are not compared)`);
      for (const o of b.others) lines.push(`${o.rule}: ${text(o.old)} → ${text(o.new)}`);
      out.push(lines.map((l) => `- ${l}`).join("\n"));
      break;
    }
  }
  return out.join("\n\n");
}

/** The summary's words for the bookings: "booking turned on at 1 location, booking rules changed at 2 locations (1 fee up, max +16.7%)". */
export function bookingSummary(bookings: BookingReview[]): string[] {
  const count = (n: number) => `${n} ${n === 1 ? "location" : "locations"}`;
  const parts: string[] = [];
  const changed = bookings.filter((b) => b.change === "changed");
  if (changed.length > 0) {
    const fees = changed.flatMap((b) => b.rows).filter((r) => FEES.has(r.rule) && r.percent !== undefined);
    const up = fees.filter((r) => r.percent! > 0 || (r.percentInclVat ?? 0) > 0);
    const down = fees.filter((r) => r.percent! < 0 && (r.percentInclVat ?? r.percent!) <= 0);
    const details: string[] = [];
    if (up.length > 0) details.push(`${up.length} ${up.length === 1 ? "fee" : "fees"} up, max ${formatPercent(Math.max(...up.map((r) => Math.max(r.percent!, r.percentInclVat ?? -Infinity))))}`);
    if (down.length > 0) details.push(`${down.length} ${down.length === 1 ? "fee" : "fees"} down, max ${formatPercent(Math.min(...down.map((r) => r.percent!)))}`);
    parts.push(`booking rules changed at ${count(changed.length)}${details.length > 0 ? ` (${details.join("; ")})` : ""}`);
  }
  const on = bookings.filter((b) => b.change === "on").length;
  if (on > 0) parts.push(`booking turned on at ${count(on)}`);
  const off = bookings.filter((b) => b.change === "off").length;
  if (off > 0) parts.push(`booking turned off at ${count(off)}`);
  return parts;
}

/** The warning of a booking fee rising past the limit, in one line. */
export function bookingWarningText(w: Extract<Warning, { kind: "booking-increase" }>): string {
  const { row } = w;
  const pct = (p: number) => (p === Infinity ? "from zero" : `by ${Math.abs(p).toFixed(1)}%`);
  const by = row.percentInclVat !== undefined && row.percentInclVat > (row.percent ?? -Infinity) ? `${pct(row.percentInclVat)} incl. VAT` : pct(row.percent!);
  const label = LABEL[row.rule].replace(/ \(.*\)$/, "").toLowerCase();
  return `**${w.location}**: the booking ${label} goes up ${by} (${money(row.old, w.currency)} → ${money(row.new, w.currency)} excl. VAT, VAT ${vatText(w.vat)}), more than the ${w.limitPercent}% limit.`;
}
