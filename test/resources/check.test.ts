import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/dynamic/check";
import { chargerKind, locationKind, pricingPlanKind } from "../../provider/kinds";
import { UNKNOWN } from "../../provider/dynamic/values";
import { chargerArgs, locationArgs, planArgs } from "./fixtures";

describe("check", () => {
  it("normalises decimals, sets and identities and applies defaults", () => {
    const plan = checkInputs(pricingPlanKind, planArgs());
    expect(plan.failures).toEqual([]);
    expect(plan.inputs.elements).toMatchObject([
      { priceComponents: [{ price: "0.3900" }], restrictions: { dayOfWeek: ["MONDAY", "SUNDAY"] } },
      { priceComponents: [{ price: "0.2900" }] },
    ]);
    const charger = checkInputs(chargerKind, chargerArgs("loc_1"));
    expect(charger.inputs).toMatchObject({ ocppIdentity: "HQ-AC-01", enabled: true });
    const location = checkInputs(locationKind, locationArgs());
    expect(location.inputs).toMatchObject({ facilities: ["CAFE", "WIFI"], chargingWhenClosed: true });
  });

  it("names every problem by its dot path", () => {
    const args = chargerArgs("loc_1", "hq ac 01") as Record<string, any>;
    args.maxPowerW = 0;
    args.colour = "red";
    args.evses[1].connectors[0].standard = "USB";
    args.evses[1].evseId = 1;
    const { failures } = checkInputs(chargerKind, args);
    const byPath = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(Object.keys(byPath).sort()).toEqual(
      ["colour", "evses[1].connectors[0].standard", "maxPowerW", "ocppIdentity"].sort(),
    );
    expect(byPath.colour).toBe("is not a field of a charger");
  });

  it("reports missing required fields as required", () => {
    const { failures } = checkInputs(locationKind, { name: "x" });
    expect(failures).toEqual(
      expect.arrayContaining([
        { property: "accessType", reason: "is required" },
        { property: "address", reason: "is required" },
        { property: "timeZone", reason: "is required" },
      ]),
    );
  });

  it("checks the rules between fields", () => {
    const args = chargerArgs("loc_1") as Record<string, any>;
    args.ocppVersion = "OCPP16";
    args.evses[0].connectors.push({ ...args.evses[0].connectors[0], connectorId: 1 });
    const { failures } = checkInputs(chargerKind, args);
    expect(failures.map((f) => f.property).sort()).toEqual(["evses[0].connectors", "evses[0].connectors[1].connectorId"]);
  });

  it("lets unknown values (preview) through and still checks the known ones", () => {
    const args = { ...chargerArgs(UNKNOWN), maxPowerW: -1 };
    const { failures, inputs } = checkInputs(chargerKind, args);
    expect(failures).toEqual([expect.objectContaining({ property: "maxPowerW" })]);
    expect(inputs.locationId).toBe(UNKNOWN);
    const whole = checkInputs(chargerKind, { ...chargerArgs("loc_1"), evses: UNKNOWN });
    expect(whole.failures).toEqual([]);
  });

  it("validates the provider's own inputs", () => {
    expect(checkInputs(locationKind, { ...locationArgs(), adoptExisting: true }).failures).toEqual([
      { property: "adoptExisting", reason: "is not a field of a location" },
    ]);
    expect(checkInputs(chargerKind, { ...chargerArgs("l"), adoptId: "" }).failures[0].property).toBe("adoptId");
  });

  it("never echoes a secret in a failure", () => {
    const { failures } = checkInputs(chargerKind, { ...chargerArgs("l"), authorizationKey: "short-secret" });
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(failures)).not.toContain("short-secret");
  });
});
