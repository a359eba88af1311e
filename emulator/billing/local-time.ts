/**
 * Local wall-clock time of an instant in an IANA time zone, and the instants where a
 * local quarter hour begins. Offsets come from `Intl` and are cached per 15 minutes
 * of UTC (a bucket whose two ends share an offset has it throughout), so billing
 * 100 000 sessions asks `Intl` a few thousand times.
 */

/** A local date and time, as the pricing restrictions read them. */
export interface LocalTime {
  /** `"YYYY-MM-DD"` */
  date: string;
  /** Seconds since local midnight, 0..86 399. */
  secondOfDay: number;
  /** `MONDAY` .. `SUNDAY` */
  weekday: string;
}

import { dateOfDay } from "./calendar";

const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
const BUCKET_S = 900;

interface Zone {
  format: Intl.DateTimeFormat;
  /** bucket → offset in seconds, or `null` when the offset changes inside the bucket. */
  buckets: Map<number, number | null>;
}

const zones = new Map<string, Zone>();

function zone(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    z = { format, buckets: new Map() };
    zones.set(timeZone, z);
  }
  return z;
}

function exactOffset(z: Zone, epochS: number): number {
  const p: Record<string, number> = {};
  for (const part of z.format.formatToParts(epochS * 1000)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000 - epochS;
}

/**
 * The zone's offset from UTC in seconds at an instant (local = UTC + offset).
 * @throws RangeError for an unknown time zone.
 */
export function offsetAt(timeZone: string, epochS: number): number {
  const z = zone(timeZone);
  const bucket = Math.floor(epochS / BUCKET_S);
  let cached = z.buckets.get(bucket);
  if (cached === undefined) {
    const first = exactOffset(z, bucket * BUCKET_S);
    cached = first === exactOffset(z, bucket * BUCKET_S + BUCKET_S - 1) ? first : null;
    z.buckets.set(bucket, cached);
  }
  return cached ?? exactOffset(z, epochS);
}

/** The local date, second of day and weekday of an instant (epoch seconds). */
export function localTime(timeZone: string, epochS: number): LocalTime {
  const local = epochS + offsetAt(timeZone, epochS);
  const day = Math.floor(local / 86_400);
  // 1970-01-01 was a Thursday.
  return { date: dateOfDay(day), secondOfDay: local - day * 86_400, weekday: WEEKDAYS[(((day + 4) % 7) + 7) % 7] };
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/**
 * The first instant after `epochS` (strictly) at which a local quarter hour begins
 * (local hh:00:00, :15:00, :30:00, :45:00). Across an offset change it finds the
 * change itself and goes on from there, so it is right for any offset, not only
 * for offsets that are whole quarter hours.
 */
export function nextLocalQuarter(timeZone: string, epochS: number): number {
  let t = epochS;
  for (;;) {
    const off = offsetAt(timeZone, t);
    const candidate = t + BUCKET_S - mod(t + off, BUCKET_S);
    if (offsetAt(timeZone, candidate) === off) return candidate;
    // The offset changes in (t, candidate]: find the first second with the new offset.
    let lo = t;
    let hi = candidate;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(timeZone, mid) === off) lo = mid;
      else hi = mid;
    }
    if (mod(hi + offsetAt(timeZone, hi), BUCKET_S) === 0) return hi;
    t = hi;
  }
}
