import type { ApiAccess } from "../client/api-access";
import type { ListParamsBase } from "../client/pagination";
import { ChargerInputSchema, ChargerServerSchema, connectorRefs, type Charger } from "../schemas/charger";
import { defineKind } from "./kind";

/** List parameters of chargers. */
export interface ChargerListParams extends ListParamsBase<"ocppIdentity" | "name" | "createdAt" | "updatedAt"> {
  locationId?: string;
  ocppIdentity?: string;
  /** Connection status: `NEVER_CONNECTED`, `CONNECTED`, `DISCONNECTED`. */
  status?: string;
  enabled?: boolean;
}

/** An OCPP charge point (`/v1/chargers`). */
export const chargerKind = defineKind<Charger, ChargerListParams>()({
  type: "Charger",
  noun: "charger",
  endpoint: "chargers",
  path: "/v1/chargers",
  scope: "chargers",
  scanSort: "createdAt",
  inputSchema: ChargerInputSchema,
  serverSchema: ChargerServerSchema,
  replaceOnChanges: ["ocppIdentity"],
  writeOnly: ["authorizationKey"],
  volatile: ["createdAt", "updatedAt", "connectionStatus", "lastHeartbeatAt"],
  nestedVolatile: ["connector `status`"],
  naturalKey: "ocppIdentity",
  conflicts: { duplicate: "duplicate_ocpp_identity", inUse: "charger_in_use" },
  nameField: "ocppIdentity",
  derived: {
    connectorRefs: {
      doc: 'Connector references `chargerId.evseId.connectorId`, e.g. `["242.1.1", "242.2.1"]`.',
      compute: connectorRefs,
    },
  },
  async describeUsers(id: string, api: ApiAccess): Promise<string | undefined> {
    const sessions: string[] = [];
    for await (const session of api.sessions.list({ chargerId: id, status: "ACTIVE", limit: 100 })) {
      sessions.push(`${session.id} on connector ${session.connectorId}`);
    }
    return sessions.length
      ? `Active sessions: ${sessions.join(", ")}; the charger can be deleted once they stop (run the update again then)`
      : undefined;
  },
});
