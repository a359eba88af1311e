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
import { isoInstantMs as parseInstant, zoneClock } from "./local-time";
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

/** The values a restriction is judged on at the start of a period (one object, reused). */
interface Moment {
  /** Local date as days since 1970-01-01, second of the local day, weekday (0 Monday). */
  day: number;
  secondOfDay: number;
  weekday: number;
  /** Energy delivered before the period, in 0.1 Wh (= 10^-4 kWh, the unit of `minKwh`). */
  tenthWhBefore: number;
  /** Seconds since `startedAt`. */
  elapsedS: number;
  energyWh: number;
  chargingS: number;
}

const DAY_MS = 86_400_000;

function setClock(m: Moment, localMs: number): void {
  const day = Math.floor(localMs / DAY_MS);
  m.day = day;
  m.secondOfDay = Math.floor((localMs - day * DAY_MS) / 1000);
  m.weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Whether `power = energyWh × 3.6 / chargingS` kW is ≥ `bound` (units of 10^-4 kW); power is 0 without charging time. */
function powerAtLeast(m: Moment, bound: bigint): boolean {
  if (m.chargingS <= 0) return 0n >= bound;
  const b = Number(bound);
  const lhs = m.energyWh * 36_000;
  const rhs = b * m.chargingS;
  if (Number.isSafeInteger(lhs) && Number.isSafeInteger(rhs) && BigInt(b) === bound) return lhs >= rhs;
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
  if (r.startDay !== undefined && m.day < r.startDay) return false;
  if (r.endDay !== undefined && m.day >= r.endDay) return false;
  if (r.dayMask !== undefined && (r.dayMask & (1 << m.weekday)) === 0) return false;
  if (r.minTenthWh !== undefined && m.tenthWhBefore < r.minTenthWh) return false;
  if (r.maxTenthWh !== undefined && m.tenthWhBefore >= r.maxTenthWh) return false;
  if (r.minDurationS !== undefined && m.elapsedS < r.minDurationS) return false;
  if (r.maxDurationS !== undefined && m.elapsedS >= r.maxDurationS) return false;
  if (r.minPowerKw !== undefined && !powerAtLeast(m, r.minPowerKw)) return false;
  if (r.maxPowerKw !== undefined && powerAtLeast(m, r.maxPowerKw)) return false;
  return true;
}

/** The restrictions of each element judged once per period: 0 not yet, 1 hold, 2 do not. */
function pick(elements: readonly CompiledElement[], type: LineType, m: Moment, judged: Uint8Array): CompiledElement | undefined {
  for (let i = 0; i < elements.length; i += 1) {
    const element = elements[i];
    if (!element.components[type]) continue;
    if (judged[i] === 0) judged[i] = holds(element.restrictions, m) ? 1 : 2;
    if (judged[i] === 1) return element;
  }
  return undefined;
}

/** The line of a run: step size, amount × price, discount, VAT. */
function line(type: LineType, elementIndex: number, c: CompiledComponent, amount: bigint, discount: bigint | undefined): LineUnits {
  const billedAmount = type === "FLAT" ? 1n : divideCeiling(amount, c.stepSize) * c.stepSize;
  const gross = type === "FLAT" ? c.price : divideHalfUp(billedAmount * c.price, type === "ENERGY" ? 1000n : 3600n);
  const exclVat = discounted(gross, discount);
  return { type, elementIndex, billedAmount, price: c.price, vatPercent: c.vatPercent, exclVat, vat: vatOf(exclVat, c.vatPercent) };
}

/** The metered types, in the order of their lines: what they price and on which periods. */
const METERED_TYPES: readonly LineType[] = ["ENERGY", "TIME", "PARKING_TIME"];

/**
 * Prices a completed session in units: lines (`FLAT` first, then the `ENERGY`
 * runs, the `TIME` runs and the `PARKING_TIME` runs, each in time order) and the totals after
 * `minPrice` / `maxPrice`. `timeZone` is the location's IANA zone.
 * Throws a `RangeError` naming the field when the plan or session is malformed.
 */
export function priceSessionUnits(plan: TariffPlan, session: SessionToPrice, timeZone: string): PriceUnits {
  const tariff = compileTariff(plan);
  const elements = tariff.elements;
  const clock = zoneClock(timeZone);
  const discount = session.discountPercent === undefined || session.discountPercent === null ? undefined : requireUnits(session.discountPercent, "discountPercent");
  if (discount !== undefined && (discount < 0n || discount > HUNDRED_PERCENT)) throw new RangeError(`discountPercent must be 0..100: ${String(session.discountPercent)}`);
  const started = parseInstant(session.startedAt, "startedAt");
  const periods = session.periods;
  const judged = new Uint8Array(elements.length);
  const m: Moment = { day: 0, secondOfDay: 0, weekday: 0, tenthWhBefore: 0, elapsedS: 0, energyWh: 0, chargingS: 0 };

  // FLAT: judged at the first period with energy and duration 0.
  const first = periods[0];
  setClock(m, clock.local(first ? parseInstant(first.startAt, "periods[0].startAt") : started));
  m.energyWh = first?.energyWh ?? 0;
  m.chargingS = first?.chargingS ?? 0;
  const flat = pick(elements, "FLAT", m, judged);
  const flatLine = flat ? line("FLAT", flat.index, flat.components.FLAT!, 1n, discount) : undefined;

  const byType: LineUnits[][] = [[], [], []];
  const runElement: Array<CompiledElement | undefined> = [undefined, undefined, undefined];
  const runAmount = [0, 0, 0];
  const close = (k: number) => {
    const element = runElement[k];
    if (!element) return;
    const type = METERED_TYPES[k];
    byType[k].push(line(type, element.index, element.components[type]!, BigInt(runAmount[k]), discount));
    runElement[k] = undefined;
  };
  let energyBeforeWh = 0;
  for (let i = 0; i < periods.length; i += 1) {
    const period = periods[i];
    const at = parseInstant(period.startAt, `periods[${i}].startAt`);
    setClock(m, clock.local(at));
    m.tenthWhBefore = energyBeforeWh * 10;
    m.elapsedS = Math.round((at - started) / 1000);
    m.energyWh = period.energyWh;
    m.chargingS = period.chargingS;
    judged.fill(0);
    const parking = period.parkingS > 0;
    for (let k = 0; k < 3; k += 1) {
      if ((k === 2) !== parking) {
        close(k);
        continue;
      }
      const element = pick(elements, METERED_TYPES[k], m, judged);
      if (!element) {
        close(k);
        continue;
      }
      const amount = k === 0 ? period.energyWh : k === 1 ? period.chargingS : period.parkingS;
      if (runElement[k] === element) runAmount[k] += amount;
      else {
        close(k);
        runElement[k] = element;
        runAmount[k] = amount;
      }
    }
    energyBeforeWh += period.energyWh;
  }
  for (let k = 0; k < 3; k += 1) close(k);
  const lines = flatLine ? [flatLine, ...byType[0], ...byType[1], ...byType[2]] : [...byType[0], ...byType[1], ...byType[2]];

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
