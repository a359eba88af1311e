import { defineCollection } from "../collection/collection";
import type { LocationRecord } from "../store";
import type { Reference } from "../collection/kind";
import { defined } from "../resources/context";
import { exactFilter, enumFilter } from "../list";
import { renderBooking } from "../validation/booking";
import { parseLocationBody } from "../validation/create";
import { ACCESS_TYPES, LOCATION_READONLY, LOCATION_REQUIRED, locationInput, type LocationInput } from "../validation/location";

/** The ids a location holds: its default plan, the teams that may charge and the plan of booked sessions. */
function references(input: LocationInput, id: string): Reference[] {
  const refs: Reference[] = [];
  if (input.pricingPlanId !== undefined) refs.push({ to: "pricingPlans", id: input.pricingPlanId, field: "pricingPlanId" });
  (input.teamIds ?? []).forEach((id, i) => refs.push({ to: "teams", id, field: `teamIds[${i}]` }));
  if (input.booking?.pricingPlanId !== undefined) {
    refs.push({ to: "pricingPlans", id: input.booking.pricingPlanId, field: "booking.pricingPlanId", holder: `location '${id}' (booking.pricingPlanId)` });
  }
  return refs;
}

/** `/v1/locations`. */
export const locations = defineCollection<LocationInput, LocationRecord>({
  noun: "Location",
  path: "/v1/locations",
  collection: "locations",
  records: (store) => store.locations,
  scopes: { read: "locations:read", write: "locations:write" },
  newId: (store) => store.opaqueId("loc", store.locations),
  parseCreate: parseLocationBody,
  schema: locationInput,
  readonly: LOCATION_READONLY,
  required: LOCATION_REQUIRED,
  references,
  inUse: {
    code: "location_in_use",
    message: (id, holders) => `Location '${id}' still has ${holders.length} charger(s); move or delete them first.`,
  },
  list: {
    filters: {
      name: exactFilter((r) => r.input.name),
      accessType: enumFilter(ACCESS_TYPES, (r) => r.input.accessType),
      country: exactFilter((r) => r.input.address.country),
    },
    sorts: { name: (r) => r.input.name, createdAt: (r) => r.createdAt, updatedAt: (r) => r.updatedAt },
    time: (r) => r.createdAt,
  },
  create: (meta, input) => ({ ...meta, input }),
  render: (store, r) => ({
    id: r.id,
    ...defined(r.input),
    chargingWhenClosed: r.input.chargingWhenClosed ?? true,
    ...(r.input.booking === undefined ? {} : { booking: renderBooking(r.input.booking) }),
    chargerCount: [...store.chargers.values()].filter((c) => c.input.locationId === r.id).length,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
});
