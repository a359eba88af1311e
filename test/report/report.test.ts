/**
 * The pricing review over REAL previews of examples/pricing (saved by
 * test/engine/report.test.ts with REPORT_UPDATE_FIXTURES=1), and over edits of
 * them for the cases a program cannot easily produce.
 */
import { describe, expect, it } from "vitest";
import { parsePreview } from "../../provider/report/preview";
import { summaryText, warningText } from "../../provider/report/render";
import { UNKNOWN, fixture, fixtureText, markdown, review, secret, step, summary } from "./helpers";

describe("the preview digest", () => {
  it("folds the engine's steps into one change per resource, with ids from the old state", () => {
    const preview = parsePreview(fixture("update"));
    const plan = preview.resources.find((r) => r.name === "public-ac")!;
    expect(plan).toMatchObject({ op: "update", kind: "PricingPlan", type: "pulumi-nodejs:dynamic/eosvolt:PricingPlan" });
    expect(typeof plan.old?.id).toBe("string");
    expect(plan.new?.id).toBeUndefined(); // a preview does not know new ids
    expect(preview.resources.filter((r) => r.op === "same")).toHaveLength(10);
    expect(preview.unchangedOmitted).toBe(false);
  });

  it("notices when unchanged resources were left out (no --show-sames)", () => {
    expect(parsePreview(fixture("update-without-sames")).unchangedOmitted).toBe(true);
  });

  it("folds --show-replacement-steps into one replacement", () => {
    const doc = fixture("replace");
    const replace = step(doc, "highway-dc", "replace");
    const steps = doc.steps.flatMap((s: any) =>
      s === replace
        ? [
            { ...s, op: "create-replacement" },
            { ...s, op: "replace" },
            { ...s, op: "delete-replaced", newState: undefined },
          ]
        : [s],
    );
    const folded = { ...doc, steps };
    const r = parsePreview(folded).resources.filter((x) => x.name === "highway-dc");
    expect(r).toHaveLength(1);
    expect(r[0].op).toBe("replace");
    expect(r[0].rawOps).toEqual(["create-replacement", "replace", "delete-replaced"]);
    expect(markdown(folded)).toBe(markdown(doc));
  });
});

