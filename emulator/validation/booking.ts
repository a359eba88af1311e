import { z } from "zod";
import { decimal, hhmm, hhmmEnd, idRef } from "./common";

/** Minutes of a day: the bookable time frame when neither end is given. */
const DAY_MINUTES = 1440;

/** Defaults of the booking rules, echoed in every answer. */
export const BOOKING_DEFAULTS = { bufferMinutes: 0, graceMinutes: 15, vat: "0.0000", mixedMode: true, onDemandIntoBooking: false } as const;

/** The fee fields: setting one needs `currency`. */
export const BOOKING_FEES = ["slotFee", "sameDaySlotFee", "blockingFeePerHour"] as const;

const minutes = (v: string) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3));
const multipleOf = (n: number) => (v: number) => v % n === 0;

/**
 * A location's booking rules. Decimals as in pricing plans (strings, at most 4
 * places, answered with exactly 4); the fees are excl. VAT and at least 0.
 */
export const booking = z
  .strictObject({
    bookableFrom: hhmm.optional(),
    bookableUntil: hhmmEnd.optional(),
    slotMinutes: z.int().min(30).max(DAY_MINUTES).refine(multipleOf(15), "{field} must be a multiple of 15."),
    bufferMinutes: z.int().min(0).max(120).refine(multipleOf(5), "{field} must be a multiple of 5.").optional(),
    pricingPlanId: idRef.optional(),
    freeKwh: decimal({ min: 0, max: 1000 }).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, "{field} must be an ISO 4217 currency code (e.g. \"EUR\").").optional(),
    slotFee: decimal({ min: 0 }).optional(),
    sameDaySlotFee: decimal({ min: 0 }).optional(),
    blockingFeePerHour: decimal({ min: 0 }).optional(),
    graceMinutes: z.int().min(0).max(240).optional(),
    vat: decimal({ min: 0, max: 100 }).optional(),
    autoCancelMinutes: z.int().min(5).max(120).optional(),
    mixedMode: z.boolean().optional(),
    onDemandIntoBooking: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const { bookableFrom: from, bookableUntil: until } = v;
    if ((from === undefined) !== (until === undefined)) {
      const [missing, given] = from === undefined ? ["bookableFrom", "bookableUntil"] : ["bookableUntil", "bookableFrom"];
      ctx.addIssue({ code: "custom", path: [missing], message: `{field} is required when ${given} is set (both or neither).` });
      return;
    }
    if (from !== undefined && until !== undefined && minutes(from) >= minutes(until)) {
      ctx.addIssue({ code: "custom", path: ["bookableUntil"], message: "{field} must be after bookableFrom." });
      return;
    }
    const frame = from !== undefined && until !== undefined ? minutes(until) - minutes(from) : DAY_MINUTES;
    const buffer = v.bufferMinutes ?? BOOKING_DEFAULTS.bufferMinutes;
    if (v.slotMinutes + buffer > frame) {
      ctx.addIssue({
        code: "custom",
        path: ["slotMinutes"],
        message: `{field} plus bufferMinutes (${v.slotMinutes} + ${buffer}) must fit in the bookable time frame (${frame} minutes).`,
      });
    }
    const fee = BOOKING_FEES.find((f) => v[f] !== undefined);
    if (fee !== undefined && v.currency === undefined) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: `{field} is required when ${fee} is set.` });
    }
  });

/** Validated booking rules, as stored (defaults are added when answering). */
export type Booking = z.output<typeof booking>;

/** The booking rules as the API answers them: every default filled in. */
export function renderBooking(b: Booking): Record<string, unknown> {
  const d = BOOKING_DEFAULTS;
  return {
    ...b,
    bufferMinutes: b.bufferMinutes ?? d.bufferMinutes,
    graceMinutes: b.graceMinutes ?? d.graceMinutes,
    vat: b.vat ?? d.vat,
    mixedMode: b.mixedMode ?? d.mixedMode,
    onDemandIntoBooking: b.onDemandIntoBooking ?? d.onDemandIntoBooking,
  };
}
