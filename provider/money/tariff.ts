/**
 * A pricing plan read once for pricing: every decimal parsed to units, every
 * restriction to the numbers a period is compared with. Pricing many sessions
 * under one plan reads the plan once ({@link compileTariff} caches by object).
 */
import { requireUnits } from "./amount";
import { dayNumber } from "./local-time";

/** The component types of a tariff, in the order their lines are listed. */
export const LINE_TYPES = ["FLAT", "ENERGY", "TIME", "PARKING_TIME"] as const;
export type LineType = (typeof LINE_TYPES)[number];

const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

/** A plan as the API returns it (`GET /v1/pricing-plans/{id}`); other fields are ignored. */
export interface TariffPlan {
  currency?: string;
  elements: ReadonlyArray<{
    priceComponents: ReadonlyArray<{ type: string; price: unknown; vat?: unknown; stepSize: number }>;
    restrictions?: TariffRestrictions | null;
  }>;
  minPrice?: { exclVat: unknown; inclVat?: unknown } | null;
  maxPrice?: { exclVat: unknown; inclVat?: unknown } | null;
}

/** An element's restrictions as the API returns them. */
export interface TariffRestrictions {
  startTime?: string | null;
  endTime?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  minKwh?: unknown;
  maxKwh?: unknown;
  minPowerKw?: unknown;
  maxPowerKw?: unknown;
  minDurationS?: number | null;
  maxDurationS?: number | null;
  dayOfWeek?: readonly string[] | null;
}

/** One price component, read. */
export interface CompiledComponent {
  type: LineType;
  /** Excl. VAT, units of 10^-4 per kWh, per hour or per session. */
  price: bigint;
  /** Units of 10^-4 percent; 0n without VAT. */
  vatPercent: bigint;
  stepSize: bigint;
}

/** Restrictions, read: absent bounds are undefined. Amounts are in the units a period is compared in. */
export interface CompiledRestrictions {
  /** `startDate` / `endDate` as days since 1970-01-01. */
  startDay?: number;
  endDay?: number;
  /** `minKwh` / `maxKwh` as numbers of 0.1 Wh (exact up to 2^53; larger: Infinity, beyond any session). */
  minTenthWh?: number;
  maxTenthWh?: number;
  /** Weekdays that hold as a bit mask (bit 0 Monday). */
  dayMask?: number;
  /** Seconds of the local day; `end` 86400 for `24:00`. */
  startSecond?: number;
  endSecond?: number;
  startDate?: string;
  endDate?: string;
  /** kWh in units of 10^-4 kWh (= 0.1 Wh). */
  minKwh?: bigint;
  maxKwh?: bigint;
  /** kW in units of 10^-4 kW. */
  minPowerKw?: bigint;
  maxPowerKw?: bigint;
  minDurationS?: number;
  maxDurationS?: number;
  /** Weekday indexes 0..6 (Monday first) that hold. */
  days?: ReadonlySet<number>;
}

/** One element: its first component of each type, and its restrictions. */
export interface CompiledElement {
  index: number;
  components: Partial<Record<LineType, CompiledComponent>>;
  restrictions: CompiledRestrictions;
}

/** A plan, read for pricing. */
export interface CompiledTariff {
  elements: CompiledElement[];
  minPrice?: { exclVat: bigint; inclVat?: bigint };
  maxPrice?: { exclVat: bigint; inclVat?: bigint };
}

