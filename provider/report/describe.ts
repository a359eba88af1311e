/**
 * Words for a pricing plan: amounts, units and restrictions as a person reads
 * them ("Mon–Fri 07:00–23:00", "weekends", "after 2 h parked").
 */
import type { GapGroup } from "./coverage";
import { formatUnits, toUnits } from "../money";
import { SECRET, UNKNOWN } from "./preview";

export const KNOWN_AFTER_APPLY = "(known after apply)";
export const SECRET_TEXT = "(secret)";

export function formatPercent(p: number): string {
  if (p === Infinity) return "new charge (was 0)";
  if (p === 0) return "±0%";
  return `${p > 0 ? "+" : "−"}${Math.abs(p).toFixed(1)}%`;
}

/** An amount with its currency ("EUR 0.39"), or the placeholder of an unknown or secret value. */
export function money(value: unknown, currency: unknown): string {
  if (value === UNKNOWN) return KNOWN_AFTER_APPLY;
  if (value === SECRET) return SECRET_TEXT;
  const units = toUnits(value);
  if (units === undefined) return value === undefined ? "—" : "(invalid)";
  return `${text(currency)} ${formatUnits(units)}`;
}

/** A printable text of a value that may be unknown or secret. */
export function text(value: unknown): string {
  if (value === UNKNOWN) return KNOWN_AFTER_APPLY;
  if (value === SECRET) return SECRET_TEXT;
  if (value === undefined || value === null) return "—";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export function vatText(value: unknown): string {
  if (value === UNKNOWN) return KNOWN_AFTER_APPLY;
  if (value === SECRET) return SECRET_TEXT;
  const units = toUnits(value);
  if (units === undefined) return "no VAT set";
  let s = formatUnits(units);
  s = s.replace(/\.?0+$/, "");
  return `${s}%`;
}

const UNIT: Record<string, string> = {
  ENERGY: "per kWh",
  FLAT: "per session",
  TIME: "per hour charging",
  PARKING_TIME: "per hour parked",
};
const LABEL: Record<string, string> = {
  ENERGY: "Energy",
  FLAT: "Session fee",
  TIME: "Charging time",
  PARKING_TIME: "Idle fee",
};

/** "Energy", "Idle fee": what a component charges for. */
export function chargeName(type: unknown): string {
  const t = typeof type === "string" ? type : "?";
  return LABEL[t] ?? t;
}

/** "Energy, per kWh", "Idle fee, per hour parked (billed per 15 min)". */
export function chargeLabel(type: unknown, stepSize: unknown): string {
  const t = typeof type === "string" ? type : "?";
  let label = `${chargeName(t)}, ${UNIT[t] ?? "per unit"}`;
  if ((t === "TIME" || t === "PARKING_TIME") && typeof stepSize === "number" && stepSize > 1) {
    label += ` (billed per ${stepSize === 3600 ? "hour" : duration(stepSize)})`;
  } else if (t === "ENERGY" && typeof stepSize === "number" && stepSize > 1) {
    label += ` (billed per ${stepSize >= 1000 && stepSize % 1000 === 0 ? `${stepSize / 1000} kWh` : `${stepSize} Wh`})`;
  }
  return label;
}

export function unitOf(type: unknown): string {
  return typeof type === "string" ? (UNIT[type] ?? "per unit") : "per unit";
}

/** Seconds in words: 45 min, 2 h, 1 h 30 min, 90 s. */
export function duration(seconds: number): string {
  if (seconds % 60 !== 0) return `${seconds} s`;
  const minutes = seconds / 60;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
const SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Day indexes (0 = Monday) in words: "Mon–Fri", "weekends", "Mon, Wed, Fri", "every day". */
export function daysText(indexes: number[]): string {
  const set = [...new Set(indexes)].sort((a, b) => a - b);
  if (set.length === 7) return "every day";
  if (set.length === 2 && set[0] === 5 && set[1] === 6) return "weekends";
  const runs: string[] = [];
  for (let i = 0; i < set.length; ) {
    let j = i;
    while (j + 1 < set.length && set[j + 1] === set[j] + 1) j++;
    if (j - i >= 2) runs.push(`${SHORT[set[i]]}–${SHORT[set[j]]}`);
    else for (let k = i; k <= j; k++) runs.push(SHORT[set[k]]);
    i = j + 1;
  }
  return runs.join(", ");
}

export function dayIndexes(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((d) => DAYS.indexOf(String(d).toUpperCase() as (typeof DAYS)[number])).filter((i) => i >= 0);
}

function kwh(value: unknown): string {
  const units = toUnits(value);
  return units === undefined ? text(value) : formatUnits(units).replace(/\.?0+$/, "");
}

/**
 * Restrictions in words, in the order a person says them: days, times, dates,
 * duration, energy, power. `parking` words a duration as time parked.
 * Empty restrictions → `fallback` ("any time" / "any other time").
 */
export function restrictionsText(restrictions: unknown, options: { parking?: boolean; fallback?: string } = {}): string {
  const r = (restrictions && typeof restrictions === "object" ? restrictions : {}) as Record<string, unknown>;
  const parts: string[] = [];
  let daysPart: string | undefined;
  const days = dayIndexes(r.dayOfWeek);
  if (r.dayOfWeek === UNKNOWN || r.dayOfWeek === SECRET) daysPart = `days ${text(r.dayOfWeek)}`;
  else if (days && days.length > 0 && days.length < 7) daysPart = daysText(days);
  if (r.startTime !== undefined || r.endTime !== undefined) {
    const start = r.startTime === undefined ? "00:00" : text(r.startTime);
    const end = r.endTime === undefined ? "24:00" : text(r.endTime);
    if (!(start === "00:00" && end === "24:00")) {
      const time = start > end && !end.startsWith("(") ? `${start}–${end} (overnight)` : `${start}–${end}`;
      parts.push(daysPart ? `${daysPart} ${time}` : time);
      daysPart = undefined;
    }
  }
  if (daysPart) parts.unshift(daysPart);
  if (r.startDate !== undefined && r.endDate !== undefined) parts.push(`from ${text(r.startDate)} until ${text(r.endDate)}`);
  else if (r.startDate !== undefined) parts.push(`from ${text(r.startDate)}`);
  else if (r.endDate !== undefined) parts.push(`until ${text(r.endDate)}`);
  const what = options.parking ? " parked" : "";
  if (typeof r.minDurationS === "number" && r.minDurationS > 0) parts.push(`after ${duration(r.minDurationS)}${what}`);
  else if (r.minDurationS !== undefined && typeof r.minDurationS !== "number") parts.push(`after ${text(r.minDurationS)}`);
  if (typeof r.maxDurationS === "number") parts.push(`for the first ${duration(r.maxDurationS)}${what}`);
  else if (r.maxDurationS !== undefined) parts.push(`up to ${text(r.maxDurationS)}`);
  if (r.minKwh !== undefined) parts.push(`from ${kwh(r.minKwh)} kWh charged`);
  if (r.maxKwh !== undefined) parts.push(`up to ${kwh(r.maxKwh)} kWh charged`);
  if (r.minPowerKw !== undefined) parts.push(`when charging at ${kwh(r.minPowerKw)} kW or more`);
  if (r.maxPowerKw !== undefined) parts.push(`when charging below ${kwh(r.maxPowerKw)} kW`);
  return parts.length > 0 ? parts.join(", ") : (options.fallback ?? "any time");
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Uncovered times in words: "Sat–Sun 00:00–07:00", "weekends (all day)". */
export function gapText(group: GapGroup): string {
  const gaps = group.ranges.map(([from, to]) => `${hhmm(from)}–${hhmm(to)}`).join(", ");
  return `${group.days.length === 7 ? "every day" : daysText(group.days)} ${gaps === "00:00–24:00" ? "(all day)" : gaps}`;
}
