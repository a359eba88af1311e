import type { Store, PricingPlanRecord } from "../store";
import { conflict, notFound } from "../errors";
import { exactFilter, listReply, type ListSpec } from "../list";
import { parseOrThrow } from "../validation/common";
import { parsePricingPlanBody } from "../validation/create";
import { PRICING_PLAN_IMMUTABLE, PRICING_PLAN_READONLY, PRICING_PLAN_REQUIRED, pricingPlanInput } from "../validation/pricing-plan";
import { checkImmutable, mergePatch } from "../validation/patch";
import { ok, type Handler } from "./context";

/** The API representation of a pricing plan (decimals with exactly 4 places). */
export function renderPricingPlan(r: PricingPlanRecord): Record<string, unknown> {
  return { id: r.id, ...JSON.parse(JSON.stringify(r.input)), createdAt: r.createdAt, updatedAt: r.updatedAt };
}

function find(store: Store, id: string): PricingPlanRecord {
  const r = store.pricingPlans.get(id);
  if (!r) throw notFound("Pricing plan", id);
  return r;
}

/** Describes who references a plan, or `undefined` when nobody does. */
function referencedBy(store: Store, id: string): string | undefined {
  for (const l of store.locations.values()) if (l.input.pricingPlanId === id) return `location '${l.id}'`;
  for (const c of store.chargers.values()) {
    if (c.input.pricingPlanId === id) return `charger '${c.id}'`;
    for (const e of c.input.evses) {
      for (const k of e.connectors) if (k.pricingPlanId === id) return `connector '${c.id}.${e.evseId}.${k.connectorId}'`;
    }
  }
  return undefined;
}

const spec: ListSpec<PricingPlanRecord> = {
  filters: { name: exactFilter((r) => r.input.name), currency: exactFilter((r) => r.input.currency) },
  sorts: { name: (r) => r.input.name, createdAt: (r) => r.createdAt, updatedAt: (r) => r.updatedAt },
  time: (r) => r.createdAt,
};

/** `GET /v1/pricing-plans` */
export const listPricingPlans: Handler = ({ store, query }) => listReply(store.pricingPlans.values(), query, spec, renderPricingPlan);

/** `GET /v1/pricing-plans/{id}` */
export const getPricingPlan: Handler = ({ store, params }) => ok(renderPricingPlan(find(store, params.id)));

/** `POST /v1/pricing-plans` */
export const createPricingPlan: Handler = ({ store, body }) => {
  const input = parsePricingPlanBody(body);
  const r: PricingPlanRecord = { ...store.newMeta(store.opaqueId("pp", store.pricingPlans)), input };
  store.pricingPlans.set(r.id, r);
  store.changed();
  return ok(renderPricingPlan(r), 201);
};

/** `PATCH /v1/pricing-plans/{id}` */
export const updatePricingPlan: Handler = ({ store, params, body }) => {
  const r = find(store, params.id);
  const merged = mergePatch(r.input, body, { readonly: PRICING_PLAN_READONLY, required: PRICING_PLAN_REQUIRED });
  const input = parseOrThrow(pricingPlanInput, merged);
  checkImmutable(r.input, input, body, PRICING_PLAN_IMMUTABLE);
  r.input = input;
  r.updatedAt = new Date().toISOString();
  store.changed();
  return ok(renderPricingPlan(r));
};

/** `DELETE /v1/pricing-plans/{id}` */
export const deletePricingPlan: Handler = ({ store, params }) => {
  const r = find(store, params.id);
  const by = referencedBy(store, r.id);
  if (by) throw conflict("pricing_plan_in_use", `Pricing plan '${r.id}' is used by ${by}.`);
  store.pricingPlans.delete(r.id);
  store.changed();
  return { status: 204 };
};
