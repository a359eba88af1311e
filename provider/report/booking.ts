/**
 * What a preview does to the booking rules of locations (`Location.booking`):
 * booking turned on or off, and each priced rule old → new (the slot fee, the
 * same-day slot fee, the blocking fee, the grace period, the free kWh and the
 * booking-only plan), fees with their change in percent excl. and incl. the
 * booking's VAT. Pure data, as {@link reviewPricing} builds it; the words are
 * in `render-booking.ts`.
 */
import { inclVat, percentChange, sameDecimal, toUnits } from "../money";
import { asObject } from "./matching";
import type { BookingReview, BookingRow, BookingRule } from "./model";
import { UNKNOWN, type ResourceChange, type ResourceState } from "./preview";
import type { StackIndex } from "./usage";

/** The fees of the booking rules, in the order of the review. */
export const BOOKING_FEE_RULES = ["slotFee", "sameDaySlotFee", "blockingFeePerHour"] as const;
/** Every priced rule the review compares, fees first. */
const RULES: readonly BookingRule[] = [...BOOKING_FEE_RULES, "graceMinutes", "freeKwh", "pricingPlanId"];
/** The other rules: a change is named, without amounts (they price nothing). */
const OTHER_RULES = ["bookableFrom", "bookableUntil", "slotMinutes", "bufferMinutes", "autoCancelMinutes", "mixedMode", "onDemandIntoBooking"] as const;
const DEFAULTS: Record<string, unknown> = { graceMinutes: 15, vat: "0", bufferMinutes: 0, mixedMode: true, onDemandIntoBooking: false };

/** A location's booking rules on one side of the preview (the state's outputs before, the program's inputs after), or undefined when it takes no bookings. */
function bookingOf(state: ResourceState | undefined, side: "old" | "new"): Record<string, unknown> | undefined {
  if (!state) return undefined;
  const source = side === "old" && state.outputs && Object.keys(state.outputs).length > 0 ? state.outputs : state.inputs;
  const booking = source.booking;
  if (booking === undefined || booking === null) return undefined;
  const rules = { ...asObject(booking) };
  for (const [key, value] of Object.entries(DEFAULTS)) rules[key] ??= value;
  // The same-day fee left out is the slot fee (the contract).
  rules.sameDaySlotFee ??= rules.slotFee;
  return rules;
}

function same(rule: string, a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return toUnits(a) !== undefined && toUnits(b) !== undefined ? sameDecimal(a, b) : a === b;
}

/** One rule old → new; fees with their percent change excl. and incl. VAT. */
function row(rule: BookingRule, o: Record<string, unknown> | undefined, n: Record<string, unknown> | undefined, comparable: boolean, planName: (side: "old" | "new", value: unknown) => unknown): BookingRow {
  const old = rule === "pricingPlanId" ? planName("old", o?.[rule]) : o?.[rule];
  const now = rule === "pricingPlanId" ? planName("new", n?.[rule]) : n?.[rule];
  // A plan is compared by what it is in the stack (a replaced plan keeps its name), not by its id.
  // A fee whose VAT changed changes what drivers pay, though its amount stays.
  const fee = (BOOKING_FEE_RULES as readonly string[]).includes(rule);
  const vatChanged = fee && o?.[rule] !== undefined && n?.[rule] !== undefined && !same("vat", o?.vat, n?.vat);
  const changed = rule === "pricingPlanId" ? old !== now : !same(rule, o?.[rule], n?.[rule]) || vatChanged;
  const out: BookingRow = { rule, old, new: now, changed };
  if (!comparable || rule === "pricingPlanId") return out;
  const ou = toUnits(o?.[rule]);
  const nu = toUnits(n?.[rule]);
  if (ou === undefined || nu === undefined) return out;
  out.percent = percentChange(ou, nu);
  if (fee) {
    const ov = toUnits(o?.vat);
    const nv = toUnits(n?.vat);
    if (ov !== undefined && nv !== undefined && ov !== nv) out.percentInclVat = percentChange(inclVat(ou, ov), inclVat(nu, nv));
  }
  return out;
}

/** The booking of one location as the preview changes it, or undefined when its booking rules stay as they are. */
function reviewLocation(r: ResourceChange, index: StackIndex): BookingReview | undefined {
  const o = r.op === "create" ? undefined : bookingOf(r.old, "old");
  const n = r.op === "delete" ? undefined : bookingOf(r.new ?? r.old, "new");
  if (!o && !n) return undefined;
  const planName = (side: "old" | "new", value: unknown): unknown => {
    if (value === undefined || value === null) return undefined;
    const state = side === "old" ? r.old : r.new;
    const ref = index.planRef(index.resolve("PricingPlan", value, state?.propertyDependencies.booking), side);
    if ("plan" in ref) return ref.plan;
    if ("outside" in ref) return ref.outside;
    return "unknown" in ref ? UNKNOWN : undefined;
  };
  const change = !o ? "on" : !n ? "off" : "changed";
  const currencyBefore = o?.currency;
  const currency = n?.currency ?? currencyBefore;
  const comparable = change === "changed" && (o?.currency === undefined || n?.currency === undefined || o.currency === n.currency);
  const rows = RULES.map((rule) => row(rule, o, n, comparable, planName)).filter((x) => (change === "changed" ? x.changed : (x.old ?? x.new) !== undefined));
  const others = change === "changed" ? OTHER_RULES.filter((rule) => !same(rule, o?.[rule], n?.[rule])).map((rule) => ({ rule, old: o?.[rule], new: n?.[rule] })) : [];
  const vatChanged = change === "changed" && !same("vat", o?.vat, n?.vat);
  if (change === "changed" && rows.length === 0 && others.length === 0 && !vatChanged && o?.currency === n?.currency) return undefined;
  const state = r.op === "delete" ? r.old : (r.new ?? r.old);
  const name = state?.inputs.name;
  return {
    urn: r.urn,
    location: typeof name === "string" ? name : r.name,
    locationOp: r.op,
    change,
    currencyBefore: change === "changed" && o?.currency !== n?.currency ? currencyBefore : undefined,
    currency,
    vatBefore: vatChanged ? o?.vat : undefined,
    vat: (n ?? o)?.vat,
    rows,
    others,
  };
}

/** The bookings the preview turns on, off or changes, one per location. */
export function reviewBookings(index: StackIndex): BookingReview[] {
  const out: BookingReview[] = [];
  for (const r of index.preview.resources) {
    if (r.kind !== "Location" || r.op === "same" || r.op === "read" || r.op === "refresh" || r.op === "other") continue;
    const review = reviewLocation(r, index);
    if (review) out.push(review);
  }
  return out;
}
