/**
 * Mutations at the edges the contract draws, applied to a valid input: very
 * large and very small numbers, decimals with 5 places as numbers and as
 * strings, exponent notation, strings at and past every length the contract
 * or OCPI names, `24:00`, reversed periods and ranges, impossible dates,
 * missing and extra fields, wrong types. Values are chosen by what a field
 * is in the contract (a price, a time, a count), never read off a schema.
 */
import fc from "fast-check";

export type Path = Array<string | number>;
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface Mutation {
  path: Path;
  op: "set" | "delete" | "swap" | "duplicate";
  value?: unknown;
  /** For `swap`: the sibling field to exchange with. */
  other?: string;
}

const DECIMALS = new Set(["price", "vat", "exclVat", "inclVat", "minKwh", "maxKwh", "minPowerKw", "maxPowerKw", "freeKwh", "slotFee", "sameDaySlotFee", "blockingFeePerHour"]);
const INTEGERS = new Set(["weekday", "evseId", "connectorId", "maxVoltage", "maxAmperage", "maxElectricPowerW", "maxPowerW", "stepSize", "minDurationS", "maxDurationS", "slotMinutes", "bufferMinutes", "graceMinutes", "autoCancelMinutes"]);
const TIMES = new Set(["periodBegin", "periodEnd", "startTime", "endTime", "bookableFrom", "bookableUntil"]);
const DATES = new Set(["startDate", "endDate"]);
const DATE_TIMES = new Set(["startDateTime", "endDateTime"]);
const BOOLEANS = new Set(["twentyfourseven", "enabled", "chargingWhenClosed", "mixedMode", "onDemandIntoBooking"]);
/** The admin's pages (contract, "Admin"): each holds a list of actions. */
const PAGES = new Set(["dashboard", "locations", "chargers", "pricing", "sessions", "bookings", "teams", "customers", "reports", "admins"]);
const ARRAYS = new Set(["facilities", "dayOfWeek", "evses", "connectors", "elements", "priceComponents", "regularHours", "directions", "altText", "chargeKeys", "teamIds"]);
const ENUMS: Record<string, readonly string[]> = {
  accessType: ["PUBLIC", "SEMI_PUBLIC", "PRIVATE"],
  parkingType: ["ON_STREET", "PARKING_GARAGE", "PARKING_LOT", "ON_DRIVEWAY", "UNDERGROUND_GARAGE"],
  ocppVersion: ["OCPP16", "OCPP201", "OCPP21"],
  standard: ["IEC_62196_T2", "CHADEMO", "TESLA_S", "DOMESTIC_F"],
  format: ["SOCKET", "CABLE"],
  powerType: ["AC_1_PHASE", "AC_3_PHASE", "DC"],
  type: ["ENERGY", "FLAT", "TIME", "PARKING_TIME", "RFID", "MAC"],
  facilities: ["WIFI", "HOTEL", "PARKING_LOT"],
  dayOfWeek: ["MONDAY", "SUNDAY"],
  billing: ["IN_APP", "OFFLINE"],
};
/** Ranges the contract names: a swap makes min exceed max, begin follow end. */
const PAIRS: Record<string, string> = {
  periodBegin: "periodEnd", startTime: "endTime", startDate: "endDate", startDateTime: "endDateTime",
  minKwh: "maxKwh", minPowerKw: "maxPowerKw", minDurationS: "maxDurationS", minPrice: "maxPrice", exclVat: "inclVat",
  bookableFrom: "bookableUntil", slotFee: "sameDaySlotFee", slotMinutes: "bufferMinutes",
};
/** Optional fields the contract lists per object, so a mutation can add one that the valid input left out. */
const OPTIONAL: Record<string, string[]> = {
  location: ["parkingType", "facilities", "openingTimes", "chargingWhenClosed", "directions", "teamIds", "supportContact", "booking"],
  supportContact: ["email", "phone"],
  booking: ["bookableFrom", "bookableUntil", "bufferMinutes", "pricingPlanId", "freeKwh", "currency", "slotFee", "sameDaySlotFee", "blockingFeePerHour", "graceMinutes", "vat", "autoCancelMinutes", "mixedMode", "onDemandIntoBooking"],
  admin: ["name"],
  permissions: [...PAGES],
  team: ["chargeKeys", "discountPercent", "billing"],
  chargeKeys: ["label"],
  charger: ["name", "enabled", "authorizationKey"],
  pricingPlan: ["minPrice", "maxPrice", "startDateTime", "endDateTime", "altText"],
  address: ["state"],
  evses: ["evseCode", "physicalReference", "floorLevel"],
  connectors: ["maxElectricPowerW"],
  priceComponents: ["vat"],
  elements: ["restrictions"],
  restrictions: ["startTime", "endTime", "startDate", "endDate", "minKwh", "maxKwh", "minPowerKw", "maxPowerKw", "minDurationS", "maxDurationS", "dayOfWeek"],
  minPrice: ["inclVat"],
  maxPrice: ["inclVat"],
};
/** Lengths at and past every limit the contract, OCPI or an id names. */
const LENGTHS = [0, 1, 2, 3, 4, 5, 15, 16, 17, 31, 32, 33, 34, 35, 39, 40, 41, 47, 48, 49, 63, 64, 65, 254, 255, 256, 511, 512, 513, 1000];
const CHARS = ["a", "Z", "9", "*", "-", "_", " ", "é", "漢", "💥", "\u0000", "\n", "E", "."];

