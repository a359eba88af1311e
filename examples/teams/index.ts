import * as eosvolt from "pulumi-eosvolt";

// Depot charging at 0.30 EUR/kWh excl. 21% VAT.
const depotRate = new eosvolt.PricingPlan("depot-rate", {
  name: "Depot rate",
  currency: "EUR",
  elements: [{ priceComponents: [{ type: "ENERGY", price: "0.30", vat: "21", stepSize: 1 }] }],
});

// The fleet's drivers, by their charge keys: RFID cards and a van's MAC (Plug & Charge).
// The team is invoiced (OFFLINE): its members pay nothing in the app, 15% less than the depot rate.
const fleet = new eosvolt.Team("fleet", {
  name: "Acme delivery fleet",
  chargeKeys: [
    { type: "RFID", uid: "04a2b3c4", label: "Driver 1" },
    { type: "RFID", uid: "04A2B3C4D5E6F7", label: "Driver 2" },
    { type: "MAC", uid: "00:1a:2b:3c:4d:5e", label: "Van 7" },
  ],
  discountPercent: "15",
  billing: "OFFLINE",
});

// A semi-public location is visible only to the teams it names.
const depot = new eosvolt.Location("depot", {
  name: "Acme depot",
  accessType: "SEMI_PUBLIC",
  teamIds: [fleet.id],
  address: { street: "Havenweg 12", city: "Rotterdam", postalCode: "3089 JB", country: "NLD" },
  coordinates: { latitude: "51.88652", longitude: "4.41863" },
  timeZone: "Europe/Amsterdam",
  parkingType: "PARKING_LOT",
  pricingPlanId: depotRate.id,
});

export const teamId = fleet.id;
export const chargeKeys = fleet.chargeKeys;
export const locationId = depot.id;
export const locationTeamIds = depot.teamIds;
