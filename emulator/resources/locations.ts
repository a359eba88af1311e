import type { Store, LocationRecord } from "../store";
import { conflict, notFound } from "../errors";
import { exactFilter, enumFilter, listReply, type ListSpec } from "../list";
import { parseOrThrow } from "../validation/common";
import { parseLocationBody } from "../validation/create";
import { ACCESS_TYPES, LOCATION_READONLY, LOCATION_REQUIRED, locationInput } from "../validation/location";
import { mergePatch } from "../validation/patch";
import { defined, ok, requirePricingPlan, requireTeams, type Handler } from "./context";

/** The API representation of a location. */
export function renderLocation(store: Store, r: LocationRecord): Record<string, unknown> {
  let chargerCount = 0;
  for (const c of store.chargers.values()) if (c.input.locationId === r.id) chargerCount++;
  return {
    id: r.id,
    ...defined(r.input),
    chargingWhenClosed: r.input.chargingWhenClosed ?? true,
    chargerCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function find(store: Store, id: string): LocationRecord {
  const r = store.locations.get(id);
  if (!r) throw notFound("Location", id);
  return r;
}

const spec: ListSpec<LocationRecord> = {
  filters: {
    name: exactFilter((r) => r.input.name),
    accessType: enumFilter(ACCESS_TYPES, (r) => r.input.accessType),
    country: exactFilter((r) => r.input.address.country),
  },
  sorts: { name: (r) => r.input.name, createdAt: (r) => r.createdAt, updatedAt: (r) => r.updatedAt },
  time: (r) => r.createdAt,
};

/** `GET /v1/locations` */
export const listLocations: Handler = ({ store, query }) =>
  listReply(store.locations.values(), query, spec, (r) => renderLocation(store, r));

/** `GET /v1/locations/{id}` */
export const getLocation: Handler = ({ store, params }) => ok(renderLocation(store, find(store, params.id)));

/** `POST /v1/locations` */
export const createLocation: Handler = ({ store, body }) => {
  const input = parseLocationBody(body);
  requirePricingPlan(store, input.pricingPlanId, "pricingPlanId");
  requireTeams(store, input.teamIds, "teamIds");
  const r: LocationRecord = { ...store.newMeta(store.opaqueId("loc", store.locations)), input };
  store.locations.set(r.id, r);
  store.changed();
  return ok(renderLocation(store, r), 201);
};

/** `PATCH /v1/locations/{id}` */
export const updateLocation: Handler = ({ store, params, body }) => {
  const r = find(store, params.id);
  const merged = mergePatch(r.input, body, { readonly: LOCATION_READONLY, required: LOCATION_REQUIRED });
  const input = parseOrThrow(locationInput, merged);
  requirePricingPlan(store, input.pricingPlanId, "pricingPlanId");
  requireTeams(store, input.teamIds, "teamIds");
  r.input = input;
  r.updatedAt = new Date().toISOString();
  store.changed();
  return ok(renderLocation(store, r));
};

/** `DELETE /v1/locations/{id}` */
export const deleteLocation: Handler = ({ store, params }) => {
  const r = find(store, params.id);
  const n = [...store.chargers.values()].filter((c) => c.input.locationId === r.id).length;
  if (n > 0) throw conflict("location_in_use", `Location '${r.id}' still has ${n} charger(s); move or delete them first.`);
  store.locations.delete(r.id);
  store.changed();
  return { status: 204 };
};
