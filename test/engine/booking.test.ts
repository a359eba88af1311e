/**
 * examples/booking through the real CLI: a public garage with booking rules, a
 * support contact and a booking-only plan goes up; a second preview shows no
 * change, also with defaults written out, fees written another way and the
 * e-mail in another case; one slot fee changed is exactly one PATCH and the
 * pricing review shows it old → new; a hand edit of the booking shows as drift;
 * booking removed from the program is one PATCH that turns it off; destroy
 * leaves no location and no plan.
 *
 * REPORT_UPDATE_FIXTURES=1 also saves the slot-fee preview as
 * test/report/fixtures/booking-slot-fee.json for the unit tests.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { api } from "./api";
import { ROOT, openProject, stripPreview, writes, type PulumiProject } from "./harness";
import { defined, record } from "../narrow";

const REPORT = join(ROOT, "dist/provider/report/cli.js");
const line = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe("examples/booking", { timeout: 300_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;
  const garage = () => emulator.state().locations[0];

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("booking"));
    await project.init();
  }, 180_000);
  afterAll(async () => dispose?.());

  it("up creates both plans, then the garage with its booking rules and support contact", async () => {
    await project.expect(["up", "--yes"]);
    const sent = writes(emulator).map(line);
    expect(sent.filter((s) => s === "POST /v1/pricing-plans")).toHaveLength(2);
    expect(sent[sent.length - 1]).toBe("POST /v1/locations");
    const booked = defined(emulator.state().pricingPlans.find((p) => p.name === "Garage booked charging"), "plan Garage booked charging");
    expect(garage()).toMatchObject({
      supportContact: { email: "support@stationsplein-garage.example", phone: "+31302345678" },
      booking: {
        bookableFrom: "07:00", bookableUntil: "22:00", slotMinutes: 60, bufferMinutes: 15, pricingPlanId: booked.id,
        freeKwh: "2.0000", currency: "EUR", slotFee: "1.5000", sameDaySlotFee: "2.0000", blockingFeePerHour: "6.0000",
        graceMinutes: 15, vat: "21.0000", autoCancelMinutes: 20, mixedMode: true, onDemandIntoBooking: false,
      },
    });
    expect(await project.outputs()).toMatchObject({ locationId: garage().id, booking: { slotFee: "1.5000" } });
  });

  it("a second preview shows no change, also with defaults written out, fees written another way and the e-mail in another case", async () => {
    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    project.edit("index.ts", 'autoCancelMinutes: 20,', 'autoCancelMinutes: 20, graceMinutes: 15, mixedMode: true, onDemandIntoBooking: false,');
    project.edit("index.ts", 'slotFee: "1.50",', 'slotFee: 1.5,');
    project.edit("index.ts", 'blockingFeePerHour: "6",', 'blockingFeePerHour: "6.0000",');
    project.edit("index.ts", '"Support@Stationsplein-Garage.example"', '"SUPPORT@stationsplein-garage.EXAMPLE"');
    await project.expect(["preview", "--expect-no-changes"]);
    expect(writes(emulator)).toEqual([]);
  });

  it("one slot fee changed: the pricing review shows it old → new, and up sends exactly one PATCH", async () => {
    project.edit("index.ts", "slotFee: 1.5,", 'slotFee: "1.75",');
    const { stdout: previewJson } = await project.expect(["preview", "--json", "--show-sames"]);
    if (process.env.REPORT_UPDATE_FIXTURES === "1") writeFileSync(join(ROOT, "test/report/fixtures/booking-slot-fee.json"), stripPreview(previewJson, project));
    const review = execFileSync(process.execPath, [REPORT, "--max-increase", "10%"], { input: previewJson, encoding: "utf8" });
    expect(review).toMatch(/^Pricing changes: booking rules changed at 1 location \(1 fee up, max \+16\.7%\)\./);
    expect(review).toContain("### Booking rules changed: Stationsplein garage");
    expect(review).toContain("| Slot fee (per booked slot) | EUR 1.50 | **EUR 1.75** | **+16.7%** | EUR 2.1175 (was EUR 1.815) |");
    expect(review).toContain("**Stationsplein garage**: the booking slot fee goes up by 16.7%");
    expect(review).not.toContain("Same-day slot fee");

    emulator.clearRequests();
    await project.expect(["up", "--yes"]);
    expect(writes(emulator).map(line)).toEqual([`PATCH /v1/locations/${garage().id}`]);
    expect(garage().booking).toMatchObject({ slotFee: "1.7500", sameDaySlotFee: "2.0000", blockingFeePerHour: "6.0000" });
  });

  it("a booking edited by hand shows as drift in preview --refresh and refresh; up restores it with one PATCH", async () => {
    const { id, booking } = garage();
    await api(emulator, "PATCH", `/v1/locations/${id}`, { booking: { ...record(booking, "the garage's booking"), blockingFeePerHour: "9.00" } });
    emulator.clearRequests();
    const drifting = await project.run(["preview", "--refresh", "--expect-no-changes"]);
    expect(drifting.code).not.toBe(0);
    expect(drifting.stdout).toMatch(/\[diff: ~booking\]/);
    const refresh = await project.expect(["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(/Location \S+ updated .*\[diff: ~booking\]/);
    expect(writes(emulator)).toEqual([]);
    await project.expect(["up", "--yes"]);
    expect(writes(emulator).map(line)).toEqual([`PATCH /v1/locations/${id}`]);
    expect(record(garage().booking, "the garage's booking").blockingFeePerHour).toBe("6.0000");
  });

  it("booking removed from the program: the review names it turned off, and up sends one PATCH (booking: null)", async () => {
    project.edit("index.ts", /\n  booking: \{[\s\S]*?\n  \},/, "");
    const { stdout: previewJson } = await project.expect(["preview", "--json", "--show-sames"]);
    const review = execFileSync(process.execPath, [REPORT], { input: previewJson, encoding: "utf8" });
    expect(review).toMatch(/^Pricing changes: booking turned off at 1 location\./);
    expect(review).toContain("### Booking turned off: Stationsplein garage");
    emulator.clearRequests();
    await project.expect(["up", "--yes"]);
    expect(writes(emulator).map(line)).toEqual([`PATCH /v1/locations/${garage().id}`]);
    expect(garage().booking ?? null).toBeNull();
    expect(garage().supportContact).toEqual({ email: "support@stationsplein-garage.example", phone: "+31302345678" });
  });

  it("destroy leaves no location and no plan", async () => {
    await project.expect(["destroy", "--yes"]);
    expect(emulator.state().locations).toEqual([]);
    expect(emulator.state().pricingPlans).toEqual([]);
  });
});