const lengthEdge = fc.tuple(fc.constantFrom(...LENGTHS), fc.constantFrom(...CHARS), fc.constantFrom(...CHARS)).map(([n, a, b]) => Array.from({ length: n }, (_, i) => (i % 3 === 2 ? b : a)).join("").slice(0, n));
const wrongType = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, true, 0, -1, "", [], {}, "null", "true", "1"));

const digits = (n: number) => fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom(..."0123456789") });
/** Decimals at the API's precision and past it, as numbers and as strings. */
const decimalEdge = fc.oneof(
  fc.constantFrom(
    1.23456, 0.00005, 0.00001, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, -0, -1, -0.0001, 100.0001, 100, 0.1 + 0.2, 1 / 3, 0.39, 12.5,
    999999999999.9999, 1e12, 123456789012.3456,
    "1.23456", "0.00005", "0.39000", "0.3900", "01.5", "00", "007", "-0", "-0.0000", "-1", "1e3", "1E-2", "1e+21", "2.5e-5", " 1", "1 ", "0.", ".5", "+1", "1,5", "١٢", "0x10", "Infinity", "NaN",
    "1000000000000", "999999999999.9999", "999999999999.99999", "100", "100.0000", "100.0001", "",
  ),
  fc.tuple(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 8 }).chain(digits)).chain(([w, f]) => fc.constantFrom(`${w}.${f}`, Number(`${w}.${f || "0"}`))),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -12, max: 25 })).chain(([m, e]) => fc.constantFrom(`${m}e${e}`, Number(`${m}e${e}`))),
  fc.double({ noNaN: true }),
);
const integerEdge = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2, 4, 5, 6, 7, 8, 14, 15, 29, 30, 45, 59, 60, 119, 120, 121, 125, 239, 240, 241, 1425, 1439, 1440, 1455, 299, 300, 301, 900, 1800, 3600, 3601, 1999, 2000, 2001, 999_999, 1_000_000, 1_000_001, 86_400, 1.5, 0.9999999999999999, 1e21, 2 ** 53, 2 ** 53 + 2, -0, 1e-7, 5e-324, 2 ** 31, 2 ** 32, "1", "7"),
  fc.integer(),
  fc.double({ noNaN: true }),
);
const two = (n: number) => String(n).padStart(2, "0");
const timeEdge = fc.oneof(
  { weight: 2, arbitrary: fc.constant("24:00") },
  { weight: 3, arbitrary: fc.constantFrom("24:00", "23:59", "00:00", "24:01", "25:00", "7:00", "07:0", "12:60", "00:00:00", "0000", "12.30", " 07:00", "07:00Z", "２３:００") },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${two(h)}:${two(m)}`) },
);
const dateEdge = fc.oneof(
  fc.constantFrom("2024-02-29", "2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "9999-12-31", "2026-1-1", "20260101", "2026-01-01T00:00:00Z"),
  fc.tuple(fc.integer({ min: 1999, max: 2101 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${two(m)}-${two(d)}`),
);
const dateTimeEdge = fc.oneof(
  fc.constantFrom(
    "2026-01-01T00:00:00Z", "2026-01-01T00:00Z", "2026-01-01T00:00:00.123456789Z", "2026-01-01T00:00:00.1234567891Z", "2026-01-01T00:00:00+01:00", "2026-01-01T00:00:00+0100",
    "2026-01-01T00:00:00+01", "2026-01-01T00:00:00", "2026-01-01", "2026-01-01t00:00:00z", "2026-01-01 00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z",
    "2026-01-01T23:59:60Z", "2026-01-01T00:00:00-00:00", "2026-01-01T00:00:00+24:00", "+002026-01-01T00:00:00Z",
  ),
  fc.tuple(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.constantFrom("Z", "+01:00", "-11:30", "+14:00", "+23:59")).map(([m, d, h, z]) => `2026-${two(m)}-${two(d)}T${two(h)}:00:00${z}`),
);
const coordinateEdge = fc.oneof(
  fc.constantFrom("90.00000", "90.00001", "-90.0000000", "89.9999999", "180.00000", "-180.0000000", "180.0000001", "52.3740", "52.37403123", "52.37403", "4.88969", "+52.37403", "052.37403", "1e1", 52.37403),
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 3, max: 9 }).chain(digits)).map(([neg, w, f]) => `${neg ? "-" : ""}${w}.${f}`),
);
const codeEdge = fc.oneof(fc.constantFrom("NLD", "nld", "NL", "NLDX", "EUR", "eur", "EU", "en", "EN", "e", "eng", "N1D", "ÄÄÄ"), lengthEdge);
const timeZoneEdge = fc.constantFrom(
  "Europe/Amsterdam", "UTC", "GMT", "EST", "EST5EDT", "Etc/GMT+5", "Etc/UTC", "europe/amsterdam", "America/Argentina/Buenos_Aires", "Mars/Olympus",
  "Europe/Amsterdam ", "+01:00", "Europe/Kiev", "Asia/Calcutta", "Z", "", "utc", "Factory",
);
const ocppIdentityEdge = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{45,52}$/), fc.constantFrom("hq ac 01", "hq.ac", "é", "", "-", "_")).map(String);
const evseCodeEdge = fc.oneof(
  fc.constantFrom("NL*EVB*E12345*1", "NLEVBE12345", "NL*EVB*E*", "NL*EVB*E", "nl*evb*e1", "NL*EVB*E1*2*3", "N*EVB*E1", "NL*EV*E1", "DE*ABC*E" + "1".repeat(31), "DE*ABC*E" + "1".repeat(32), "DE*ABC*E" + "1".repeat(34)),
  fc.tuple(fc.integer({ min: 0, max: 40 })).map(([n]) => `NL*EVB*E${"7".repeat(n)}`),
);
const enumEdge = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), fc.constantFrom(...values).map((v) => v.toLowerCase()), fc.constantFrom(...values).map((v) => ` ${v}`), fc.constantFrom("", "UNKNOWN", "OCPP15", "DAILY", "IEC_62196_T3"));
const extraKey = fc.constantFrom("id", "createdAt", "updatedAt", "status", "chargerCount", "authorizationKeySet", "colour", "Name", "price ", "notes", "evse_id");

