/**
 * Random inputs that the contract (/work/shared/eosvolt-api.md, "Resources")
 * says the API takes, one generator per kind. Written from the contract's
 * tables, not from the provider's schemas or the emulator's validation, so
 * that neither side's idea of "valid" is the yardstick.
 */
import fc from "fast-check";

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
/** An optional field: absent about half the time. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom(..."abcXYZ 019-_.éü€漢") });

/** Drops the fields whose value is undefined (they are "left out"). */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const digits = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom(..."0123456789") });

/** A non-negative decimal with at most 4 decimals, as a program may write it: a string or a number. */
export const validDecimal = (maxWhole = 999) =>
  fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.option(digits(1, 4), { nil: undefined })).map(([w, f]) => (f === undefined ? `${w}` : `${w}.${f}`)),
    fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => Number(`${w}.${String(f).padStart(4, "0")}`)),
  );
const percent = fc.oneof(validDecimal(99), pick(["0", "21", "9", "100", "100.0000", 21, 100, 0]));

/** `HH:MM`, 00:00..23:59. */
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
/** Two times `begin < end`, the end possibly `24:00`. */
const period = fc.tuple(hhmm, hhmm, fc.boolean()).filter(([a, b, eod]) => eod || a < b).map(([a, b, eod]): [string, string] => (eod ? [a, "24:00"] : [a, b]));
const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dateTime = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
const language = pick(["en", "nl", "de", "fr"]);
const displayTexts = fc.array(fc.record({ language, text: text(1, 512) }), { minLength: 1, maxLength: 2 });

const FACILITIES = ["HOTEL", "RESTAURANT", "CAFE", "MALL", "SUPERMARKET", "SPORT", "RECREATION_AREA", "NATURE", "MUSEUM", "BIKE_SHARING", "BUS_STOP", "TAXI_STAND", "TRAIN_STATION", "AIRPORT", "PARKING_LOT", "CARPOOL_PARKING", "FUEL_STATION", "WIFI"];
const coordinate = (maxWhole: number) =>
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: maxWhole - 1 }), digits(5, 7)).map(([neg, w, f]) => `${neg ? "-" : ""}${w}.${f}`);

/** An e-mail address the contract takes: at most 254 characters, one `@`, in any case (stored lower-cased). */
export const validEmail = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom(..."abcXYZ019._+-") }),
    fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom(..."abcXYZ019-") }),
    pick(["example.com", "EOSVOLT.io", "garage.nl", "x.de"]),
  )
  .map(([local, sub, domain]) => `${local}@${sub}.${domain}`);
/** E.164: `+`, a first digit 1..9, at most 15 digits in all. */
const validPhone = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(1, 14)).map(([first, rest]) => `+${first}${rest}`);
/** `supportContact`: at least one of `email` and `phone` (contract, "Location"). */
const supportContact = fc
  .record({ email: maybe(validEmail), phone: maybe(validPhone), which: pick(["email", "phone", "both"]) })
  .map(({ email, phone, which }) =>
    compact({ email: which === "phone" ? email : (email ?? "Support@Example.com"), phone: which === "email" ? phone : (phone ?? "+31201234567") }),
  );
/** Minutes of the day of `HH:MM` (or `24:00`). */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/**
 * Booking rules (contract, "Booking rules"): a frame from < until or none (24 h);
 * a slot (multiple of 15, 30..1440) and a buffer (multiple of 5, 0..120) that fit
 * in it together; `currency` whenever a fee is set.
 */
