import { z } from "zod";
import { decimal, hhmm, objectId } from "./common";

/** Minutes of a whole day: the bookable time frame when `bookableFrom` and `bookableUntil` are left out. */
export const MINUTES_PER_DAY = 1440;
/** The fees of the booking rules: each needs `currency`. */
export const BOOKING_FEES = ["slotFee", "sameDaySlotFee", "blockingFeePerHour"] as const;

/** `"HH:MM"` (or `"24:00"`) as minutes since midnight; undefined for anything else (already reported by its own field). */
function minutesOf(time: unknown): number | undefined {
  if (typeof time !== "string" || !/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(time)) return undefined;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A number of minutes its own field takes (an integer in range and a multiple of `step`), else undefined. */
function minutes(value: unknown, min: number, max: number, step: number): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max && value % step === 0 ? value : undefined;
}

/**
 * The booking rules of a location, as a program writes them. Defaults are
 * filled in (`bufferMinutes` 0, `graceMinutes` 15, `vat` 0, `mixedMode` true,
 * `onDemandIntoBooking` false), so that leaving a default out is no change.
 */
export const BookingSchema = z
  .strictObject({
    /** Start of the bookable time frame each day, `HH:MM` local time of the location; give both `bookableFrom` and `bookableUntil` or neither (neither: all 24 hours). */
    bookableFrom: hhmm().optional(),
    /** End of the bookable time frame each day, `HH:MM` local time, after `bookableFrom`; `24:00` for midnight. */
    bookableUntil: hhmm({ endOfDay: true }).optional(),
    /** Length of a bookable slot in minutes: a multiple of 15, 30..1440; with `bufferMinutes` it must fit in the bookable time frame. */
    slotMinutes: z.number().int().min(30).max(MINUTES_PER_DAY).multipleOf(15),
    /** Minutes kept free after each slot, a multiple of 5, 0..120. Default `0`. */
    bufferMinutes: z.number().int().min(0).max(120).multipleOf(5).default(0),
    /** The pricing plan of a booked session (a booking-only price); absent: the location's plan. */
    pricingPlanId: objectId("PricingPlan").optional(),
    /** The first kWh of a booked session that are not charged, a decimal 0..1000 (`"2.5"`). */
    freeKwh: decimal({ max: 1000 }).optional(),
    /** ISO 4217 currency of the fees, e.g. `EUR`; required when a fee is set. */
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code like "EUR"' }).optional(),
    /** Fee per booked slot, excl. VAT, a decimal (`"1.50"`). */
    slotFee: decimal().optional(),
    /** Fee per slot booked for the same day, excl. VAT; absent: `slotFee` (filled in, so that writing it equal to `slotFee` is no change). */
    sameDaySlotFee: decimal().optional(),
    /** Blocking fee per hour, excl. VAT, billed per started 15 minutes pro rata after `graceMinutes` past the slot's end while the car is still plugged in. */
    blockingFeePerHour: decimal().optional(),
    /** Minutes after a slot's end before the blocking fee starts, 0..240. Default `15`. */
    graceMinutes: z.number().int().min(0).max(240).default(15),
    /** VAT in percent on the fees, a decimal 0..100. Default `0`. */
    vat: decimal({ max: 100 }).default("0.0000"),
    /** Minutes after a slot's start when a booking whose driver has not come is cancelled, 5..120; absent: never. */
    autoCancelMinutes: z.number().int().min(5).max(120).optional(),
    /** Whether on-demand charging is also possible outside the bookable time frame; `false`: only bookings during it. Default `true`. */
    mixedMode: z.boolean().default(true),
    /** Whether an on-demand session may run into a booked slot. Default `false`. */
    onDemandIntoBooking: z.boolean().default(false),
  })
  .superRefine((booking, ctx) => {
    const { bookableFrom: from, bookableUntil: until } = booking;
    if (from !== undefined && until === undefined) {
      ctx.addIssue({ code: "custom", path: ["bookableUntil"], message: "is required when bookableFrom is set (give both or neither)" });
    }
    if (until !== undefined && from === undefined) {
      ctx.addIssue({ code: "custom", path: ["bookableFrom"], message: "is required when bookableUntil is set (give both or neither)" });
    }
    const start = minutesOf(from);
    const end = minutesOf(until);
    if (start !== undefined && end !== undefined && from !== "24:00" && start >= end) {
      ctx.addIssue({ code: "custom", path: ["bookableUntil"], message: `must be after bookableFrom (${from})` });
    }
    const frame = start !== undefined && end !== undefined ? end - start : MINUTES_PER_DAY;
    const slot = minutes(booking.slotMinutes, 30, MINUTES_PER_DAY, 15);
    const buffer = minutes(booking.bufferMinutes, 0, 120, 5);
    const framed = (from === undefined && until === undefined) || (frame > 0 && from !== "24:00");
    if (slot !== undefined && buffer !== undefined && framed && slot + buffer > frame) {
      ctx.addIssue({
        code: "custom",
        path: ["slotMinutes"],
        message: `plus bufferMinutes (${slot} + ${buffer} minutes) must fit in the bookable time frame (${frame} minutes)`,
      });
    }
    const fees = BOOKING_FEES.filter((fee) => booking[fee] !== undefined);
    if (booking.currency === undefined && fees.length > 0) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: `is required when a fee is set (${fees.join(", ")})` });
    }
  });

/**
 * The booking rules as the provider compares and sends them: `sameDaySlotFee`
 * left out is `slotFee`, so it is filled in (the API then holds the same fee
 * either way, and a program that writes it equal to `slotFee` shows no change).
 */
export const BookingRulesSchema = BookingSchema.transform((booking) =>
  booking.sameDaySlotFee === undefined && booking.slotFee !== undefined ? { ...booking, sameDaySlotFee: booking.slotFee } : booking,
);

/** A location's booking rules as a program writes them. */
export type BookingInput = z.input<typeof BookingSchema>;
/** A location's booking rules as the API holds them. */
export type Booking = z.output<typeof BookingRulesSchema>;
