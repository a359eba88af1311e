import * as eosvolt from "pulumi-eosvolt";

// Walk-in charging at the garage: 0.45 EUR/kWh excl. 21% VAT.
const walkIn = new eosvolt.PricingPlan("walk-in", {
  name: "Garage walk-in",
  currency: "EUR",
  elements: [{ priceComponents: [{ type: "ENERGY", price: "0.45", vat: "21", stepSize: 1 }] }],
});

// The booking-only price: drivers who book a slot charge at 0.35 EUR/kWh.
const booked = new eosvolt.PricingPlan("booked", {
  name: "Garage booked charging",
  currency: "EUR",
  elements: [{ priceComponents: [{ type: "ENERGY", price: "0.35", vat: "21", stepSize: 1 }] }],
});

// A public garage that takes bookings from 07:00 to 22:00 in one-hour slots with
// 15 minutes kept free after each; a slot costs 1.50 EUR (2.00 EUR booked for
// the same day), the first 2 kWh of a booked session are free, and a car still
// plugged in 15 minutes after its slot pays a blocking fee of 6 EUR per hour.
const garage = new eosvolt.Location("garage", {
  name: "Stationsplein garage",
  accessType: "PUBLIC",
  parkingType: "PARKING_GARAGE",
  address: { street: "Stationsplein 9", city: "Utrecht", postalCode: "3511 ED", country: "NLD" },
  coordinates: { latitude: "52.08940", longitude: "5.10970" },
  timeZone: "Europe/Amsterdam",
  openingTimes: { twentyfourseven: true },
  pricingPlanId: walkIn.id,
  supportContact: { email: "Support@Stationsplein-Garage.example", phone: "+31302345678" },
  booking: {
    bookableFrom: "07:00",
    bookableUntil: "22:00",
    slotMinutes: 60,
    bufferMinutes: 15,
    pricingPlanId: booked.id,
    freeKwh: "2",
    currency: "EUR",
    slotFee: "1.50",
    sameDaySlotFee: "2.00",
    blockingFeePerHour: "6",
    vat: "21",
    autoCancelMinutes: 20,
  },
});

export const locationId = garage.id;
export const booking = garage.booking;
export const supportContact = garage.supportContact;