const booking = fc
  .record({
    frame: maybe(period),
    slot: fc.integer({ min: 2, max: 96 }).map((n) => n * 15),
    buffer: maybe(fc.integer({ min: 0, max: 24 }).map((n) => n * 5)),
    pricingPlanId: maybe(fc.constant("pp_fuzz")),
    freeKwh: maybe(fc.oneof(validDecimal(999), pick(["1000", 1000, "0", "1000.0000"]))),
    slotFee: maybe(validDecimal()),
    sameDaySlotFee: maybe(validDecimal()),
    blockingFeePerHour: maybe(validDecimal()),
    currency: maybe(pick(["EUR", "USD", "GBP", "SEK"])),
    graceMinutes: maybe(fc.integer({ min: 0, max: 240 })),
    vat: maybe(percent),
    autoCancelMinutes: maybe(fc.integer({ min: 5, max: 120 })),
    mixedMode: maybe(fc.boolean()),
    onDemandIntoBooking: maybe(fc.boolean()),
  })
  .filter(({ frame, slot, buffer }) => slot + (buffer ?? 0) <= (frame ? minutesOf(frame[1]) - minutesOf(frame[0]) : 1440))
  .map(({ frame, slot, buffer, currency, ...rules }) => {
    const fee = rules.slotFee !== undefined || rules.sameDaySlotFee !== undefined || rules.blockingFeePerHour !== undefined;
    return compact({
      bookableFrom: frame?.[0],
      bookableUntil: frame?.[1],
      slotMinutes: slot,
      bufferMinutes: buffer,
      ...rules,
      currency: fee ? (currency ?? "EUR") : currency,
    });
  });

/** A location body (`POST /v1/locations`), `pricingPlanId` an id that exists. */
export const validLocation = (pricingPlanId: string) =>
  fc
    .record({
      name: text(1, 255),
      accessType: pick(["PUBLIC", "SEMI_PUBLIC", "PRIVATE"]),
      address: fc.record({ street: text(1, 60), city: text(1, 40), postalCode: text(1, 10), state: maybe(text(1, 20)), country: pick(["NLD", "DEU", "BEL", "FRA"]) }).map(compact),
      coordinates: fc.record({ latitude: coordinate(90), longitude: coordinate(180) }),
      timeZone: pick(["Europe/Amsterdam", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"]),
      parkingType: maybe(pick(["ON_STREET", "PARKING_GARAGE", "PARKING_LOT", "ON_DRIVEWAY", "UNDERGROUND_GARAGE"])),
      facilities: maybe(fc.uniqueArray(pick(FACILITIES), { maxLength: 4 })),
      openingTimes: maybe(
        fc.oneof(
          fc.constant({ twentyfourseven: true }),
          fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), period), { minLength: 1, maxLength: 4 }).map((hours) => ({
            twentyfourseven: false,
            regularHours: hours.map(([weekday, [periodBegin, periodEnd]]) => ({ weekday, periodBegin, periodEnd })),
          })),
        ),
      ),
      chargingWhenClosed: maybe(fc.boolean()),
      directions: maybe(displayTexts),
      pricingPlanId: maybe(fc.constant(pricingPlanId)),
      teamIds: maybe(fc.constantFrom([], [TEAM_ID])),
      supportContact: maybe(supportContact),
      booking: maybe(fc.oneof({ weight: 6, arbitrary: booking }, { weight: 1, arbitrary: fc.constant(null) })),
    })
    // `teamIds` only on a SEMI_PUBLIC location (contract, "Team").
    .map(({ teamIds, ...rest }) => compact({ ...rest, teamIds: rest.accessType === "SEMI_PUBLIC" ? teamIds : undefined }));

const connector = (connectorId: number) =>
  fc
    .record({
      standard: pick(["IEC_62196_T2", "IEC_62196_T2_COMBO", "CHADEMO", "IEC_62196_T1", "IEC_62196_T1_COMBO", "GBT_AC", "GBT_DC", "TESLA_S", "DOMESTIC_F"]),
      format: pick(["SOCKET", "CABLE"]),
      powerType: pick(["AC_1_PHASE", "AC_3_PHASE", "DC"]),
      maxVoltage: fc.integer({ min: 1, max: 1000 }),
      maxAmperage: fc.integer({ min: 1, max: 500 }),
      maxElectricPowerW: maybe(fc.integer({ min: 1, max: 1_000_000 })),
    })
    .map((c) => compact({ connectorId, ...c }));