/** Charge key uids at the edges: RFID lengths 7/8/9, 13/14/15, 19/20/21, lower case, non-hex; MAC 5/6/7 pairs, separators. */
const uidEdge = fc.oneof(
  fc.constantFrom(7, 8, 9, 13, 14, 15, 19, 20, 21).chain((n) => fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom(..."09afAFgG") })),
  fc.constantFrom(5, 6, 7).chain((n) => fc.array(fc.constantFrom("00", "aB", "FF", "0g", "1"), { minLength: n, maxLength: n }).map((p) => p.join(":"))),
  fc.constantFrom("0a1b2c3d", "0A1B2C3D", "AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff", "AABBCCDDEEFF", " 0A1B2C3D", "0A1B2C3D ", "", "０A1B2C3D"),
);
const discountEdge = fc.oneof(
  fc.constantFrom("12.345", 12.345, "100.01", 100.01, "-1", -1, "-0.01", -0.01, "100", 100, "100.00", "100.0", "0.1", 0.1, "99.99", 99.99, "101", "1e2", "00", "01.5", ".5", "5.", " 5", ""),
  decimalEdge,
);

/** E-mail addresses at the edges: no `@`, two, nothing on one side, spaces, 254 and 255 characters, upper case. */
const emailEdge = fc.oneof(
  fc.constantFrom("ops@example.com", "OPS@EXAMPLE.COM", "ops.example.com", "ops@@example.com", "a@b@example.com", "@example.com", "ops@", "@", "ops @example.com", " ops@example.com", "ops@example.com ", "ops@exa mple.com", "ops\n@example.com", "ÖPS@example.com", "漢@例え.jp"),
  fc.constantFrom(252, 253, 254, 255, 256).map((n) => `${"a".repeat(n - 12)}@example.com`),
  lengthEdge,
);
/** Phone numbers at the edges of E.164: 1, 2, 15 and 16 digits, a leading 0, spaces, dashes, no `+`. */
const phoneEdge = fc.oneof(
  fc.constantFrom("+31201234567", "+1", "+12", "+123456789012345", "+1234567890123456", "+0201234567", "+31 20 123 4567", "+31-20-1234567", "0031201234567", "31201234567", "+", "", "+31201234567 ", "+３1201234567", "tel:+31201234567"),
  fc.integer({ min: 0, max: 17 }).chain((n) => fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom(..."0123456789") })).map((d) => `+${d}`),
);
/** A page's list of actions at the edges: empty, without `view`, unknown or upper-case actions, duplicates, not a list. */
const actionsEdge = fc.oneof(
  fc.constantFrom([], ["view"], ["edit"], ["export"], ["view", "view"], ["edit", "view", "edit"], ["VIEW"], ["view", "approve"], ["view", ""], "view", ["view", "add", "edit", "delete", "export"], [["view"]]),
  fc.subarray(["view", "add", "edit", "delete", "export", "read", "View"]),
  fc.constantFrom("view", "add", "edit", "delete", "export", "read", "VIEW", ""),
);
/** Booking rules as a whole at the edges: off (`null`), empty, only a slot, a fee without currency. */
const bookingEdge = fc.constantFrom(null, {}, { slotMinutes: 60 }, { slotMinutes: 60, slotFee: "1" }, { slotMinutes: 1440, bufferMinutes: 5 }, { slotMinutes: 30, bookableFrom: "23:30", bookableUntil: "24:00" }, "off", false, []);
const supportContactEdge = fc.constantFrom(null, {}, { email: "ops@example.com" }, { phone: "+31201234567" }, { email: null }, "ops@example.com", []);

