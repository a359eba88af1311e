import { z } from "zod";
import { displayTexts, hhmm, hhmmEnd, idRef, setOf } from "./common";
import { booking } from "./booking";
import { supportContact } from "./contact";

const LAT = /^-?[0-9]{1,2}\.[0-9]{5,7}$/;
const LNG = /^-?[0-9]{1,3}\.[0-9]{5,7}$/;

function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Access types of a location. */
export const ACCESS_TYPES = ["PUBLIC", "SEMI_PUBLIC", "PRIVATE"] as const;
/** Parking types. */
export const PARKING_TYPES = ["ON_STREET", "PARKING_GARAGE", "PARKING_LOT", "ON_DRIVEWAY", "UNDERGROUND_GARAGE"] as const;
/** Facilities (OCPI). */
export const FACILITIES = [
  "HOTEL", "RESTAURANT", "CAFE", "MALL", "SUPERMARKET", "SPORT", "RECREATION_AREA", "NATURE", "MUSEUM",
  "BIKE_SHARING", "BUS_STOP", "TAXI_STAND", "TRAIN_STATION", "AIRPORT", "PARKING_LOT", "CARPOOL_PARKING",
  "FUEL_STATION", "WIFI",
] as const;

const address = z.strictObject({
  street: z.string().min(1).max(255),
  city: z.string().min(1).max(255),
  postalCode: z.string().min(1).max(32),
  state: z.string().min(1).max(255).optional(),
  country: z.string().regex(/^[A-Z]{3}$/, "{field} must be an ISO 3166-1 alpha-3 country code (e.g. \"NLD\")."),
});

const coordinates = z.strictObject({
  latitude: z
    .string()
    .regex(LAT, "{field} must be a decimal string matching -?[0-9]{1,2}.[0-9]{5,7}.")
    .refine((v) => Math.abs(Number(v)) <= 90, "{field} must be between -90 and 90."),
  longitude: z
    .string()
    .regex(LNG, "{field} must be a decimal string matching -?[0-9]{1,3}.[0-9]{5,7}.")
    .refine((v) => Math.abs(Number(v)) <= 180, "{field} must be between -180 and 180."),
});

const regularHour = z.strictObject({
  weekday: z.int().min(1).max(7),
  periodBegin: hhmm,
  periodEnd: hhmmEnd,
});

const openingTimes = z
  .strictObject({ twentyfourseven: z.boolean(), regularHours: z.array(regularHour).optional() })
  .superRefine((v, ctx) => {
    if (!v.twentyfourseven && (!v.regularHours || v.regularHours.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["regularHours"], message: "{field} is required when twentyfourseven is false." });
    }
    v.regularHours?.forEach((h, i) => {
      if (h.periodBegin >= h.periodEnd) {
        ctx.addIssue({ code: "custom", path: ["regularHours", i, "periodEnd"], message: "{field} must be after periodBegin." });
      }
    });
  });

/** The writable fields of a location (create body; PATCH merges into it). */
export const locationInput = z.strictObject({
  name: z.string().min(1).max(255),
  accessType: z.enum(ACCESS_TYPES),
  address,
  coordinates,
  timeZone: z.string().refine(isTimeZone, "{field} must be an IANA time zone name (e.g. \"Europe/Amsterdam\")."),
  parkingType: z.enum(PARKING_TYPES).optional(),
  facilities: setOf(FACILITIES).optional(),
  openingTimes: openingTimes.optional(),
  chargingWhenClosed: z.boolean().optional(),
  directions: displayTexts.optional(),
  pricingPlanId: idRef.optional(),
  /** Teams whose members may charge here; only for `SEMI_PUBLIC` locations. */
  teamIds: z.array(idRef).refine((ids) => new Set(ids).size === ids.length, "{field} must not contain duplicates.").optional(),
  /** The contact drivers see; absent: the operator's default. */
  supportContact: supportContact.optional(),
  /** Booking rules; absent or `null`: no bookings (a `null` is stored as absent). */
  booking: booking.nullable().optional().transform((v) => v ?? undefined),
}).superRefine((v, ctx) => {
  if (v.teamIds !== undefined && v.accessType !== "SEMI_PUBLIC") {
    ctx.addIssue({ code: "custom", path: ["teamIds"], message: `{field} is allowed only when accessType is SEMI_PUBLIC (it is ${v.accessType}).` });
  }
});

/** A validated, normalised location input. */
export type LocationInput = z.output<typeof locationInput>;

/** Fields a location body must not carry (server-set). */
export const LOCATION_READONLY = ["id", "chargerCount", "createdAt", "updatedAt"] as const;
/** Fields that may not change after create. */
export const LOCATION_IMMUTABLE: readonly string[] = [];
/** Fields that are required (so `null` cannot clear them on PATCH). */
export const LOCATION_REQUIRED = ["name", "accessType", "address", "coordinates", "timeZone"] as const;
