import { z } from "zod";
import { BookingRulesSchema } from "./booking";
import { DisplayTextSchema, displayName, hhmm, objectId, serverTimestamps, setOf } from "./common";
import { SupportContactSchema } from "./contact";

export { BOOKING_FEES, BookingRulesSchema, BookingSchema, type Booking, type BookingInput } from "./booking";
export { SupportContactSchema, type SupportContact } from "./contact";

export const ACCESS_TYPES = ["PUBLIC", "SEMI_PUBLIC", "PRIVATE"] as const;
export const PARKING_TYPES = ["ON_STREET", "PARKING_GARAGE", "PARKING_LOT", "ON_DRIVEWAY", "UNDERGROUND_GARAGE"] as const;
export const FACILITIES = [
  "HOTEL", "RESTAURANT", "CAFE", "MALL", "SUPERMARKET", "SPORT", "RECREATION_AREA", "NATURE", "MUSEUM",
  "BIKE_SHARING", "BUS_STOP", "TAXI_STAND", "TRAIN_STATION", "AIRPORT", "PARKING_LOT", "CARPOOL_PARKING",
  "FUEL_STATION", "WIFI",
] as const;

/** A time zone name the runtime's IANA database knows (`Europe/Amsterdam`, `UTC`, `Etc/GMT+5`). */
function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const coordinate = (pattern: RegExp, limit: number, what: string) =>
  z
    .string()
    .regex(pattern, { message: `must be a decimal string with 5 to 7 decimals, like "${what}"` })
    .refine((v) => Math.abs(Number(v)) <= limit, { message: `must be between -${limit} and ${limit}` });

export const AddressSchema = z.strictObject({
  /** Street and house number. */
  street: z.string().min(1).max(255),
  /** City or town. */
  city: z.string().min(1).max(255),
  /** Postal code. */
  postalCode: z.string().min(1).max(32),
  /** State or province, where the country has them. */
  state: z.string().min(1).max(255).optional(),
  /** ISO 3166-1 alpha-3 country code, e.g. `NLD`. */
  country: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code like "NLD"' }),
});

export const CoordinatesSchema = z.strictObject({
  /** Latitude in decimal degrees as a string with 5..7 decimals, e.g. `"52.37403"`. */
  latitude: coordinate(/^-?[0-9]{1,2}\.[0-9]{5,7}$/, 90, "52.37403"),
  /** Longitude in decimal degrees as a string with 5..7 decimals, e.g. `"4.88969"`. */
  longitude: coordinate(/^-?[0-9]{1,3}\.[0-9]{5,7}$/, 180, "4.88969"),
});

export const RegularHoursSchema = z.strictObject({
  /** Day of the week, 1 (Monday) .. 7 (Sunday). */
  weekday: z.number().int().min(1).max(7),
  /** Opening time `HH:MM`. */
  periodBegin: hhmm(),
  /** Closing time `HH:MM`, after `periodBegin`; `24:00` for midnight. */
  periodEnd: hhmm({ endOfDay: true }),
});

export const OpeningTimesSchema = z
  .strictObject({
    /** Open around the clock. */
    twentyfourseven: z.boolean(),
    /** Opening hours; required when not open 24/7. Each period ends after it begins. */
    regularHours: z.array(RegularHoursSchema).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.twentyfourseven && (!v.regularHours || v.regularHours.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["regularHours"], message: "is required when twentyfourseven is false" });
    }
    v.regularHours?.forEach((hours, i) => {
      if (hours.periodBegin >= hours.periodEnd) {
        ctx.addIssue({ code: "custom", path: ["regularHours", i, "periodEnd"], message: `must be after periodBegin (${hours.periodBegin})` });
      }
    });
  });

/** What a program declares for a location: the body of `POST /v1/locations`. */
export const LocationInputSchema = z
  .strictObject({
  /** Display name, 1..255 characters. */
  name: displayName(),
  /** Who may charge here: `PUBLIC`, `SEMI_PUBLIC` or `PRIVATE`. */
  accessType: z.enum(ACCESS_TYPES),
  /** Postal address. */
  address: AddressSchema,
  /** Geographic position. */
  coordinates: CoordinatesSchema,
  /** IANA time zone of the site, e.g. `Europe/Amsterdam`. */
  timeZone: z.string().refine(isTimeZone, { message: 'must be an IANA time zone like "Europe/Amsterdam"' }),
  /** Kind of parking at the site. */
  parkingType: z.enum(PARKING_TYPES).optional(),
  /** Facilities nearby; order does not matter. */
  facilities: setOf(z.enum(FACILITIES)).optional(),
  /** Opening times; omit for no published hours. */
  openingTimes: OpeningTimesSchema.optional(),
  /** Whether charging continues while the site is closed. Default `true`. */
  chargingWhenClosed: z.boolean().default(true),
  /** Directions to the chargers, per language. */
  directions: z.array(DisplayTextSchema).optional(),
  /** Default pricing plan for the chargers at this location. */
  pricingPlanId: objectId("PricingPlan").optional(),
  /** The teams whose members may see and charge at a `SEMI_PUBLIC` location; order does not matter. Only for `SEMI_PUBLIC`. */
  teamIds: setOf(objectId("Team")).optional(),
  /** The contact drivers see at this location (an e-mail address, a phone number or both); absent: the operator's default contact. */
  supportContact: SupportContactSchema.optional(),
  /** The booking rules; absent or `null`: the location takes no bookings (removing them turns booking off). A change sends the rules whole. */
  booking: BookingRulesSchema.nullable().optional(),
  })
  .superRefine((location, ctx) => {
    const known = (ACCESS_TYPES as readonly string[]).includes(location.accessType);
    if (location.teamIds !== undefined && known && location.accessType !== "SEMI_PUBLIC") {
      ctx.addIssue({ code: "custom", path: ["teamIds"], message: `is allowed only when accessType is SEMI_PUBLIC (it is ${location.accessType})` });
    }
  });

/** Fields the server sets on a location. */
export const LocationServerSchema = z.looseObject({
  /** Location id, e.g. `loc_8f3k2m`. */
  id: z.string(),
  /** Number of chargers at this location. */
  chargerCount: z.number().int(),
  ...serverTimestamps,
});

export type LocationInput = z.input<typeof LocationInputSchema>;
export type LocationFields = z.output<typeof LocationInputSchema>;
export type LocationServerFields = z.output<typeof LocationServerSchema>;
/** A location as the API returns it. */
export type Location = LocationFields & LocationServerFields;