const evse = (evseId: number, single: boolean) =>
  fc
    .record({
      evseCode: maybe(fc.tuple(pick(["NL", "DE"]), pick(["EVB", "ABC"]), digits(1, 8)).map(([c, p, n]) => `${c}*${p}*E${n}*${evseId}`)),
      physicalReference: maybe(text(1, 16)),
      floorLevel: maybe(pick(["-1", "0", "1", "B2"])),
      connectors: fc.integer({ min: 1, max: single ? 1 : 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => connector(i + 1)))),
    })
    .map((e) => compact({ evseId, ...e }));

/** A charger body (`POST /v1/chargers`) at an existing location; `ocppIdentity` unique per case. */
export const validCharger = (locationId: string, pricingPlanId: string) =>
  fc
    .record({
      ocppIdentity: fc.stringMatching(/^[A-Za-z0-9_-]{1,48}$/),
      name: maybe(text(1, 255)),
      ocppVersion: pick(["OCPP16", "OCPP201", "OCPP21"] as const),
      maxPowerW: fc.integer({ min: 1, max: 1_000_000 }),
      enabled: maybe(fc.boolean()),
      authorizationKey: maybe(fc.string({ minLength: 16, maxLength: 40, unit: fc.constantFrom(..."abcdef0123456789!$") })),
      pricingPlanId: maybe(fc.constant(pricingPlanId)),
      evseCount: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ evseCount, ...c }) =>
      fc.tuple(...Array.from({ length: evseCount }, (_, i) => evse(i + 1, c.ocppVersion === "OCPP16"))).map((evses) => compact({ locationId, ...c, evses })),
    );

const STEPS: Record<string, fc.Arbitrary<number>> = {
  ENERGY: fc.integer({ min: 1, max: 1000 }),
  FLAT: fc.constant(1),
  TIME: fc.integer({ min: 1, max: 3600 }),
  PARKING_TIME: pick([300, 900, 1800, 3600]),
};
const component = pick(["ENERGY", "FLAT", "TIME", "PARKING_TIME"]).chain((type) =>
  fc.record({ price: validDecimal(), vat: maybe(percent), stepSize: STEPS[type] }).map((c) => compact({ type, ...c })),
);
const ordered = <T>(arb: fc.Arbitrary<T>, less: (a: T, b: T) => boolean) => fc.tuple(arb, arb).map(([a, b]): [T, T] => (less(b, a) ? [b, a] : [a, b]));
const decimalLess = (a: string | number, b: string | number) => Number(a) < Number(b);
const restrictions = fc
  .record({
    times: maybe(period),
    dates: maybe(ordered(date, (a, b) => a < b)),
    kwh: maybe(ordered(validDecimal(), decimalLess)),
    kw: maybe(ordered(validDecimal(), decimalLess)),
    duration: maybe(ordered(fc.integer({ min: 0, max: 86_400 }), (a, b) => a < b)),
    dayOfWeek: maybe(fc.uniqueArray(pick(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]), { minLength: 1, maxLength: 7 })),
    half: fc.constantFrom("both", "min", "max"),
  })
  .map(({ times, dates, kwh, kw, duration, dayOfWeek, half }) => {
    const lo = half !== "max";
    const hi = half !== "min";
    return compact({
      startTime: times && lo ? times[0] : undefined,
      endTime: times && hi ? times[1] : undefined,
      startDate: dates && lo ? dates[0] : undefined,
      endDate: dates && hi ? dates[1] : undefined,
      minKwh: kwh && lo ? kwh[0] : undefined,
      maxKwh: kwh && hi ? kwh[1] : undefined,
      minPowerKw: kw && lo ? kw[0] : undefined,
      maxPowerKw: kw && hi ? kw[1] : undefined,
      minDurationS: duration && lo ? duration[0] : undefined,
      maxDurationS: duration && hi ? duration[1] : undefined,
      dayOfWeek,
    });
  });
