/**
 * Each provider method of each kind against the running emulator, through the
 * real client: requests counted by the emulator, PATCH bodies recorded at the
 * client's edge.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { EosvoltClient } from "../../provider/client";
import { checkInputs } from "../../provider/core/check";
import type { ApiAccess } from "../../provider/client";
import type { ResourceKind } from "../../provider/kinds/kind";
import { GenericProvider } from "../../provider/dynamic/provider";
import { chargerKind, locationKind, pricingPlanKind } from "../../provider/kinds";
import { chargerArgs, locationArgs, planArgs } from "./fixtures";
import { idOf, record } from "../narrow";

let emu: RunningEmulator;
let client: EosvoltClient;
let patches: Array<{ id: string; body: Record<string, unknown> }>;

/** The client's endpoints, with every PATCH body recorded. */
function recordingApi(): ApiAccess {
  const api: ApiAccess = client;
  const wrap = <E extends object>(endpoint: E): E =>
    new Proxy(endpoint, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "update") {
          return (id: string, body: Record<string, unknown>) => {
            patches.push({ id, body });
            return (value as Function).call(target, id, body);
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return { ...api, locations: wrap(api.locations), chargers: wrap(api.chargers), pricingPlans: wrap(api.pricingPlans), sessions: api.sessions };
}

const provider = (kind: ResourceKind) => new GenericProvider(kind).useApi(recordingApi());
const checked = (kind: ResourceKind, args: Record<string, unknown>) => {
  const { inputs, failures } = checkInputs(kind, args);
  expect(failures).toEqual([]);
  return inputs;
};
const calls = () => emu.requests().map((r) => `${r.method} ${r.path.replace(/\?.*/, "")}`);

async function raw(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { Authorization: "Bearer dev-token", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? undefined : record(await res.json(), `${method} ${path}`).data;
}
/** {@link raw} of a call that answers one object (a create, a session start). */
const rawObject = async (method: string, path: string, body?: unknown) => record(await raw(method, path, body), `${method} ${path}`);

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
  patches = [];
});

async function makePlan() {
  const created = await provider(pricingPlanKind).create(checked(pricingPlanKind, planArgs()));
  return created.id;
}
async function makeLocation(planId?: string) {
  return (await provider(locationKind).create(checked(locationKind, locationArgs(planId)))).id;
}

type Lifecycle = {
  kind: ResourceKind;
  args: () => Promise<Record<string, unknown>>;
  edit: (args: Record<string, any>) => void;
  field: string;
  outOfBand: Record<string, unknown>;
};

const lifecycles: Lifecycle[] = [
  {
    kind: pricingPlanKind,
    args: async () => planArgs(),
    edit: (a) => (a.elements[0].priceComponents[0].price = "0.45"),
    field: "elements",
    outOfBand: { name: "Renamed by hand" },
  },
  {
    kind: locationKind,
    args: async () => locationArgs(await makePlan()),
    edit: (a) => (a.name = "HQ garage (north)"),
    field: "name",
    outOfBand: { accessType: "PUBLIC" },
  },
  {
    kind: chargerKind,
    args: async () => chargerArgs(await makeLocation()),
    edit: (a) => (a.maxPowerW = 11000),
    field: "maxPowerW",
    outOfBand: { enabled: false },
  },
];

describe.each(lifecycles)("$kind.type lifecycle", ({ kind, args, edit, field, outOfBand }) => {
  it("create → no diff → one PATCH with the edited field → drift read → delete", async () => {
    const program = await args();
    const p = provider(kind);
    emu.clearRequests();
    const inputs = checked(kind, program);
    expect(calls()).toEqual([]); // check makes no request
    const { id, outs } = await p.create(inputs);
    expect(calls()).toEqual([`POST ${kind === chargerKind ? "/v1/chargers" : kind === locationKind ? "/v1/locations" : "/v1/pricing-plans"}`]);
    expect(emu.requests()[0].idempotencyKey).toMatch(/\S{8,}/);

    expect(await p.diff(id, outs, { ...inputs, __provider: "shim" })).toMatchObject({ changes: false });

    const edited = structuredClone(program) as Record<string, any>;
    edit(edited);
    const news = checked(kind, edited);
    expect(await p.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    emu.clearRequests();
    const updated = await p.update(id, outs, news);
    expect(calls()).toEqual([expect.stringMatching(/^PATCH \//)]);
    expect(patches).toEqual([{ id, body: { [field]: news[field] } }]);
    expect(await p.diff(id, updated.outs!, news)).toMatchObject({ changes: false });

    await raw("PATCH", `${emu.requests()[0].path}`, outOfBand);
    const read = await p.read(id, updated.outs!);
    expect(read.id).toBe(id);
    for (const [k, v] of Object.entries(outOfBand)) {
      expect(read.props![k]).toEqual(v);
      expect(read.inputs![k]).toEqual(v);
    }
    expect(await p.diff(id, read.props!, news)).toMatchObject({ changes: true });

    emu.clearRequests();
    await p.delete(id);
    expect(calls()).toEqual([expect.stringMatching(/^DELETE \//)]);
    expect(await p.read(id, read.props!)).toMatchObject({ id: "" });
    await p.delete(id); // already gone: 404 counts as done
  });
});

describe("adoption", () => {
  it("adoptId takes over with one GET and no PATCH when the program matches", async () => {
    const existing = await rawObject("POST", "/v1/pricing-plans", checked(pricingPlanKind, planArgs()));
    emu.clearRequests();
    const result = await provider(pricingPlanKind).create(checked(pricingPlanKind, { ...planArgs(), adoptId: existing.id }));
    expect(result.id).toBe(existing.id);
    expect(calls()).toEqual([`GET /v1/pricing-plans/${existing.id}`]);
  });

  it("adoptId patches only the fields where the program differs", async () => {
    const planId = await makePlan();
    const existing = await rawObject("POST", "/v1/locations", checked(locationKind, locationArgs(planId)));
    emu.clearRequests();
    const result = await provider(locationKind).create(checked(locationKind, { ...locationArgs(planId), name: "Adopted", adoptId: existing.id }));
    expect(result.id).toBe(existing.id);
    expect(calls()).toEqual([`GET /v1/locations/${existing.id}`, `PATCH /v1/locations/${existing.id}`]);
    expect(patches.map((p) => p.body)).toEqual([{ name: "Adopted" }]);
    expect(emu.state().locations).toHaveLength(1);
  });

  it("adoptId of an object that does not exist (or of another kind) is a clear error, with no POST", async () => {
    const planId = await makePlan();
    emu.clearRequests();
    await expect(provider(locationKind).create(checked(locationKind, { ...locationArgs(), adoptId: planId }))).rejects.toThrow(
      `adoptId "${planId}": no location with this id exists`,
    );
    expect(calls()).toEqual([`GET /v1/locations/${planId}`]);
  });

  it("adoptExisting finds a charger by its ocppIdentity", async () => {
    const locationId = await makeLocation();
    const existing = await rawObject("POST", "/v1/chargers", checked(chargerKind, chargerArgs(locationId, "HQ-AC-07")));
    emu.clearRequests();
    const result = await provider(chargerKind).create(checked(chargerKind, { ...chargerArgs(locationId, "hq-ac-07"), adoptExisting: true }));
    expect(result.id).toBe(existing.id);
    expect(calls()).toEqual(["GET /v1/chargers"]);
  });

  it("a duplicate ocppIdentity without adoption says what exists and how to adopt it", async () => {
    const locationId = await makeLocation();
    const existing = await rawObject("POST", "/v1/chargers", checked(chargerKind, chargerArgs(locationId)));
    const error = await provider(chargerKind).create(checked(chargerKind, chargerArgs(locationId))).catch((e: Error) => e);
    expect(String(error)).toContain(`id ${existing.id}`);
    expect(String(error)).toContain(`adoptId: "${existing.id}"`);
    expect(emu.state().chargers).toHaveLength(1);
  });
});

describe("delete conflicts", () => {
  it("a location that still has chargers: 409 names them, the location stays", async () => {
    const locationId = await makeLocation();
    const charger = await rawObject("POST", "/v1/chargers", checked(chargerKind, chargerArgs(locationId)));
    const error = await provider(locationKind).delete(locationId).catch((e: Error) => e);
    expect(String(error)).toMatch(/409 location_in_use/);
    expect(String(error)).toContain(`${charger.id} (HQ-AC-01)`);
    expect(emu.state().locations).toHaveLength(1);
  });

  it("a charger with an active session: 409 names the session", async () => {
    const locationId = await makeLocation();
    const charger = await rawObject("POST", "/v1/chargers", checked(chargerKind, chargerArgs(locationId)));
    const session = await rawObject("POST", "/v1/sessions/start", { connectorId: `${charger.id}.1.1` });
    const error = await provider(chargerKind).delete(idOf(charger)).catch((e: Error) => e);
    expect(String(error)).toMatch(/409 charger_in_use/);
    expect(String(error)).toContain(session.id);
    await raw("POST", `/v1/sessions/${session.id}/stop`);
    await provider(chargerKind).delete(idOf(charger));
    expect(emu.state().chargers).toHaveLength(0);
  });
});

describe("live status", () => {
  it("is kept out of the state: a session starting is not drift", async () => {
    const locationId = await makeLocation();
    const p = provider(chargerKind);
    const inputs = checked(chargerKind, chargerArgs(locationId));
    const { id, outs } = await p.create(inputs);
    expect(outs).not.toHaveProperty("connectionStatus");
    expect(outs).not.toHaveProperty("lastHeartbeatAt");
    expect(JSON.stringify(outs)).not.toContain('"status"');
    await raw("POST", "/v1/sessions/start", { connectorId: `${id}.1.1` });
    const read = await p.read(id, outs);
    expect(read.props).toEqual(outs);
    expect(await p.diff(id, read.props!, inputs)).toMatchObject({ changes: false });
  });
});

describe("authorizationKey", () => {
  it("is sent, never stored; its fingerprint stays stable across updates and changes with the key", async () => {
    const locationId = await makeLocation();
    const p = provider(chargerKind);
    const key = "charger-secret-key-0001";
    const inputs = checked(chargerKind, { ...chargerArgs(locationId), authorizationKey: key });
    const { id, outs } = await p.create(inputs);
    expect(JSON.stringify(outs)).not.toContain(key);
    expect(outs).toMatchObject({ authorizationKeySet: true, authorizationKeyFingerprint: expect.stringMatching(/^v1:/) });
    const edited = checked(chargerKind, { ...chargerArgs(locationId), maxPowerW: 7400, authorizationKey: key });
    const updated = await p.update(id, outs, edited);
    expect(patches.map((x) => Object.keys(x.body))).toEqual([["maxPowerW"]]);
    expect(updated.outs!.authorizationKeyFingerprint).toBe(outs.authorizationKeyFingerprint);
    const rotated = checked(chargerKind, { ...chargerArgs(locationId), maxPowerW: 7400, authorizationKey: `${key}-new` });
    expect(await p.diff(id, updated.outs!, rotated)).toMatchObject({ changes: true, replaces: [] });
    const after = await p.update(id, updated.outs!, rotated);
    expect(patches[1].body).toEqual({ authorizationKey: `${key}-new` });
    expect(after.outs!.authorizationKeyFingerprint).not.toBe(outs.authorizationKeyFingerprint);
    expect(await p.diff(id, after.outs!, rotated)).toMatchObject({ changes: false });
  });
});
