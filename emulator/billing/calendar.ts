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
