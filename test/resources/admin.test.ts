/**
 * The Admin kind through the generic provider, the real client and the running
 * emulator: the create body normalised (e-mail lower-cased, actions as sorted
 * sets), one invitation; a PATCH of permissions only; adoption by e-mail in any
 * case; the duplicate and owns-token 409s explained; getAdmin / listAdmins with
 * the live status; eosvolt-import declares the admins.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { getAdmin, listAdmins } from "../../provider";
import { EosvoltClient } from "../../provider/client";
import { checkInputs } from "../../provider/core/check";
import { diffInputs } from "../../provider/core/diff";
import { GenericProvider } from "../../provider/dynamic/provider";
import { readAccount } from "../../provider/import/account";
import { generateProgram } from "../../provider/import/program";
import { adminKind } from "../../provider/kinds";
import { record } from "../narrow";

let emu: RunningEmulator;
let client: EosvoltClient;
const saved = { ...process.env };

beforeAll(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 0, tokenOwners: { "dev-token": "owner@example.com" } });
  process.env.EOSVOLT_BASE_URL = emu.url;
  process.env.EOSVOLT_TOKEN = "dev-token";
});
afterAll(async () => {
  process.env = saved;
  await client?.close();
  await emu.close();
});
beforeEach(async () => {
  emu.reset();
  await client?.close();
  client = new EosvoltClient({ token: "dev-token", baseUrl: emu.url });
});

const admin = () => new GenericProvider(adminKind).useApi(client);
const finance = (over: Record<string, unknown> = {}) => ({
  email: "Finance@Example.com",
  name: "Finance",
  permissions: { reports: ["export", "view"], sessions: ["view", "export", "view"] },
  ...over,
});
const checked = (args: Record<string, unknown>) => {
  const { inputs, failures } = checkInputs(adminKind, args);
  expect(failures).toEqual([]);
  return inputs;
};
/** Permissions with each page's actions sorted: the API keeps them as a set, in an order of its own. */
const sets = (permissions: unknown) =>
  Object.fromEntries(Object.entries(record(permissions, "permissions")).map(([page, actions]) => [page, [...strings(actions, `permissions.${page}`)].sort()]));
/** `value` as a list of strings, or an error naming `what`. */
function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw new Error(`${what}: expected a list of strings, got ${JSON.stringify(value)}`);
  return value;
}
const writes = () => emu.requests().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

describe("Admin against the API", () => {
  it("creates one admin with one invitation; the state holds neither status nor lastSignInAt", async () => {
    const created = await admin().create(checked(finance()));
    const [stored] = emu.state().admins;
    expect(stored).toMatchObject({ id: created.id, email: "finance@example.com", status: "INVITED" });
    expect(sets(stored.permissions)).toEqual({ reports: ["export", "view"], sessions: ["export", "view"] });
    expect(emu.invitations().map((i) => i.email)).toEqual(["finance@example.com"]);
    expect(created.outs).toMatchObject({ id: created.id, email: "finance@example.com", invitedAt: expect.any(String) });
    expect(Object.keys(created.outs)).not.toEqual(expect.arrayContaining(["status"]));
    expect(created.outs).not.toHaveProperty("lastSignInAt");
  });

  it("a permission changed is one PATCH of permissions; signing in is no change on read", async () => {
    const created = await admin().create(checked(finance()));
    emu.signIn(created.id);
    const read = await admin().read(created.id, created.outs);
    expect(read.props).not.toHaveProperty("status");
    expect(diffInputs(adminKind, read.props ?? {}, checked(finance({ email: "FINANCE@example.COM" }))).changes).toBe(false);
    emu.clearRequests();
    const more = checked(finance({ permissions: { reports: ["view", "export"], sessions: ["view"], pricing: ["view"] } }));
    await admin().update(created.id, created.outs, more);
    expect(writes()).toEqual([`PATCH /v1/admins/${created.id}`]);
    expect(sets(emu.state().admins[0].permissions)).toEqual({ pricing: ["view"], reports: ["export", "view"], sessions: ["view"] });
  });

  it("adoptExisting takes over the admin with that e-mail (any case) without a second invitation", async () => {
    const existing = await client.admins.create({ email: "finance@example.com", permissions: { reports: ["view"] } });
    emu.clearRequests();
    const adopted = await admin().create(checked(finance({ email: "FINANCE@EXAMPLE.COM", adoptExisting: true })));
    expect(adopted.id).toBe(existing.id);
    expect(writes()).toEqual([`PATCH /v1/admins/${existing.id}`]);
    expect(emu.invitations()).toHaveLength(1);
  });

  it("explains a duplicate e-mail with the existing admin's id, and the admin who owns the token", async () => {
    const existing = await client.admins.create({ email: "finance@example.com", permissions: { reports: ["view"] } });
    await expect(admin().create(checked(finance()))).rejects.toThrow(new RegExp(`${existing.id}.*duplicate_admin_email`, "s"));
    const owner = await client.admins.create({ email: "owner@example.com", permissions: { admins: ["view", "delete"] } });
    await expect(admin().delete(owner.id)).rejects.toThrow(/409 admin_owns_token.*another admin's token/s);
  });

  it("getAdmin and listAdmins read the live status", async () => {
    const a = await client.admins.create({ email: "a@example.com", permissions: { dashboard: ["view"] } });
    await client.admins.create({ email: "b@example.com", permissions: { dashboard: ["view"] } });
    emu.signIn(a.id);
    expect(await getAdmin({ id: a.id })).toMatchObject({ email: "a@example.com", status: "ACTIVE", lastSignInAt: expect.any(String) });
    expect((await listAdmins({ status: "INVITED" })).map((x) => x.email)).toEqual(["b@example.com"]);
    expect((await listAdmins({ email: "A@EXAMPLE.COM" })).map((x) => x.id)).toEqual([a.id]);
  });

  it("eosvolt-import declares the admins, by e-mail, without their live status", async () => {
    await client.admins.create({ email: "finance@example.com", name: "Finance", permissions: { reports: ["view", "export"] } });
    const program = generateProgram(await readAccount(client));
    expect(program).toContain('new eosvolt.Admin("finance-example-com", {');
    expect(program).toContain('email: "finance@example.com"');
    expect(program).toContain('reports: ["export", "view"]');
    expect(program).not.toContain("INVITED");
  });
});
