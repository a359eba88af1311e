/**
 * What a plan's new prices would have done to the sessions it priced: every
 * completed session of the last `days` days (`client.sessions.history`) whose
 * `pricingPlanId` is an updated plan, re-priced under the plan as it is today
 * (the API's, the "old" prices) and under the program's new prices, with the
 * location's time zone, by the one pricer (`provider/money`). Data only;
 * `render.ts` writes it.
 */
import type { EosvoltClient } from "../../client/client";
import type { CompletedSession } from "../../schemas/session";
import { medianUnits, priceSessionUnits, requireUnits, type PriceUnits, type TariffPlan } from "../../money";
import type { PlanReview } from "../model";
import { SECRET, UNKNOWN, type Preview } from "../preview";

/** A session whose price changes, for the "changes most" table. */
export interface SessionChange {
  id: string;
  locationId: string;
  startedAt: string;
  energyWh: number;
  oldInclVat: bigint;
  newInclVat: bigint;
}

/** The impact of one updated plan. */
export interface PlanImpact {
  kind: "impact";
  urn: string;
  name: unknown;
  currency: string;
  sessions: number;
  energyWh: bigint;
  oldExclVat: bigint;
  newExclVat: bigint;
  oldMedianInclVat?: bigint;
  newMedianInclVat?: bigint;
  /** The 5 sessions whose price incl. VAT changes most (by the size of the change). */
  top: SessionChange[];
  /** Revenue excl. VAT per UTC day of `startedAt`, old and new, every day of the window. */
  daily: Array<{ day: string; old: bigint; new: bigint }>;
  /** Sessions billed under today's version of the plan, and how many of them re-price to exactly their bill. */
  reconciled: { matching: number; of: number };
  /** Sessions billed under an earlier version of the plan (another `tariffVersion`): re-priced, not reconciled. */
  earlierVersion: number;
}

/** A plan the impact does not cover, and why. */
export interface NoImpact {
  kind: "none";
  urn: string;
  name: unknown;
  reason: "new-plan" | "currency-change" | "deleted" | "unknown-prices" | "not-readable";
  detail?: string;
}

/** The impact section: the window and one entry per plan the preview changes. */
export interface ImpactReport {
  from: string;
  to: string;
  days: number;
  plans: Array<PlanImpact | NoImpact>;
}

/** Why the impact could not be computed at all (no token, no scope, the API failed). */
export interface ImpactUnavailable {
  unavailable: string;
}

function hasUnknown(value: unknown): boolean {
  if (value === UNKNOWN || value === SECRET) return true;
  if (Array.isArray(value)) return value.some(hasUnknown);
  if (value && typeof value === "object") return Object.values(value).some(hasUnknown);
  return false;
}

const byChange = (a: SessionChange) => {
  const d = a.newInclVat - a.oldInclVat;
  return d < 0n ? -d : d;
};

/** Accumulates one plan's sessions. */
class PlanTally {
  sessions = 0;
  energyWh = 0n;
  oldExcl = 0n;
  newExcl = 0n;
  oldIncl: bigint[] = [];
  newIncl: bigint[] = [];
  top: SessionChange[] = [];
  daily = new Map<string, { old: bigint; new: bigint }>();
  matching = 0;
  current = 0;
  earlier = 0;

  add(s: CompletedSession, old: PriceUnits, updated: PriceUnits, todaysVersion: boolean, matches: boolean): void {
    this.sessions += 1;
    this.energyWh += BigInt(s.energyWh);
    this.oldExcl += old.exclVat;
    this.newExcl += updated.exclVat;
    this.oldIncl.push(old.inclVat);
    this.newIncl.push(updated.inclVat);
    const day = new Date(Date.parse(s.startedAt)).toISOString().slice(0, 10);
    const d = this.daily.get(day) ?? { old: 0n, new: 0n };
    d.old += old.exclVat;
    d.new += updated.exclVat;
    this.daily.set(day, d);
    if (todaysVersion) {
      this.current += 1;
      if (matches) this.matching += 1;
    } else this.earlier += 1;
    const change: SessionChange = { id: s.id, locationId: s.locationId, startedAt: s.startedAt, energyWh: s.energyWh, oldInclVat: old.inclVat, newInclVat: updated.inclVat };
    if (this.top.length < 5 || byChange(change) > byChange(this.top[this.top.length - 1])) {
      this.top.push(change);
      this.top.sort((a, b) => {
        const x = byChange(a);
        const y = byChange(b);
        return x > y ? -1 : x < y ? 1 : a.id < b.id ? -1 : 1;
      });
      this.top.length = Math.min(this.top.length, 5);
    }
  }
}

