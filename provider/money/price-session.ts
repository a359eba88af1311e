/**
 * The session pricer: what a completed session costs under a plan, exactly as
 * the contract's "How a completed session is priced" says (OCPI 2.2.1 tariff
 * semantics). Written from the contract alone; the differential test
 * (`test/money/session-pricing.differential.test.ts`) proves it equal to the
 * API's (the emulator's) billing.
 *
 * 1. Per period and type, the first element with a component of that type whose
 *    restrictions hold at the period's start (`ENERGY`, `TIME` on charging
 *    periods, `PARKING_TIME` on parking periods).
 * 2. Consecutive periods priced by the same component form a run; its amount is
 *    rounded up to the component's `stepSize` (the `billedAmount`).
 * 3. One line per run: `exclVat` = amount × price / 1000 (Wh, per kWh) or / 3600
 *    (seconds, per hour), half up to 4 decimals; `FLAT`: one line from the first
 *    period (energy and duration 0).
 * 4. A team discount scales each line's `exclVat` (half up) before its `vat`.
 * 5. Totals, then the plan's `minPrice` / `maxPrice`.
 *
 * All amounts are bigint units of 10^-4; the only rounding is `round.ts`.
 */
import { formatMoney, HUNDRED_PERCENT, requireUnits } from "./amount";
import { instantMs, localTime } from "./local-time";
import { discounted, scaled } from "./percent";
import { divideCeiling, divideHalfUp } from "./round";
import { compileTariff, type CompiledComponent, type CompiledElement, type CompiledRestrictions, type LineType, type TariffPlan } from "./tariff";
import { vatOf } from "./vat";

/** One metered period of a session, as the API returns it. */
export interface MeteredPeriod {
  /** ISO 8601 UTC. */
  startAt: string;
  energyWh: number;
  chargingS: number;
  parkingS: number;
}

/** What the pricer reads of a completed session. */
export interface SessionToPrice {
  /** ISO 8601 UTC, when the car was plugged in. */
  startedAt: string;
  /** The metered periods, in order, covering `startedAt` to `stoppedAt`. */
  periods: readonly MeteredPeriod[];
  /** The team's discount in percent (`"15"`, `"12.50"`), absent without a team discount. */
  discountPercent?: unknown;
}

/** A line of the bill in units: one per run of periods priced by one component (and one for `FLAT`). */
export interface LineUnits {
  type: LineType;
  elementIndex: number;
  /** Wh (`ENERGY`), seconds (`TIME`, `PARKING_TIME`) or 1 (`FLAT`), after the step size. */
  billedAmount: bigint;
  price: bigint;
  vatPercent: bigint;
  exclVat: bigint;
  vat: bigint;
}

/** A session's price in units of 10^-4. */
export interface PriceUnits {
  exclVat: bigint;
  vat: bigint;
  inclVat: bigint;
  lines: LineUnits[];
}

/** A bill line as the API writes it: decimals as strings with 4 decimals. */
export interface BillLine {
  type: LineType;
  elementIndex: number;
  billedAmount: number;
  price: string;
  vatPercent: string;
  exclVat: string;
  vat: string;
}

/** A session's price as the API writes `cost` and `lines`. */
export interface SessionPrice {
  cost: { exclVat: string; vat: string; inclVat: string };
  lines: BillLine[];
}

/** The values a restriction is judged on at the start of a period. */
interface Moment {
  date: string;
  secondOfDay: number;
  weekday: number;
  /** Energy delivered before the period, in units of 10^-4 kWh (Wh × 10). */
  kwhBefore: bigint;
  /** Seconds since `startedAt`. */
  elapsedS: number;
  energyWh: number;
  chargingS: number;
}

/** Whether `power = energyWh × 3.6 / chargingS` kW is ≥ `bound` (units of 10^-4 kW); power is 0 without charging time. */
function powerAtLeast(m: Moment, bound: bigint): boolean {
  if (m.chargingS <= 0) return 0n >= bound;
  return BigInt(m.energyWh) * 36_000n >= bound * BigInt(m.chargingS);
}

function holds(r: CompiledRestrictions, m: Moment): boolean {
  if (r.startSecond !== undefined || r.endSecond !== undefined) {
    const start = r.startSecond ?? 0;
    const end = r.endSecond ?? 86_400;
    const t = m.secondOfDay;
    if (start < end) {
      if (t < start || t >= end) return false;
    } else if (start > end) {
      if (t < start && t >= end) return false; // wraps past midnight
    } // equal: the whole day
  }
  if (r.startDate !== undefined && m.date < r.startDate) return false;
  if (r.endDate !== undefined && m.date >= r.endDate) return false;
  if (r.days !== undefined && !r.days.has(m.weekday)) return false;
  if (r.minKwh !== undefined && m.kwhBefore < r.minKwh) return false;
  if (r.maxKwh !== undefined && m.kwhBefore >= r.maxKwh) return false;
  if (r.minDurationS !== undefined && m.elapsedS < r.minDurationS) return false;
  if (r.maxDurationS !== undefined && m.elapsedS >= r.maxDurationS) return false;
  if (r.minPowerKw !== undefined && !powerAtLeast(m, r.minPowerKw)) return false;
  if (r.maxPowerKw !== undefined && powerAtLeast(m, r.maxPowerKw)) return false;
  return true;
}

function pick(elements: readonly CompiledElement[], type: LineType, m: Moment): CompiledElement | undefined {
  for (const element of elements) if (element.components[type] && holds(element.restrictions, m)) return element;
  return undefined;
}

