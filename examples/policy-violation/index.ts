// A charging estate that breaks each rule of the EOSVOLT policy pack (policy/) once:
//   pulumi preview --policy-pack ../../policy --policy-pack-config policy-config.json
// fails before anything is created and lists every violation.
import * as eosvolt from "pulumi-eosvolt";

// eosvolt-energy-price-cap: 0.95 EUR/kWh is above the default cap of 0.80 EUR/kWh.
// eosvolt-price-increase-cap: policy-config.json records 0.45 as the price before this change (+111%).
// eosvolt-blocking-fee-grace: the blocking fee starts after 10 minutes; the pack wants at least 60.
const publicAc = new eosvolt.PricingPlan("public-ac", {
  name: "Public AC",
  currency: "EUR",
  elements: [
    {
      priceComponents: [
        { type: "ENERGY", price: "0.95", vat: "21", stepSize: 1 },
        { type: "PARKING_TIME", price: "6.00", vat: "21", stepSize: 900 },
      ],
      restrictions: { minDurationS: 600 },
    },
    { priceComponents: [{ type: "ENERGY", price: "0.95", vat: "21", stepSize: 1 }] },
  ],
});

// eosvolt-location-currency: a USD plan on a charger of a location that prices in EUR.
const roamingUsd = new eosvolt.PricingPlan("roaming-usd", {
  name: "Roaming (USD)",
  currency: "USD",
  elements: [{ priceComponents: [{ type: "ENERGY", price: "0.55", vat: "21", stepSize: 1 }] }],
});

// eosvolt-vat-range: a German location whose plan charges the Dutch 21% VAT.
const depotAc = new eosvolt.PricingPlan("depot-ac", {
  name: "Depot AC",
  currency: "EUR",
  elements: [{ priceComponents: [{ type: "ENERGY", price: "0.49", vat: "21", stepSize: 1 }] }],
});

const station = new eosvolt.Location("station", {
  name: "Station Square",
  accessType: "PUBLIC",
  address: { street: "Stationsplein 1", city: "Utrecht", postalCode: "3511 ED", country: "NLD" },
  coordinates: { latitude: "52.08968", longitude: "5.11007" },
  timeZone: "Europe/Amsterdam",
  pricingPlanId: publicAc.id,
});

const depot = new eosvolt.Location("depot", {
  name: "Depot Köln",
  accessType: "PUBLIC",
  address: { street: "Hansaring 1", city: "Köln", postalCode: "50670", country: "DEU" },
  coordinates: { latitude: "50.94828", longitude: "6.94434" },
  timeZone: "Europe/Berlin",
  pricingPlanId: depotAc.id,
});

// eosvolt-public-location-plan: a PUBLIC location without a pricing plan.
new eosvolt.Location("kiosk", {
  name: "Kiosk corner",
  accessType: "PUBLIC",
  address: { street: "Oudegracht 100", city: "Utrecht", postalCode: "3511 AX", country: "NLD" },
  coordinates: { latitude: "52.09003", longitude: "5.12065" },
  timeZone: "Europe/Amsterdam",
});

const type2 = { standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 } as const;

new eosvolt.Charger("station-ac-1", {
  locationId: station.id,
  ocppIdentity: "UT-STATION-AC-01",
  ocppVersion: "OCPP201",
  maxPowerW: 22000,
  pricingPlanId: roamingUsd.id,
  evses: [{ evseId: 1, connectors: [{ connectorId: 1, ...type2 }] }],
});

new eosvolt.Charger("depot-ac-1", {
  locationId: depot.id,
  ocppIdentity: "K-DEPOT-AC-01",
  ocppVersion: "OCPP201",
  maxPowerW: 11000,
  evses: [{ evseId: 1, connectors: [{ connectorId: 1, ...type2, maxAmperage: 16 }] }],
});
