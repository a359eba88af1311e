import { describe, expect, it } from "vitest";
import { StackModel } from "../../provider/stack/model";

const entry = (urn: string, kind: string, ...ids: unknown[]) => ({ urn, kind, ids, item: urn });
const model = new StackModel([
  entry("plan-a", "PricingPlan", "pp_1"),
  entry("plan-b", "PricingPlan", "pp_old", "pp_2"), // replaced: old and new id
  entry("loc", "Location", "loc_1"),
  entry("other", ""),
]);
const UNKNOWN = Symbol("unknown");

describe("StackModel.resolve", () => {
  it("no value is no reference", () => {
    expect(model.resolve("PricingPlan", undefined, ["plan-a"])).toEqual({ kind: "none" });
    expect(model.resolve("PricingPlan", null)).toEqual({ kind: "none" });
  });

  it("a known id wins over the dependencies, old ids included", () => {
    expect(model.resolve("PricingPlan", "pp_1", ["plan-b"])).toEqual({ kind: "found", urn: "plan-a" });
    expect(model.resolve("PricingPlan", "pp_old")).toEqual({ kind: "found", urn: "plan-b" });
    expect(model.resolve("Location", "pp_1")).toEqual({ kind: "outside", id: "pp_1" }); // an id of another kind
  });

  it("else the only dependency of the kind, for unknown values too", () => {
    expect(model.resolve("PricingPlan", UNKNOWN, ["plan-a", "loc", "other", "plan-a"])).toEqual({ kind: "found", urn: "plan-a" });
    expect(model.resolve("PricingPlan", "pp_9", ["plan-b"])).toEqual({ kind: "found", urn: "plan-b" });
  });

  it("an id nobody has is outside; an unknown value with no single dependency is unknown", () => {
    expect(model.resolve("PricingPlan", "pp_9")).toEqual({ kind: "outside", id: "pp_9" });
    expect(model.resolve("PricingPlan", "pp_9", ["plan-a", "plan-b"])).toEqual({ kind: "outside", id: "pp_9" });
    expect(model.resolve("PricingPlan", UNKNOWN, ["plan-a", "plan-b"])).toEqual({ kind: "unknown" });
    expect(model.resolve("PricingPlan", UNKNOWN, [])).toEqual({ kind: "unknown" });
  });

  it("lists entries by kind and URN", () => {
    expect(model.ofKind("PricingPlan").map((e) => e.item)).toEqual(["plan-a", "plan-b"]);
    expect(model.get("loc")?.kind).toBe("Location");
  });
});
