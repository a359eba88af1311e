import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/core/check";
import { diffInputs, patchBody } from "../../provider/core/diff";
import { fingerprint } from "../../provider/core/secrets";
import { UNKNOWN } from "../../provider/core/values";
import { chargerKind, locationKind, pricingPlanKind } from "../../provider/kinds";
import type { ResourceKind } from "../../provider/kinds/kind";
import { chargerArgs, locationArgs, planArgs } from "./fixtures";

/** What the API answers for a body: decimals with 4 places, upper-cased identity, server fields. */
function asServerObject(kind: ResourceKind, args: Record<string, unknown>, id: string): Record<string, unknown> {
  const checked = checkInputs(kind, args).inputs;
  return { id, ...checked, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

type Case = [name: string, kind: ResourceKind, state: Record<string, unknown>, program: Record<string, unknown>];

const plan = planArgs();
const planState = asServerObject(pricingPlanKind, plan, "pp_1");
const location = locationArgs("pp_1");
const locationState = { ...asServerObject(locationKind, location, "loc_1"), chargerCount: 2 };
const charger = chargerArgs("loc_1");
const chargerState = (() => {
  const s = asServerObject(chargerKind, charger, "242") as any;
  s.connectionStatus = "NEVER_CONNECTED";
  s.lastHeartbeatAt = null;
  s.authorizationKeySet = false;
  for (const evse of s.evses) for (const c of evse.connectors) c.status = "Available";
  s.connectorRefs = ["242.1.1", "242.2.1"];
  return s;
})();

const noChange: Case[] = [
  ["the same program", pricingPlanKind, planState, plan],
  ["a price written with fewer decimals", pricingPlanKind, planState, (() => {
    const p = clone(plan);
    p.elements[0].priceComponents[0].price = "0.390";
    return p;
  })()],
  ["a price written as a number", pricingPlanKind, planState, (() => {
    const p = clone(plan) as any;
    p.elements[1].priceComponents[0].price = 0.29;
    return p;
  })()],
  ["dayOfWeek in another order", pricingPlanKind, planState, (() => {
    const p = clone(plan);
    p.elements[0].restrictions!.dayOfWeek = ["MONDAY", "SUNDAY", "MONDAY"];
    return p;
  })()],
  ["facilities in another order", locationKind, locationState, { ...location, facilities: ["CAFE", "WIFI"] }],
  ["a default left out (chargingWhenClosed)", locationKind, locationState, location],
  ["a default written out", locationKind, locationState, { ...location, chargingWhenClosed: true }],
  ["server-set fields", locationKind, { ...locationState, chargerCount: 7, updatedAt: "2027-01-01T00:00:00Z" }, location],
  ["ocppIdentity in lower case", chargerKind, chargerState, { ...charger, ocppIdentity: "hq-ac-01" }],
  ["connector status and connectorRefs", chargerKind, chargerState, charger],
  ["the enabled default", chargerKind, chargerState, { ...charger, enabled: true }],
  ["adoptId added after adoption", chargerKind, chargerState, { ...charger, adoptId: "242" }],
  ["unknown response fields", pricingPlanKind, { ...planState, revision: 3 }, plan],
  ["key order of nested objects", locationKind, locationState, { ...location, address: { country: "NLD", postalCode: "1015 CJ", city: "Amsterdam", street: "Keizersgracht 1" } }],
];

describe("diff shows no change for", () => {
  it.each(noChange)("%s", (_name, kind, state, program) => {
    const news = { ...checkInputs(kind, program).inputs, __provider: "shim" };
    expect(diffInputs(kind, state, news)).toMatchObject({ changes: false, replaces: [] });
  });
});

describe("diff shows real changes", () => {
  it("a price: one field, in place", () => {
    const p = clone(plan);
    p.elements[0].priceComponents[0].price = "0.41";
    const result = diffInputs(pricingPlanKind, planState, checkInputs(pricingPlanKind, p).inputs);
    expect(result).toMatchObject({ changes: true, replaces: [], changed: ["elements"] });
  });

  it("currency: replacement", () => {
    const result = diffInputs(pricingPlanKind, planState, checkInputs(pricingPlanKind, { ...plan, currency: "USD" }).inputs);
    expect(result).toMatchObject({ changes: true, replaces: ["currency"] });
  });

  it("ocppIdentity: replacement; locationId: in place", () => {
    expect(diffInputs(chargerKind, chargerState, checkInputs(chargerKind, chargerArgs("loc_1", "HQ-AC-02")).inputs).replaces).toEqual(["ocppIdentity"]);
    expect(diffInputs(chargerKind, chargerState, checkInputs(chargerKind, chargerArgs("loc_2")).inputs)).toMatchObject({ changes: true, replaces: [] });
  });

  it("an optional field removed: PATCH null", () => {
    const { pricingPlanId: _removed, ...rest } = location;
    const news = checkInputs(locationKind, rest).inputs;
    const { changed } = diffInputs(locationKind, locationState, news);
    expect(changed).toEqual(["pricingPlanId"]);
    expect(patchBody(locationKind, changed, news)).toEqual({ pricingPlanId: null });
  });

  it("an unknown value (preview) is a change, and an unknown immutable one a replacement", () => {
    expect(diffInputs(locationKind, locationState, { ...checkInputs(locationKind, location).inputs, pricingPlanId: UNKNOWN })).toMatchObject({ changes: true, changed: ["pricingPlanId"] });
    expect(diffInputs(chargerKind, chargerState, { ...checkInputs(chargerKind, charger).inputs, ocppIdentity: UNKNOWN }).replaces).toEqual(["ocppIdentity"]);
  });

  it("the write-only authorizationKey by fingerprint", () => {
    const key = "s3cret-key-0123456789";
    const withKey = { ...chargerState, authorizationKeySet: true, authorizationKeyFingerprint: fingerprint(key) };
    expect(diffInputs(chargerKind, withKey, checkInputs(chargerKind, { ...charger, authorizationKey: key }).inputs).changes).toBe(false);
    const changedKey = diffInputs(chargerKind, withKey, checkInputs(chargerKind, { ...charger, authorizationKey: key + "x" }).inputs);
    expect(changedKey.changed).toEqual(["authorizationKey"]);
    const removed = diffInputs(chargerKind, withKey, checkInputs(chargerKind, charger).inputs);
    expect(removed.changed).toEqual(["authorizationKey"]);
    expect(patchBody(chargerKind, removed.changed, checkInputs(chargerKind, charger).inputs)).toEqual({ authorizationKey: null });
    expect(diffInputs(chargerKind, chargerState, checkInputs(chargerKind, { ...charger, authorizationKey: key }).inputs).changed).toEqual(["authorizationKey"]);
  });

  it("PATCH carries only the changed fields", () => {
    const news = checkInputs(chargerKind, { ...charger, maxPowerW: 11000, name: "Bay 1" }).inputs;
    const { changed } = diffInputs(chargerKind, chargerState, news);
    expect(patchBody(chargerKind, changed, news)).toEqual({ maxPowerW: 11000, name: "Bay 1" });
  });
});
