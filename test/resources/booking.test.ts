/**
 * Location.supportContact and Location.booking through check and diff (no API):
 * bad input named by its dot path before any request; fees exact; defaults and
 * `sameDaySlotFee` = `slotFee` filled in, so leaving a default out is no change;
 * one changed fee is one PATCH of the whole booking; no booking is `booking: null`.
 */
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/core/check";
import { diffInputs, patchBody } from "../../provider/core/diff";
import { stateOf } from "../../provider/core/outputs";
import { locationKind } from "../../provider/kinds";
import { locationArgs } from "./fixtures";

const booking = (over: Record<string, unknown> = {}) => ({
  bookableFrom: "07:00",
  bookableUntil: "22:00",
  slotMinutes: 60,
  bufferMinutes: 15,
  pricingPlanId: "pp_booked",
  freeKwh: "2.5",
  currency: "EUR",
  slotFee: "1.50",
  blockingFeePerHour: 6,
  vat: "21",
  autoCancelMinutes: 20,
  ...over,
});
const garage = (over: Record<string, unknown> = {}) => ({
  ...locationArgs("pp_1"),
  accessType: "PUBLIC",
  supportContact: { email: "Support@Garage.example", phone: "+31201234567" },
  booking: booking(),
  ...over,
});

const failures = (args: Record<string, unknown>) => checkInputs(locationKind, args).failures;
const checked = (args: Record<string, unknown>) => {
  const result = checkInputs(locationKind, args);
  expect(result.failures).toEqual([]);
  return result.inputs;
};
/** The location as the API holds it after a create with this program: what check returned, plus the server's fields. */
const stored = (args: Record<string, unknown>) => stateOf(locationKind, { id: "loc_1", chargerCount: 0, createdAt: "t", updatedAt: "t", ...checked(args) }, checked(args));

