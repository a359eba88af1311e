import * as pulumi from "@pulumi/pulumi";
import * as eosvolt from "pulumi-eosvolt";

// Objects created by hand (or by another tool) before this stack existed.
// Their ids come from stack config:
//   pulumi config set pricingPlanId pp_…
//   pulumi config set locationId loc_…
// On the first `pulumi up` each is read (one GET), changed only where this
// program differs (at most one PATCH), and managed from then on. Nothing is created.
const config = new pulumi.Config();

const plan = new eosvolt.PricingPlan("night-tariff", {
  adoptId: config.require("pricingPlanId"),
  name: "Night tariff",
  currency: "EUR",
  elements: [
    {
      priceComponents: [{ type: "ENERGY", price: "0.25", vat: "21", stepSize: 1 }],
      restrictions: { startTime: "22:00", endTime: "07:00" },
    },
    { priceComponents: [{ type: "ENERGY", price: "0.35", vat: "21", stepSize: 1 }] },
  ],
});

const depot = new eosvolt.Location("depot", {
  adoptId: config.require("locationId"),
  name: "Night depot",
  accessType: "PRIVATE",
  address: { street: "Havenweg 12", city: "Rotterdam", postalCode: "3011 AB", country: "NLD" },
  coordinates: { latitude: "51.92442", longitude: "4.47773" },
  timeZone: "Europe/Amsterdam",
  pricingPlanId: plan.id,
});

// Chargers can also be found by their OCPP identity, without looking up ids.
const chargers = ["DEPOT-01", "DEPOT-02"].map(
  (ocppIdentity) =>
    new eosvolt.Charger(ocppIdentity.toLowerCase(), {
      adoptExisting: true,
      locationId: depot.id,
      ocppIdentity,
      ocppVersion: "OCPP16",
      maxPowerW: 11000,
      evses: [
        {
          evseId: 1,
          connectors: [
            { connectorId: 1, standard: "IEC_62196_T2", format: "CABLE", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 16 },
          ],
        },
      ],
    }),
);

export const chargerIds = chargers.map((c) => c.id);
