/**
 * What a reviewer must not miss, as data: a price rising by more than the
 * limit (before or after VAT), a plan deleted while something in the stack
 * still uses it, hours of the week without a price, and errors of the preview.
 */
import { BOOKING_FEE_RULES } from "./booking";
import type { BookingReview, PlanReview, Warning } from "./model";
import type { Preview } from "./preview";

/** The warnings of one plan of the review. */
export function planWarnings(plan: PlanReview, maxIncreasePercent: number): Warning[] {
  const out: Warning[] = [];
  for (const row of plan.rows) {
    if (row.status !== "changed" || !row.old || !row.new) continue;
    const worst = Math.max(row.percent ?? -Infinity, row.percentInclVat ?? -Infinity);
    if (worst > maxIncreasePercent) {
      out.push({
        kind: "increase",
        plan: plan.name,
        row: { ...row, old: row.old, new: row.new },
        currencyBefore: plan.currencyBefore,
        currency: plan.currency,
        limitPercent: maxIncreasePercent,
      });
    }
  }
  if (plan.op === "delete") {
    const { locations, chargers, connectors } = plan.users;
    if (locations.length + chargers.filter((c) => c.ownPlan).length + connectors.length > 0) {
      out.push({ kind: "deleted-in-use", plan: plan.name, users: plan.users });
    }
  }
  if (plan.gaps.length > 0) out.push({ kind: "coverage", plan: plan.name, gaps: plan.gaps });
  return out;
}

/** A booking fee rising by more than the limit (before or after VAT). */
export function bookingWarnings(booking: BookingReview, maxIncreasePercent: number): Warning[] {
  const out: Warning[] = [];
  for (const row of booking.rows) {
    if (!row.changed || !(BOOKING_FEE_RULES as readonly string[]).includes(row.rule)) continue;
    const worst = Math.max(row.percent ?? -Infinity, row.percentInclVat ?? -Infinity);
    if (worst > maxIncreasePercent) {
      out.push({ kind: "booking-increase", location: booking.location, row, currency: booking.currency, vat: booking.vat, limitPercent: maxIncreasePercent });
    }
  }
  return out;
}

/** The error diagnostics of the preview: the review may be incomplete. */
export function previewWarnings(preview: Preview): Warning[] {
  return preview.errors.map((error) => ({ kind: "preview-error", error }));
}
