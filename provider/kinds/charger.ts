import { ChargerInputSchema, ChargerServerSchema, connectorRefs, type Charger } from "../schemas/charger";
import type { ResourceKind } from "../dynamic/kind";

export const chargerKind: ResourceKind = {
  type: "Charger",
  noun: "charger",
  endpoint: "chargers",
  inputSchema: ChargerInputSchema,
  serverSchema: ChargerServerSchema,
  replaceOnChanges: ["ocppIdentity"],
  writeOnly: ["authorizationKey"],
  volatile: ["createdAt", "updatedAt", "connectionStatus", "lastHeartbeatAt"],
  naturalKey: "ocppIdentity",
  derived: { connectorRefs: (object) => connectorRefs(object as unknown as Charger) },
  async describeUsers(id, api) {
    const sessions: string[] = [];
    for await (const session of api.sessions.list({ chargerId: id, status: "ACTIVE", limit: 100 })) {
      sessions.push(`${session.id} on connector ${session.connectorId}`);
    }
    return sessions.length
      ? `Active sessions: ${sessions.join(", ")}; the charger can be deleted once they stop (run the update again then)`
      : undefined;
  },
};
