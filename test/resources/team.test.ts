/**
 * The Team kind through the generic provider, the real client and the running
 * emulator: check names the field before any request, the body is normalised
 * (upper-cased keys in canonical order, the discount with 2 decimals), a
 * reordered program is no change, adoption by name, the 409s explained, and
 * eosvolt-import declares teams before the locations that name them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { EosvoltClient } from "../../provider/client";
import { checkInputs } from "../../provider/core/check";
import { diffInputs } from "../../provider/core/diff";
import { GenericProvider } from "../../provider/dynamic/provider";
import { readAccount } from "../../provider/import/account";
import { generateProgram } from "../../provider/import/program";
import { kinds } from "../../provider/kinds";
import { locationArgs } from "./fixtures";

let emu: RunningEmulator;
let client: EosvoltClient;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 0 });
});
afterAll(async () => {
  await client?.close();
  await emu.close();
});
beforeEach(async () => {
  emu.reset();
  await client?.close();
  client = new EosvoltClient({ token: "dev-token", baseUrl: emu.url });
  sent = [];
});

let sent: Array<{ method: string; body: unknown }> = [];
/** The client, with the bodies of team creates and updates recorded at its edge. */
function recordingApi() {
  const teams = new Proxy(client.teams, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "create") return (body: unknown, options: unknown) => (sent.push({ method: "POST", body }), value.call(target, body, options));
      if (prop === "update") return (id: string, body: unknown) => (sent.push({ method: "PATCH", body }), value.call(target, id, body));
      return value.bind(target);
    },
  });
  return { ...client, teams, sessions: client.sessions };
}
const team = () => new GenericProvider(kinds.Team).useApi(recordingApi());
const location = () => new GenericProvider(kinds.Location).useApi(client);
const teamArgs = (over: Record<string, unknown> = {}) => ({
  name: "Acme fleet",
  chargeKeys: [
    { type: "RFID", uid: "04a2b3c4", label: "Driver 1" },
    { type: "MAC", uid: "00:1a:2b:3c:4d:5e" },
  ],
  discountPercent: "15",
  ...over,
});
const checked = (kind: (typeof kinds)[keyof typeof kinds], args: Record<string, unknown>) => {
  const { inputs, failures } = checkInputs(kind, args);
  expect(failures).toEqual([]);
  return inputs;
};
const semiPublic = (teamIds: string[]) => ({ ...locationArgs(), accessType: "SEMI_PUBLIC", teamIds });
const writes = () => emu.requests().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

