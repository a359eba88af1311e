/**
 * `pulumi import` through the plugin, for every kind of the registry, on the
 * leg's CLI: `npm test` runs the current one (3.276.0: the import's `Read`
 * carries empty properties), `.ci/run` also the floor (3.248.0: it leaves them
 * unset, which the stock server cannot read). One CLI per leg, so that
 * `npm test` on a fresh machine builds no second CLI.
 * Objects made by hand are taken into the state of a YAML project; the state
 * matches each object; the YAML the CLI writes for them, pasted into the
 * program, previews and goes up with no change and no write; destroy empties
 * the account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { inputsFromObject } from "../../provider/core/fields";
import { stateOf } from "../../provider/core/outputs";
import { kindNames, kinds, type KindName } from "../../provider/kinds";
import { api } from "./api";
import { openProject, TOKEN, writes, type PulumiProject } from "./harness";

const HEADER = (name: string) =>
  [`name: ${name}`, "runtime: yaml", "plugins:", "  providers:", "    - name: eosvolt", "      path: ./node_modules/pulumi-eosvolt/bin", ""].join("\n");

/** One object of each kind, made by hand through the API, by kind. */
async function makeByHand(emulator: RunningEmulator): Promise<Record<KindName, { id: string } & Record<string, unknown>>> {
  const plan = await api(emulator, "POST", "/v1/pricing-plans", {
    name: "Night tariff",
    currency: "EUR",
    elements: [
      { priceComponents: [{ type: "ENERGY", price: "0.31", vat: "21", stepSize: 1 }], restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"] } },
      { priceComponents: [{ type: "FLAT", price: "1", stepSize: 1 }] },
    ],
  });
  const team = await api(emulator, "POST", "/v1/teams", {
    name: "Night shift",
    chargeKeys: [{ type: "RFID", uid: "04a1b2c3", label: "badge 7" }],
    discountPercent: "12.5",
  });
  const location = await api(emulator, "POST", "/v1/locations", {
    name: "Depot",
    accessType: "SEMI_PUBLIC",
    address: { street: "Havenweg 12", city: "Rotterdam", postalCode: "3011 AB", country: "NLD" },
    coordinates: { latitude: "51.92250", longitude: "4.47917" },
    timeZone: "Europe/Amsterdam",
    facilities: ["WIFI"],
    pricingPlanId: plan.id,
    teamIds: [team.id],
  });
  const charger = await api(emulator, "POST", "/v1/chargers", {
    locationId: location.id,
    ocppIdentity: "DEPOT-01",
    name: "Bay 1",
    ocppVersion: "OCPP16",
    maxPowerW: 11000,
    authorizationKey: "made-by-hand-key-000001",
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 16 }] }],
  });
  const admin = await api(emulator, "POST", "/v1/admins", {
    email: "Night.Lead@Depot.example",
    name: "Night lead",
    permissions: { sessions: ["export", "view"], chargers: ["view", "edit"] },
  });
  return { PricingPlan: plan, Team: team, Location: location, Charger: charger, Admin: admin };
}

/** The CLI of the leg (`PULUMI_VERSION`, set by scripts/toolchain.mjs), named in the suite's title. */
const cli = process.env.PULUMI_VERSION ?? "of the leg";

describe(`pulumi import of every kind, CLI ${cli}`, { timeout: 300_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;
  let objects: Record<KindName, { id: string } & Record<string, unknown>>;
  let generated = "";

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("yaml", {}, process.env.PULUMI_VERSION));
    project.write("Pulumi.yaml", HEADER("eosvolt-import"));
    await project.init();
    objects = await makeByHand(emulator);
  }, 300_000);

  afterAll(async () => {
    await dispose?.();
  });

  it("takes every kind into the state with one command, sending no write", async () => {
    const file = { resources: kindNames.map((kind) => ({ type: `eosvolt:index:${kind}`, name: kind.toLowerCase(), id: objects[kind].id })) };
    project.write("import.json", JSON.stringify(file));
    emulator.clearRequests();
    await project.expect(["import", "--file", "import.json", "--yes", "--protect=false", "--out", "imported.yaml"]);
    expect(writes(emulator)).toEqual([]);
    generated = project.read("imported.yaml");
    for (const kind of kindNames) expect(generated).toContain(`${kind.toLowerCase()}:`);
  });

  it("the imported state matches each object, with no __provider and no token", async () => {
    const { resources, text } = await project.exportState();
    for (const kind of kindNames) {
      const entry = resources.find((r) => r.type === `eosvolt:index:${kind}`);
      expect(entry, kind).toBeDefined();
      expect(entry!.id).toBe(objects[kind].id);
      const object = await api(emulator, "GET", `${kinds[kind].path}/${objects[kind].id}`);
      expect(entry!.inputs, kind).toEqual(inputsFromObject(kinds[kind], object));
      expect(entry!.outputs, kind).toEqual(stateOf(kinds[kind], object, {}));
    }
    expect(text).not.toContain("__provider");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("made-by-hand-key-000001");
  });

  it("the YAML the CLI wrote, as the program, previews and goes up with no change and no write", async () => {
    project.write("Pulumi.yaml", `${HEADER("eosvolt-import")}${generated}`);
    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    const { stdout } = await project.expect(["up", "--yes", "--expect-no-changes"]);
    expect(stdout).toContain(`${kindNames.length + 1} unchanged`);
    expect(writes(emulator)).toEqual([]);
  });

  it("destroy leaves the account empty", async () => {
    await project.expect(["destroy", "--yes"]);
    const state = emulator.state();
    expect(kindNames.map((kind) => state[kinds[kind].endpoint].length)).toEqual(kindNames.map(() => 0));
  });
});
