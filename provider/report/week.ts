/**
 * A plan's prices over one week, Monday 00:00 to Sunday 24:00, per charge
 * type: which component applies at each minute, as segments. This is the data
 * of the report's charts.
 *
 * Rules:
 * - for each type (ENERGY, TIME, PARKING_TIME) the first element, in the
 *   plan's order, that holds a component of that type and whose time of week
 *   matches applies (the order in which the API tries the elements);
 * - the time of week is `dayOfWeek`, `startTime` and `endTime`, read as the
 *   coverage check reads them (a missing `dayOfWeek` is every day, start after
 *   end wraps past midnight of the listed days, equal times are the whole day);
 * - every other restriction (`minKwh`, `maxPowerKw`, `minDurationS`, dates, …)
 *   is taken as met: the week shows the case the table's row names, and the
 *   conditions taken as met are listed with the segments;
 * - a value not known before apply, or secret, in a component of that type or
 *   in its time of week: the week of that type is not known.
 */
import { priceOf, asArray, asObject } from "./matching";
import type { Price } from "./model";
import { SECRET, UNKNOWN } from "./preview";
import { dayIndexes } from "./describe";

export const WEEK_MINUTES = 7 * 24 * 60;
const DAY = 24 * 60;
const TIME_KEYS = new Set(["dayOfWeek", "startTime", "endTime"]);
/** The types a driver pays over time, in the order the report charts them. */
export const CHARTED_TYPES = ["ENERGY", "TIME", "PARKING_TIME"] as const;
export type ChartedType = (typeof CHARTED_TYPES)[number];

/** From minute `from` to minute `to` of the week (0 = Monday 00:00), the component that applies; none when no element does. */
export interface Segment {
  from: number;
  to: number;
  price?: Price;
}

export type Profile =
  | { known: true; segments: Segment[]; /** Restrictions besides the time of week taken as met, one per element that applies. */ conditions: Record<string, unknown>[] }
  | { known: false };

export interface ChargeWeek {
  type: ChartedType;
  /** The old plan's week; undefined for a new plan, or when the old one is not compared (another currency). */
  old?: Profile;
  new: Profile;
  /** Why there is no old week although the plan had one. */
  oldLeftOut?: "currency";
}

/** The weeks of the types either side of a plan charges; a type neither side has is left out. */
export interface Week {
  charges: ChargeWeek[];
}

const isHidden = (v: unknown) => v === UNKNOWN || v === SECRET;

function minuteOfDay(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string") return undefined;
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** The minutes of the week an element's time of week covers, as [from, to) ranges; undefined when unreadable. */
function timeOfWeek(restrictions: Record<string, unknown>): Array<[number, number]> | undefined {
  const days = restrictions.dayOfWeek === undefined || restrictions.dayOfWeek === null ? [0, 1, 2, 3, 4, 5, 6] : dayIndexes(restrictions.dayOfWeek);
  const start = minuteOfDay(restrictions.startTime, 0);
  const end = minuteOfDay(restrictions.endTime, DAY);
  if (!days || start === undefined || end === undefined) return undefined;
  const out: Array<[number, number]> = [];
  for (const d of days) {
    if (start < end) out.push([d * DAY + start, d * DAY + end]);
    else if (start > end) out.push([d * DAY + start, d * DAY + DAY], [d * DAY, d * DAY + end]);
    else out.push([d * DAY, d * DAY + DAY]);
  }
  return out;
}

/** The week of one type of a plan's elements; undefined when no element has that type. */
export function profile(elements: unknown, type: ChartedType): Profile | undefined {
  if (isHidden(elements)) return { known: false };
  const owner = new Int16Array(WEEK_MINUTES).fill(-1);
  const prices: Price[] = [];
  const conditions: Array<Record<string, unknown> | undefined> = [];
  let any = false;
  for (const e of asArray(elements)) {
    const el = asObject(e);
    if (isHidden(el.priceComponents) || isHidden(el.restrictions)) return { known: false };
    const component = asArray(el.priceComponents).find((c) => isHidden(c) || asObject(c).type === type || isHidden(asObject(c).type));
    if (component === undefined) continue;
    if (isHidden(component) || isHidden(asObject(component).type)) return { known: false };
    any = true;
    const price = priceOf(component);
    if (isHidden(price.price) || isHidden(price.vat)) return { known: false };
    const r = asObject(el.restrictions);
    if ([...TIME_KEYS].some((k) => isHidden(r[k]))) return { known: false };
    const ranges = timeOfWeek(r);
    if (!ranges) return { known: false };
    const other = Object.fromEntries(Object.entries(r).filter(([k, v]) => !TIME_KEYS.has(k) && v !== undefined && v !== null));
    const index = prices.length;
    prices.push(price);
    conditions.push(Object.keys(other).length > 0 ? other : undefined);
    for (const [from, to] of ranges) for (let m = from; m < to; m++) if (owner[m] === -1) owner[m] = index;
  }
  if (!any) return undefined;
  const segments: Segment[] = [];
  const used = new Set<number>();
  for (let m = 0; m < WEEK_MINUTES; ) {
    const index = owner[m];
    let end = m + 1;
    while (end < WEEK_MINUTES && owner[end] === index) end++;
    if (index >= 0) used.add(index);
    segments.push(index >= 0 ? { from: m, to: end, price: prices[index] } : { from: m, to: end });
    m = end;
  }
  const met = [...used].sort((a, b) => a - b).flatMap((i) => (conditions[i] ? [conditions[i]!] : []));
  return { known: true, segments, conditions: met };
}

/** The weeks of a plan old → new. `compareOld` false: the old week is left out (another currency). */
export function planWeek(oldElements: unknown, newElements: unknown, hasOld: boolean, compareOld: boolean): Week {
  const charges: ChargeWeek[] = [];
  for (const type of CHARTED_TYPES) {
    const n = profile(newElements, type);
    const o = hasOld ? profile(oldElements, type) : undefined;
    if (!n && !o) continue;
    const none: Profile = { known: true, segments: [{ from: 0, to: WEEK_MINUTES }], conditions: [] };
    if (hasOld && !compareOld) {
      if (n) charges.push({ type, new: n, oldLeftOut: "currency" });
    }
    else charges.push({ type, new: n ?? none, ...(hasOld ? { old: o ?? none } : {}) });
  }
  return { charges };
}