function secondOfDay(hhmm: string, where: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`${where} is not a time "HH:MM": ${JSON.stringify(hhmm)}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60;
}

function optionalUnits(value: unknown, where: string): bigint | undefined {
  return value === undefined || value === null ? undefined : requireUnits(value, where);
}

function limit(value: TariffPlan["minPrice"], where: string): CompiledTariff["minPrice"] {
  if (!value) return undefined;
  return { exclVat: requireUnits(value.exclVat, `${where}.exclVat`), inclVat: optionalUnits(value.inclVat, `${where}.inclVat`) };
}

function restrictionsOf(r: TariffRestrictions | null | undefined, where: string): CompiledRestrictions {
  if (!r) return {};
  const out: CompiledRestrictions = {};
  if (r.startTime != null) out.startSecond = secondOfDay(r.startTime, `${where}.startTime`);
  if (r.endTime != null) out.endSecond = secondOfDay(r.endTime, `${where}.endTime`);
  if (r.startDate != null) out.startDate = r.startDate;
  if (r.endDate != null) out.endDate = r.endDate;
  out.minKwh = optionalUnits(r.minKwh, `${where}.minKwh`);
  out.maxKwh = optionalUnits(r.maxKwh, `${where}.maxKwh`);
  out.minPowerKw = optionalUnits(r.minPowerKw, `${where}.minPowerKw`);
  out.maxPowerKw = optionalUnits(r.maxPowerKw, `${where}.maxPowerKw`);
  if (r.minDurationS != null) out.minDurationS = r.minDurationS;
  if (r.maxDurationS != null) out.maxDurationS = r.maxDurationS;
  for (const [key, day] of [["startDate", "startDay"], ["endDate", "endDay"]] as const) {
    const text = out[key];
    if (text === undefined) continue;
    const n = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayNumber(text) : NaN;
    if (!Number.isFinite(n)) throw new RangeError(`${where}.${key} is not a date "YYYY-MM-DD": ${JSON.stringify(text)}`);
    out[day] = n;
  }
  const safe = (u: bigint | undefined) => (u === undefined ? undefined : u <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(u) : Infinity);
  out.minTenthWh = safe(out.minKwh);
  out.maxTenthWh = safe(out.maxKwh);
  if (r.dayOfWeek != null) {
    out.days = new Set(r.dayOfWeek.map((day, i) => {
      const index = WEEKDAYS.indexOf(day);
      if (index < 0) throw new RangeError(`${where}.dayOfWeek[${i}] is not a weekday: ${JSON.stringify(day)}`);
      return index;
    }));
    out.dayMask = [...out.days].reduce((mask, d) => mask | (1 << d), 0);
  }
  return out;
}

function isLineType(type: string): type is LineType {
  return (LINE_TYPES as readonly string[]).includes(type);
}

const cache = new WeakMap<object, CompiledTariff>();

/**
 * Reads a plan for pricing (cached per plan object). Throws a `RangeError`
 * naming the field (`elements[1].priceComponents[0].price`) when a value is
 * not what the contract says.
 */
export function compileTariff(plan: TariffPlan): CompiledTariff {
  const hit = cache.get(plan);
  if (hit) return hit;
  const elements = plan.elements.map((element, index): CompiledElement => {
    const components: CompiledElement["components"] = {};
    element.priceComponents.forEach((c, j) => {
      const where = `elements[${index}].priceComponents[${j}]`;
      if (!isLineType(c.type)) throw new RangeError(`${where}.type is not a component type: ${JSON.stringify(c.type)}`);
      if (!Number.isInteger(c.stepSize) || c.stepSize < 1) throw new RangeError(`${where}.stepSize must be a whole number ≥ 1: ${JSON.stringify(c.stepSize)}`);
      // The first component of a type in an element is the one that prices it.
      components[c.type] ??= {
        type: c.type,
        price: requireUnits(c.price, `${where}.price`),
        vatPercent: optionalUnits(c.vat, `${where}.vat`) ?? 0n,
        stepSize: BigInt(c.stepSize),
      };
    });
    return { index, components, restrictions: restrictionsOf(element.restrictions, `elements[${index}].restrictions`) };
  });
  const compiled = { elements, minPrice: limit(plan.minPrice, "minPrice"), maxPrice: limit(plan.maxPrice, "maxPrice") };
  cache.set(plan, compiled);
  return compiled;
}

