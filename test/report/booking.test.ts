/**
 * The pricing review of booking rules (`Location.booking`): each priced rule
 * old → new with its change in percent and what drivers pay incl. the
 * booking's VAT; booking turned on and off named; `--max-increase` warns about
 * booking fees as about prices. Fixtures: `booking.json`, a preview of three
 * locations (fees changed, booking turned on, booking turned off) beside a plan
 * they book with, written in the shape the CLI prints; `booking-slot-fee.json`,
 * a real `pulumi preview --json --show-sames` of examples/booking with one slot
 * fee changed (saved by test/engine/booking.test.ts).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../provider/report/cli";
import { fixture, fixtureText, markdown, review, step, summary } from "./helpers";

const doc = fixture("booking");
const garage = (r: ReturnType<typeof review>) => r.bookings.find((b) => b.location === "Stationsplein garage")!;
/** The fixture with the garage's new booking rules changed by `edit`. */
function withGarage(edit: (rules: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(doc);
  edit(step(copy, "garage").newState.inputs.booking);
  return copy;
}

describe("pricing review: booking", () => {
  it("shows each changed priced rule old → new with its change in percent, and only those", () => {
    expect(garage(review(doc)).rows).toEqual([
      { rule: "slotFee", old: "1.5000", new: "1.7500", changed: true, percent: 16.7 },
      { rule: "blockingFeePerHour", old: "6.0000", new: "9.0000", changed: true, percent: 50 },
      { rule: "graceMinutes", old: 15, new: 10, changed: true, percent: -33.3 },
      { rule: "freeKwh", old: "2.0000", new: "1.0000", changed: true, percent: -50 },
    ]);
    const md = markdown(doc);
    expect(md).toContain("| Slot fee (per booked slot) | EUR 1.50 | **EUR 1.75** | **+16.7%** | EUR 2.1175 (was EUR 1.815) |");
    expect(md).toContain("| Blocking fee (per hour after the grace period) | EUR 6.00 | **EUR 9.00** | **+50.0%** | EUR 10.89 (was EUR 7.26) |");
    expect(md).toContain("| Grace period before the blocking fee | 15 min | **10 min** | **−33.3%** | — |");
    expect(md).toContain("| Free kWh per booked session | 2 kWh | **1 kWh** | **−50.0%** | — |");
    expect(md).toContain("- slotMinutes: 60 → 90");
    // The same-day fee (2.00 on both sides) and the plan did not change.
    expect(md).not.toMatch(/Same-day slot fee.*\| EUR 2.00 \|/);
    expect(md).not.toContain("Booking-only pricing plan");
  });

  it("names booking turned on and off, with the rules that come and go", () => {
    const r = review(doc);
    expect(r.bookings.map((b) => [b.location, b.change])).toEqual([
      ["Stationsplein garage", "changed"],
      ["Depot Noord", "on"],
      ["Harbour P+R", "off"],
    ]);
    const md = markdown(doc);
    expect(md).toContain("### Booking turned on: Depot Noord");
    expect(md).toContain("| Slot fee (per booked slot) | EUR 0.50 | EUR 0.545 |");
    expect(md).toContain("### Booking turned off: Harbour P+R");
    expect(md).toContain("| Blocking fee (per hour after the grace period) | EUR 4.00 | EUR 4.84 |");
    expect(summary(doc).summary).toBe(
      "Pricing changes: booking rules changed at 1 location (2 fees up, max +50.0%), booking turned on at 1 location, booking turned off at 1 location. ⚠️ 2 warnings.",
    );
  });

  it("--max-increase warns about booking fees that rise past it, excl. or incl. VAT", () => {
    expect(summary(doc).warnings).toEqual([
      "**Stationsplein garage**: the booking slot fee goes up by 16.7% (EUR 1.50 → EUR 1.75 excl. VAT, VAT 21%), more than the 10% limit.",
      "**Stationsplein garage**: the booking blocking fee goes up by 50.0% (EUR 6.00 → EUR 9.00 excl. VAT, VAT 21%), more than the 10% limit.",
    ]);
    expect(summary(doc, { maxIncreasePercent: 20 }).warnings).toHaveLength(1);
    expect(summary(doc, { maxIncreasePercent: 50 }).warnings).toEqual([]);
    // A VAT rise alone raises what drivers pay: the fees' change incl. VAT is shown and checked.
    const vatUp = withGarage((b) => Object.assign(b, { slotFee: "1.5000", blockingFeePerHour: "6.0000", vat: "25.0000" }));
    expect(garage(review(vatUp)).rows.slice(0, 3)).toEqual([
      { rule: "slotFee", old: "1.5000", new: "1.5000", changed: true, percent: 0, percentInclVat: 3.3 },
      { rule: "sameDaySlotFee", old: "2.0000", new: "2.0000", changed: true, percent: 0, percentInclVat: 3.3 },
      { rule: "blockingFeePerHour", old: "6.0000", new: "6.0000", changed: true, percent: 0, percentInclVat: 3.3 },
    ]);
    expect(markdown(vatUp)).toContain("| Slot fee (per booked slot) | EUR 1.50 | **EUR 1.50** | **±0%** (+3.3% incl. VAT) | EUR 1.875 (was EUR 1.815) |");
    const both = withGarage((b) => Object.assign(b, { slotFee: "1.6000", blockingFeePerHour: "6.0000", vat: "25.0000" }));
    expect(garage(review(both)).rows[0]).toEqual({ rule: "slotFee", old: "1.5000", new: "1.6000", changed: true, percent: 6.7, percentInclVat: 10.2 });
    expect(summary(both).warnings[0]).toMatch(/slot fee goes up by 10\.2% incl\. VAT/);
    expect(markdown(both)).toContain("- VAT on the fees: 21% → **25%**");
  });

  it("shows the booking-only plan by its name, old → new", () => {
    const other = withGarage((b) => {
      b.pricingPlanId = "pp_elsewhere";
    });
    step(other, "garage").newState.propertyDependencies.booking = [];
    expect(garage(review(other)).rows.find((row) => row.rule === "pricingPlanId")).toEqual({ rule: "pricingPlanId", old: "Booked charging", new: "pp_elsewhere", changed: true });
    expect(markdown(other)).toContain("| Booking-only pricing plan | Booked charging | **pp_elsewhere** | other plan | — |");
  });

  it("through the CLI: --fail-on-warning exits 1 on a booking fee rise past --max-increase", async () => {
    const text = fixtureText("booking.json");
    expect((await run(["--fail-on-warning"], () => text)).code).toBe(1);
    expect(await run(["--fail-on-warning", "--max-increase", "50%"], () => text)).toMatchObject({ code: 0, stdout: expect.stringContaining("### Booking rules changed: Stationsplein garage") });
  });

  it("on a real preview of examples/booking: one slot fee old → new, nothing else, one warning", () => {
    const real = fixture("booking-slot-fee");
    const r = review(real);
    expect(r.plans).toEqual([]);
    expect(r.bookings).toEqual([
      expect.objectContaining({
        location: "Stationsplein garage",
        change: "changed",
        currency: "EUR",
        vat: "21.0000",
        rows: [{ rule: "slotFee", old: "1.5000", new: "1.7500", changed: true, percent: 16.7 }],
        others: [],
      }),
    ]);
    const md = markdown(real, { charts: false });
    expect(md.split("\n")[0]).toBe("Pricing changes: booking rules changed at 1 location (1 fee up, max +16.7%). ⚠️ 1 warning.");
    expect(md).toContain("| Slot fee (per booked slot) | EUR 1.50 | **EUR 1.75** | **+16.7%** | EUR 2.1175 (was EUR 1.815) |");
    expect(summary(real, { maxIncreasePercent: 20 }).warnings).toEqual([]);
  });

  it("says nothing of bookings when no location's booking changes", () => {
    expect(review(fixture("update")).bookings).toEqual([]);
    expect(markdown(fixture("update"))).not.toContain("Booking");
  });
});