describe("check: booking and support contact", () => {
  it("normalises: fees to 4 decimals, never rounded; defaults and the same-day fee filled in; the e-mail lower-cased", () => {
    const inputs = checked(garage({ booking: { slotMinutes: 30, currency: "EUR", slotFee: 0.1, vat: 9 } }));
    expect(inputs.booking).toEqual({
      slotMinutes: 30, bufferMinutes: 0, currency: "EUR", slotFee: "0.1000", sameDaySlotFee: "0.1000",
      graceMinutes: 15, vat: "9.0000", mixedMode: true, onDemandIntoBooking: false,
    });
    expect(inputs.supportContact).toEqual({ email: "support@garage.example", phone: "+31201234567" });
    expect(failures(garage({ booking: booking({ slotFee: "1.23456" }) }))).toEqual([
      { property: "booking.slotFee", reason: expect.stringMatching(/at most 4 and never rounds/) },
    ]);
  });

  it.each([
    ["slotMinutes not a multiple of 15", { slotMinutes: 50 }, "booking.slotMinutes", /multiple of 15/],
    ["slotMinutes under 30", { slotMinutes: 15 }, "booking.slotMinutes", /at least 30/],
    ["slotMinutes over a day", { slotMinutes: 1455, bookableFrom: undefined, bookableUntil: undefined }, "booking.slotMinutes", /at most 1440/],
    ["slot plus buffer longer than the frame", { slotMinutes: 885, bufferMinutes: 30 }, "booking.slotMinutes", /\(885 \+ 30 minutes\).*\(900 minutes\)/],
    ["bufferMinutes not a multiple of 5", { bufferMinutes: 7 }, "booking.bufferMinutes", /multiple of 5/],
    ["bookableFrom after bookableUntil", { bookableFrom: "22:00", bookableUntil: "07:00" }, "booking.bookableUntil", /after bookableFrom \(22:00\)/],
    ["bookableFrom equal to bookableUntil", { bookableUntil: "07:00" }, "booking.bookableUntil", /after bookableFrom/],
    ["only bookableFrom", { bookableUntil: undefined }, "booking.bookableUntil", /is required when bookableFrom is set/],
    ["only bookableUntil", { bookableFrom: undefined }, "booking.bookableFrom", /is required when bookableUntil is set/],
    ["bookableFrom at 24:00", { bookableFrom: "24:00" }, "booking.bookableFrom", /24:00 only ends/],
    ["a fee without currency", { currency: undefined }, "booking.currency", /required when a fee is set \(slotFee, blockingFeePerHour\)/],
    ["a same-day fee without currency", { currency: undefined, slotFee: undefined, blockingFeePerHour: undefined, sameDaySlotFee: "2" }, "booking.currency", /sameDaySlotFee/],
    ["a negative fee", { blockingFeePerHour: "-1" }, "booking.blockingFeePerHour", /at least 0/],
    ["VAT over 100", { vat: "100.01" }, "booking.vat", /at most 100/],
    ["freeKwh over 1000", { freeKwh: 1000.5 }, "booking.freeKwh", /at most 1000/],
    ["graceMinutes over 240", { graceMinutes: 241 }, "booking.graceMinutes", /at most 240/],
    ["autoCancelMinutes under 5", { autoCancelMinutes: 4 }, "booking.autoCancelMinutes", /at least 5/],
    ["an unknown rule", { slotPrice: "1" }, "booking.slotPrice", /is not a field/],
  ])("refuses %s", (_name, over, property, reason) => {
    expect(failures(garage({ booking: booking(over) }))).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  it("takes a frame ending at 24:00 and a slot that fills it exactly", () => {
    expect(failures(garage({ booking: booking({ bookableFrom: "18:00", bookableUntil: "24:00", slotMinutes: 345, bufferMinutes: 15 }) }))).toEqual([]);
    expect(failures(garage({ booking: { slotMinutes: 1440 } }))).toEqual([]);
  });

  it.each([
    ["an e-mail without @", { email: "support.garage.example" }, "supportContact.email", /one "@"/],
    ["an e-mail with two @", { email: "a@b@garage.example" }, "supportContact.email", /one "@"/],
    ["an e-mail with nothing after @", { email: "support@" }, "supportContact.email", /one "@"/],
    ["an e-mail over 254 characters", { email: `${"a".repeat(250)}@x.nl` }, "supportContact.email", /at most 254/],
    ["a phone with spaces", { phone: "+31 20 123 4567" }, "supportContact.phone", /E\.164/],
    ["a phone without +", { phone: "0201234567" }, "supportContact.phone", /E\.164/],
    ["a phone too long", { phone: "+3120123456789012" }, "supportContact.phone", /E\.164/],
    ["neither e-mail nor phone", {}, "supportContact", /must hold an email or a phone/],
  ])("refuses %s", (_name, contact, property, reason) => {
    expect(failures(garage({ supportContact: contact }))).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });
});

describe("diff: booking and support contact", () => {
  const state = stored(garage());
  const noChange = (program: Record<string, unknown>) => expect(diffInputs(locationKind, state, checked(program))).toMatchObject({ changes: false, replaces: [] });

  it("no change: the same program, defaults written out, fees written another way, the same-day fee written equal to the slot fee, the e-mail in another case", () => {
    noChange(garage());
    noChange(garage({ booking: booking({ graceMinutes: 15, mixedMode: true, onDemandIntoBooking: false }) }));
    noChange(garage({ booking: booking({ slotFee: 1.5, blockingFeePerHour: "6.0000", vat: "21.00", freeKwh: 2.5, sameDaySlotFee: "1.5" }) }));
    noChange(garage({ supportContact: { phone: "+31201234567", email: "SUPPORT@garage.EXAMPLE" } }));
  });

  it("no change when the API leaves its defaults out of the answer", () => {
    const { bufferMinutes: _b, graceMinutes: _g, vat: _v, mixedMode: _m, onDemandIntoBooking: _o, sameDaySlotFee: _s, ...sparse } = state.booking as Record<string, unknown>;
    const program = garage({ booking: booking({ bufferMinutes: 0, vat: undefined }) });
    const answer = { ...state, booking: { ...sparse, bufferMinutes: 0 } };
    expect(diffInputs(locationKind, answer, checked(program))).toMatchObject({ changes: false });
  });

  it("one fee changed: one PATCH of the whole booking, nothing else", () => {
    const news = checked(garage({ booking: booking({ slotFee: "1.75" }) }));
    const { changed, replaces } = diffInputs(locationKind, state, news);
    expect({ changed, replaces }).toEqual({ changed: ["booking"], replaces: [] });
    expect(patchBody(locationKind, changed, news)).toEqual({
      booking: { ...(state.booking as object), slotFee: "1.7500", sameDaySlotFee: "1.7500" },
    });
  });

  it("a same-day fee of its own stays when the slot fee changes", () => {
    const before = stored(garage({ booking: booking({ sameDaySlotFee: "2" }) }));
    const news = checked(garage({ booking: booking({ sameDaySlotFee: "2", slotFee: "1.75" }) }));
    expect(patchBody(locationKind, diffInputs(locationKind, before, news).changed, news)).toMatchObject({ booking: { slotFee: "1.7500", sameDaySlotFee: "2.0000" } });
  });

  it("booking left out or null: one PATCH booking: null; no booking on either side is no change", () => {
    for (const program of [garage({ booking: undefined }), garage({ booking: null })]) {
      const news = checked(program);
      const { changed } = diffInputs(locationKind, state, news);
      expect(changed).toEqual(["booking"]);
      expect(patchBody(locationKind, changed, news)).toEqual({ booking: null });
    }
    const off = stored(garage({ booking: undefined }));
    expect(diffInputs(locationKind, { ...off, booking: null }, checked(garage({ booking: null }))).changes).toBe(false);
  });

  it("the support contact removed: PATCH supportContact: null", () => {
    const news = checked(garage({ supportContact: undefined }));
    const { changed } = diffInputs(locationKind, state, news);
    expect(patchBody(locationKind, changed, news)).toEqual({ supportContact: null });
  });
});
