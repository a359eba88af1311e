import { localTime, type LocalTime } from "./local-time";
import { divHalfUp, ONE, roundUpTo, text, units } from "./money";
import { epochSeconds, type Period } from "./periods";

/** Price component types, as in a pricing plan. */
export type ComponentType = "ENERGY" | "FLAT" | "TIME" | "PARKING_TIME";

/** The parts of a pricing plan that price a session (a plan as the API renders it fits). */
export interface BillablePlan {
  currency: string;
  elements: ReadonlyArray<{
    priceComponents: ReadonlyArray<{ type: ComponentType; price: string; vat?: string; stepSize: number }>;
    restrictions?: {
      startTime?: string; endTime?: string; startDate?: string; endDate?: string;
      minKwh?: string; maxKwh?: string; minPowerKw?: string; maxPowerKw?: string;
      minDurationS?: number; maxDurationS?: number; dayOfWeek?: readonly string[];
    };
  }>;
  minPrice?: { exclVat: string; inclVat?: string };
  maxPrice?: { exclVat: string; inclVat?: string };
}

/** What a session's price follows from (and nothing else does). */
export interface BillingInput {
  /** The plan in effect when the session started (its `tariffVersion`). */
  plan: BillablePlan;
  /** Plugged in (ISO 8601, whole seconds): durations are counted from here. */
  startedAt: string;
  /** The session's metered periods, in order (see `buildPeriods`). */
  periods: readonly Period[];
  /** The location's IANA time zone. */
  timeZone: string;
  /** The driver's team discount (`"10.00"`), when one applied. */
  discountPercent?: string;
}

/** One billed component: a run of periods, or the session's flat fee. */
export interface BillingLine {
  type: ComponentType;
  /** Index of the plan element whose component priced the run. */
  elementIndex: number;
  /** Wh (`ENERGY`), seconds (`TIME`, `PARKING_TIME`) rounded up to the step size; 1 for `FLAT`. */
  billedAmount: number;
  /** The component's price, 4 decimals. */
  price: string;
  /** The component's VAT percent, 4 decimals (`"0.0000"` when it has none). */
  vatPercent: string;
  /** After the team discount, 4 decimals. */
  exclVat: string;
  vat: string;
}

/** What a session was billed. */
export interface Bill {
  currency: string;
  cost: { exclVat: string; vat: string; inclVat: string };
  lines: BillingLine[];
}

interface Restrictions {
  startS: number; endS: number; startDate?: string; endDate?: string;
  minKwh?: bigint; maxKwh?: bigint; minPowerKw?: bigint; maxPowerKw?: bigint;
  minDurationS?: number; maxDurationS?: number; days?: ReadonlySet<string>;
}
interface Component { type: ComponentType; price: bigint; vat: bigint; stepSize: number }
interface CompiledPlan {
  elements: { components: Component[]; restrictions: Restrictions }[];
  minPrice?: { exclVat: bigint; inclVat?: bigint };
  maxPrice?: { exclVat: bigint; inclVat?: bigint };
}

const compiled = new WeakMap<BillablePlan, CompiledPlan>();

function hhmmSeconds(v: string | undefined, absent: number): number {
  if (v === undefined) return absent;
  const [h, m] = v.split(":").map(Number);
  return h * 3600 + m * 60;
}

function optionalUnits(v: string | undefined, what: string): bigint | undefined {
  return v === undefined ? undefined : units(v, what);
}

function compile(plan: BillablePlan): CompiledPlan {
  let c = compiled.get(plan);
  if (c) return c;
  const limit = (l: BillablePlan["minPrice"], what: string) =>
    l && { exclVat: units(l.exclVat, `${what}.exclVat`), inclVat: optionalUnits(l.inclVat, `${what}.inclVat`) };
  c = {
    elements: plan.elements.map((e, i) => {
      const r = e.restrictions ?? {};
      const at = `elements[${i}].restrictions`;
      return {
        components: e.priceComponents.map((p, j) => ({
          type: p.type,
          price: units(p.price, `elements[${i}].priceComponents[${j}].price`),
          vat: p.vat === undefined ? 0n : units(p.vat, `elements[${i}].priceComponents[${j}].vat`),
          stepSize: p.stepSize,
        })),
        restrictions: {
          startS: hhmmSeconds(r.startTime, 0),
          endS: hhmmSeconds(r.endTime, 86_400),
          startDate: r.startDate,
          endDate: r.endDate,
          minKwh: optionalUnits(r.minKwh, `${at}.minKwh`),
          maxKwh: optionalUnits(r.maxKwh, `${at}.maxKwh`),
          minPowerKw: optionalUnits(r.minPowerKw, `${at}.minPowerKw`),
          maxPowerKw: optionalUnits(r.maxPowerKw, `${at}.maxPowerKw`),
          minDurationS: r.minDurationS,
          maxDurationS: r.maxDurationS,
          days: r.dayOfWeek && new Set(r.dayOfWeek),
        },
      };
    }),
    minPrice: limit(plan.minPrice, "minPrice"),
    maxPrice: limit(plan.maxPrice, "maxPrice"),
  };
  compiled.set(plan, c);
  return c;
}

