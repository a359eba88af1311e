import { z } from "zod";
import { DisplayTextSchema, decimal, decimalGreater, displayName, hhmm, isoDate, isoDateTime, serverTimestamps, setOf } from "./common";

export const PRICE_COMPONENT_TYPES = ["ENERGY", "FLAT", "TIME", "PARKING_TIME"] as const;
export const DAYS_OF_WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

/** Billing intervals of a blocking (parking) fee: 5, 15, 30 or 60 minutes. */
export const BLOCKING_STEPS: readonly number[] = [300, 900, 1800, 3600];

export const PriceComponentSchema = z
  .strictObject({
    /** `ENERGY` (per kWh), `FLAT` (per session), `TIME` (per hour charging) or `PARKING_TIME` (per hour parked). */
    type: z.enum(PRICE_COMPONENT_TYPES),
    /** Price excluding VAT, a decimal with at most 4 decimals: per kWh, per session or per hour. */
    price: decimal(),
    /** VAT in percent, 0..100, a decimal such as `"21"` (or `21`). */
    vat: decimal({ max: 100 }).optional(),
    /** Billing step: Wh for `ENERGY`, seconds for `TIME` and `PARKING_TIME` (300, 900, 1800 or 3600), `1` for `FLAT`. */
    stepSize: z.number().int().min(1),
  })
  .superRefine((c, ctx) => {
    if (c.type === "FLAT" && c.stepSize !== 1) {
      ctx.addIssue({ code: "custom", path: ["stepSize"], message: "must be 1 for a FLAT component" });
    }
    if (c.type === "PARKING_TIME" && !BLOCKING_STEPS.includes(c.stepSize)) {
      ctx.addIssue({ code: "custom", path: ["stepSize"], message: "must be 300, 900, 1800 or 3600 seconds for a PARKING_TIME component" });
    }
  });

const RANGES = [["minKwh", "maxKwh"], ["minPowerKw", "maxPowerKw"], ["minDurationS", "maxDurationS"]] as const;

export const RestrictionsSchema = z.strictObject({
  /** Applies from this time of day, `HH:MM` (00:00..23:59), in the location's time zone. */
  startTime: hhmm().optional(),
  /** Applies until this time of day, `HH:MM` (exclusive; `24:00` for the end of the day). */
  endTime: hhmm({ endOfDay: true }).optional(),
  /** Applies from this date, `YYYY-MM-DD`. */
  startDate: isoDate().optional(),
  /** Applies until this date, `YYYY-MM-DD` (exclusive); not before `startDate`. */
  endDate: isoDate().optional(),
  /** Minimum energy charged in kWh for this element to apply, a decimal with at most 4 decimals. */
  minKwh: decimal().optional(),
  /** Maximum energy charged in kWh, a decimal with at most 4 decimals; not less than `minKwh`. */
  maxKwh: decimal().optional(),
  /** Minimum charging power in kW, a decimal with at most 4 decimals. */
  minPowerKw: decimal().optional(),
  /** Maximum charging power in kW, a decimal with at most 4 decimals; not less than `minPowerKw`. */
  maxPowerKw: decimal().optional(),
  /** Minimum session duration in seconds; for a blocking fee, the grace period. */
  minDurationS: z.number().int().min(0).optional(),
  /** Maximum session duration in seconds. */
  maxDurationS: z.number().int().min(0).optional(),
  /** Days on which the element applies; order does not matter. */
  dayOfWeek: setOf(z.enum(DAYS_OF_WEEK)).optional(),
}).superRefine((r, ctx) => {
  for (const [min, max] of RANGES) {
    const low = r[min];
    const high = r[max];
    if (low === undefined || high === undefined) continue;
    if (typeof low === "number" && typeof high === "number" ? low > high : decimalGreater(low, high)) {
      ctx.addIssue({ code: "custom", path: [max], message: `must not be less than ${min}` });
    }
  }
  if (r.startDate !== undefined && r.endDate !== undefined && r.startDate > r.endDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before startDate" });
  }
});

export const PricingElementSchema = z.strictObject({
  /** The price components of this element, at least one. */
  priceComponents: z.array(PriceComponentSchema).min(1, { message: "must hold at least one price component" }),
  /** When this element applies; the first element whose restrictions match applies. */
  restrictions: RestrictionsSchema.optional(),
});

export const PriceLimitSchema = z.strictObject({
  /** Amount excluding VAT, a decimal with at most 4 decimals. */
  exclVat: decimal(),
  /** Amount including VAT, a decimal with at most 4 decimals. */
  inclVat: decimal().optional(),
});

/** What a program declares for a pricing plan: the body of `POST /v1/pricing-plans`. */
export const PricingPlanInputSchema = z
  .strictObject({
    /** Display name, 1..255 characters. */
    name: displayName(),
    /** ISO 4217 currency, e.g. `EUR`. Changing it replaces the plan. */
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code like "EUR"' }),
    /** Tariff elements in order; the first whose restrictions match applies. At least one. */
    elements: z.array(PricingElementSchema).min(1, { message: "must hold at least one element" }),
    /** Minimum price of a session. */
    minPrice: PriceLimitSchema.optional(),
    /** Maximum price of a session. */
    maxPrice: PriceLimitSchema.optional(),
    /** The plan is valid from this moment (ISO 8601). */
    startDateTime: isoDateTime().optional(),
    /** The plan is valid until this moment (ISO 8601); after `startDateTime`. */
    endDateTime: isoDateTime().optional(),
    /** Alternative text for displays, per language. */
    altText: z.array(DisplayTextSchema).optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.minPrice && plan.maxPrice && decimalGreater(plan.minPrice.exclVat, plan.maxPrice.exclVat)) {
      ctx.addIssue({ code: "custom", path: ["maxPrice", "exclVat"], message: "must not be less than minPrice.exclVat" });
    }
    if (plan.startDateTime && plan.endDateTime && Date.parse(plan.startDateTime) >= Date.parse(plan.endDateTime)) {
      ctx.addIssue({ code: "custom", path: ["endDateTime"], message: "must be after startDateTime" });
    }
  });

/** Fields the server sets on a pricing plan. */
export const PricingPlanServerSchema = z.looseObject({
  /** Pricing plan id, e.g. `pp_91xq0d`. */
  id: z.string(),
  ...serverTimestamps,
});

export type PricingPlanInput = z.input<typeof PricingPlanInputSchema>;
export type PricingPlanFields = z.output<typeof PricingPlanInputSchema>;
/** A pricing plan as the API returns it. */
export type PricingPlan = PricingPlanFields & z.output<typeof PricingPlanServerSchema>;
