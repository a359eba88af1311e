import { createHash } from "node:crypto";
import { defineCollection } from "../collection/collection";
import type { Reference } from "../collection/kind";
import { conflict } from "../errors";
import { boolParam, exactFilter, enumFilter } from "../list";
import { defined } from "../resources/context";
import type { ChargerRecord } from "../store";
import { parseChargerBody } from "../validation/create";
import { CHARGER_IMMUTABLE, CHARGER_READONLY, CHARGER_REQUIRED, chargerInput, type ChargerInput } from "../validation/charger";

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The ids a charger holds: its location, its plan and its connectors' plans. */
function references(input: ChargerRecord["input"], id: string): Reference[] {
  const refs: Reference[] = [{ to: "locations", id: input.locationId, field: "locationId" }];
  if (input.pricingPlanId !== undefined) refs.push({ to: "pricingPlans", id: input.pricingPlanId, field: "pricingPlanId" });
  input.evses.forEach((e, i) =>
    e.connectors.forEach((c, j) => {
      if (c.pricingPlanId === undefined) return;
      const holder = `connector '${id}.${e.evseId}.${c.connectorId}'`;
      refs.push({ to: "pricingPlans", id: c.pricingPlanId, field: `evses[${i}].connectors[${j}].pricingPlanId`, holder });
    }),
  );
  return refs;
}

/** The stored part of a validated body: never the authorization key itself. */
function withoutKey(input: ChargerInput): ChargerRecord["input"] {
  const { authorizationKey: _key, ...rest } = input;
  return rest;
}

/** `/v1/chargers`: decimal ids, `ocppIdentity` unique and immutable, the authorization key kept only as a hash. */
export const chargers = defineCollection<ChargerInput, ChargerRecord>({
  noun: "Charger",
  path: "/v1/chargers",
  collection: "chargers",
  records: (store) => store.chargers,
  scopes: { read: "chargers:read", write: "chargers:write" },
  newId: (store) => store.nextChargerIdString(),
  parseCreate: parseChargerBody,
  schema: chargerInput,
  readonly: CHARGER_READONLY,
  required: CHARGER_REQUIRED,
  immutable: CHARGER_IMMUTABLE,
  unique: [
    {
      field: "ocppIdentity",
      code: "duplicate_ocpp_identity",
      key: (input) => input.ocppIdentity,
      message: (input, existing) => `A charger with ocppIdentity '${input.ocppIdentity}' already exists (charger '${existing}').`,
    },
  ],
  references,
  deleteBlocker: (store, r) => {
    const active = [...store.sessions.values()].find((s) => s.chargerId === r.id && s.status === "ACTIVE");
    return active && conflict("charger_in_use", `Charger '${r.id}' has an active session ('${active.id}'); stop it first.`);
  },
  list: {
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
  },
  create: (meta, input) => ({
    ...meta,
    input: withoutKey(input),
    authorizationKeyHash: input.authorizationKey === undefined ? null : hashKey(input.authorizationKey),
    connectionStatus: "NEVER_CONNECTED",
    lastHeartbeatAt: null,
    connectorStatus: {},
  }),
  update: (r, input, body) => {
    if (input.authorizationKey !== undefined) r.authorizationKeyHash = hashKey(input.authorizationKey);
    else if (body.authorizationKey === null) r.authorizationKeyHash = null;
    const keep = new Set(input.evses.flatMap((e) => e.connectors.map((c) => `${e.evseId}.${c.connectorId}`)));
    r.connectorStatus = Object.fromEntries(Object.entries(r.connectorStatus).filter(([k]) => keep.has(k)));
    r.input = withoutKey(input);
  },
  render: (_store, r) => {
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
  },
});
