/** Location `supportContact` and `booking` (`/v1/locations`): rules by dot path, defaults, PATCH, and the plan a booking uses. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectError, locationBody, planBody, startApi, type Api } from "./helpers";

let api: Api;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.emu.close(); });
beforeEach(() => api.emu.reset());

const booking = (over: Record<string, unknown> = {}) => ({ slotMinutes: 60, ...over });

async function plan(): Promise<string> {
  const res = await api.call("POST", "/v1/pricing-plans", planBody());
  expect(res.status, res.text).toBe(201);
  return res.body.data.id;
}

async function location(over: Record<string, unknown> = {}) {
  const res = await api.call("POST", "/v1/locations", locationBody(over));
  expect(res.status, res.text).toBe(201);
  return res.body.data;
}

describe("location booking and support contact", () => {
  it("answers the booking with every default and decimals with 4 places, the contact's email lower-cased", async () => {
    const planId = await plan();
    const l = await location({
      supportContact: { email: "Help@EOSVOLT.example", phone: "+31201234567" },
      booking: booking({ bookableFrom: "07:00", bookableUntil: "24:00", pricingPlanId: planId, freeKwh: "2.5", currency: "EUR", slotFee: "1.5", sameDaySlotFee: "2", blockingFeePerHour: "0.25" }),
    });
    expect(l.supportContact).toEqual({ email: "help@eosvolt.example", phone: "+31201234567" });
    expect(l.booking).toEqual({
      bookableFrom: "07:00",
      bookableUntil: "24:00",
      slotMinutes: 60,
      pricingPlanId: planId,
      freeKwh: "2.5000",
      currency: "EUR",
      slotFee: "1.5000",
      sameDaySlotFee: "2.0000",
      blockingFeePerHour: "0.2500",
      bufferMinutes: 0,
      graceMinutes: 15,
      vat: "0.0000",
      mixedMode: true,
      onDemandIntoBooking: false,
    });
    expect((await api.call("GET", `/v1/locations/${l.id}`)).body.data).toEqual(l);
    expect(api.emu.state().locations[0].booking).toEqual(l.booking);
  });

  it("takes no booking when it is absent or null, and keeps given values over the defaults", async () => {
    expect((await location()).booking).toBeUndefined();
    expect((await location({ booking: null })).booking).toBeUndefined();
    const l = await location({ booking: booking({ bufferMinutes: 10, graceMinutes: 0, vat: "21", mixedMode: false, onDemandIntoBooking: true, autoCancelMinutes: 5 }) });
    expect(l.booking).toEqual({ slotMinutes: 60, bufferMinutes: 10, graceMinutes: 0, vat: "21.0000", mixedMode: false, onDemandIntoBooking: true, autoCancelMinutes: 5 });
  });

  it("accepts every edge the contract allows", async () => {
    for (const b of [
      booking({ slotMinutes: 1440 }),
      booking({ slotMinutes: 30, bookableFrom: "08:00", bookableUntil: "08:30" }),
      booking({ slotMinutes: 45, bufferMinutes: 15, bookableFrom: "23:00", bookableUntil: "24:00" }),
      booking({ slotMinutes: 1320, bufferMinutes: 120 }),
      booking({ graceMinutes: 240, autoCancelMinutes: 120, freeKwh: "1000", vat: "100", currency: "EUR" }),
      booking({ freeKwh: "0", slotFee: "0", currency: "EUR" }),
    ]) {
      const res = await api.call("POST", "/v1/locations", locationBody({ booking: b }));
      expect(res.status, `${JSON.stringify(b)}: ${res.text}`).toBe(201);
    }
    for (const c of [{ email: "a@b" }, { phone: "+12" }, { phone: "+123456789012345" }, { email: `${"x".repeat(240)}@example.com` }]) {
      const res = await api.call("POST", "/v1/locations", locationBody({ supportContact: c }));
      expect(res.status, `${JSON.stringify(c)}: ${res.text}`).toBe(201);
    }
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ["no email and no phone", { supportContact: {} }, "supportContact"],
    ["an email without @", { supportContact: { email: "help.example.com" } }, "supportContact.email"],
    ["an email with two @", { supportContact: { email: "a@b@example.com" } }, "supportContact.email"],
    ["nothing before the @", { supportContact: { email: "@example.com" } }, "supportContact.email"],
    ["an email of 255 characters", { supportContact: { email: `${"x".repeat(243)}@example.com` } }, "supportContact.email"],
    ["a phone without +", { supportContact: { phone: "0201234567" } }, "supportContact.phone"],
    ["a phone with a country code 0", { supportContact: { phone: "+0201234567" } }, "supportContact.phone"],
    ["a phone of 16 digits", { supportContact: { phone: "+1234567890123456" } }, "supportContact.phone"],
    ["a phone with spaces", { supportContact: { phone: "+31 20 123 4567" } }, "supportContact.phone"],
    ["an unknown contact field", { supportContact: { email: "a@b", fax: "+31201234567" } }, "supportContact.fax"],
    ["no slotMinutes", { booking: {} }, "booking.slotMinutes"],
    ["slotMinutes not a multiple of 15", { booking: booking({ slotMinutes: 50 }) }, "booking.slotMinutes"],
    ["slotMinutes below 30", { booking: booking({ slotMinutes: 15 }) }, "booking.slotMinutes"],
    ["slotMinutes above 1440", { booking: booking({ slotMinutes: 1455 }) }, "booking.slotMinutes"],
    ["slotMinutes not an integer", { booking: booking({ slotMinutes: 60.5 }) }, "booking.slotMinutes"],
    ["slotMinutes as a string", { booking: booking({ slotMinutes: "60" }) }, "booking.slotMinutes"],
    ["only bookableFrom", { booking: booking({ bookableFrom: "08:00" }) }, "booking.bookableUntil"],
    ["only bookableUntil", { booking: booking({ bookableUntil: "18:00" }) }, "booking.bookableFrom"],
    ["bookableFrom after bookableUntil", { booking: booking({ bookableFrom: "18:00", bookableUntil: "08:00" }) }, "booking.bookableUntil"],
    ["bookableFrom equal to bookableUntil", { booking: booking({ bookableFrom: "08:00", bookableUntil: "08:00" }) }, "booking.bookableUntil"],
    ["bookableFrom 24:00", { booking: booking({ bookableFrom: "24:00", bookableUntil: "24:00" }) }, "booking.bookableFrom"],
    ["bookableUntil 24:30", { booking: booking({ bookableFrom: "08:00", bookableUntil: "24:30" }) }, "booking.bookableUntil"],
    ["bookableFrom not HH:MM", { booking: booking({ bookableFrom: "8:00", bookableUntil: "18:00" }) }, "booking.bookableFrom"],
    ["slot plus buffer longer than the frame", { booking: booking({ slotMinutes: 60, bufferMinutes: 5, bookableFrom: "08:00", bookableUntil: "09:00" }) }, "booking.slotMinutes"],
    ["a slot longer than the frame", { booking: booking({ slotMinutes: 90, bookableFrom: "08:00", bookableUntil: "09:00" }) }, "booking.slotMinutes"],
    ["slot plus buffer longer than a day", { booking: booking({ slotMinutes: 1440, bufferMinutes: 5 }) }, "booking.slotMinutes"],
    ["bufferMinutes not a multiple of 5", { booking: booking({ bufferMinutes: 7 }) }, "booking.bufferMinutes"],
    ["bufferMinutes above 120", { booking: booking({ bufferMinutes: 125 }) }, "booking.bufferMinutes"],
    ["bufferMinutes negative", { booking: booking({ bufferMinutes: -5 }) }, "booking.bufferMinutes"],
    ["freeKwh above 1000", { booking: booking({ freeKwh: "1000.0001" }) }, "booking.freeKwh"],
    ["freeKwh negative", { booking: booking({ freeKwh: "-1" }) }, "booking.freeKwh"],
    ["freeKwh with 5 decimals", { booking: booking({ freeKwh: "1.12345" }) }, "booking.freeKwh"],
    ["freeKwh as a JSON number", { booking: booking({ freeKwh: 5 }) }, "booking.freeKwh"],
    ["a lower-case currency", { booking: booking({ currency: "eur" }) }, "booking.currency"],
    ["slotFee without currency", { booking: booking({ slotFee: "1.00" }) }, "booking.currency"],
    ["sameDaySlotFee without currency", { booking: booking({ sameDaySlotFee: "1.00" }) }, "booking.currency"],
    ["blockingFeePerHour without currency", { booking: booking({ blockingFeePerHour: "1.00" }) }, "booking.currency"],
    ["a negative slotFee", { booking: booking({ currency: "EUR", slotFee: "-0.01" }) }, "booking.slotFee"],
    ["a slotFee with 5 decimals", { booking: booking({ currency: "EUR", slotFee: "0.12345" }) }, "booking.slotFee"],
    ["a slotFee in exponent notation", { booking: booking({ currency: "EUR", slotFee: "1e2" }) }, "booking.slotFee"],
    ["a sameDaySlotFee as a JSON number", { booking: booking({ currency: "EUR", sameDaySlotFee: 2.5 }) }, "booking.sameDaySlotFee"],
    ["a blockingFeePerHour with 5 decimals", { booking: booking({ currency: "EUR", blockingFeePerHour: "0.00001" }) }, "booking.blockingFeePerHour"],
    ["graceMinutes above 240", { booking: booking({ graceMinutes: 241 }) }, "booking.graceMinutes"],
    ["graceMinutes negative", { booking: booking({ graceMinutes: -1 }) }, "booking.graceMinutes"],
    ["vat above 100", { booking: booking({ vat: "100.0001" }) }, "booking.vat"],
    ["autoCancelMinutes below 5", { booking: booking({ autoCancelMinutes: 4 }) }, "booking.autoCancelMinutes"],
    ["autoCancelMinutes above 120", { booking: booking({ autoCancelMinutes: 121 }) }, "booking.autoCancelMinutes"],
    ["mixedMode not a boolean", { booking: booking({ mixedMode: "yes" }) }, "booking.mixedMode"],
    ["onDemandIntoBooking not a boolean", { booking: booking({ onDemandIntoBooking: 1 }) }, "booking.onDemandIntoBooking"],
    ["an unknown booking field", { booking: booking({ slotFeeInclVat: "1.00" }) }, "booking.slotFeeInclVat"],
    ["booking not an object", { booking: "on" }, "booking"],
  ];

  it.each(refused)("refuses %s, naming the field by its dot path", async (_name, over, field) => {
    const body = expectError(await api.call("POST", "/v1/locations", locationBody(over)), 400, "invalid_parameter", field);
    expect(body.message).toContain(`'${field}'`);
    expect(api.emu.state().locations).toHaveLength(0);
  });

  it("refuses a booking plan that does not exist, on create and on PATCH", async () => {
    expectError(await api.call("POST", "/v1/locations", locationBody({ booking: booking({ pricingPlanId: "pp_nope00" }) })), 400, "invalid_parameter", "booking.pricingPlanId");
    const l = await location();
    expectError(await api.call("PATCH", `/v1/locations/${l.id}`, { booking: booking({ pricingPlanId: "pp_nope00" }) }), 400, "invalid_parameter", "booking.pricingPlanId");
  });

  it("PATCH replaces the booking whole, keeps it when not sent, turns it off with null; bad rules leave it as it was", async () => {
    const l = await location({ booking: booking({ currency: "EUR", slotFee: "1.50", bufferMinutes: 10 }), supportContact: { phone: "+31201234567" } });
    const kept = await api.call("PATCH", `/v1/locations/${l.id}`, { name: "HQ 2" });
    expect(kept.body.data.booking).toEqual(l.booking);

    const replaced = await api.call("PATCH", `/v1/locations/${l.id}`, { booking: { slotMinutes: 90, graceMinutes: 30 } });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body.data.booking).toEqual({ slotMinutes: 90, graceMinutes: 30, bufferMinutes: 0, vat: "0.0000", mixedMode: true, onDemandIntoBooking: false });

    const contact = await api.call("PATCH", `/v1/locations/${l.id}`, { supportContact: { email: "Ops@Example.com" } });
    expect(contact.body.data.supportContact).toEqual({ email: "ops@example.com" });

    expectError(await api.call("PATCH", `/v1/locations/${l.id}`, { booking: { slotMinutes: 90, slotFee: "2.00" } }), 400, "invalid_parameter", "booking.currency");
    expect((await api.call("GET", `/v1/locations/${l.id}`)).body.data.booking).toEqual(replaced.body.data.booking);

    const off = await api.call("PATCH", `/v1/locations/${l.id}`, { booking: null, supportContact: null });
    expect(off.status).toBe(200);
    expect(off.body.data.booking).toBeUndefined();
    expect(off.body.data.supportContact).toBeUndefined();
    expect("booking" in (await api.call("GET", `/v1/locations/${l.id}`)).body.data).toBe(false);
  });

  it("counts booking.pricingPlanId as a use of the plan: 409 pricing_plan_in_use until booking is off", async () => {
    const planId = await plan();
    const l = await location({ booking: booking({ pricingPlanId: planId }) });
    const refusal = expectError(await api.call("DELETE", `/v1/pricing-plans/${planId}`), 409, "pricing_plan_in_use");
    expect(refusal.message).toContain(l.id);
    expect(refusal.message).toContain("booking.pricingPlanId");
    expect(api.emu.state().pricingPlans).toHaveLength(1);
    expect((await api.call("PATCH", `/v1/locations/${l.id}`, { booking: null })).status).toBe(200);
    expect((await api.call("DELETE", `/v1/pricing-plans/${planId}`)).status).toBe(204);
  });
});