/** Values for a field, by what the contract says it is (its name, or its array's name for items). */
function edgeFor(field: string): fc.Arbitrary<unknown> {
  if (DECIMALS.has(field)) return decimalEdge;
  if (INTEGERS.has(field)) return integerEdge;
  if (TIMES.has(field)) return timeEdge;
  if (DATES.has(field)) return dateEdge;
  if (DATE_TIMES.has(field)) return dateTimeEdge;
  if (BOOLEANS.has(field)) return fc.oneof(fc.boolean(), fc.constantFrom("true", 1, 0, "false"));
  if (field === "latitude" || field === "longitude") return coordinateEdge;
  if (field === "country" || field === "currency" || field === "language") return codeEdge;
  if (field === "timeZone") return timeZoneEdge;
  if (field === "ocppIdentity") return ocppIdentityEdge;
  if (field === "evseCode") return evseCodeEdge;
  if (field === "uid") return uidEdge;
  if (field === "discountPercent") return discountEdge;
  if (field === "email") return emailEdge;
  if (field === "phone") return phoneEdge;
  if (field === "booking") return bookingEdge;
  if (field === "supportContact") return supportContactEdge;
  if (PAGES.has(field)) return actionsEdge;
  if (field === "teamIds") return fc.constantFrom(["team_fuzz"], [], "team_fuzz", ["team_fuzz", "team_fuzz"]);
  if (ENUMS[field]) return enumEdge(ENUMS[field]);
  if (ARRAYS.has(field)) return fc.constantFrom([], "[]", {});
  return lengthEdge;
}

