import * as pulumi from "@pulumi/pulumi";
import * as eosvolt from "pulumi-eosvolt";

const config = new pulumi.Config();
// Optional OCPP basic-auth key for the chargers: `pulumi config set --secret authorizationKey …`.
const authorizationKey = config.getSecret("authorizationKey");

// Energy at 0.39 EUR/kWh excl. 21% VAT, every day.
const standard = new eosvolt.PricingPlan("standard", {
  name: "Standard AC",
  currency: "EUR",
  elements: [{ priceComponents: [{ type: "ENERGY", price: "0.39", vat: "21", stepSize: 1 }] }],
});

const hq = new eosvolt.Location("hq", {
  name: "HQ garage",
  accessType: "PRIVATE",
  address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
  coordinates: { latitude: "52.37403", longitude: "4.88969" },
  timeZone: "Europe/Amsterdam",
  parkingType: "UNDERGROUND_GARAGE",
  facilities: ["WIFI", "CAFE"],
  pricingPlanId: standard.id,
});

const type2 = {
  standard: "IEC_62196_T2",
  format: "SOCKET",
  powerType: "AC_3_PHASE",
  maxVoltage: 400,
  maxAmperage: 32,
} as const;

const chargers = ["HQ-AC-01", "HQ-AC-02"].map(
  (ocppIdentity, i) =>
    new eosvolt.Charger(`hq-${i + 1}`, {
      locationId: hq.id,
      ocppIdentity,
      name: `Bay ${i + 1}`,
      ocppVersion: "OCPP201",
      maxPowerW: 22000,
      authorizationKey,
      evses: [{ evseId: 1, connectors: [{ connectorId: 1, ...type2 }] }],
    }),
);

export const pricingPlanId = standard.id;
export const locationId = hq.id;
export const chargerIds = chargers.map((c) => c.id);
export const connectorRefs = chargers.map((c) => c.connectorRefs);
