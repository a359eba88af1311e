/**
 * What a preview does to pricing: per pricing plan, the prices old → new; who
 * uses each plan; which locations and chargers switch plans; and the warnings
 * a reviewer must see. Pure: a {@link Preview} in, a {@link PricingReview} out.
 */
import { coverageGaps } from "./coverage";
import {
  chargeLabel,
  formatPercent,
  inclVat,
  money,
  percentChange,
  restrictionsText,
  text,
  toUnits,
  unitOf,
  vatText,
} from "./describe";
import { StackModel } from "../stack/model";
import { SECRET, UNKNOWN, type Preview, type ResourceChange, type ResourceState } from "./preview";

export interface ReviewOptions {
  /** Warn when a price rises by more than this many percent. Default 10. */
  maxIncreasePercent?: number;
}

export type PlanOp = "create" | "update" | "replace" | "delete" | "import";

export interface Price {
  type: unknown;
  price: unknown;
  vat: unknown;
  stepSize: unknown;
}

export interface PriceRow {
  status: "unchanged" | "changed" | "added" | "removed";
  /** The time window in words ("Mon–Fri 07:00–23:00"); the new one when it changed. */
  when: string;
  /** The old window when it changed. */
  whenBefore?: string;
  /** "Energy, per kWh". */
  charge: string;
  old?: Price;
  new?: Price;
  /** Change of the price excl. VAT in percent; undefined when not comparable. */
  percent?: number;
  /** Change of the price incl. VAT in percent, when VAT changed too. */
  percentInclVat?: number;
}

export interface PlanUsers {
  locations: string[];
  /** Chargers using the plan: their own override, or their location's default. */
  chargers: string[];
  connectors: string[];
  /** References that cannot be resolved before apply. */
  unknown: number;
}

export interface PlanReview {
  urn: string;
  name: string;
  op: PlanOp;
  currencyBefore?: unknown;
  currency: unknown;
  rows: PriceRow[];
  /** Other changes in words ("Name: Public AC → Public AC 2026", "Maximum price per session: …"). */
  other: string[];
  users: PlanUsers;
  /** Uncovered times of the week, for plans the preview creates or changes. */
  gaps: string[];
  replaceReasons: string[];
  /** Unchanged resources are not in the preview (no `--show-sames`): the users may be incomplete. */
  usersIncomplete: boolean;
}

export interface Switch {
  kind: "location" | "charger";
  name: string;
  from: string;
  to: string;
}

export interface Warning {
  kind: "increase" | "deleted-in-use" | "coverage" | "preview-error";
  plan?: string;
  message: string;
}

export interface PricingReview {
  summary: string;
  plans: PlanReview[];
  switches: Switch[];
  warnings: Warning[];
  notes: string[];
  hasChanges: boolean;
  maxIncreasePercent: number;
}

const PLAN_FIELDS = ["name", "currency", "elements", "minPrice", "maxPrice", "startDateTime", "endDateTime", "altText"] as const;

/** The plan as the state has it (server outputs, else inputs) or as the program declares it (inputs). */
function planFields(state: ResourceState | undefined, preferOutputs: boolean): Record<string, unknown> {
  if (!state) return {};
  const source = preferOutputs && state.outputs && Object.keys(state.outputs).length > 0 ? state.outputs : state.inputs;
  const out: Record<string, unknown> = {};
  for (const key of PLAN_FIELDS) out[key] = source[key];
  return out;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A canonical text of restrictions, decimals normalised, for matching windows. */
function windowKey(restrictions: unknown): string {
  const r = asObject(restrictions);
  const norm: Record<string, unknown> = {};
  for (const key of Object.keys(r).sort()) {
    const v = r[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) norm[key] = [...v].map(String).sort();
    else if (typeof v === "symbol") norm[key] = String(v);
    else norm[key] = toUnits(v)?.toString() ?? v;
  }
  return JSON.stringify(norm);
}

const sameDecimal = (a: unknown, b: unknown) => {
  const x = toUnits(a);
  const y = toUnits(b);
  return x !== undefined && y !== undefined ? x === y : a === b;
};

function priceOf(c: unknown): Price {
  const o = asObject(c);
  return { type: o.type, price: o.price, vat: o.vat, stepSize: o.stepSize };
}

interface Window {
  when: string;
  parking: boolean;
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
    const fallback = types.some((t) => seen.has(t)) ? "any other time" : "any time";
    types.forEach((t) => seen.add(t));
    return { when: restrictionsText(el.restrictions, { parking, fallback }), parking, components, key: windowKey(el.restrictions), index };
  });
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
    const when = (n ?? o)!.when;
    const whenBefore = o && n && o.when !== n.when ? o.when : undefined;
    const oldComponents = [...(o?.components ?? [])];
    for (const nc of n?.components ?? []) {
      const i = oldComponents.findIndex((c) => c.type === nc.type);
      const oc = i >= 0 ? oldComponents.splice(i, 1)[0] : undefined;
      const charge = chargeLabel(nc.type, nc.stepSize);
      if (!oc) {
        rows.push({ status: "added", when, whenBefore, charge, new: nc });
        continue;
      }
      const changed = !samePrice(oc, nc) || whenBefore !== undefined || !comparable;
      rows.push({ status: changed ? "changed" : "unchanged", when, whenBefore, charge, old: oc, new: nc, ...comparePrices(oc, nc, comparable) });
    }
    for (const oc of oldComponents) rows.push({ status: "removed", when: o!.when, charge: chargeLabel(oc.type, oc.stepSize), old: oc });
  }
  return { rows, reordered };
}

