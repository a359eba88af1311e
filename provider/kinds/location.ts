import type { ApiAccess } from "../client/api-access";
import type { ListParamsBase } from "../client/pagination";
import { LocationInputSchema, LocationServerSchema, type Location } from "../schemas/location";
import { defineKind } from "./kind";

/** List parameters of locations. */
export interface LocationListParams extends ListParamsBase<"name" | "createdAt" | "updatedAt"> {
  name?: string;
  accessType?: Location["accessType"];
  /** ISO 3166-1 alpha-3 country of the address. */
  country?: string;
}

/** A charging site (`/v1/locations`). */
export const locationKind = defineKind<Location, LocationListParams>()({
  type: "Location",
  noun: "location",
  endpoint: "locations",
  path: "/v1/locations",
  scope: "locations",
  scanSort: "createdAt",
  inputSchema: LocationInputSchema,
  serverSchema: LocationServerSchema,
  replaceOnChanges: [],
  writeOnly: [],
  volatile: ["createdAt", "updatedAt", "chargerCount"],
  conflicts: { inUse: "location_in_use" },
  nameField: "name",
  async describeUsers(id: string, api: ApiAccess): Promise<string | undefined> {
    const names: string[] = [];
    for await (const charger of api.chargers.list({ locationId: id, limit: 100 })) {
      names.push(`${charger.id} (${charger.ocppIdentity})`);
      if (names.length === 10) break;
    }
    return names.length ? `Chargers still at this location: ${names.join(", ")}; move or delete them first` : undefined;
  },
});
