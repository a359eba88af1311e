import { z } from "zod";
import { compareDecimals } from "../../provider/decimal";
import { decimal, displayTexts, isoDate, isoDateTime, hhmm, hhmmEnd, setOf } from "./common";

/** Days of the week for restrictions. */
export const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
/** Allowed step sizes (seconds) of a PARKING_TIME (blocking fee) component. */
export const PARKING_STEP_SIZES = [300, 900, 1800, 3600];

const priceComponent = z
  .strictObject({
    type: z.enum(["ENERGY", "FLAT", "TIME", "PARKING_TIME"]),
    price: decimal({ min: 0 }),
    vat: decimal({ min: 0, max: 100 }).optional(),
    stepSize: z.int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.type === "FLAT" && v.stepSize !== 1) {
      ctx.addIssue({ code: "custom", path: ["stepSize"], message: "{field} must be 1 for a FLAT component." });
    }
    if (v.type === "PARKING_TIME" && !PARKING_STEP_SIZES.includes(v.stepSize)) {
      ctx.addIssue({ code: "custom", path: ["stepSize"], message: "{field} must be 300, 900, 1800 or 3600 for a PARKING_TIME component." });
    }
  });

function minMax(ctx: z.RefinementCtx, v: Record<string, unknown>, min: string, max: string): void {
  const low = v[min];
  const high = v[max];
  if (low === undefined || high === undefined) return;
  if (typeof low === "number" && typeof high === "number" ? low > high : (compareDecimals(low, high) ?? 0) > 0) {
    ctx.addIssue({ code: "custom", path: [max], message: `{field} must not be less than ${min}.` });
  }
}

const restrictions = z
  .strictObject({
    startTime: hhmm.optional(),
    endTime: hhmmEnd.optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    minKwh: decimal({ min: 0 }).optional(),
    maxKwh: decimal({ min: 0 }).optional(),
    minPowerKw: decimal({ min: 0 }).optional(),
    maxPowerKw: decimal({ min: 0 }).optional(),
    minDurationS: z.int().min(0).optional(),
    maxDurationS: z.int().min(0).optional(),
    dayOfWeek: setOf(DAYS).optional(),
  })
  .superRefine((v, ctx) => {
    minMax(ctx, v, "minKwh", "maxKwh");
    minMax(ctx, v, "minPowerKw", "maxPowerKw");
    minMax(ctx, v, "minDurationS", "maxDurationS");
    if (v.startDate && v.endDate && v.startDate > v.endDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "{field} must not be before startDate." });
    }
  });

const element = z.strictObject({
  priceComponents: z.array(priceComponent).min(1),
  restrictions: restrictions.optional(),
});

const priceLimit = z.strictObject({ exclVat: decimal({ min: 0 }), inclVat: decimal({ min: 0 }).optional() });

/** The writable fields of a pricing plan (create body; PATCH merges into it). */
export const pricingPlanInput = z
  .strictObject({
    name: z.string().min(1).max(255),
    currency: z.string().regex(/^[A-Z]{3}$/, "{field} must be an ISO 4217 currency code (e.g. \"EUR\")."),
    elements: z.array(element).min(1),
    minPrice: priceLimit.optional(),
    maxPrice: priceLimit.optional(),
    startDateTime: isoDateTime.optional(),
    endDateTime: isoDateTime.optional(),
    altText: displayTexts.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startDateTime && v.endDateTime && Date.parse(v.startDateTime) >= Date.parse(v.endDateTime)) {
      ctx.addIssue({ code: "custom", path: ["endDateTime"], message: "{field} must be after startDateTime." });
    }
    if (v.minPrice && v.maxPrice && (compareDecimals(v.minPrice.exclVat, v.maxPrice.exclVat) ?? 0) > 0) {
      ctx.addIssue({ code: "custom", path: ["maxPrice", "exclVat"], message: "{field} must not be less than minPrice.exclVat." });
    }
  });

/** A validated, normalised pricing plan input. */
export type PricingPlanInput = z.output<typeof pricingPlanInput>;

/** Server-set fields. */
export const PRICING_PLAN_READONLY = ["id", "createdAt", "updatedAt"] as const;
/** Fields that may not change after create. */
export const PRICING_PLAN_IMMUTABLE = ["currency"] as const;
/** Required fields (`null` cannot clear them). */
export const PRICING_PLAN_REQUIRED = ["name", "currency", "elements"] as const;
