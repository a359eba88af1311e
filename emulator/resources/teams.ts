import type { Store, TeamRecord } from "../store";
import { conflict, notFound } from "../errors";
import { listReply, type ListSpec } from "../list";
import { parseOrThrow } from "../validation/common";
import { parseTeamBody } from "../validation/create";
import { TEAM_READONLY, TEAM_REQUIRED, teamInput, type TeamInput } from "../validation/team";
import { mergePatch } from "../validation/patch";
import { defined, ok, type Handler } from "./context";

/** The API representation of a team. */
export function renderTeam(r: TeamRecord): Record<string, unknown> {
  return {
    id: r.id,
    ...defined(r.input),
    chargeKeys: r.input.chargeKeys ?? [],
    billing: r.input.billing ?? "IN_APP",
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function find(store: Store, id: string): TeamRecord {
  const r = store.teams.get(id);
  if (!r) throw notFound("Team", id);
  return r;
}

/** Team names are unique in the account, case-insensitively. */
function checkUniqueName(store: Store, input: TeamInput, self?: string): void {
  for (const t of store.teams.values()) {
    if (t.id !== self && t.input.name.toLowerCase() === input.name.toLowerCase()) {
      throw conflict("duplicate_team_name", `A team named '${input.name}' already exists (team '${t.id}').`, "name");
    }
  }
}

const spec: ListSpec<TeamRecord> = {
  filters: { name: { match: (r, v: string) => r.input.name.toLowerCase() === v.toLowerCase() } },
  sorts: { name: (r) => r.input.name, createdAt: (r) => r.createdAt, updatedAt: (r) => r.updatedAt },
  time: (r) => r.createdAt,
};

/** `GET /v1/teams` */
export const listTeams: Handler = ({ store, query }) => listReply(store.teams.values(), query, spec, renderTeam);

/** `GET /v1/teams/{id}` */
export const getTeam: Handler = ({ store, params }) => ok(renderTeam(find(store, params.id)));

/** `POST /v1/teams` */
export const createTeam: Handler = ({ store, body }) => {
  const input = parseTeamBody(body);
  checkUniqueName(store, input);
  const r: TeamRecord = { ...store.newMeta(store.opaqueId("team", store.teams)), input };
  store.teams.set(r.id, r);
  store.changed();
  return ok(renderTeam(r), 201);
};

/** `PATCH /v1/teams/{id}` */
export const updateTeam: Handler = ({ store, params, body }) => {
  const r = find(store, params.id);
  const merged = mergePatch(r.input, body, { readonly: TEAM_READONLY, required: TEAM_REQUIRED });
  const input = parseOrThrow(teamInput, merged);
  checkUniqueName(store, input, r.id);
  r.input = input;
  r.updatedAt = new Date().toISOString();
  store.changed();
  return ok(renderTeam(r));
};

/** `DELETE /v1/teams/{id}`: refused while a location names the team. */
export const deleteTeam: Handler = ({ store, params }) => {
  const r = find(store, params.id);
  const user = [...store.locations.values()].find((l) => l.input.teamIds?.includes(r.id));
  if (user) throw conflict("team_in_use", `Team '${r.id}' is named by location '${user.id}'; remove it from teamIds first.`);
  store.teams.delete(r.id);
  store.changed();
  return { status: 204 };
};