describe("the pricing review", () => {
  it("nothing but 'No pricing changes.' when nothing changes", () => {
    expect(markdown(fixture("no-change"))).toBe("No pricing changes.\n");
  });

  it("a fresh stack: every plan is new, listed with prices and users", () => {
    const md = markdown(fixture("create"));
    expect(md.split("\n")[0]).toBe("Pricing changes: 3 new plans.");
    expect(md).toContain("### New plan: Highway DC fast (EUR)");
    expect(md).toContain("| Mon–Fri 07:00–23:00 | Session fee, per session | EUR 0.50 | 21% | EUR 0.605 |");
    expect(md).toContain("| any other time | Energy, per kWh | EUR 0.49 | 21% | EUR 0.5929 |");
    expect(md).toContain("- Minimum price per session: EUR 1.00 excl. VAT");
    expect(md).toContain("- Maximum price per session: EUR 60.00 excl. VAT");
    expect(md).toContain("- Chargers: A2-VNK-DC-01 “HPC 1”, A2-VNK-DC-02 “HPC 2 (with AC cable)”");
    expect(md).not.toMatch(/04da6b54|known after apply/);
  });

  it("a price edited: old → new, percent, VAT, what drivers pay, users, the increase warning", () => {
    const r = review(fixture("update"));
    expect(summaryText(r)).toBe("Pricing changes: 1 plan updated (1 price up, max +12.8%). ⚠️ 1 warning.");
    expect(r.warnings.map((w) => w.kind)).toEqual(["increase"]);
    const md = markdown(fixture("update"));
    expect(md).toContain("| Mon–Fri 07:00–23:00 | Energy, per kWh | EUR 0.39 | **EUR 0.44** | **+12.8%** | 21% | EUR 0.5324 (was EUR 0.4719) |");
    expect(md).toContain("| 07:00–23:00, after 2 h parked | Idle fee, per hour parked (billed per 15 min) | EUR 6.00 | EUR 6.00 | — | 21% | EUR 7.26 |");
    expect(md).toContain("Used by 1 location, 2 chargers, 1 connector in this stack:");
    expect(md).toContain("- Connectors with their own plan: A2-VNK-DC-02 EVSE 2 connector 1");
  });

  it("the threshold is a flag: no warning when the increase is within it", () => {
    expect(review(fixture("update"), { maxIncreasePercent: 12.8 }).warnings).toEqual([]);
    expect(review(fixture("update"), { maxIncreasePercent: 12.7 }).warnings).toHaveLength(1);
  });

  it("without --show-sames the users are incomplete and the review says so", () => {
    const md = markdown(fixture("update-without-sames"));
    expect(md).toContain("unchanged ones are not listed");
    expect(md).toContain("run `pulumi preview --json --show-sames`");
  });

  it("a currency change is a replacement; its users move with it and do not 'switch'", () => {
    const r = review(fixture("replace"));
    expect(summaryText(r)).toBe("Pricing changes: 1 plan replaced (currency EUR → USD).");
    expect(r.switches).toEqual([]);
    const md = markdown(fixture("replace"));
    expect(md).toContain("The currency of a plan cannot change in place");
    expect(md).toContain("| after 45 min parked | Idle fee, per hour parked (billed per 5 min) | EUR 12.00 | **USD 12.00** | same amount, new currency | 21% | USD 14.52 (was EUR 14.52) |");
    expect(md).toContain("- Locations (default plan of their chargers): A2 Fast Charging Hub Vinkeveen");
  });

  it("a deleted plan lists its prices; its former user switches plan", () => {
    const r = review(fixture("delete"));
    expect(summaryText(r)).toBe("Pricing changes: 1 plan deleted, 1 charger switches plan.");
    expect(r.warnings).toEqual([]);
    expect(r.switches).toEqual([{ kind: "charger", charger: { id: "AMS-CC-STAFF-01", name: "Staff bay (badge only)" }, from: { plan: "Staff & fleet" }, to: { plan: "Public AC" } }]);
    expect(markdown(fixture("delete"))).toContain("Used by no location or charger in this stack any more.");
  });

  it("warns when a deleted plan is still used in the stack", () => {
    const doc = fixture("delete");
    const deletedId = step(doc, "staff", "delete").oldState.id;
    const charger = step(doc, "city-staff");
    charger.newState.inputs.pricingPlanId = deletedId; // a literal id the PR forgot to change
    charger.newState.propertyDependencies.pricingPlanId = [];
    const r = review(doc);
    expect(r.warnings.map((w) => w.kind)).toEqual(["deleted-in-use"]);
    expect(warningText(r.warnings[0])).toContain("**Staff & fleet** is deleted but still used by charger AMS-CC-STAFF-01");
    expect(r.switches).toEqual([]);
    expect(markdown(doc)).toContain("Still used by 1 charger in this stack:");
  });

  it("warns about hours of the week without a price", () => {
    const doc = fixture("update");
    const plan = step(doc, "public-ac", "update");
    plan.newState.inputs.elements.splice(2, 1); // drop the fallback "nights" element
    const r = review(doc);
    const coverage = r.warnings.find((w) => w.kind === "coverage")!;
    expect(warningText(coverage)).toBe(
      "**Public AC** has no energy, time or session price Mon–Fri 00:00–07:00, 23:00–24:00: no window applies to every session then.",
    );
    expect(markdown(doc)).toContain("| weekends | Energy, per kWh | EUR 0.34 | EUR 0.34 | — | 21% | EUR 0.4114 |\n| any other time | Energy, per kWh | EUR 0.29 | removed | removed | 21% | — (was EUR 0.3509) |");
  });

  it("shows values not known before apply as such, and never compares them", () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.elements[0].priceComponents[0].price = UNKNOWN;
    const r = review(doc);
    expect(r.warnings).toEqual([]);
    const md = markdown(doc);
    expect(md).toContain("| Mon–Fri 07:00–23:00 | Energy, per kWh | EUR 0.39 | **(known after apply)** | not comparable | 21% | (known after apply) (was EUR 0.4719) |");
    expect(md).not.toContain(UNKNOWN);
  });

  it("never prints secrets", () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.name = secret("Secret Plan Name");
    step(doc, "city-ac-1").newState.inputs.name = secret("Secret Bay Name");
    const md = markdown(doc);
    expect(md).not.toMatch(/Secret (Plan|Bay) Name|4dabf181/);
    expect(md).toContain("### Updated plan: (secret) (EUR)");
  });

  it("a VAT change shows both percentages and warns on what drivers pay", () => {
    const doc = fixture("update");
    const weekend = step(doc, "public-ac", "update").newState.inputs.elements[1].priceComponents[0];
    weekend.vat = "25.0000"; // price unchanged, VAT 21 % → 25 %
    const r = review(doc, { maxIncreasePercent: 20 });
    expect(r.warnings).toEqual([]);
    const md = markdown(doc);
    expect(md).toContain("| weekends | Energy, per kWh | EUR 0.34 | EUR 0.34 | **±0%** (+3.3% incl. VAT) | 21% → **25%** | EUR 0.425 (was EUR 0.4114) |");
    expect(summary(doc, { maxIncreasePercent: 3 }).warnings).toContainEqual(expect.stringContaining("energy weekends goes up by 3.3% incl. VAT"));
  });

  it("a charge added where there was none, removed, and a changed time window", () => {
    const doc = fixture("update");
    const elements = step(doc, "public-ac", "update").newState.inputs.elements;
    elements[0].restrictions.endTime = "22:00"; // peak ends an hour earlier
    elements[1].priceComponents.push({ type: "FLAT", price: "0.3500", stepSize: 1, vat: "21.0000" });
    elements.pop(); // no idle fee any more
    const r = review(doc);
    expect(summaryText(r)).toBe("Pricing changes: 1 plan updated (1 price up, max +12.8%; 1 price added; 1 price removed). ⚠️ 1 warning.");
    const md = markdown(doc);
    expect(md).toContain("| Mon–Fri 07:00–22:00 (was Mon–Fri 07:00–23:00) | Energy, per kWh | EUR 0.39 | **EUR 0.44** | **+12.8%** |");
    expect(md).toContain("| weekends | Session fee, per session | — | EUR 0.35 | added | 21% | EUR 0.4235 |");
    expect(md).toContain("| 07:00–23:00, after 2 h parked | Idle fee, per hour parked (billed per 15 min) | EUR 6.00 | removed | removed | 21% | — (was EUR 7.26) |");
  });

  it("reports errors of the preview as a warning", () => {
    const doc = fixture("no-change");
    doc.diagnostics = [{ message: "error: Running program failed:\nTSError: ⨯ Unable to compile TypeScript", severity: "error" }];
    const r = review(doc);
    expect(summaryText(r)).toBe("No pricing changes. ⚠️ 1 warning.");
    expect(markdown(doc)).toContain("The preview reported an error");
  });

  it("several changes at once: the same Markdown as the engine test produced", () => {
    expect(markdown(fixture("combined"))).toBe(fixtureText("combined.md"));
  });
});