/** Whether a re-price equals the bill to the last decimal: cost and every line. */
function sameAsBilled(s: CompletedSession, p: PriceUnits): boolean {
  if (requireUnits(s.cost.exclVat, "cost.exclVat") !== p.exclVat || requireUnits(s.cost.vat, "cost.vat") !== p.vat || requireUnits(s.cost.inclVat, "cost.inclVat") !== p.inclVat) return false;
  if (s.lines.length !== p.lines.length) return false;
  return s.lines.every((l, i) => {
    const m = p.lines[i];
    return (
      l.type === m.type &&
      l.elementIndex === m.elementIndex &&
      BigInt(l.billedAmount) === m.billedAmount &&
      requireUnits(l.exclVat, "exclVat") === m.exclVat &&
      requireUnits(l.vat, "vat") === m.vat
    );
  });
}

function days(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth(), new Date(from).getUTCDate()); t < to; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Options of {@link computeImpact}. */
export interface ImpactOptions {
  /** Days before `now` (default 30). */
  days?: number;
  /** The clock (ms). */
  now?: number;
}

/**
 * Re-prices the sessions of every plan the preview updates, over the last
 * `days` days. Plans created, replaced by another currency or deleted, and new
 * prices known only after apply, are listed with the reason they have no impact.
 * API errors (a token without the read scopes, …) propagate.
 */
export async function computeImpact(preview: Preview, plans: readonly PlanReview[], client: EosvoltClient, options: ImpactOptions = {}): Promise<ImpactReport> {
  const windowDays = options.days ?? 30;
  const to = options.now ?? Date.now();
  const from = to - windowDays * 86_400_000;
  const report: ImpactReport = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), days: windowDays, plans: [] };
  const targets = new Map<string, { review: PlanReview; old: TariffPlan & { updatedAt?: string }; updated: TariffPlan; tally: PlanTally; currency: string }>();
  for (const review of plans) {
    const change = preview.resources.find((r) => r.urn === review.urn);
    const base = { kind: "none" as const, urn: review.urn, name: review.name };
    if (review.op === "create" || review.op === "import") {
      report.plans.push({ ...base, reason: "new-plan" });
      continue;
    }
    if (review.op === "delete") {
      report.plans.push({ ...base, reason: "deleted" });
      continue;
    }
    if (review.op === "replace" && review.currencyBefore !== review.currency) {
      report.plans.push({ ...base, reason: "currency-change", detail: `${String(review.currencyBefore)} → ${String(review.currency)}` });
      continue;
    }
    const id = change?.old?.id;
    const inputs = change?.new?.inputs;
    if (typeof id !== "string" || !inputs || hasUnknown(inputs.elements) || hasUnknown(inputs.minPrice) || hasUnknown(inputs.maxPrice)) {
      report.plans.push({ ...base, reason: "unknown-prices" });
      continue;
    }
    const old: TariffPlan & { updatedAt?: string; currency: string } = await client.pricingPlans.get(id);
    const updated: TariffPlan = { elements: inputs.elements as TariffPlan["elements"], minPrice: inputs.minPrice as TariffPlan["minPrice"], maxPrice: inputs.maxPrice as TariffPlan["maxPrice"] };
    targets.set(id, { review, old, updated, tally: new PlanTally(), currency: old.currency });
  }
  if (targets.size > 0) {
    const zones = new Map<string, Promise<string>>();
    const zoneOf = (locationId: string) => {
      let z = zones.get(locationId);
      if (!z) {
        z = client.locations.get(locationId).then((l) => String(l.timeZone));
        zones.set(locationId, z);
      }
      return z;
    };
    for await (const s of client.sessions.history({ from: report.from, to: report.to })) {
      const target = targets.get(s.pricingPlanId);
      if (!target) continue;
      const zone = await zoneOf(s.locationId);
      const old = priceSessionUnits(target.old, s, zone);
      const updated = priceSessionUnits(target.updated, s, zone);
      const todaysVersion = s.tariffVersion != null && target.old.updatedAt !== undefined && Date.parse(s.tariffVersion) === Date.parse(target.old.updatedAt);
      target.tally.add(s, old, updated, todaysVersion, todaysVersion && sameAsBilled(s, old));
    }
  }
  const window = days(from, to);
  for (const { review, tally, currency } of targets.values()) {
    report.plans.push({
      kind: "impact",
      urn: review.urn,
      name: review.name,
      currency,
      sessions: tally.sessions,
      energyWh: tally.energyWh,
      oldExclVat: tally.oldExcl,
      newExclVat: tally.newExcl,
      oldMedianInclVat: medianUnits(tally.oldIncl),
      newMedianInclVat: medianUnits(tally.newIncl),
      top: tally.top,
      daily: window.map((day) => ({ day, old: tally.daily.get(day)?.old ?? 0n, new: tally.daily.get(day)?.new ?? 0n })),
      reconciled: { matching: tally.matching, of: tally.current },
      earlierVersion: tally.earlier,
    });
  }
  return report;
}
