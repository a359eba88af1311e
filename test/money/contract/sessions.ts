/**
 * Random completed sessions with their metered periods, built from the
 * contract's "Session history and billing" (a period starts at `startedAt`, at
 * every quarter hour of local time and at `chargingEndedAt`; charging or
 * parking; together they cover `startedAt` to `stoppedAt`), in time zones with
 * daylight-saving days (and half- and three-quarter-hour offsets), on and
 * around those days.
 */
import fc from "fast-check";

export interface ContractPeriod {
  startAt: string;
  energyWh: number;
  chargingS: number;
  parkingS: number;
}

export interface ContractSession {
  id: string;
  status: "COMPLETED";
  startedAt: string;
  chargingEndedAt: string;
  stoppedAt: string;
  energyWh: number;
  periods: ContractPeriod[];
  discountPercent?: string;
}

/** Zones and one of their daylight-saving days in 2026 (or a plain day for zones without). */
export const ZONES: ReadonlyArray<{ zone: string; days: string[] }> = [
  { zone: "Europe/Amsterdam", days: ["2026-03-29", "2026-10-25"] },
  { zone: "America/New_York", days: ["2026-03-08", "2026-11-01"] },
  { zone: "Australia/Sydney", days: ["2026-04-05", "2026-10-04"] },
  { zone: "Australia/Lord_Howe", days: ["2026-04-05", "2026-10-04"] }, // a 30-minute change
  { zone: "Pacific/Chatham", days: ["2026-04-05", "2026-09-27"] }, // +12:45 / +13:45
  { zone: "Asia/Kolkata", days: ["2026-06-15"] }, // +05:30, no DST
  { zone: "America/Sao_Paulo", days: ["2026-02-15"] },
  { zone: "UTC", days: ["2026-01-01"] },
];

const QUARTER = 900;
const iso = (s: number) => new Date(s * 1000).toISOString().replace(".000Z", "Z");

/**
 * The periods of a session, by the contract: boundaries at `startedAt`, every
 * quarter hour (local quarter hours are UTC quarter hours in every zone whose
 * offset is a multiple of 15 minutes, as all of today's are), `chargingEndedAt`
 * and `stoppedAt`; energy spread over the charging seconds by `weights`.
 */
export function buildPeriods(start: number, chargingEnd: number, stop: number, energyWh: number, weights: readonly number[]): ContractPeriod[] {
  const cuts = new Set<number>([start, chargingEnd]);
  for (let t = Math.ceil((start + 1) / QUARTER) * QUARTER; t < stop; t += QUARTER) cuts.add(t);
  const starts = [...cuts].filter((t) => t >= start && t < stop).sort((a, b) => a - b);
  const periods: ContractPeriod[] = [];
  const charging = starts.filter((t) => t < chargingEnd);
  // Spread energy over charging periods in proportion to seconds × weight, in whole Wh, the rest on the last.
  const shares = charging.map((t, i) => {
    const end = Math.min(starts[starts.indexOf(t) + 1] ?? stop, chargingEnd);
    return (end - t) * (weights[i % weights.length] ?? 1);
  });
  const totalShare = shares.reduce((a, b) => a + b, 0);
  let given = 0;
  starts.forEach((t, i) => {
    const end = starts[i + 1] ?? stop;
    if (t < chargingEnd) {
      const k = charging.indexOf(t);
      const wh = k === charging.length - 1 ? energyWh - given : totalShare === 0 ? 0 : Math.floor((energyWh * shares[k]) / totalShare);
      given += wh;
      periods.push({ startAt: iso(t), energyWh: wh, chargingS: end - t, parkingS: 0 });
    } else {
      periods.push({ startAt: iso(t), energyWh: 0, chargingS: 0, parkingS: end - t });
    }
  });
  return periods;
}

/** A completed session in one of {@link ZONES}, on or near its daylight-saving day, with its zone. */
export const contractSession = fc
  .record({
    zone: fc.integer({ min: 0, max: ZONES.length - 1 }),
    day: fc.nat(),
    nearDay: fc.oneof(fc.constant(0), fc.integer({ min: -40, max: 40 })),
    secondOfDay: fc.oneof(fc.integer({ min: 0, max: 86_399 }), fc.integer({ min: 0, max: 95 }).map((q) => q * QUARTER)),
    chargingS: fc.oneof(fc.integer({ min: 0, max: 36_000 }), fc.integer({ min: 60, max: 5400 })),
    parkingS: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 21_600 })),
    powerW: fc.oneof(fc.integer({ min: 1000, max: 22_000 }), fc.integer({ min: 0, max: 350_000 })),
    weights: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }),
    discount: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined, freq: 3 }),
    n: fc.nat(),
  })
  .map((g) => {
    const { zone, days } = ZONES[g.zone];
    const day = Date.parse(`${days[g.day % days.length]}T00:00:00Z`) / 1000 + g.nearDay * 86_400;
    // The day's UTC midnight ± 14 h reaches every local hour of the zone's day.
    const start = day - 14 * 3600 + g.secondOfDay + (g.n % 2) * 14 * 3600;
    const chargingEnd = start + g.chargingS;
    const stop = chargingEnd + g.parkingS;
    const energyWh = Math.floor((g.powerW * g.chargingS) / 3600);
    const weights = g.weights.some((w) => w > 0) ? g.weights : [1];
    const session: ContractSession = {
      id: `ses_${g.n}`,
      status: "COMPLETED",
      startedAt: iso(start),
      chargingEndedAt: iso(chargingEnd),
      stoppedAt: iso(stop),
      energyWh,
      periods: buildPeriods(start, chargingEnd, stop, energyWh, weights),
    };
    if (g.discount !== undefined) session.discountPercent = `${Math.floor(g.discount / 100)}.${String(g.discount % 100).padStart(2, "0")}`;
    return { session, timeZone: zone };
  });
