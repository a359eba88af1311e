import { defineCollection } from "../collection/collection";
import { conflict } from "../errors";
import { enumFilter } from "../list";
import type { AdminRecord } from "../store";
import { ADMIN_IMMUTABLE, ADMIN_READONLY, ADMIN_REQUIRED, ADMIN_STATUSES, adminInput, type AdminInput } from "../validation/admin";
import { parseAdminBody } from "../validation/create";

/**
 * `/v1/admins`: people who may sign in to the dashboard. A create sends one
 * invitation (recorded in `store.invitations`; an idempotent replay never reaches
 * the handler, so it sends none); `status` and `lastSignInAt` change only when the
 * person signs in (`POST /_emulator/admins/{id}/sign-in`).
 */
export const admins = defineCollection<AdminInput, AdminRecord>({
  noun: "Admin",
  path: "/v1/admins",
  collection: "admins",
  records: (store) => store.admins,
  scopes: { read: "admins:read", write: "admins:write" },
  newId: (store) => store.opaqueId("adm", store.admins),
  parseCreate: parseAdminBody,
  schema: adminInput,
  readonly: ADMIN_READONLY,
  required: ADMIN_REQUIRED,
  immutable: ADMIN_IMMUTABLE,
  unique: [
    {
      field: "email",
      code: "duplicate_admin_email",
      key: (input) => input.email,
      message: (input, existing) => `An admin with email '${input.email}' already exists (admin '${existing}').`,
    },
  ],
  deleteBlocker: (_store, r, caller) =>
    caller.ownerEmail === r.input.email
      ? conflict("admin_owns_token", `Admin '${r.id}' owns the token of this request; delete it with another admin's token.`)
      : undefined,
  list: {
    filters: {
      email: { parse: (raw) => raw.toLowerCase(), match: (r, v) => r.input.email === v },
      status: enumFilter(ADMIN_STATUSES, (r) => r.status),
    },
    sorts: { email: (r) => r.input.email, createdAt: (r) => r.createdAt, updatedAt: (r) => r.updatedAt },
    time: (r) => r.createdAt,
  },
  create: (meta, input) => ({ ...meta, input, status: "INVITED", invitedAt: meta.createdAt, lastSignInAt: null }),
  afterCreate: (store, r) => {
    store.invitations.push({ adminId: r.id, email: r.input.email, sentAt: r.invitedAt });
  },
  render: (_store, r) => ({
    id: r.id,
    email: r.input.email,
    ...(r.input.name === undefined ? {} : { name: r.input.name }),
    permissions: r.input.permissions,
    status: r.status,
    invitedAt: r.invitedAt,
    lastSignInAt: r.lastSignInAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
});
