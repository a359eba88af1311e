/**
 * Old and new prices of one plan matched up: time windows by their
 * restrictions (else by position), components by type, other fields by name.
 * Data in, data out ({@link PriceRow}, {@link FieldChange}); the words are the renderer's.
 */
import { decimalKey, percentChange, inclVat, sameDecimal, toUnits } from "../money";
import { restrictionsText } from "./describe";
import type { FieldChange, PlanWindow, Price, PriceRow } from "./model";
import type { ResourceState } from "./preview";

const PLAN_FIELDS = ["name", "currency", "elements", "minPrice", "maxPrice", "startDateTime", "endDateTime", "altText"] as const;

/** The plan as the state has it (server outputs, else inputs) or as the program declares it (inputs). */
export function planFields(state: ResourceState | undefined, preferOutputs: boolean): Record<string, unknown> {
  if (!state) return {};
  const source = preferOutputs && state.outputs && Object.keys(state.outputs).length > 0 ? state.outputs : state.inputs;
  const out: Record<string, unknown> = {};
  for (const key of PLAN_FIELDS) out[key] = source[key];
  return out;
}

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A canonical text of restrictions, decimals normalised, for matching windows. */
function windowKey(restrictions: unknown): string {
  const r = asObject(restrictions);
  const norm: Record<string, unknown> = {};
  for (const key of Object.keys(r).sort()) {
    const v = r[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) norm[key] = [...v].map(String).sort();
    else if (typeof v === "symbol") norm[key] = String(v);
    else norm[key] = decimalKey(v) ?? v;
  }
  return JSON.stringify(norm);
}

export function priceOf(c: unknown): Price {
  const o = asObject(c);
  return { type: o.type, price: o.price, vat: o.vat, stepSize: o.stepSize };
}

interface Window {
  window: PlanWindow;
  components: Price[];
  key: string;
  index: number;
}

function windows(elements: unknown): Window[] {
  const seen = new Set<string>();
  return asArray(elements).map((e, index) => {
    const el = asObject(e);
    const components = asArray(el.priceComponents).map(priceOf);
    const parking = components.length > 0 && components.every((c) => c.type === "PARKING_TIME");
    const types = components.map((c) => String(c.type));
    const otherTime = types.some((t) => seen.has(t));
    types.forEach((t) => seen.add(t));
    return { window: { restrictions: el.restrictions, parking, otherTime }, components, key: windowKey(el.restrictions), index };
  });
}

/** Two windows a reader cannot tell apart: they read the same. */
function readsSame(a: PlanWindow, b: PlanWindow): boolean {
  const words = (w: PlanWindow) => restrictionsText(w.restrictions, { parking: w.parking, fallback: w.otherTime ? "any other time" : "any time" });
  return words(a) === words(b);
}

function comparePrices(oldP: Price, newP: Price, comparable: boolean): Pick<PriceRow, "percent" | "percentInclVat"> {
  if (!comparable) return {};
  const o = toUnits(oldP.price);
  const n = toUnits(newP.price);
  if (o === undefined || n === undefined) return {};
  const percent = percentChange(o, n);
  if (sameDecimal(oldP.vat, newP.vat)) return { percent };
  const ov = toUnits(oldP.vat);
  const nv = toUnits(newP.vat);
  if (oldP.vat !== undefined && ov === undefined) return { percent };
  if (newP.vat !== undefined && nv === undefined) return { percent };
  return { percent, percentInclVat: percentChange(inclVat(o, ov), inclVat(n, nv)) };
}

function samePrice(a: Price, b: Price): boolean {
  return a.type === b.type && sameDecimal(a.price, b.price) && sameDecimal(a.vat, b.vat) && a.stepSize === b.stepSize;
}