function limitText(limit: unknown, currency: unknown): string {
  if (limit === undefined || limit === null) return "none";
  if (limit === UNKNOWN || limit === SECRET) return text(limit);
  const l = asObject(limit);
  return l.inclVat !== undefined ? `${money(l.exclVat, currency)} excl. VAT (${money(l.inclVat, currency)} incl. VAT)` : `${money(l.exclVat, currency)} excl. VAT`;
}

function sameLimit(a: unknown, b: unknown): boolean {
  const x = asObject(a);
  const y = asObject(b);
  return (a === undefined) === (b === undefined) && sameDecimal(x.exclVat, y.exclVat) && sameDecimal(x.inclVat, y.inclVat);
}

function otherChanges(o: Record<string, unknown>, n: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (o.name !== n.name) out.push(`Name: ${text(o.name)} → ${text(n.name)}`);
  if (!sameLimit(o.minPrice, n.minPrice)) out.push(`Minimum price per session: ${limitText(o.minPrice, o.currency)} → ${limitText(n.minPrice, n.currency)}`);
  if (!sameLimit(o.maxPrice, n.maxPrice)) out.push(`Maximum price per session: ${limitText(o.maxPrice, o.currency)} → ${limitText(n.maxPrice, n.currency)}`);
  for (const [key, label] of [["startDateTime", "Valid from"], ["endDateTime", "Valid until"]] as const) {
    if (o[key] !== n[key]) out.push(`${label}: ${o[key] === undefined ? "always" : text(o[key])} → ${n[key] === undefined ? "always" : text(n[key])}`);
  }
  if (JSON.stringify(o.altText ?? null) !== JSON.stringify(n.altText ?? null)) out.push("Text shown to drivers (altText) changed");
  return out;
}

function newPlanDetails(fields: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (fields.minPrice !== undefined) out.push(`Minimum price per session: ${limitText(fields.minPrice, fields.currency)}`);
  if (fields.maxPrice !== undefined) out.push(`Maximum price per session: ${limitText(fields.maxPrice, fields.currency)}`);
  if (fields.startDateTime !== undefined) out.push(`Valid from: ${text(fields.startDateTime)}`);
  if (fields.endDateTime !== undefined) out.push(`Valid until: ${text(fields.endDateTime)}`);
  return out;
}

// ---------------------------------------------------------------- who uses what

/** A reference to a plan (or location): the URN of the resource in the stack, or an id outside it. */
type Ref = { urn: string } | { id: string } | { unknown: true } | undefined;

function refKey(ref: Ref): string | undefined {
  if (!ref) return "none";
  if ("urn" in ref) return ref.urn;
  if ("id" in ref) return `id:${ref.id}`;
  return undefined;
}

class StackIndex {
  /** The stack's resources and their ids (current and previous), shared with the policy pack. */
  private readonly model: StackModel<ResourceChange>;
  readonly byUrn = new Map<string, ResourceChange>();

  constructor(readonly preview: Preview) {
    for (const r of preview.resources) this.byUrn.set(r.urn, r);
    this.model = new StackModel(
      preview.resources.map((r) => ({ urn: r.urn, kind: r.kind ?? "", ids: r.kind ? [r.old?.id, r.new?.id] : [], item: r })),
    );
  }

