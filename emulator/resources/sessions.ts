import type { Store, SessionRecord } from "../store";
import { ApiError, conflict, invalidParameter, notFound } from "../errors";
import { listSessions as listWindow } from "../history/list-sessions";
import { renderSession } from "../history/record";
import { ok, type Handler } from "./context";

export { renderSession };

function find(store: Store, id: string): SessionRecord {
  const r = store.sessions.get(id);
  if (!r) throw notFound("Session", id);
  return r;
}

/** `GET /v1/sessions`: one window of `startedAt`, in `startedAt` order (see `history/list-sessions.ts`). */
export const listSessions: Handler = ({ store, query }) => listWindow(store, query);

/** `GET /v1/sessions/{id}` */
export const getSession: Handler = ({ store, params }) => ok(renderSession(find(store, params.id)));

/** `POST /v1/sessions/start` with `{ connectorId: "chargerId.evseId.connectorId" }` */
export const startSession: Handler = ({ store, body }) => {
  const ref = body.connectorId;
  if (ref === undefined || ref === null) {
    // The seed's example answer, byte for byte: no `field` key.
    throw new ApiError(400, "invalid_parameter", "Field 'connectorId' is required.");
  }
  for (const key of Object.keys(body)) {
    if (key !== "connectorId") throw invalidParameter(key, `Unknown field '${key}'.`);
  }
  if (typeof ref !== "string" || !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(ref)) {
    throw invalidParameter("connectorId", "Field 'connectorId' must look like 'chargerId.evseId.connectorId' (e.g. \"242.2.1\").");
  }
  const [chargerId, evseId, connectorId] = ref.split(".");
  const charger = store.chargers.get(chargerId);
  const evse = charger?.input.evses.find((e) => String(e.evseId) === evseId);
  const connector = evse?.connectors.find((c) => String(c.connectorId) === connectorId);
  if (!charger || !connector) throw notFound("Connector", ref);
  const key = `${evseId}.${connectorId}`;
  if (charger.input.enabled === false) throw conflict("connector_unavailable", `Charger '${chargerId}' is disabled.`);
  const status = charger.connectorStatus[key] ?? "Available";
  const busy = [...store.sessions.values()].some((s) => s.connectorId === ref && s.status === "ACTIVE");
  if (status !== "Available" || busy) throw conflict("connector_unavailable", `Connector '${ref}' is ${busy ? "Charging" : status}.`);
  const meta = store.newMeta(store.opaqueId("ses", store.sessions));
  const r: SessionRecord = {
    ...meta,
    connectorId: ref,
    chargerId,
    locationId: charger.input.locationId,
    status: "ACTIVE",
    startedAt: meta.createdAt,
    stoppedAt: null,
    energyWh: 0,
  };
  store.sessions.set(r.id, r);
  charger.connectorStatus[key] = "Charging";
  store.changed();
  return ok(renderSession(r), 201);
};

/** `POST /v1/sessions/{id}/stop` */
export const stopSession: Handler = ({ store, params, body }) => {
  for (const key of Object.keys(body)) throw invalidParameter(key, `Unknown field '${key}'.`);
  const r = find(store, params.id);
  if (r.status !== "ACTIVE") throw conflict("session_not_active", `Session '${r.id}' is ${r.status}, not ACTIVE.`);
  const now = new Date();
  const charger = store.chargers.get(r.chargerId);
  const [, evseId, connectorId] = r.connectorId.split(".");
  const connector = charger?.input.evses.find((e) => String(e.evseId) === evseId)?.connectors.find((c) => String(c.connectorId) === connectorId);
  const powerW = connector?.maxElectricPowerW ?? charger?.input.maxPowerW ?? 11_000;
  const seconds = (now.getTime() - Date.parse(r.startedAt)) / 1000;
  r.status = "COMPLETED";
  r.stoppedAt = now.toISOString();
  r.updatedAt = r.stoppedAt;
  r.energyWh = Math.max(1, Math.round((powerW * seconds) / 3600));
  if (charger && charger.connectorStatus[`${evseId}.${connectorId}`] === "Charging") {
    delete charger.connectorStatus[`${evseId}.${connectorId}`];
  }
  store.changed();
  return ok(renderSession(r));
};
