// A public estate that passes every policy of the EOSVOLT pack (policy/):
//   pulumi preview --policy-pack ../../policy
import * as eosvolt from "pulumi-eosvolt";

// AC: 0.45 EUR/kWh; after a 4-hour grace period a blocking fee of 6 EUR/h in 15-minute steps.
// The first element whose restrictions match applies, so the blocking-fee element comes first.
const publicAc = new eosvolt.PricingPlan("public-ac", {
  name: "Public AC",
  currency: "EUR",
  elements: [
    {
      priceComponents: [
        { type: "ENERGY", price: "0.45", vat: "21", stepSize: 1 },
        { type: "PARKING_TIME", price: "6.00", vat: "21", stepSize: 900 },
      ],
      restrictions: { minDurationS: 4 * 3600 },
    },
    { priceComponents: [{ type: "ENERGY", price: "0.45", vat: "21", stepSize: 1 }] },
  ],
});

// DC fast charging: 0.69 EUR/kWh plus 0.35 EUR per session.
const publicDc = new eosvolt.PricingPlan("public-dc", {
  name: "Public DC",
  currency: "EUR",
  elements: [
    {
      priceComponents: [
        { type: "ENERGY", price: "0.69", vat: "21", stepSize: 1 },
        { type: "FLAT", price: "0.35", vat: "21", stepSize: 1 },
      ],
    },
  ],
});

// The German depot has its own plan: VAT 19%.
const depotAc = new eosvolt.PricingPlan("depot-ac", {
  name: "Depot AC (DE)",
  currency: "EUR",
  elements: [{ priceComponents: [{ type: "ENERGY", price: "0.49", vat: "19", stepSize: 1 }] }],
});

const station = new eosvolt.Location("station", {
  name: "Station Square",
  accessType: "PUBLIC",
  address: { street: "Stationsplein 1", city: "Utrecht", postalCode: "3511 ED", country: "NLD" },
  coordinates: { latitude: "52.08968", longitude: "5.11007" },
  timeZone: "Europe/Amsterdam",
  parkingType: "ON_STREET",
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

const type2 = { standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 } as const;
const ccs = { standard: "IEC_62196_T2_COMBO", format: "CABLE", powerType: "DC", maxVoltage: 920, maxAmperage: 200 } as const;

new eosvolt.Charger("station-ac-1", {
  locationId: station.id,
  ocppIdentity: "UT-STATION-AC-01",
  ocppVersion: "OCPP201",
  maxPowerW: 22000,
  evses: [{ evseId: 1, connectors: [{ connectorId: 1, ...type2 }] }],
});

// The DC charger's CCS connector uses the DC plan (same currency as the location's plan);
// its Type 2 connector keeps the location's AC plan.
new eosvolt.Charger("station-dc-1", {
  locationId: station.id,
  ocppIdentity: "UT-STATION-DC-01",
  ocppVersion: "OCPP201",
  maxPowerW: 150000,
  evses: [
    { evseId: 1, connectors: [{ connectorId: 1, ...ccs, pricingPlanId: publicDc.id }] },
    { evseId: 2, connectors: [{ connectorId: 1, ...type2 }] },
  ],
});

new eosvolt.Charger("depot-ac-1", {
  locationId: depot.id,
  ocppIdentity: "K-DEPOT-AC-01",
  ocppVersion: "OCPP16",
  maxPowerW: 11000,
  evses: [{ evseId: 1, connectors: [{ connectorId: 1, ...type2, maxAmperage: 16 }] }],
});

export const locationIds = [station.id, depot.id];
