/**
 * Local wall-clock time of an instant in an IANA time zone, for a tariff's
 * time, date and weekday restrictions. The UTC offset is read from `Intl` once
 * per zone and quarter hour of UTC and cached (offsets change only at a zone's
 * transitions, which fall on quarter hours since 1970), so pricing 100 000
 * sessions does not format 100 000 dates.
 */

/** A moment as the location's clock shows it. */
export interface LocalTime {
  /** `YYYY-MM-DD`, the local date. */
  date: string;
  /** Seconds since local midnight, 0..86399. */
  secondOfDay: number;
  /** ISO weekday index 0..6, Monday first. */
  weekday: number;
}

const QUARTER_MS = 900_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone: a location's zone is required by the contract.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in ms at `utcMs` (local = utc + offset). */
export function offsetAt(timeZone: string, utcMs: number): number {
  let byQuarter = offsets.get(timeZone);
  if (!byQuarter) {
    byQuarter = new Map();
    offsets.set(timeZone, byQuarter);
  }
  const quarter = Math.floor(utcMs / QUARTER_MS);
  const cached = byQuarter.get(quarter);
  // Cached offsets are the hot path of pricing many sessions.
  if (cached !== undefined) return cached;
  const at = quarter * QUARTER_MS;
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = local - at;
  byQuarter.set(quarter, offset);
  return offset;
}

/** The local date, second of day and weekday of `utcMs` in `timeZone`. */
export function localTime(utcMs: number, timeZone: string): LocalTime {
  const local = new Date(utcMs + offsetAt(timeZone, utcMs));
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  const d = local.getUTCDate();
  return {
    date: `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`,
    secondOfDay: local.getUTCHours() * 3600 + local.getUTCMinutes() * 60 + local.getUTCSeconds(),
    weekday: (local.getUTCDay() + 6) % 7,
  };
}

/** Reads an ISO 8601 instant to ms since the epoch; throws a `RangeError` naming `what` when it is not one. */
export function instantMs(value: string, what: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not an ISO 8601 time: ${JSON.stringify(value)}`);
  return ms;
}

/** A zone's clock for many instants: the offset cache of one zone without a lookup by name. */
export class ZoneClock {
  readonly #byQuarter: Map<number, number>;

  constructor(readonly timeZone: string) {
    formatterOf(timeZone); // a RangeError now for an unknown zone
    let byQuarter = offsets.get(timeZone);
    if (!byQuarter) {
      byQuarter = new Map();
      offsets.set(timeZone, byQuarter);
    }
    this.#byQuarter = byQuarter;
  }

  /** Local wall-clock ms (as if UTC) of `utcMs`. */
  local(utcMs: number): number {
    const cached = this.#byQuarter.get(Math.floor(utcMs / QUARTER_MS));
    return utcMs + (cached ?? offsetAt(this.timeZone, utcMs));
  }
}

const clocks = new Map<string, ZoneClock>();

/** The (cached) clock of a zone. */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = new ZoneClock(timeZone)));
  return clock;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Digits at `at`..`at+n` of `s`, or -1 when one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i += 1) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Ms since the epoch of the API's own form `YYYY-MM-DDTHH:MM:SSZ` without `Date.parse` (the hot
 * path of re-pricing many sessions; days from the civil date, H. Hinnant's algorithm);
 * anything else goes to `Date.parse`.
 */
function parseIsoZ(s: string): number {
  if (s.length !== 20 || s.charCodeAt(19) !== 90 || s.charCodeAt(10) !== 84 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Date.parse(s);
  const y0 = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (y0 < 0 || mo < 1 || mo > 12 || d < 1 || d > 28 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return Date.parse(s); // days 29..31 checked by Date
  const y = mo <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return ((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000;
}

/** Ms since the epoch of an ISO 8601 instant (fast for the API's own form); throws a `RangeError` naming `what` when it is not one. */
export function isoInstantMs(value: string, what: string): number {
  const ms = parseIsoZ(value);
  if (ms !== ms) instantMs(value, what); // NaN: throws the RangeError naming the field
  return ms;
}