describe("Team", () => {
  it("check names the field of a bad key, a duplicate key, the discount, and teamIds off a semi-public location", () => {
    const failures = (kind: (typeof kinds)[keyof typeof kinds], args: Record<string, unknown>) => checkInputs(kind, args).failures;
    expect(failures(kinds.Team, teamArgs({ chargeKeys: [{ type: "RFID", uid: "04a2" }] }))).toEqual([
      { property: "chargeKeys[0].uid", reason: "must be 8, 14 or 20 hex digits for an RFID key" },
    ]);
    expect(failures(kinds.Team, teamArgs({ chargeKeys: [{ type: "MAC", uid: "00:1a:2b:3c:4d:5e" }, { type: "MAC", uid: "00:1A:2B:3C:4D:5E" }] }))).toEqual([
      { property: "chargeKeys[1].uid", reason: "duplicates the MAC key 00:1A:2B:3C:4D:5E in this team" },
    ]);
    expect(failures(kinds.Team, teamArgs({ discountPercent: "12.345" })).map((f) => f.property)).toEqual(["discountPercent"]);
    expect(failures(kinds.Team, teamArgs({ discountPercent: "100.5" })).map((f) => f.property)).toEqual(["discountPercent"]);
    expect(failures(kinds.Location, { ...locationArgs(), teamIds: ["team_abc123"] })).toEqual([
      { property: "teamIds", reason: "is allowed only when accessType is SEMI_PUBLIC (it is PRIVATE)" },
    ]);
    expect(emu.requests()).toEqual([]);
  });

  it("creates with the normalised body, and the same team written in another order is no change", async () => {
    const created = await team().create(checked(kinds.Team, teamArgs()));
    const [post] = sent.filter((r) => r.method === "POST");
    expect(post.body).toEqual({
      name: "Acme fleet",
      chargeKeys: [
        { type: "MAC", uid: "00:1A:2B:3C:4D:5E" },
        { type: "RFID", uid: "04A2B3C4", label: "Driver 1" },
      ],
      discountPercent: "15.00",
      billing: "IN_APP",
    });
    expect(created.outs).toMatchObject({ id: created.id, discountPercent: "15.00", billing: "IN_APP" });
    expect(created.outs).not.toHaveProperty("createdAt");
    const reordered = checked(kinds.Team, teamArgs({ chargeKeys: [...teamArgs().chargeKeys].reverse(), discountPercent: 15 }));
    expect(diffInputs(kinds.Team, created.outs, reordered)).toMatchObject({ changes: false });
    const offline = checked(kinds.Team, teamArgs({ billing: "OFFLINE" }));
    expect(diffInputs(kinds.Team, created.outs, offline)).toEqual({ changes: true, replaces: [], changed: ["billing"] });
    await team().update(created.id, created.outs, offline);
    const [patch] = sent.filter((r) => r.method === "PATCH");
    expect(patch.body).toEqual({ billing: "OFFLINE" });
  });

  it("a team declared without chargeKeys is no change against the API's empty list; removing declared keys is one", () => {
    const outs = { id: "team_1", name: "Ops", billing: "IN_APP", chargeKeys: [], discountPercent: "7.50" };
    const declared = checkInputs(kinds.Team, { name: "Ops", discountPercent: "7.5" }).inputs;
    expect(diffInputs(kinds.Team, outs, declared)).toEqual({ changes: false, replaces: [], changed: [] });
    const withKey = { ...outs, chargeKeys: [{ type: "RFID", uid: "04A1B2C3" }] };
    expect(diffInputs(kinds.Team, withKey, declared)).toEqual({ changes: true, replaces: [], changed: ["chargeKeys"] });
  });

  it("adoptExisting takes over the team of that name (case-insensitive) with one PATCH of what differs", async () => {
    const existing = await client.teams.create({ name: "ACME Fleet", chargeKeys: [], billing: "IN_APP" });
    emu.clearRequests();
    const adopted = await team().create(checked(kinds.Team, { ...teamArgs(), name: "ACME Fleet", adoptExisting: true }));
    expect(adopted.id).toBe(existing.id);
    expect(writes()).toEqual([`PATCH /v1/teams/${existing.id}`]);
  });

  it("explains a duplicate name on create with the existing team's id, from the kind's conflict code", async () => {
    const existing = await client.teams.create({ name: "Acme fleet", billing: "IN_APP" });
    await expect(team().create(checked(kinds.Team, teamArgs({ name: "acme FLEET" })))).rejects.toThrow(
      new RegExp(`a team with name "Acme fleet" already exists \\(id ${existing.id}\\).*adoptId: "${existing.id}".*API code duplicate_team_name`),
    );
  });

  it("a semi-public location names its teams; the team cannot go while it does (409 team_in_use)", async () => {
    const fleet = await team().create(checked(kinds.Team, teamArgs()));
    const depot = await location().create(checked(kinds.Location, semiPublic([fleet.id])));
    expect(depot.outs.teamIds).toEqual([fleet.id]);
    await expect(team().delete(fleet.id)).rejects.toThrow(new RegExp(`deleting team ${fleet.id}: .*409 team_in_use`));
    await location().delete(depot.id);
    await team().delete(fleet.id);
    expect(await client.teams.read(fleet.id)).toBeUndefined();
  });

  it("eosvolt-import declares the team before the location that names it, as a reference", async () => {
    const fleet = await client.teams.create({ name: "Acme fleet", billing: "OFFLINE", chargeKeys: [{ type: "RFID", uid: "04A2B3C4" }] });
    await location().create(checked(kinds.Location, semiPublic([fleet.id])));
    const program = generateProgram(await readAccount(client));
    expect(program).toContain('export const acmeFleet = new eosvolt.Team("acme-fleet", {');
    expect(program).toMatch(/billing: "OFFLINE"/);
    expect(program).toContain("teamIds: [acmeFleet.id]");
    expect(program.indexOf("new eosvolt.Team(")).toBeLessThan(program.indexOf("new eosvolt.Location("));
  });
});