  /** Resolves a reference value and the URNs the program took it from. */
  resolve(kind: "PricingPlan" | "Location", value: unknown, deps: string[] | undefined): Ref {
    const ref = this.model.resolve(kind, value, deps);
    if (ref.kind === "none") return undefined;
    if (ref.kind === "found") return { urn: ref.urn };
    if (ref.kind === "outside") return { id: ref.id };
    return { unknown: true };
  }

  planName(ref: Ref, side: "old" | "new"): string {
    if (!ref) return "no plan of its own";
    if ("unknown" in ref) return "a plan known after apply";
    if ("id" in ref) return `plan ${ref.id} (not in this stack)`;
    const r = this.byUrn.get(ref.urn);
    const state = side === "old" ? (r?.old ?? r?.new) : (r?.new ?? r?.old);
    const name = state?.inputs.name ?? state?.outputs?.name;
    return typeof name === "string" ? name : r ? r.name : ref.urn;
  }
}

function displayName(r: ResourceChange, state: ResourceState | undefined): string {
  const inputs = state?.inputs ?? {};
  if (r.kind === "Charger") {
    const id = typeof inputs.ocppIdentity === "string" ? inputs.ocppIdentity.toUpperCase() : r.name;
    return typeof inputs.name === "string" ? `${id} “${inputs.name}”` : id;
  }
  return typeof inputs.name === "string" ? inputs.name : r.name;
}

interface Usage {
  resource: ResourceChange;
  name: string;
  /** Its own reference (location or charger `pricingPlanId`). */
  direct: Ref;
  /** For chargers: the location it stands at. */
  location?: Ref;
  connectors: Array<{ label: string; ref: Ref }>;
}

function usages(index: StackIndex, side: "old" | "new"): Usage[] {
  const out: Usage[] = [];
  for (const r of index.preview.resources) {
    if (r.kind !== "Location" && r.kind !== "Charger") continue;
    const state = side === "old" ? (r.op === "create" ? undefined : r.old) : r.op === "delete" ? undefined : (r.new ?? (r.op === "same" || r.op === "read" ? r.old : undefined));
    if (!state) continue;
    const values = side === "old" && state.outputs && Object.keys(state.outputs).length > 0 ? { ...state.inputs, ...state.outputs } : state.inputs;
    const deps = state.propertyDependencies;
    const usage: Usage = {
      resource: r,
      name: displayName(r, state),
      direct: index.resolve("PricingPlan", values.pricingPlanId, deps.pricingPlanId),
      connectors: [],
    };
    if (r.kind === "Charger") {
      usage.location = index.resolve("Location", values.locationId, deps.locationId);
      asArray(values.evses).forEach((evse) => {
        const e = asObject(evse);
        asArray(e.connectors).forEach((connector) => {
          const c = asObject(connector);
          if (c.pricingPlanId === undefined || c.pricingPlanId === null) return;
          usage.connectors.push({
            label: `${usage.name.split(" “")[0]} EVSE ${text(e.evseId)} connector ${text(c.connectorId)}`,
            ref: index.resolve("PricingPlan", c.pricingPlanId, deps.evses),
          });
        });
      });
    }
    out.push(usage);
  }
  return out;
}

/** The plan a location or charger charges with: its own, else (chargers) its location's. */
function effective(u: Usage, all: Usage[]): Ref {
  if (u.direct || u.resource.kind === "Location") return u.direct;
  const loc = u.location && "urn" in u.location ? all.find((l) => l.resource.urn === (u.location as { urn: string }).urn) : undefined;
  return loc?.direct;
}

function usersOf(planUrn: string, all: Usage[]): PlanUsers {
  const users: PlanUsers = { locations: [], chargers: [], connectors: [], unknown: 0 };
  const is = (ref: Ref) => !!ref && "urn" in ref && ref.urn === planUrn;
  for (const u of all) {
    if (u.resource.kind === "Location" && is(u.direct)) users.locations.push(u.name);
    if (u.resource.kind === "Charger") {
      if (is(u.direct)) users.chargers.push(`${u.name} (own plan)`);
      else if (!u.direct && is(effective(u, all))) users.chargers.push(u.name);
    }
    for (const c of u.connectors) if (is(c.ref)) users.connectors.push(c.label);
  }
  for (const list of [users.locations, users.chargers, users.connectors]) list.sort((a, b) => a.localeCompare(b));
  return users;
}

// ---------------------------------------------------------------- the review

