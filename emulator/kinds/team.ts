import { defineCollection } from "../collection/collection";
import type { TeamRecord } from "../store";
import { defined } from "../resources/context";
import { parseTeamBody } from "../validation/create";
import { TEAM_READONLY, TEAM_REQUIRED, teamInput, type TeamInput } from "../validation/team";

/** `/v1/teams`: names unique case-insensitively; named by locations' `teamIds`. */
export const teams = defineCollection<TeamInput, TeamRecord>({
  noun: "Team",
  path: "/v1/teams",
  collection: "teams",
  records: (store) => store.teams,
  scopes: { read: "teams:read", write: "teams:write" },
  newId: (store) => store.opaqueId("team", store.teams),
  parseCreate: parseTeamBody,
  schema: teamInput,
  readonly: TEAM_READONLY,
  required: TEAM_REQUIRED,
  unique: [
    {
      field: "name",
      code: "duplicate_team_name",
      key: (input) => input.name.toLowerCase(),
      message: (input, existing) => `A team named '${input.name}' already exists (team '${existing}').`,
    },
  ],
  inUse: {
    code: "team_in_use",
    message: (id, holders) => `Team '${id}' is named by ${holders[0].label}; remove it from teamIds first.`,
  },
  list: {
    filters: { name: { match: (r, v: string) => r.input.name.toLowerCase() === v.toLowerCase() } },
    sorts: { name: (r) => r.input.name, createdAt: (r) => r.createdAt, updatedAt: (r) => r.updatedAt },
    time: (r) => r.createdAt,
  },
  create: (meta, input) => ({ ...meta, input }),
  render: (_store, r) => ({
    id: r.id,
    ...defined(r.input),
    chargeKeys: r.input.chargeKeys ?? [],
    billing: r.input.billing ?? "IN_APP",
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
});
