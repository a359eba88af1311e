import { createHash } from "node:crypto";
import type { Store, ChargerRecord } from "../store";
import { conflict, invalidParameter, notFound } from "../errors";
import { boolParam, exactFilter, enumFilter, listReply, type ListSpec } from "../list";
import { parseOrThrow } from "../validation/common";
import { parseChargerBody } from "../validation/create";
import { CHARGER_IMMUTABLE, CHARGER_READONLY, CHARGER_REQUIRED, chargerInput, type ChargerInput } from "../validation/charger";
import { checkImmutable, mergePatch } from "../validation/patch";
import { defined, ok, requirePricingPlan, type Handler } from "./context";

/** The API representation of a charger: never the authorization key, only `authorizationKeySet`. */
export function renderCharger(r: ChargerRecord): Record<string, unknown> {
  const { evses, ...rest } = r.input;
  return {
    id: r.id,
    ...defined(rest),
    enabled: r.input.enabled ?? true,
    evses: evses.map((e) => ({
      ...defined(e),
      connectors: e.connectors.map((c) => ({ ...defined(c), status: r.connectorStatus[`${e.evseId}.${c.connectorId}`] ?? "Available" })),
    })),
    authorizationKeySet: r.authorizationKeyHash !== null,
    connectionStatus: r.connectionStatus,
    lastHeartbeatAt: r.lastHeartbeatAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Finds a charger or throws 404. */
export function findCharger(store: Store, id: string): ChargerRecord {
  const r = store.chargers.get(id);
  if (!r) throw notFound("Charger", id);
  return r;
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Checks the references of a validated charger input (location and pricing plans). */
function checkReferences(store: Store, input: ChargerInput): void {
  if (!store.locations.has(input.locationId)) {
    throw invalidParameter("locationId", `Field 'locationId': location '${input.locationId}' does not exist.`);
  }
  requirePricingPlan(store, input.pricingPlanId, "pricingPlanId");
  input.evses.forEach((e, i) =>
    e.connectors.forEach((c, j) => requirePricingPlan(store, c.pricingPlanId, `evses[${i}].connectors[${j}].pricingPlanId`)),
  );
}

const spec: ListSpec<ChargerRecord> = {
  filters: {
    locationId: exactFilter((r) => r.input.locationId),
    ocppIdentity: { parse: (raw) => raw.toUpperCase(), match: (r, v) => r.input.ocppIdentity === v },
    status: enumFilter(["NEVER_CONNECTED", "CONNECTED", "DISCONNECTED"], (r) => r.connectionStatus),
    enabled: { parse: boolParam, match: (r, v) => (r.input.enabled ?? true) === v },
  },
  sorts: {
    ocppIdentity: (r) => r.input.ocppIdentity,
    name: (r) => r.input.name ?? "",
    createdAt: (r) => r.createdAt,
    updatedAt: (r) => r.updatedAt,
  },
  time: (r) => r.createdAt,
};

/** `GET /v1/chargers` */
export const listChargers: Handler = ({ store, query }) => listReply(store.chargers.values(), query, spec, renderCharger);

/** `GET /v1/chargers/{id}` */
export const getCharger: Handler = ({ store, params }) => ok(renderCharger(findCharger(store, params.id)));

/** `POST /v1/chargers` */
export const createCharger: Handler = ({ store, body }) => {
  const { authorizationKey, ...input } = parseChargerBody(body);
  checkReferences(store, { ...input });
  for (const c of store.chargers.values()) {
    if (c.input.ocppIdentity === input.ocppIdentity) {
      throw conflict("duplicate_ocpp_identity", `A charger with ocppIdentity '${input.ocppIdentity}' already exists (charger '${c.id}').`, "ocppIdentity");
    }
  }
  const r: ChargerRecord = {
    ...store.newMeta(store.nextChargerIdString()),
    input,
    authorizationKeyHash: authorizationKey === undefined ? null : hashKey(authorizationKey),
    connectionStatus: "NEVER_CONNECTED",
    lastHeartbeatAt: null,
    connectorStatus: {},
  };
  store.chargers.set(r.id, r);
  store.changed();
  return ok(renderCharger(r), 201);
};

/** `PATCH /v1/chargers/{id}` */
export const updateCharger: Handler = ({ store, params, body }) => {
  const r = findCharger(store, params.id);
  const merged = mergePatch(r.input, body, { readonly: CHARGER_READONLY, required: CHARGER_REQUIRED });
  const { authorizationKey, ...input } = parseOrThrow(chargerInput, merged);
  checkImmutable(r.input, input, body, CHARGER_IMMUTABLE);
  checkReferences(store, input);
  if (authorizationKey !== undefined) r.authorizationKeyHash = hashKey(authorizationKey);
  else if (body.authorizationKey === null) r.authorizationKeyHash = null;
  const keep = new Set(input.evses.flatMap((e) => e.connectors.map((c) => `${e.evseId}.${c.connectorId}`)));
  r.connectorStatus = Object.fromEntries(Object.entries(r.connectorStatus).filter(([k]) => keep.has(k)));
  r.input = input;
  r.updatedAt = new Date().toISOString();
  store.changed();
  return ok(renderCharger(r));
};

/** `DELETE /v1/chargers/{id}` */
export const deleteCharger: Handler = ({ store, params }) => {
  const r = findCharger(store, params.id);
  const active = [...store.sessions.values()].find((s) => s.chargerId === r.id && s.status === "ACTIVE");
  if (active) throw conflict("charger_in_use", `Charger '${r.id}' has an active session ('${active.id}'); stop it first.`);
  store.chargers.delete(r.id);
  store.changed();
  return { status: 204 };
};