/** Price rows of a plan old → new: windows matched by their restrictions, components by type. */
export function priceRows(oldElements: unknown, newElements: unknown, comparable = true): { rows: PriceRow[]; reordered: boolean } {
  const olds = windows(oldElements);
  const news = windows(newElements);
  const pairs: Array<[Window | undefined, Window | undefined]> = [];
  const usedOld = new Set<number>();
  const unmatchedNew: Window[] = [];
  for (const n of news) {
    const o = olds.find((w) => !usedOld.has(w.index) && w.key === n.key);
    if (o) {
      usedOld.add(o.index);
      pairs.push([o, n]);
    } else unmatchedNew.push(n);
  }
  // A window whose restrictions changed: the unmatched old one at the same position, when it holds a same type.
  for (const n of unmatchedNew) {
    const o = olds.find(
      (w) => !usedOld.has(w.index) && w.index === n.index && w.components.some((c) => n.components.some((d) => d.type === c.type)),
    );
    if (o) usedOld.add(o.index);
    pairs.push([o, n]);
  }
  for (const o of olds) if (!usedOld.has(o.index)) pairs.push([o, undefined]);
  // Removed windows go right after the window that preceded them in the old plan.
  const position = ([o, n]: [Window | undefined, Window | undefined]): number => {
    if (n) return n.index;
    const before = pairs.filter(([po, pn]) => po && pn && po.index < o!.index).sort((a, b) => b[0]!.index - a[0]!.index)[0];
    return (before ? before[1]!.index : -1) + 0.5 + o!.index / 1000;
  };
  const positions = new Map(pairs.map((p) => [p, position(p)]));
  pairs.sort((a, b) => positions.get(a)! - positions.get(b)!);

  const matchedOrder = pairs.filter(([o, n]) => o && n).map(([o]) => o!.index);
  const reordered = matchedOrder.some((v, i) => i > 0 && v < matchedOrder[i - 1]);

  const rows: PriceRow[] = [];
  for (const [o, n] of pairs) {
    const window = (n ?? o)!.window;
    const windowBefore = o && n && !readsSame(o.window, n.window) ? o.window : undefined;
    const oldComponents = [...(o?.components ?? [])];
    for (const nc of n?.components ?? []) {
      const i = oldComponents.findIndex((c) => c.type === nc.type);
      const oc = i >= 0 ? oldComponents.splice(i, 1)[0] : undefined;
      const charge = { type: nc.type, stepSize: nc.stepSize };
      if (!oc) {
        rows.push({ status: "added", window, windowBefore, ...charge, new: nc });
        continue;
      }
      const changed = !samePrice(oc, nc) || windowBefore !== undefined || !comparable;
      rows.push({ status: changed ? "changed" : "unchanged", window, windowBefore, ...charge, old: oc, new: nc, ...comparePrices(oc, nc, comparable) });
    }
    for (const oc of oldComponents) rows.push({ status: "removed", window: o!.window, type: oc.type, stepSize: oc.stepSize, old: oc });
  }
  return { rows, reordered };
}

function sameLimit(a: unknown, b: unknown): boolean {
  const x = asObject(a);
  const y = asObject(b);
  return (a === undefined) === (b === undefined) && sameDecimal(x.exclVat, y.exclVat) && sameDecimal(x.inclVat, y.inclVat);
}

/** The fields besides the prices that an update or replacement changes. */
export function fieldChanges(o: Record<string, unknown>, n: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  if (o.name !== n.name) out.push({ field: "name", old: o.name, new: n.name });
  if (!sameLimit(o.minPrice, n.minPrice)) out.push({ field: "minPrice", old: o.minPrice, new: n.minPrice });
  if (!sameLimit(o.maxPrice, n.maxPrice)) out.push({ field: "maxPrice", old: o.maxPrice, new: n.maxPrice });
  for (const key of ["startDateTime", "endDateTime"] as const) if (o[key] !== n[key]) out.push({ field: key, old: o[key], new: n[key] });
  if (JSON.stringify(o.altText ?? null) !== JSON.stringify(n.altText ?? null)) out.push({ field: "altText", old: o.altText, new: n.altText });
  return out;
}

/** The fields a plan created, imported or deleted has besides its prices. */
export function planDetails(fields: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of ["minPrice", "maxPrice", "startDateTime", "endDateTime"] as const) if (fields[key] !== undefined) out.push({ field: key, new: fields[key] });
  return out;
}