/** The line of a run: step size, amount × price, discount, VAT. */
function line(type: LineType, elementIndex: number, c: CompiledComponent, amount: bigint, discount: bigint | undefined): LineUnits {
  const billedAmount = type === "FLAT" ? 1n : divideCeiling(amount, c.stepSize) * c.stepSize;
  const gross = type === "FLAT" ? c.price : divideHalfUp(billedAmount * c.price, type === "ENERGY" ? 1000n : 3600n);
  const exclVat = discounted(gross, discount);
  return { type, elementIndex, billedAmount, price: c.price, vatPercent: c.vatPercent, exclVat, vat: vatOf(exclVat, c.vatPercent) };
}

/** An open run of one type: the element pricing it, its amount, and the position of its first period. */
interface Run {
  element: CompiledElement;
  amount: bigint;
  order: number;
}

const METERED: ReadonlyArray<{ type: LineType; parking: boolean; amount: (p: MeteredPeriod) => number }> = [
  { type: "ENERGY", parking: false, amount: (p) => p.energyWh },
  { type: "TIME", parking: false, amount: (p) => p.chargingS },
  { type: "PARKING_TIME", parking: true, amount: (p) => p.parkingS },
];

/**
 * Prices a completed session in units: lines (`FLAT` first, then the `ENERGY`
 * runs, the `TIME` runs and the `PARKING_TIME` runs, each in time order) and the totals after
 * `minPrice` / `maxPrice`. `timeZone` is the location's IANA zone.
 * Throws a `RangeError` naming the field when the plan or session is malformed.
 */
export function priceSessionUnits(plan: TariffPlan, session: SessionToPrice, timeZone: string): PriceUnits {
  const tariff = compileTariff(plan);
  const discount = session.discountPercent === undefined || session.discountPercent === null ? undefined : requireUnits(session.discountPercent, "discountPercent");
  if (discount !== undefined && (discount < 0n || discount > HUNDRED_PERCENT)) throw new RangeError(`discountPercent must be 0..100: ${String(session.discountPercent)}`);
  const started = instantMs(session.startedAt, "startedAt");
  const ordered: Array<{ order: number; line: LineUnits }> = [];

  // FLAT: judged at the first period with energy and duration 0.
  const first = session.periods[0];
  const firstLocal = localTime(first ? instantMs(first.startAt, "periods[0].startAt") : started, timeZone);
  const flat = pick(tariff.elements, "FLAT", {
    ...firstLocal,
    kwhBefore: 0n,
    elapsedS: 0,
    energyWh: first?.energyWh ?? 0,
    chargingS: first?.chargingS ?? 0,
  });
  if (flat) ordered.push({ order: -1, line: line("FLAT", flat.index, flat.components.FLAT!, 1n, discount) });

  const open: Array<Run | undefined> = METERED.map(() => undefined);
  const close = (k: number) => {
    const run = open[k];
    if (!run) return;
    const type = METERED[k].type;
    ordered.push({ order: (k + 1) * 1_000_000 + run.order, line: line(type, run.element.index, run.element.components[type]!, run.amount, discount) });
    open[k] = undefined;
  };
  let energyBeforeWh = 0;
  session.periods.forEach((period, i) => {
    const at = instantMs(period.startAt, `periods[${i}].startAt`);
    const moment: Moment = {
      ...localTime(at, timeZone),
      kwhBefore: BigInt(energyBeforeWh) * 10n,
      elapsedS: Math.round((at - started) / 1000),
      energyWh: period.energyWh,
      chargingS: period.chargingS,
    };
    const parking = period.parkingS > 0;
    METERED.forEach((metered, k) => {
      if (metered.parking !== parking) return close(k);
      const element = pick(tariff.elements, metered.type, moment);
      if (!element) return close(k);
      const run = open[k];
      if (run && run.element === element) {
        run.amount += BigInt(metered.amount(period));
      } else {
        close(k);
        open[k] = { element, amount: BigInt(metered.amount(period)), order: i };
      }
    });
    energyBeforeWh += period.energyWh;
  });
  METERED.forEach((_, k) => close(k));
  ordered.sort((a, b) => a.order - b.order);
  const lines = ordered.map((o) => o.line);

  let exclVat = 0n;
  let vat = 0n;
  for (const l of lines) {
    exclVat += l.exclVat;
    vat += l.vat;
  }
  let inclVat = exclVat + vat;
  const bound =
    tariff.minPrice && exclVat < tariff.minPrice.exclVat ? tariff.minPrice : tariff.maxPrice && exclVat > tariff.maxPrice.exclVat ? tariff.maxPrice : undefined;
  if (bound) {
    inclVat = bound.inclVat ?? bound.exclVat + scaled(vat, bound.exclVat, exclVat);
    exclVat = bound.exclVat;
    vat = inclVat - exclVat;
  }
  return { exclVat, vat, inclVat, lines };
}

/** Prices a completed session: `cost` and `lines` as the API writes them (decimal strings with 4 decimals). */
export function priceSession(plan: TariffPlan, session: SessionToPrice, timeZone: string): SessionPrice {
  const p = priceSessionUnits(plan, session, timeZone);
  return {
    cost: { exclVat: formatMoney(p.exclVat), vat: formatMoney(p.vat), inclVat: formatMoney(p.inclVat) },
    lines: p.lines.map((l) => ({
      type: l.type,
      elementIndex: l.elementIndex,
      billedAmount: Number(l.billedAmount),
      price: formatMoney(l.price),
      vatPercent: formatMoney(l.vatPercent),
      exclVat: formatMoney(l.exclVat),
      vat: formatMoney(l.vat),
    })),
  };
}
