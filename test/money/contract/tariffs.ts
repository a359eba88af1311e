/**
 * Random pricing plans as the API returns them, written from the contract's
 * "Pricing plan" table (every restriction, every component type, step sizes,
 * `FLAT`, min/max prices with and without `inclVat`), not from either side's
 * code. Decimals come as the API answers them: strings with exactly 4 decimals.
 */
import fc from "fast-check";

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 2) => fc.option(arb, { nil: undefined, freq });

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Units of 10^-4 → the API's text with 4 decimals. */
export const money = (units: number) => `${Math.floor(units / 10_000)}.${String(units % 10_000).padStart(4, "0")}`;

/** A decimal in units of 10^-4 up to `max` whole units, with a bias to round values and to many decimals alike. */
const decimalUnits = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: max * 10_000 }),
    fc.integer({ min: 0, max: max * 100 }).map((c) => c * 100),
    fc.integer({ min: 0, max: max }).map((w) => w * 10_000),
  );
const decimal = (max: number) => decimalUnits(max).map(money);

const vat = pick(["21", "9", "19", "20", "0", "5.5", "100", "8.1", "7.6543"]).map((v) => money(Math.round(Number(v) * 10_000)));
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.oneof(pick([0, 15, 30, 45]), fc.integer({ min: 0, max: 59 }))).map(
  ([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`,
);
const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
/** Dates around the sessions' months (2026), so that date restrictions cut through them. */
const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2025, 11, 1) + d * 86_400_000).toISOString().slice(0, 10));

/** A pair `[min, max]` with min ≤ max (the API refuses the reverse), either side possibly absent. */
function range<T>(arb: fc.Arbitrary<number>, show: (n: number) => T): fc.Arbitrary<[T | undefined, T | undefined]> {
  return fc.tuple(maybe(arb), maybe(arb)).map(([a, b]) => {
    if (a !== undefined && b !== undefined && a > b) [a, b] = [b, a];
    return [a === undefined ? undefined : show(a), b === undefined ? undefined : show(b)];
  });
}

const restrictions = fc
  .record({
    time: fc.option(fc.tuple(maybe(hhmm, 3), fc.option(fc.oneof(hhmm, fc.constant("24:00")), { nil: undefined, freq: 2 })), { nil: undefined, freq: 2 }),
    dates: fc.option(range(fc.integer({ min: 0, max: 400 }), (d) => new Date(Date.UTC(2025, 11, 1) + d * 86_400_000).toISOString().slice(0, 10)), { nil: undefined, freq: 3 }),
    kwh: fc.option(range(decimalUnits(60), money), { nil: undefined, freq: 2 }),
    power: fc.option(range(decimalUnits(60), money), { nil: undefined, freq: 3 }),
    duration: fc.option(range(fc.oneof(fc.integer({ min: 0, max: 30_000 }), pick([0, 900, 1800, 3600, 7200])), (n) => n), { nil: undefined, freq: 2 }),
    dayOfWeek: maybe(fc.uniqueArray(pick(DAYS), { minLength: 1, maxLength: 7 }), 2),
  })
  .map((r) =>
    compact({
      startTime: r.time?.[0],
      endTime: r.time?.[1],
      startDate: r.dates?.[0],
      endDate: r.dates?.[1],
      minKwh: r.kwh?.[0],
      maxKwh: r.kwh?.[1],
      minPowerKw: r.power?.[0],
      maxPowerKw: r.power?.[1],
      minDurationS: r.duration?.[0],
      maxDurationS: r.duration?.[1],
      dayOfWeek: r.dayOfWeek,
    }),
  );

const component = fc.oneof(
  fc.record({ type: fc.constant("ENERGY"), price: decimal(2), vat: maybe(vat), stepSize: fc.oneof(pick([1, 1, 100, 500, 1000]), fc.integer({ min: 1, max: 5000 })) }),
  fc.record({ type: fc.constant("TIME"), price: decimal(12), vat: maybe(vat), stepSize: fc.oneof(pick([1, 60, 300, 900, 3600]), fc.integer({ min: 1, max: 3600 })) }),
  fc.record({ type: fc.constant("PARKING_TIME"), price: decimal(15), vat: maybe(vat), stepSize: pick([300, 900, 1800, 3600]) }),
  fc.record({ type: fc.constant("FLAT"), price: decimal(3), vat: maybe(vat), stepSize: fc.constant(1) }),
).map(compact);

const element = fc.record({ priceComponents: fc.array(component, { minLength: 1, maxLength: 3 }), restrictions: fc.option(restrictions, { nil: undefined, freq: 4 }) }).map(compact);

const limit = fc.record({ exclVat: decimalUnits(30), withIncl: fc.boolean(), vatPart: fc.integer({ min: 0, max: 30 }) });

/** A pricing plan as `GET /v1/pricing-plans/{id}` answers it. */
export const contractPlan = fc
  .record({
    elements: fc.array(element, { minLength: 1, maxLength: 5 }),
    limits: fc.record({ min: maybe(limit), max: maybe(limit) }),
  })
  .map(({ elements, limits }) => {
    let { min, max } = limits;
    if (min && max && min.exclVat > max.exclVat) [min, max] = [max, min];
    const show = (l: typeof min) => (l ? compact({ exclVat: money(l.exclVat), inclVat: l.withIncl ? money(l.exclVat + Math.floor((l.exclVat * l.vatPart) / 100)) : undefined }) : undefined);
    return compact({ id: "pp_fuzz", name: "fuzz", currency: "EUR", elements, minPrice: show(min), maxPrice: show(max), createdAt: "2025-12-01T00:00:00.000Z", updatedAt: "2025-12-01T00:00:00.000Z" });
  });

export { date };