/** Where a period starts, as the restrictions read it. */
interface Moment {
  local: LocalTime;
  /** Wh delivered before the period. */
  energyBeforeWh: number;
  /** Seconds from `startedAt` to the period's start. */
  sinceStartS: number;
  /** The period's energy and charging seconds (its average power; 0 W without charging time). */
  energyWh: number;
  chargingS: number;
}

/** `min ≤ value < max` for a value given as `numerator / denominator` in units of 10^-4 (denominator > 0). */
function withinRatio(min: bigint | undefined, max: bigint | undefined, numerator: bigint, denominator: bigint): boolean {
  if (min !== undefined && min * denominator > numerator) return false;
  if (max !== undefined && numerator >= max * denominator) return false;
  return true;
}

function holds(r: Restrictions, m: Moment): boolean {
  const s = m.local.secondOfDay;
  if (r.startS < r.endS ? !(r.startS <= s && s < r.endS) : r.endS < r.startS ? !(s >= r.startS || s < r.endS) : false) return false;
  if (r.startDate !== undefined && m.local.date < r.startDate) return false;
  if (r.endDate !== undefined && m.local.date >= r.endDate) return false;
  if (r.days && !r.days.has(m.local.weekday)) return false;
  // kWh in units of 10^-4 = Wh × 10.
  if (!withinRatio(r.minKwh, r.maxKwh, BigInt(m.energyBeforeWh) * 10n, 1n)) return false;
  if (r.minDurationS !== undefined && m.sinceStartS < r.minDurationS) return false;
  if (r.maxDurationS !== undefined && m.sinceStartS >= r.maxDurationS) return false;
  // kW = Wh × 3.6 / s; in units of 10^-4: Wh × 36 000 / s.
  const power = m.chargingS > 0 ? [BigInt(m.energyWh) * 36_000n, BigInt(m.chargingS)] as const : [0n, 1n] as const;
  return withinRatio(r.minPowerKw, r.maxPowerKw, power[0], power[1]);
}

/** The first element (index and component) with a component of `type` whose restrictions hold. */
function choose(plan: CompiledPlan, type: ComponentType, m: Moment): { elementIndex: number; component: Component } | undefined {
  for (let i = 0; i < plan.elements.length; i++) {
    const e = plan.elements[i];
    const component = e.components.find((c) => c.type === type);
    if (component && holds(e.restrictions, m)) return { elementIndex: i, component };
  }
  return undefined;
}

/** A run's or the flat fee's line: its gross exclVat discounted (half up), then its VAT (half up). */
function line(type: ComponentType, elementIndex: number, component: Component, billedAmount: number, gross: bigint, discount: bigint | undefined): Priced {
  const exclVat = discount === undefined ? gross : divHalfUp(gross * (100n * ONE - discount), 100n * ONE);
  const vat = divHalfUp(exclVat * component.vat, 100n * ONE);
  return {
    exclVat, vat,
    line: { type, elementIndex, billedAmount, price: text(component.price), vatPercent: text(component.vat), exclVat: text(exclVat), vat: text(vat) },
  };
}

/** A line with its amounts in units of 10^-4. */
interface Priced { line: BillingLine; exclVat: bigint; vat: bigint }

const PER: Record<Exclude<ComponentType, "FLAT">, bigint> = { ENERGY: 1000n, TIME: 3600n, PARKING_TIME: 3600n };
const AMOUNT: Record<Exclude<ComponentType, "FLAT">, (p: Period) => number> = {
  ENERGY: (p) => p.energyWh,
  TIME: (p) => p.chargingS,
  PARKING_TIME: (p) => p.parkingS,
};

