/** Admins (`/v1/admins`): validation by dot path, 409s, scopes, one invitation per admin, token ownership and the live fields. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseArgs } from "../../emulator/cli";
import { expectError, startApi, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({
    tokens: { "dev-token": ["*"], other: ["*"], reader: ["admins:read"], pricing: ["pricing:read", "pricing:write"] },
    tokenOwners: { "dev-token": "Root@Example.com" },
  });
});
afterAll(async () => { await api.emu.close(); });
beforeEach(() => api.emu.reset());

const adminBody = (over: Record<string, unknown> = {}) => ({
  email: "Ada.Lovelace@Example.com",
  name: "Ada Lovelace",
  permissions: { pricing: ["export", "edit", "view"], dashboard: ["view"] },
  ...over,
});

async function admin(over: Record<string, unknown> = {}, token?: string) {
  const res = await api.call("POST", "/v1/admins", adminBody(over), { token });
  expect(res.status, res.text).toBe(201);
  return res.body.data;
}

async function control(method: string, path: string, body?: unknown) {
  const r = await fetch(`${api.emu.url}/_emulator${path}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

describe("admins", () => {
  it("creates an invited admin with the email lower-cased and each page's actions in canonical order; reads, patches, deletes", async () => {
    const a = await admin();
    expect(a.id).toMatch(/^adm_[a-z0-9]{6}$/);
    expect(a).toEqual({
      id: a.id,
      email: "ada.lovelace@example.com",
      name: "Ada Lovelace",
      permissions: { dashboard: ["view"], pricing: ["view", "edit", "export"] },
      status: "INVITED",
      invitedAt: a.createdAt,
      lastSignInAt: null,
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
    });
    expect((await api.call("GET", `/v1/admins/${a.id}`)).body.data).toEqual(a);

    const patched = await api.call("PATCH", `/v1/admins/${a.id}`, { permissions: { reports: ["view", "export"] }, name: null });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.data.permissions).toEqual({ reports: ["view", "export"] });
    expect(patched.body.data.name).toBeUndefined();
    expect(patched.body.data.email).toBe("ada.lovelace@example.com");

    expect((await api.call("DELETE", `/v1/admins/${a.id}`, undefined, { token: "other" })).status).toBe(204);
    expectError(await api.call("GET", `/v1/admins/${a.id}`), 404, "not_found");
  });

  it("takes every page and every action", async () => {
    const pages = ["dashboard", "locations", "chargers", "pricing", "sessions", "bookings", "teams", "customers", "reports", "admins"];
    const all = Object.fromEntries(pages.map((p) => [p, ["delete", "export", "add", "edit", "view"]]));
    const a = await admin({ permissions: all });
    expect(Object.keys(a.permissions).sort()).toEqual([...pages].sort());
    for (const p of pages) expect(a.permissions[p]).toEqual(["view", "add", "edit", "delete", "export"]);
    expect((await admin({ email: "nobody@example.com", permissions: {} })).permissions).toEqual({});
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ["no email", { email: undefined }, "email"],
    ["an email without @", { email: "ada.example.com" }, "email"],
    ["an email with two @", { email: "ada@lovelace@example.com" }, "email"],
    ["nothing after the @", { email: "ada@" }, "email"],
    ["an email of 255 characters", { email: `${"a".repeat(243)}@example.com` }, "email"],
    ["an email that is no string", { email: 42 }, "email"],
    ["a name of 256 characters", { name: "n".repeat(256) }, "name"],
    ["no permissions", { permissions: undefined }, "permissions"],
    ["permissions as a list", { permissions: ["pricing"] }, "permissions"],
    ["an unknown page", { permissions: { billing: ["view"] } }, "permissions.billing"],
    ["an unknown action", { permissions: { pricing: ["view", "approve"] } }, "permissions.pricing[1]"],
    ["an empty action list", { permissions: { pricing: [] } }, "permissions.pricing"],
    ["a duplicate action", { permissions: { pricing: ["view", "edit", "view"] } }, "permissions.pricing"],
    ["edit without view", { permissions: { pricing: ["edit"] } }, "permissions.pricing"],
    ["export without view", { permissions: { dashboard: ["view"], reports: ["export"] } }, "permissions.reports"],
    ["actions that are no list", { permissions: { pricing: "view" } }, "permissions.pricing"],
    ["a server-set status", { status: "ACTIVE" }, "status"],
    ["a server-set lastSignInAt", { lastSignInAt: "2026-01-01T00:00:00Z" }, "lastSignInAt"],
    ["a server-set invitedAt", { invitedAt: "2026-01-01T00:00:00Z" }, "invitedAt"],
    ["an id", { id: "adm_abcdef" }, "id"],
    ["an unknown field", { role: "owner" }, "role"],
  ];

  it.each(refused)("refuses %s, naming the field", async (_name, over, field) => {
    const body = Object.fromEntries(Object.entries(adminBody(over)).filter(([, v]) => v !== undefined));
    expectError(await api.call("POST", "/v1/admins", body), 400, "invalid_parameter", field);
    expect(api.emu.state().admins).toHaveLength(0);
    expect(api.emu.invitations()).toHaveLength(0);
  });

  it("applies the same rules to PATCH, refuses a new email (immutable) but takes the same one in another case", async () => {
    const a = await admin();
    expectError(await api.call("PATCH", `/v1/admins/${a.id}`, { permissions: { locations: ["add"] } }), 400, "invalid_parameter", "permissions.locations");
    expectError(await api.call("PATCH", `/v1/admins/${a.id}`, { permissions: null }), 400, "invalid_parameter", "permissions");
    expectError(await api.call("PATCH", `/v1/admins/${a.id}`, { status: "ACTIVE" }), 400, "invalid_parameter", "status");
    expectError(await api.call("PATCH", `/v1/admins/${a.id}`, { email: "grace@example.com" }), 400, "immutable_field", "email");
    const same = await api.call("PATCH", `/v1/admins/${a.id}`, { email: "ADA.LOVELACE@example.COM" });
    expect(same.status, same.text).toBe(200);
    expect(same.body.data.email).toBe("ada.lovelace@example.com");
    expect((await api.call("GET", `/v1/admins/${a.id}`)).body.data.permissions).toEqual(a.permissions);
  });

  it("refuses a second admin with the same email in any case: 409 duplicate_admin_email", async () => {
    const a = await admin();
    const body = expectError(await api.call("POST", "/v1/admins", adminBody({ email: "ADA.LOVELACE@EXAMPLE.COM" })), 409, "duplicate_admin_email", "email");
    expect(body.message).toContain(a.id);
    expect(api.emu.state().admins).toHaveLength(1);
    expect(api.emu.invitations()).toHaveLength(1);
  });

  it("sends one invitation per admin, even when the create is retried with the same Idempotency-Key after a lost answer", async () => {
    await control("POST", "/faults", { dropResponse: 1 });
    const key = { "Idempotency-Key": "create-ada" };
    await expect(api.call("POST", "/v1/admins", adminBody(), { headers: key })).rejects.toThrow();
    await control("POST", "/faults", {});
    const retried = await api.call("POST", "/v1/admins", adminBody(), { headers: key });
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    const again = await api.call("POST", "/v1/admins", adminBody(), { headers: key });
    expect(again.body.data.id).toBe(retried.body.data.id);
    expectError(await api.call("POST", "/v1/admins", adminBody()), 409, "duplicate_admin_email");

    const invitations = (await control("GET", "/invitations")).body.data;
    expect(invitations).toEqual([{ adminId: retried.body.data.id, email: "ada.lovelace@example.com", sentAt: retried.body.data.invitedAt }]);
    expect(api.emu.state().invitations).toEqual(invitations);
    await admin({ email: "grace@example.com" });
    expect(api.emu.invitations().map((i) => i.email)).toEqual(["ada.lovelace@example.com", "grace@example.com"]);
  });

  it("refuses to delete the admin that owns the calling token (409 admin_owns_token); another token may", async () => {
    const root = await admin({ email: "ROOT@example.com" });
    const refusal = expectError(await api.call("DELETE", `/v1/admins/${root.id}`), 409, "admin_owns_token");
    expect(refusal.message).toContain(root.id);
    expect(api.emu.state().admins).toHaveLength(1);
    const ada = await admin();
    expect((await api.call("DELETE", `/v1/admins/${ada.id}`)).status).toBe(204);
    expect((await api.call("DELETE", `/v1/admins/${root.id}`, undefined, { token: "other" })).status).toBe(204);
  });

  it("maps a token to its owner at run time (POST /_emulator/token-owners); reset restores the startup map", async () => {
    const ada = await admin();
    expect((await control("POST", "/token-owners", { token: "other", email: "Ada.Lovelace@example.com" })).status).toBe(204);
    expectError(await api.call("DELETE", `/v1/admins/${ada.id}`, undefined, { token: "other" }), 409, "admin_owns_token");
    expect((await control("POST", "/token-owners", { token: "other", email: null })).status).toBe(204);
    expect((await api.call("DELETE", `/v1/admins/${ada.id}`, undefined, { token: "other" })).status).toBe(204);
    expect((await control("POST", "/token-owners", { email: "x@y" })).status).toBe(400);

    api.emu.setTokenOwner("other", "root@example.com");
    api.emu.reset();
    const root = await admin({ email: "root@example.com" });
    expect((await api.call("DELETE", `/v1/admins/${root.id}`, undefined, { token: "other" })).status).toBe(204);
  });

  it("a sign-in (POST /_emulator/admins/{id}/sign-in) makes the admin ACTIVE with lastSignInAt, leaving updatedAt", async () => {
    const a = await admin();
    const signedIn = await control("POST", `/admins/${a.id}/sign-in`, { at: "2026-12-01T09:30:00+01:00" });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.data).toMatchObject({ status: "ACTIVE", lastSignInAt: "2026-12-01T08:30:00.000Z", updatedAt: a.updatedAt });
    expect((await api.call("GET", `/v1/admins/${a.id}`)).body.data).toEqual(signedIn.body.data);
    expect((await control("POST", `/admins/${a.id}/sign-in`)).body.data.status).toBe("ACTIVE");
    expect((await control("POST", "/admins/adm_nope00/sign-in")).status).toBe(404);
    expect((await control("POST", `/admins/${a.id}/sign-in`, { at: "yesterday" })).status).toBe(400);
  });

  it("lists with the email (any case) and status filters and sorts by email, createdAt, updatedAt", async () => {
    const c = await admin({ email: "carol@example.com" });
    const a = await admin({ email: "alice@example.com" });
    await admin({ email: "bob@example.com" });
    api.emu.signIn(c.id);
    const byEmail = await api.call("GET", "/v1/admins?sort=email");
    expect(byEmail.body.data.map((x: { email: string }) => x.email)).toEqual(["alice@example.com", "bob@example.com", "carol@example.com"]);
    const newest = await api.call("GET", "/v1/admins?sort=-createdAt&limit=1");
    expect(newest.body.data[0].email).toBe("bob@example.com");
    expect((await api.call("GET", "/v1/admins?email=ALICE@Example.com")).body.data.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await api.call("GET", "/v1/admins?status=ACTIVE")).body.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect((await api.call("GET", "/v1/admins?status=INVITED")).body.pagination.total).toBe(2);
    expectError(await api.call("GET", "/v1/admins?status=PENDING"), 400, "invalid_parameter", "status");
    expectError(await api.call("GET", "/v1/admins?sort=name"), 400, "invalid_parameter", "sort");
    expectError(await api.call("GET", "/v1/admins?name=alice"), 400, "invalid_parameter", "name");
  });

  it("needs admins:read to read and admins:write to change", async () => {
    const a = await admin();
    expect((await api.call("GET", "/v1/admins", undefined, { token: "reader" })).status).toBe(200);
    expect((await api.call("GET", `/v1/admins/${a.id}`, undefined, { token: "reader" })).status).toBe(200);
    const denied = expectError(await api.call("POST", "/v1/admins", adminBody({ email: "x@y" }), { token: "reader" }), 403, "insufficient_scope");
    expect(denied.message).toBe("Token lacks scope 'admins:write'.");
    expectError(await api.call("PATCH", `/v1/admins/${a.id}`, { name: "x" }, { token: "reader" }), 403, "insufficient_scope");
    expectError(await api.call("DELETE", `/v1/admins/${a.id}`, undefined, { token: "reader" }), 403, "insufficient_scope");
    expect((await api.call("GET", "/v1/admins", undefined, { token: "pricing" })).body.message).toBe("Token lacks scope 'admins:read'.");
    expect(api.emu.invitations()).toHaveLength(1);
  });
});

describe("admins across restarts and on the command line", () => {
  it("keeps admins, their live fields and the invitations in the data file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eosvolt-admins-"));
    try {
      const dataFile = join(dir, "state.json");
      const first = await startApi({ dataFile });
      const created = await first.call("POST", "/v1/admins", adminBody());
      first.emu.signIn(created.body.data.id, "2026-12-01T08:00:00Z");
      await first.emu.close();
      const second = await startApi({ dataFile });
      expect((await second.call("GET", `/v1/admins/${created.body.data.id}`)).body.data).toMatchObject({ status: "ACTIVE", lastSignInAt: "2026-12-01T08:00:00.000Z" });
      expect(second.emu.invitations()).toHaveLength(1);
      await second.emu.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--token-owner TOKEN=EMAIL maps a token to its admin (repeatable)", () => {
    expect(parseArgs(["--token-owner", "t1=Ada@Example.com", "--token-owner=t2=bo@x.io"]).tokenOwners).toEqual({ t1: "Ada@Example.com", t2: "bo@x.io" });
    expect(() => parseArgs(["--token-owner", "t1"])).toThrow(/TOKEN=EMAIL/);
  });
});
