/**
 * Which times of the week a plan has no price for.
 *
 * Rules (documented in the README):
 * - only elements with a charging price count: an `ENERGY`, `FLAT` or `TIME`
 *   component. An element holding only `PARKING_TIME` is an idle fee, not a
 *   price for charging;
 * - only elements that apply to every session at those times count: their
 *   restrictions use nothing but `dayOfWeek`, `startTime` and `endTime`. An
 *   element also restricted by energy, power, duration or dates (`minKwh`,
 *   `maxPowerKw`, `minDurationS`, `startDate`, …) covers nothing, because some
 *   sessions at that time do not match it;
 * - an element without restrictions covers the whole week; a missing
 *   `startTime` is 00:00, a missing `endTime` 24:00, a missing `dayOfWeek`
 *   every day; `startTime` after `endTime` wraps past midnight (22:00–06:00 is
 *   22:00–24:00 and 00:00–06:00 of the listed days); equal times cover the day;
 * - the week is checked minute by minute (10 080 minutes), gaps are reported as
 *   day and time ranges: "Sat–Sun 00:00–07:00";
 * - a plan with any unknown restriction (`(known after apply)`) is not checked.
 */
import { UNKNOWN, SECRET } from "./preview";
import { dayIndexes, gapText } from "./describe";

const DAY = 24 * 60;
const TIME_ONLY = new Set(["dayOfWeek", "startTime", "endTime"]);
const CHARGING = new Set(["ENERGY", "FLAT", "TIME"]);

function minutes(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== "string") return undefined;
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Days of the week (0 = Monday) that have the same uncovered times of day, [from, to) in minutes. */
export interface GapGroup {
  days: number[];
  ranges: Array<[number, number]>;
}

/** The uncovered times of the week in words ("Sat–Sun 00:00–07:00"), or undefined when the plan cannot be checked. Empty: fully covered. */
export function coverageGaps(elements: unknown): string[] | undefined {
  return uncoveredTimes(elements)?.map(gapText);
}

/** The uncovered times of the week, days with the same gaps grouped; undefined when the plan cannot be checked. Empty: fully covered. */
export function uncoveredTimes(elements: unknown): GapGroup[] | undefined {
  if (!Array.isArray(elements)) return undefined;
  const covered = new Uint8Array(7 * DAY);
  for (const element of elements) {
    if (!element || typeof element !== "object") continue;
    const { priceComponents, restrictions } = element as { priceComponents?: unknown; restrictions?: unknown };
    if (priceComponents === UNKNOWN || restrictions === UNKNOWN) return undefined;
    const components = Array.isArray(priceComponents) ? priceComponents : [];
    if (!components.some((c) => c && CHARGING.has((c as { type?: unknown }).type as string))) continue;
    const r = (restrictions && typeof restrictions === "object" ? restrictions : {}) as Record<string, unknown>;
    const keys = Object.keys(r).filter((k) => r[k] !== undefined && r[k] !== null);
    if (keys.some((k) => r[k] === UNKNOWN || r[k] === SECRET)) return undefined;
    if (keys.some((k) => !TIME_ONLY.has(k))) continue;
    const days = r.dayOfWeek === undefined ? [0, 1, 2, 3, 4, 5, 6] : dayIndexes(r.dayOfWeek);
    const start = minutes(r.startTime, 0);
    const end = minutes(r.endTime, DAY);
    if (!days || start === undefined || end === undefined) return undefined;
    for (const d of days) {
      const mark = (from: number, to: number) => covered.fill(1, d * DAY + from, d * DAY + to);
      if (start < end) mark(start, end);
      else if (start > end) {
        mark(start, DAY);
        mark(0, end);
      } else mark(0, DAY);
    }
  }

  // Gaps per day, then days with the same gaps grouped: "Sat–Sun 00:00–07:00".
  const groups = new Map<string, GapGroup>();
  for (let d = 0; d < 7; d++) {
    const ranges: Array<[number, number]> = [];
    for (let m = 0; m < DAY; ) {
      if (covered[d * DAY + m]) {
        m++;
        continue;
      }
      let e = m;
      while (e < DAY && !covered[d * DAY + e]) e++;
      ranges.push([m, e]);
      m = e;
    }
    if (ranges.length === 0) continue;
    const key = JSON.stringify(ranges);
    const group = groups.get(key);
    if (group) group.days.push(d);
    else groups.set(key, { days: [d], ranges });
  }
  return [...groups.values()];
}