const PLAN_OPS: Record<string, PlanOp | undefined> = { create: "create", update: "update", replace: "replace", delete: "delete", import: "import" };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function reviewPricing(preview: Preview, options: ReviewOptions = {}): PricingReview {
  const maxIncrease = options.maxIncreasePercent ?? 10;
  const index = new StackIndex(preview);
  const newUsage = usages(index, "new");
  const oldUsage = usages(index, "old");
  const warnings: Warning[] = [];
  const plans: PlanReview[] = [];
  const unresolved = newUsage.reduce((n, u) => n + [u.direct, ...u.connectors.map((c) => c.ref)].filter((ref) => !!ref && "unknown" in ref).length, 0);

  for (const r of preview.resources) {
    if (r.kind !== "PricingPlan") continue;
    const op = PLAN_OPS[r.op];
    if (!op) continue;
    const o = planFields(r.old, true);
    const n = planFields(r.new, false);
    const current = op === "delete" ? o : n;
    const name = text(current.name ?? o.name);
    const currencyChanged = op === "replace" && o.currency !== n.currency;
    let rows: PriceRow[];
    let other: string[];
    if (op === "update" || op === "replace") {
      const result = priceRows(o.elements, n.elements, !currencyChanged);
      rows = result.rows;
      other = otherChanges(o, n);
      if (result.reordered) other.push("The order of the time windows changed (the first window that matches applies)");
    } else {
      rows = priceRows(op === "delete" ? current.elements : [], op === "delete" ? [] : current.elements).rows;
      other = newPlanDetails(current);
    }
    const users = usersOf(r.urn, newUsage);
    if (op === "create" || op === "replace") users.unknown = unresolved;
    const gaps = op === "delete" ? [] : (coverageGaps(n.elements) ?? []);
    const plan: PlanReview = {
      urn: r.urn,
      name,
      op,
      currencyBefore: op === "replace" || op === "update" ? o.currency : undefined,
      currency: current.currency,
      rows,
      other,
      users,
      gaps,
      replaceReasons: r.replaceReasons,
      usersIncomplete: preview.unchangedOmitted,
    };
    plans.push(plan);

    for (const row of rows) {
      if (row.status !== "changed" || !row.old || !row.new) continue;
      const worst = Math.max(row.percent ?? -Infinity, row.percentInclVat ?? -Infinity);
      if (worst > maxIncrease) {
        const label = row.charge.split(",")[0].toLowerCase();
        const pct = (p: number) => (p === Infinity ? "from zero" : `by ${Math.abs(p).toFixed(1)}%`);
        const by = row.percentInclVat !== undefined && row.percentInclVat > (row.percent ?? -Infinity) ? `${pct(row.percentInclVat)} incl. VAT` : pct(row.percent!);
        warnings.push({
          kind: "increase",
          plan: name,
          message: `**${name}**: ${label} ${row.when} goes up ${by} (${money(row.old.price, o.currency)} → ${money(row.new.price, n.currency)} ${unitOf(row.new.type)} excl. VAT, VAT ${vatText(row.new.vat)}), more than the ${maxIncrease}% limit.`,
        });
      }
    }
    if (op === "delete") {
      const count = users.locations.length + users.chargers.filter((c) => c.endsWith("(own plan)")).length + users.connectors.length;
      if (count > 0) {
        const who = [
          ...users.locations.map((l) => `location ${l}`),
          ...users.chargers.filter((c) => c.endsWith("(own plan)")).map((c) => `charger ${c.replace(/ \(own plan\)$/, "")}`),
          ...users.connectors.map((c) => `connector ${c}`),
        ];
        warnings.push({
          kind: "deleted-in-use",
          plan: name,
          message: `**${name}** is deleted but still used by ${who.join(", ")}. The API refuses to delete a plan in use (409 pricing_plan_in_use): move them to another plan first.`,
        });
      }
    }
    if (gaps.length > 0) {
      warnings.push({
        kind: "coverage",
        plan: name,
        message: `**${name}** has no energy, time or session price ${gaps.join("; ")}: no window applies to every session then.`,
      });
    }
  }

  // Locations and chargers that stay in the stack but charge with another plan.
  const switches: Switch[] = [];
  for (const u of newUsage) {
    if (u.resource.op === "create") continue;
    const before = oldUsage.find((x) => x.resource.urn === u.resource.urn);
    if (!before) continue;
    const from = effective(before, oldUsage);
    const to = effective(u, newUsage);
    if (to && "unknown" in to) continue;
    // A replaced plan keeps its URN: its users move with it and do not switch.
    if (refKey(from) === refKey(to)) continue;
    switches.push({
      kind: u.resource.kind === "Location" ? "location" : "charger",
      name: u.name,
      from: index.planName(from, "old"),
      to: index.planName(to, "new"),
    });
  }

  switches.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  for (const e of preview.errors) {
    warnings.push({ kind: "preview-error", message: `The preview reported an error, so this review may be incomplete: ${e.split("\n").filter(Boolean).slice(0, 3).join(" ")}` });
  }

  const order: PlanOp[] = ["update", "replace", "create", "import", "delete"];
  plans.sort((a, b) => order.indexOf(a.op) - order.indexOf(b.op) || a.name.localeCompare(b.name));

  const notes: string[] = [];
  const hasChanges = plans.length > 0 || switches.length > 0;
  if (hasChanges && preview.unchangedOmitted) {
    notes.push("Unchanged locations and chargers are not in this preview, so the users listed may be incomplete: run `pulumi preview --json --show-sames`.");
  }

  return { summary: summarize(plans, switches, warnings, hasChanges), plans, switches, warnings, notes, hasChanges, maxIncreasePercent: maxIncrease };
}

