/**
 * What a preview does to pricing: per pricing plan, the prices old → new and
 * over the week; who uses each plan; which locations and chargers switch
 * plans; and the warnings a reviewer must see. Pure: a {@link Preview} in, a
 * {@link PricingReview} (data, no words) out; `render.ts` writes it.
 */
import { reviewBookings } from "./booking";
import { uncoveredTimes } from "./coverage";
import { fieldChanges, planDetails, planFields, priceRows } from "./matching";
import type { PlanOp, PlanReview, PriceRow, PricingReview, Warning } from "./model";
import type { Preview } from "./preview";
import { StackIndex, switches, unresolvedReferences, usages, usersOf } from "./usage";
import { bookingWarnings, planWarnings, previewWarnings } from "./warnings";
import { planWeek } from "./week";

export type { BookingReview, BookingRow, FieldChange, PlanOp, PlanReview, PlanUsers, Price, PriceRow, PricingReview, Switch, Warning } from "./model";

export interface ReviewOptions {
  /** Warn when a price or a booking fee rises by more than this many percent. Default 10. */
  maxIncreasePercent?: number;
}

const PLAN_OPS: Record<string, PlanOp | undefined> = { create: "create", update: "update", replace: "replace", delete: "delete", import: "import" };

export function reviewPricing(preview: Preview, options: ReviewOptions = {}): PricingReview {
  const maxIncrease = options.maxIncreasePercent ?? 10;
  const index = new StackIndex(preview);
  const newUsage = usages(index, "new");
  const oldUsage = usages(index, "old");
  const warnings: Warning[] = [];
  const plans: PlanReview[] = [];
  const unresolved = unresolvedReferences(newUsage);

  for (const r of preview.resources) {
    if (r.kind !== "PricingPlan") continue;
    const op = PLAN_OPS[r.op];
    if (!op) continue;
    const o = planFields(r.old, true);
    const n = planFields(r.new, false);
    const current = op === "delete" ? o : n;
    const changed = op === "update" || op === "replace";
    const currencyChanged = op === "replace" && o.currency !== n.currency;
    let rows: PriceRow[];
    let reordered = false;
    if (changed) {
      ({ rows, reordered } = priceRows(o.elements, n.elements, !currencyChanged));
    } else {
      rows = priceRows(op === "delete" ? current.elements : [], op === "delete" ? [] : current.elements).rows;
    }
    const users = usersOf(r.urn, newUsage);
    if (op === "create" || op === "replace") users.unknown = unresolved;
    const plan: PlanReview = {
      urn: r.urn,
      name: current.name ?? o.name,
      op,
      currencyBefore: changed ? o.currency : undefined,
      currency: current.currency,
      rows,
      fields: changed ? fieldChanges(o, n) : planDetails(current),
      reordered,
      users,
      gaps: op === "delete" ? [] : (uncoveredTimes(n.elements) ?? []),
      replaceReasons: r.replaceReasons,
      usersIncomplete: preview.unchangedOmitted,
      week: op === "delete" || op === "import" ? { charges: [] } : planWeek(o.elements, n.elements, changed, !currencyChanged),
    };
    plans.push(plan);
    warnings.push(...planWarnings(plan, maxIncrease));
  }
  const bookings = reviewBookings(index);
  for (const booking of bookings) warnings.push(...bookingWarnings(booking, maxIncrease));
  warnings.push(...previewWarnings(preview));

  const moved = switches(index, oldUsage, newUsage);
  return {
    plans,
    bookings,
    switches: moved,
    warnings,
    unchangedOmitted: preview.unchangedOmitted,
    hasChanges: plans.length > 0 || bookings.length > 0 || moved.length > 0,
    maxIncreasePercent: maxIncrease,
  };
}