/** Every path in a JSON value (containers and leaves), with the optional fields that are absent added. */
export function pathsOf(value: unknown, container: string, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      out.push(...pathsOf(item, container, [...prefix, i]));
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      out.push(...pathsOf(item, key, [...prefix, key]));
    }
    for (const key of OPTIONAL[container] ?? []) if (!(key in value)) out.push([...prefix, key]);
  }
  return out;
}

/** The contract's name for what sits at a path: the field, or the array an item belongs to. */
function fieldAt(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i] as string;
  return "";
}

/** One mutation at a path of the input. */
export function mutationAt(path: Path): fc.Arbitrary<Mutation> {
  const last = path[path.length - 1];
  const field = fieldAt(path);
  const options: Array<fc.WeightedArbitrary<Mutation>> = [
    { weight: 6, arbitrary: edgeFor(field).map((value) => ({ path, op: "set" as const, value })) },
    { weight: 1, arbitrary: wrongType.map((value) => ({ path, op: "set" as const, value })) },
    { weight: 1, arbitrary: fc.constant({ path, op: "delete" as const }) },
    { weight: 1, arbitrary: extraKey.map((key) => ({ path: [...path.slice(0, -1), key], op: "set" as const, value: "surprise" })) },
  ];
  if (typeof last === "string" && PAIRS[last]) options.push({ weight: 6, arbitrary: fc.constant({ path, op: "swap" as const, other: PAIRS[last] }) });
  if (typeof last === "number") options.push({ weight: 1, arbitrary: fc.constant({ path, op: "duplicate" as const }) });
  return fc.oneof(...options);
}

/** A deep copy of `input` with the mutations applied in order (each on the result of the last). */
export function applyMutations(input: unknown, mutations: Mutation[]): unknown {
  const root = { value: structuredClone(input) } as { value: unknown };
  for (const m of mutations) {
    const full: Path = ["value", ...m.path];
    let node: any = root;
    for (let i = 0; i < full.length - 1; i++) {
      if (node === null || typeof node !== "object") break;
      node = node[full[i]];
    }
    if (node === null || typeof node !== "object") continue; // an earlier mutation removed the container
    const key = full[full.length - 1];
    if (m.op === "delete") {
      if (Array.isArray(node) && typeof key === "number") node.splice(key, 1);
      else delete node[key];
    } else if (m.op === "set") {
      node[key] = structuredClone(m.value);
    } else if (m.op === "swap" && m.other !== undefined) {
      const a = node[key];
      node[key] = node[m.other];
      node[m.other] = a;
      for (const k of [key, m.other]) if (node[k] === undefined) delete node[k];
    } else if (m.op === "duplicate" && Array.isArray(node) && typeof key === "number" && key < node.length) {
      node.splice(key, 0, structuredClone(node[key]));
    }
  }
  return root.value;
}

/**
 * A valid input and 0..3 mutations of it: every tenth case is left unmutated,
 * as a baseline; most have one mutation, so that an edge the API takes is
 * not hidden behind a second, invalid one.
 */
export function mutated(valid: fc.Arbitrary<Record<string, unknown>>, container: string): fc.Arbitrary<{ valid: Record<string, unknown>; mutations: Mutation[]; input: unknown }> {
  return valid.chain((input) => {
    // Every field of the contract is as likely to be mutated as any other, however many times it occurs.
    const byField = new Map<string, Path[]>();
    for (const path of pathsOf(input, container)) {
      const key = `${fieldAt(path)}${typeof path[path.length - 1] === "number" ? "[]" : ""}`;
      byField.set(key, [...(byField.get(key) ?? []), path]);
    }
    const somePath = fc.constantFrom(...byField.values()).chain((paths) => fc.constantFrom(...paths));
    return fc
      .oneof(
        { weight: 1, arbitrary: fc.constant([] as Mutation[]) },
        { weight: 6, arbitrary: fc.array(somePath.chain(mutationAt), { minLength: 1, maxLength: 1 }) },
        { weight: 3, arbitrary: fc.array(somePath.chain(mutationAt), { minLength: 2, maxLength: 3 }) },
      )
      .map((mutations) => ({ valid: input, mutations, input: applyMutations(input, mutations) }));
  });
}