function summarize(plans: PlanReview[], switches: Switch[], warnings: Warning[], hasChanges: boolean): string {
  if (!hasChanges) return warnings.length > 0 ? `No pricing changes. ⚠️ ${plural(warnings.length, "warning")}.` : "No pricing changes.";
  const parts: string[] = [];
  const updated = plans.filter((p) => p.op === "update");
  if (updated.length > 0) {
    const changed = updated.flatMap((p) => p.rows).filter((r) => r.status === "changed" && r.percent !== undefined);
    const up = changed.filter((r) => r.percent! > 0 || (r.percentInclVat ?? 0) > 0);
    const down = changed.filter((r) => r.percent! < 0 && (r.percentInclVat ?? r.percent!) <= 0);
    const added = updated.flatMap((p) => p.rows).filter((r) => r.status === "added").length;
    const removed = updated.flatMap((p) => p.rows).filter((r) => r.status === "removed").length;
    const details: string[] = [];
    if (up.length > 0) details.push(`${plural(up.length, "price")} up, max ${formatPercent(Math.max(...up.map((r) => Math.max(r.percent!, r.percentInclVat ?? -Infinity))))}`);
    if (down.length > 0) details.push(`${plural(down.length, "price")} down, max ${formatPercent(Math.min(...down.map((r) => r.percent!)))}`);
    if (added > 0) details.push(`${plural(added, "price")} added`);
    if (removed > 0) details.push(`${plural(removed, "price")} removed`);
    const otherOnly = details.length === 0 && changed.length === 0;
    if (otherOnly) details.push(updated.some((p) => p.other.length > 0 || p.rows.some((r) => r.status === "changed")) ? "no price change" : "no visible change");
    parts.push(`${plural(updated.length, "plan")} updated (${details.join("; ")})`);
  }
  const replaced = plans.filter((p) => p.op === "replace");
  if (replaced.length > 0) {
    const currencies = [...new Set(replaced.filter((p) => p.currencyBefore !== p.currency).map((p) => `currency ${text(p.currencyBefore)} → ${text(p.currency)}`))];
    parts.push(`${plural(replaced.length, "plan")} replaced${currencies.length > 0 ? ` (${currencies.join(", ")})` : ""}`);
  }
  const created = plans.filter((p) => p.op === "create").length;
  if (created > 0) parts.push(`${created} new ${created === 1 ? "plan" : "plans"}`);
  const imported = plans.filter((p) => p.op === "import").length;
  if (imported > 0) parts.push(`${plural(imported, "plan")} imported`);
  const deleted = plans.filter((p) => p.op === "delete").length;
  if (deleted > 0) parts.push(`${plural(deleted, "plan")} deleted`);
  const locs = switches.filter((s) => s.kind === "location").length;
  const chargers = switches.filter((s) => s.kind === "charger").length;
  if (locs > 0) parts.push(`${plural(locs, "location")} ${locs === 1 ? "switches" : "switch"} plan`);
  if (chargers > 0) parts.push(`${plural(chargers, "charger")} ${chargers === 1 ? "switches" : "switch"} plan`);
  const warn = warnings.length > 0 ? ` ⚠️ ${plural(warnings.length, "warning")}.` : "";
  return `Pricing changes: ${parts.join(", ")}.${warn}`;
}