/**
 * Prices a completed session under a plan, exactly as the contract's "How a completed
 * session is priced" says, in `bigint` units of 10^-4 (no floating point in money):
 *
 * 1. per period and type (`ENERGY`, `TIME` for charging periods, `PARKING_TIME` for parking
 *    periods), the first element with a component of that type (its first such component)
 *    whose restrictions all hold at the period's start, in the location's local time;
 * 2. consecutive periods priced by the same element form a run, whose amount is rounded up
 *    to the component's step size (`billedAmount`);
 * 3. a line per run, `exclVat` = billedAmount × price / 1000 (Wh, per kWh) or / 3600 (s, per
 *    hour) rounded half up to 4 decimals; `FLAT`: one line from the first element with a
 *    `FLAT` component holding at the first period (energy and duration 0, its power);
 * 4. a team discount on each line's `exclVat` (half up), then `vat` = exclVat × vatPercent / 100
 *    (half up);
 * 5. totals, clamped to `minPrice` / `maxPrice` (`inclVat` the bound's when given, else the
 *    VAT scaled by new / old exclVat, half up).
 *
 * Lines come in the order `FLAT`, `ENERGY`, `TIME`, `PARKING_TIME`, each type's runs in time
 * order. A run is billed even when its amount is 0 (a line of 0). The power of a period
 * without charging time (a parking period) is 0 kW.
 * @throws RangeError for a malformed plan decimal, time or discount.
 */
export function billSession(input: BillingInput): Bill {
  const plan = compile(input.plan);
  const discount = input.discountPercent === undefined ? undefined : units(input.discountPercent, "discountPercent");
  const start = epochSeconds(input.startedAt, "startedAt");
  const lines: Priced[] = [];

  // The flat fee, judged at the first period (energy and duration 0, that period's power).
  const first = input.periods[0];
  const firstAt = first ? epochSeconds(first.startAt, "periods[0].startAt") : start;
  const flat = choose(plan, "FLAT", {
    local: localTime(input.timeZone, firstAt), energyBeforeWh: 0, sinceStartS: 0,
    energyWh: first?.energyWh ?? 0, chargingS: first?.chargingS ?? 0,
  });
  if (flat) lines.push(line("FLAT", flat.elementIndex, flat.component, 1, flat.component.price, discount));

  // Which element prices each period, per type.
  const chosen: Record<Exclude<ComponentType, "FLAT">, ({ elementIndex: number; component: Component } | undefined)[]> = { ENERGY: [], TIME: [], PARKING_TIME: [] };
  let energyBefore = 0;
  input.periods.forEach((p, i) => {
    const at = epochSeconds(p.startAt, `periods[${i}].startAt`);
    const m: Moment = { local: localTime(input.timeZone, at), energyBeforeWh: energyBefore, sinceStartS: at - start, energyWh: p.energyWh, chargingS: p.chargingS };
    const charging = p.parkingS === 0;
    chosen.ENERGY.push(charging ? choose(plan, "ENERGY", m) : undefined);
    chosen.TIME.push(charging ? choose(plan, "TIME", m) : undefined);
    chosen.PARKING_TIME.push(charging ? undefined : choose(plan, "PARKING_TIME", m));
    energyBefore += p.energyWh;
  });

  for (const type of ["ENERGY", "TIME", "PARKING_TIME"] as const) {
    const picks = chosen[type];
    let i = 0;
    while (i < picks.length) {
      const pick = picks[i];
      if (!pick) { i++; continue; }
      let amount = 0;
      while (i < picks.length && picks[i]?.elementIndex === pick.elementIndex) amount += AMOUNT[type](input.periods[i++]);
      const billed = roundUpTo(amount, pick.component.stepSize);
      const gross = divHalfUp(BigInt(billed) * pick.component.price, PER[type]);
      lines.push(line(type, pick.elementIndex, pick.component, billed, gross, discount));
    }
  }

  let exclVat = 0n;
  let vat = 0n;
  for (const l of lines) {
    exclVat += l.exclVat;
    vat += l.vat;
  }
  let inclVat = exclVat + vat;
  const bound = plan.minPrice && exclVat < plan.minPrice.exclVat ? plan.minPrice
    : plan.maxPrice && exclVat > plan.maxPrice.exclVat ? plan.maxPrice
    : undefined;
  if (bound) {
    inclVat = bound.inclVat ?? bound.exclVat + (exclVat === 0n ? 0n : divHalfUp(vat * bound.exclVat, exclVat));
    exclVat = bound.exclVat;
    vat = inclVat - exclVat;
  }
  return { currency: input.plan.currency, cost: { exclVat: text(exclVat), vat: text(vat), inclVat: text(inclVat) }, lines: lines.map((l) => l.line) };
}
