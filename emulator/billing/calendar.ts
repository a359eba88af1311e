/**
 * Fast UTC calendar arithmetic on epoch seconds (`Date#toISOString` costs microseconds,
 * and billing 100 000 sessions formats millions of instants).
 */

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

let memoDay = Number.NaN;
let memoDate = "";

/** `"YYYY-MM-DD"` of a day number (days since 1970-01-01), by Howard Hinnant's civil_from_days. */
export function dateOfDay(day: number): string {
  if (day === memoDay) return memoDate;
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, "0") : new Date(day * 86_400_000).toISOString().slice(0, -14);
  memoDay = day;
  memoDate = `${year}-${pad2(m)}-${pad2(d)}`;
  return memoDate;
}

/** ISO 8601 UTC in whole seconds: `"2026-11-03T08:15:00Z"`. */
export function isoSeconds(epochS: number): string {
  const day = Math.floor(epochS / 86_400);
  const s = epochS - day * 86_400;
  return `${dateOfDay(day)}T${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}Z`;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The number written by `length` ASCII digits at `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of an ISO 8601 date-time: `"YYYY-MM-DDTHH:MM:SSZ"` (what the emulator
 * writes) read directly, anything else by `Date.parse` (NaN when invalid).
 */
export function parseIso(iso: string): number {
  if (iso.length !== 20 || iso[4] !== "-" || iso[7] !== "-" || iso[10] !== "T" || iso[13] !== ":" || iso[16] !== ":" || iso[19] !== "Z") return Date.parse(iso);
  const y = digits(iso, 0, 4);
  const mo = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  const h = digits(iso, 11, 2);
  const mi = digits(iso, 14, 2);
  const s = digits(iso, 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1] || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return Date.parse(iso);
  return (daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s) * 1000;
}
