import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/core/check";
import { chargerKind, locationKind, pricingPlanKind } from "../../provider/kinds";
import { UNKNOWN } from "../../provider/core/values";
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

  it("never rounds a price: numbers and strings by one rule, exact or refused with the precision", () => {
    const plan = (price: unknown) => ({ ...planArgs(), elements: [{ priceComponents: [{ type: "ENERGY", price, vat: "21", stepSize: 1 }] }] });
    const reasonOf = (price: unknown) => checkInputs(pricingPlanKind, plan(price)).failures.map((f) => `${f.property}: ${f.reason}`);
    const priceOf = (price: unknown) => (checkInputs(pricingPlanKind, plan(price)).inputs.elements as any)[0].priceComponents[0].price;
    expect(priceOf(0.39)).toBe("0.3900");
    expect(priceOf("0.39")).toBe("0.3900");
    expect(priceOf(0.0001)).toBe("0.0001");
    for (const price of [1.23456, "1.23456", 0.00005, "0.00005"]) {
      expect(reasonOf(price)).toEqual(["elements[0].priceComponents[0].price: has 5 decimals; the API keeps at most 4 and never rounds a price"]);
    }
    expect(reasonOf(1e21)).toEqual(["elements[0].priceComponents[0].price: is too large: at most 12 digits before the decimal point"]);
    expect(reasonOf("1e3")).toEqual(['elements[0].priceComponents[0].price: is in exponent notation; write the decimal out, like "0.3900"']);
    expect(reasonOf("01.5")).toEqual(['elements[0].priceComponents[0].price: must not start with a zero: write "1.5"']);
  });

  it("compares ranges exactly and refuses periods and dates that run backwards", () => {
    const plan = { ...planArgs(), elements: [{ priceComponents: [{ type: "ENERGY", price: "0.39", stepSize: 1 }], restrictions: { minKwh: "999999999999.9999", maxKwh: "999999999999.9998", startDate: "2026-02-01", endDate: "2026-01-31" } }] };
    expect(checkInputs(pricingPlanKind, plan).failures.map((f) => f.property).sort()).toEqual(["elements[0].restrictions.endDate", "elements[0].restrictions.maxKwh"]);
    const location = { ...locationArgs(), openingTimes: { twentyfourseven: false, regularHours: [{ weekday: 1, periodBegin: "18:00", periodEnd: "08:00" }] } };
    expect(checkInputs(locationKind, location).failures).toEqual([{ property: "openingTimes.regularHours[0].periodEnd", reason: "must be after periodBegin (18:00)" }]);
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
