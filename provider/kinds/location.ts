import { LocationInputSchema, LocationServerSchema } from "../schemas/location";
import type { ResourceKind } from "../dynamic/kind";

export const locationKind: ResourceKind = {
  type: "Location",
  noun: "location",
  endpoint: "locations",
  inputSchema: LocationInputSchema,
  serverSchema: LocationServerSchema,
  replaceOnChanges: [],
  writeOnly: [],
  volatile: ["createdAt", "updatedAt", "chargerCount"],
  async describeUsers(id, api) {
    const names: string[] = [];
    for await (const charger of api.chargers.list({ locationId: id, limit: 100 })) {
      names.push(`${charger.id} (${charger.ocppIdentity})`);
      if (names.length === 10) break;
    }
    return names.length ? `Chargers still at this location: ${names.join(", ")}; move or delete them first` : undefined;
  },
};
