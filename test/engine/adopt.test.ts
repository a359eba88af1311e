/**
 * Adoption through the real CLI: objects created straight through the API are
 * taken over by `adoptId`/`adoptExisting` (one GET and at most one PATCH each,
 * no POST), and a whole account by a program that `eosvolt-import` writes.
 */
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { api } from "./api";
import { ROOT, openProject, writes, type PulumiProject } from "./harness";
import { defined } from "../narrow";

const line = (r: { method: string; path: string }) => `${r.method} ${r.path.replace(/\?.*$/, "")}`;

const ac16 = (ocppIdentity: string, locationId: string, maxPowerW = 11000) => ({
  locationId,
  ocppIdentity,
  ocppVersion: "OCPP16",
  maxPowerW,
  evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "CABLE", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 16 }] }],
});

describe("adoption through the real Pulumi CLI", { timeout: 300_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("adopt"));
    await project.init();
  }, 300_000);
  afterAll(async () => dispose?.());

  it("adoptId and adoptExisting take over existing objects: one GET and at most one PATCH each, no POST", async () => {
    const plan = await api(emulator, "POST", "/v1/pricing-plans", {
      name: "Night tariff",
      currency: "EUR",
      elements: [
        { priceComponents: [{ type: "ENERGY", price: "0.25", vat: "21", stepSize: 1 }], restrictions: { startTime: "22:00", endTime: "07:00" } },
        { priceComponents: [{ type: "ENERGY", price: "0.35", vat: "21", stepSize: 1 }] },
      ],
    });
    const location = await api(emulator, "POST", "/v1/locations", {
      name: "Old depot name",
      accessType: "PRIVATE",
      address: { street: "Havenweg 12", city: "Rotterdam", postalCode: "3011 AB", country: "NLD" },
      coordinates: { latitude: "51.92442", longitude: "4.47773" },
      timeZone: "Europe/Amsterdam",
    });
    await api(emulator, "POST", "/v1/chargers", ac16("DEPOT-01", location.id));
    await api(emulator, "POST", "/v1/chargers", ac16("depot-02", location.id, 7400));
    await project.expect(["config", "set", "pricingPlanId", plan.id]);
    await project.expect(["config", "set", "locationId", location.id]);

    emulator.clearRequests();
    const { stdout } = await project.expect(["up", "--yes"]);
    expect(stdout).toContain("+ 5 created");
    const sent = emulator.requests().map(line);
    expect(sent.filter((s) => s.startsWith("POST"))).toEqual([]);
    const depot02 = defined(emulator.state().chargers.find((c) => c.ocppIdentity === "DEPOT-02"), "charger DEPOT-02");
    expect(sent.sort()).toEqual(
      [
        `GET /v1/pricing-plans/${plan.id}`,
        `GET /v1/locations/${location.id}`,
        `PATCH /v1/locations/${location.id}`, // name and pricingPlanId differ
        "GET /v1/chargers", // adoptExisting: by ocppIdentity
        "GET /v1/chargers",
        `PATCH /v1/chargers/${depot02.id}`, // its maxPowerW differs
      ].sort(),
    );
    const state = emulator.state();
    expect(state.chargers).toHaveLength(2);
    expect(state.locations[0]).toMatchObject({ name: "Night depot", pricingPlanId: plan.id });

    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    await project.expect(["up", "--yes", "--expect-no-changes"]);
    expect(emulator.requests()).toEqual([]);
  });

  it("removing adoptId afterwards is neither an update nor a replacement", async () => {
    project.edit("index.ts", /  adoptId: config\.require\("locationId"\),\n/, "");
    await project.expect(["preview", "--expect-no-changes"]);
  });

  it("eosvolt-import writes a program that compiles and adopts a whole account with no change", async () => {
    emulator.reset();
    const plans = [];
    for (const [i, currency] of ["EUR", "EUR", "CHF"].entries()) {
      plans.push(
        await api(emulator, "POST", "/v1/pricing-plans", {
          name: `Plan ${i + 1}`,
          currency,
          elements: [{ priceComponents: [{ type: "ENERGY", price: `0.${30 + i}`, vat: "21", stepSize: 1 }], restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"] } }, { priceComponents: [{ type: "FLAT", price: "1", stepSize: 1 }] }],
        }),
      );
    }
    for (let l = 0; l < 10; l++) {
      const location = await api(emulator, "POST", "/v1/locations", {
        name: l === 3 ? "Site 1" : `Site ${l}`, // two locations share a name
        accessType: l % 2 ? "PUBLIC" : "PRIVATE",
        address: { street: `Street ${l}`, city: "Utrecht", postalCode: "3511", country: "NLD" },
        coordinates: { latitude: "52.09074", longitude: "5.12142" },
        timeZone: "Europe/Amsterdam",
        facilities: ["WIFI", "CAFE"],
        chargingWhenClosed: l !== 5,
        pricingPlanId: plans[l % 3].id,
      });
      for (let c = 0; c < 6; c++) {
        await api(emulator, "POST", "/v1/chargers", {
          ...ac16(`SITE${l}-${c}`, location.id),
          ...(c === 0 ? { pricingPlanId: plans[(l + 1) % 3].id, authorizationKey: "imported-key-000000001" } : {}),
        });
      }
    }
    // Asynchronously: the emulator answers from this very process.
    const run = await new Promise<{ status: number; stdout: string; stderr: string }>((done) =>
      execFile(
        "node",
        [join(ROOT, "dist/provider/import/cli.js"), "--base-url", emulator.url],
        { env: { ...process.env, EOSVOLT_TOKEN: "dev-token" }, timeout: 60_000 },
        (error, stdout, stderr) => done({ status: error ? 1 : 0, stdout, stderr }),
      ),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("read 3 pricing plans, 10 locations, 60 chargers");
    const program = run.stdout;
    expect(program).toContain('new eosvolt.Location("site-1-2", {');
    expect(program).toMatch(/locationId: site\w*\.id/);
    expect(program).toMatch(/pricingPlanId: plan\d\.id/);
    expect(program).not.toContain("imported-key");
    project.write("index.ts", program);
    copyFileSync(join(ROOT, "examples/quickstart/tsconfig.json"), join(project.dir, "tsconfig.json"));
    execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "-p", join(project.dir, "tsconfig.json")], { stdio: "pipe" });

    await project.expect(["stack", "init", "imported"]);
    await project.expect(["config", "set", "eosvolt:baseUrl", emulator.url]);
    await project.expect(["config", "set", "--secret", "eosvolt:token", "dev-token"]);
    emulator.clearRequests();
    const { stdout } = await project.expect(["up", "--yes"]);
    expect(stdout).toContain("+ 74 created");
    const sent = emulator.requests();
    expect(writes(emulator)).toEqual([]);
    expect(sent).toHaveLength(73);
    await project.expect(["preview", "--expect-no-changes"]);
    const state = emulator.state();
    expect([state.pricingPlans.length, state.locations.length, state.chargers.length]).toEqual([3, 10, 60]);
  });
});