const priceLimit = fc.record({ exclVat: validDecimal(), inclVat: maybe(validDecimal()) }).map(compact);

/** A pricing plan body (`POST /v1/pricing-plans`). */
export const validPricingPlan = () =>
  fc
    .record({
      name: text(1, 255),
      currency: pick(["EUR", "USD", "GBP", "SEK"]),
      elements: fc.array(fc.record({ priceComponents: fc.array(component, { minLength: 1, maxLength: 3 }), restrictions: fc.option(restrictions, { nil: undefined, freq: 4 }) }).map(compact), { minLength: 1, maxLength: 3 }),
      limits: maybe(ordered(priceLimit, (a, b) => decimalLess(a.exclVat, b.exclVat))),
      which: fc.constantFrom("both", "min", "max"),
      validity: maybe(ordered(dateTime, (a, b) => Date.parse(a) < Date.parse(b)).filter(([a, b]) => a !== b)),
      altText: maybe(displayTexts),
    })
    .map(({ limits, which, validity, ...plan }) =>
      compact({
        ...plan,
        minPrice: limits && which !== "max" ? limits[0] : undefined,
        maxPrice: limits && which !== "min" ? limits[1] : undefined,
        startDateTime: validity?.[0],
        endDateTime: validity?.[1],
      }),
    );

/** A team id that exists, for `Location.teamIds`. */
export const TEAM_ID = "team_fuzz";
const hex = (n: number) => fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom(..."0123456789abcdefABCDEF") });
const chargeKey = fc
  .record({
    type: pick(["RFID", "MAC"] as const),
    rfid: fc.constantFrom(8, 14, 20).chain(hex),
    mac: fc.array(hex(2), { minLength: 6, maxLength: 6 }).map((pairs) => pairs.join(":")),
    label: maybe(text(1, 64)),
  })
  .map(({ type, rfid, mac, label }) => compact({ type, uid: type === "RFID" ? rfid : mac, label }));
/** A decimal 0..100 with at most 2 decimals, as a string or a number. */
const discountPercent = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.option(digits(1, 2), { nil: undefined })).map(([w, f]) => (f === undefined ? `${w}` : `${w}.${f}`)),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([w, f]) => Number(`${w}.${String(f).padStart(2, "0")}`)),
  pick(["0", "100", "100.00", "0.00", 100, 0, 12.5]),
);

/** A team body (`POST /v1/teams`). */
export const validTeam = () =>
  fc
    .record({
      name: text(1, 255),
      chargeKeys: maybe(fc.uniqueArray(chargeKey, { maxLength: 4, selector: (k) => `${k.type}:${k.uid.toUpperCase()}` })),
      discountPercent: maybe(discountPercent),
      billing: maybe(pick(["IN_APP", "OFFLINE"])),
    })
    .map(compact);

const ADMIN_PAGES = ["dashboard", "locations", "chargers", "pricing", "sessions", "bookings", "teams", "customers", "reports", "admins"];
const ADMIN_ACTIONS = ["add", "edit", "delete", "export"];
/** One page's actions: not empty, `view` whenever another action is there, in any order (contract, "Admin"). */
const pageActions = fc
  .tuple(fc.subarray(ADMIN_ACTIONS), fc.boolean())
  .chain(([others, viewFirst]) => fc.shuffledSubarray(viewFirst ? ["view", ...others] : [...others, "view"], { minLength: others.length + 1 }));

/** An admin body (`POST /v1/admins`): the e-mail in any case, permissions for some pages. */
export const validAdmin = () =>
  fc
    .record({
      email: validEmail,
      name: maybe(text(1, 255)),
      permissions: fc.shuffledSubarray(ADMIN_PAGES).chain((pages) => fc.tuple(...pages.map(() => pageActions)).map((lists) => Object.fromEntries(pages.map((page, i) => [page, lists[i]])))),
    })
    .map(compact);
