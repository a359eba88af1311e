import type { ListParamsBase } from "../client/pagination";
import * as teamSchemas from "../schemas/team";
import { TeamInputSchema, TeamServerSchema, type Team } from "../schemas/team";
import { defineKind } from "./kind";

/** List parameters of teams. */
export interface TeamListParams extends ListParamsBase<"name" | "createdAt" | "updatedAt"> {
  /** Only the team with this name (case-insensitive). */
  name?: string;
}

/** A group of drivers by their charge keys; semi-public locations name the teams that may charge there (`/v1/teams`). */
export const teamKind = defineKind<Team, TeamListParams>()({
  type: "Team",
  noun: "team",
  endpoint: "teams",
  path: "/v1/teams",
  scope: "teams",
  scanSort: "createdAt",
  inputSchema: TeamInputSchema,
  serverSchema: TeamServerSchema,
  schemaModule: teamSchemas,
  replaceOnChanges: [],
  writeOnly: [],
  volatile: ["createdAt", "updatedAt"],
  naturalKey: "name",
  conflicts: { duplicate: "duplicate_team_name", inUse: "team_in_use" },
  nameField: "name",
});
