import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { getCharger, getLocation, getPricingPlan, listChargers } from "../../provider";
import { checkInputs } from "../../provider/core/check";
import { chargerKind, locationKind, pricingPlanKind } from "../../provider/kinds";
import { chargerArgs, locationArgs, planArgs } from "./fixtures";
import { idOf, record } from "../narrow";

let emu: RunningEmulator;
const saved = { ...process.env };

/** Creates an object straight through the API; answers its id. */
async function post(path: string, kind: Parameters<typeof checkInputs>[0], args: Record<string, unknown>): Promise<{ id: string }> {
  const res = await fetch(`${emu.url}${path}`, {
    method: "POST",
    headers: { Authorization: "Bearer dev-token", "Content-Type": "application/json" },
    body: JSON.stringify(checkInputs(kind, args).inputs),
  });
  return { id: idOf(record(record(await res.json(), `POST ${path}`).data, `POST ${path}: data`)) };
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 0 });
  process.env.EOSVOLT_BASE_URL = emu.url;
  process.env.EOSVOLT_TOKEN = "dev-token";
});
afterAll(async () => {
  process.env = saved;
  await emu.close();
});

describe("lookups of objects the stack does not manage", () => {
  it("get by id and list chargers by filters, typed", async () => {
    const plan = await post("/v1/pricing-plans", pricingPlanKind, planArgs());
    const site = await post("/v1/locations", locationKind, locationArgs(plan.id));
    await post("/v1/chargers", chargerKind, chargerArgs(site.id, "LOOKUP-1"));
    await post("/v1/chargers", chargerKind, chargerArgs(site.id, "LOOKUP-2"));
    expect((await getPricingPlan({ id: plan.id })).currency).toBe("EUR");
    expect((await getLocation({ id: site.id })).pricingPlanId).toBe(plan.id);
    const chargers = await listChargers({ locationId: site.id });
    expect(chargers.map((c) => c.ocppIdentity).sort()).toEqual(["LOOKUP-1", "LOOKUP-2"]);
    expect((await getCharger({ id: chargers[0].id })).evses[0].connectors[0].status).toBe("Available");
    await expect(getCharger({ id: "999999" })).rejects.toThrow(/404 not_found/);
  });
});
