import type { ApiAccess } from "../client/api-access";
import type { ListParamsBase } from "../client/pagination";
import * as adminSchemas from "../schemas/admin";
import { AdminInputSchema, AdminServerSchema, type Admin } from "../schemas/admin";
import { defineKind } from "./kind";

/** List parameters of admins. */
export interface AdminListParams extends ListParamsBase<"email" | "createdAt" | "updatedAt"> {
  /** Only the admin with this e-mail address (case-insensitive). */
  email?: string;
  /** Only admins with this status: `INVITED` or `ACTIVE`. */
  status?: string;
}

/** A person who may sign in to the operator's dashboard and API, with per-page permissions (`/v1/admins`). */
export const adminKind = defineKind<Admin, AdminListParams>()({
  type: "Admin",
  noun: "dashboard admin",
  endpoint: "admins",
  path: "/v1/admins",
  scope: "admins",
  scanSort: "createdAt",
  inputSchema: AdminInputSchema,
  serverSchema: AdminServerSchema,
  schemaModule: adminSchemas,
  replaceOnChanges: ["email"],
  writeOnly: [],
  volatile: ["createdAt", "updatedAt", "status", "lastSignInAt"],
  naturalKey: "email",
  conflicts: { duplicate: "duplicate_admin_email", inUse: "admin_owns_token" },
  nameField: "email",
  async describeUsers(_id: string, _api: ApiAccess): Promise<string | undefined> {
    return "The API token this stack uses belongs to this admin, and an admin cannot delete themself: run the delete with another admin's token (eosvolt:token)";
  },
});
