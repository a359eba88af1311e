import { nextLocalQuarter } from "./local-time";
import { isoSeconds } from "./calendar";

export { isoSeconds };

/** One metered period of a completed session: charging (`parkingS` 0) or parking (`energyWh` and `chargingS` 0). */
export interface Period {
  /** ISO 8601 UTC, whole seconds (`"2026-11-03T08:15:00Z"`). */
  startAt: string;
  /** Wh delivered in the period (integer). */
  energyWh: number;
  /** Seconds the car was charging in the period. */
  chargingS: number;
  /** Seconds the car stood parked after charging in the period. */
  parkingS: number;
}

/** What the periods of a session follow from. */
export interface PeriodsInput {
  /** Plugged in (ISO 8601, whole seconds). */
  startedAt: string;
  /** The car stopped drawing power: `startedAt` ≤ this ≤ `stoppedAt`. */
  chargingEndedAt: string;
  /** Unplugged. */
  stoppedAt: string;
  /** The whole session's energy, an integer ≥ 0 (0 when there is no charging time). */
  energyWh: number;
  /** The location's IANA time zone, whose quarter hours cut the periods. */
  timeZone: string;
}

/**
 * Epoch seconds of an ISO 8601 date-time with whole seconds.
 * @throws RangeError naming `what` for anything else.
 */
export function epochSeconds(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms % 1000 !== 0) throw new RangeError(`${what} must be an ISO 8601 date-time in whole seconds, not "${iso}"`);
  return ms / 1000;
}

/**
 * The metered periods of a completed session, as the contract defines them: a period
 * starts at `startedAt`, at every local quarter hour (hh:00, :15, :30, :45 in
 * `timeZone`, through daylight-saving changes) and at `chargingEndedAt`; periods
 * before `chargingEndedAt` are charging, the rest parking; together they cover
 * `startedAt` to `stoppedAt` exactly. The energy is spread over the charging time at a
 * constant power, in whole Wh: the energy delivered by the end of a period is
 * ⌊energyWh × charging seconds so far / all charging seconds⌋, so the periods sum to
 * `energyWh` exactly. A session with no time has no periods.
 * @throws RangeError for times out of order, energy without charging time or a bad energy.
 */
export function buildPeriods(input: PeriodsInput): Period[] {
  const start = epochSeconds(input.startedAt, "startedAt");
  const chargingEnd = epochSeconds(input.chargingEndedAt, "chargingEndedAt");
  const stop = epochSeconds(input.stoppedAt, "stoppedAt");
  if (!(start <= chargingEnd && chargingEnd <= stop)) throw new RangeError("startedAt ≤ chargingEndedAt ≤ stoppedAt must hold");
  const { energyWh } = input;
  if (!Number.isSafeInteger(energyWh) || energyWh < 0) throw new RangeError(`energyWh must be an integer ≥ 0, not ${energyWh}`);
  const chargingTotal = chargingEnd - start;
  if (chargingTotal === 0 && energyWh > 0) throw new RangeError("energyWh must be 0 when the session has no charging time");

  const periods: Period[] = [];
  let delivered = 0;
  let t = start;
  while (t < stop) {
    let end = Math.min(nextLocalQuarter(input.timeZone, t), stop);
    const charging = t < chargingEnd;
    if (charging && end > chargingEnd) end = chargingEnd;
    const seconds = end - t;
    if (charging) {
      const byEnd = Math.floor((energyWh * (end - start)) / chargingTotal);
      periods.push({ startAt: isoSeconds(t), energyWh: byEnd - delivered, chargingS: seconds, parkingS: 0 });
      delivered = byEnd;
    } else {
      periods.push({ startAt: isoSeconds(t), energyWh: 0, chargingS: 0, parkingS: seconds });
    }
    t = end;
  }
  return periods;
}
