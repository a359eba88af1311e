// The bench's program: `count` chargers (config `eosvolt-bench:count`), each with one
// EVSE and one Type 2 socket, the way a fleet of AC chargers is declared, at an existing
// location (`eosvolt-bench:locationId`) or, with `eosvolt-bench:ownLocation: "true"`
// (the `--stacks` runs, one stack per site), at a location the stack declares itself.
// `eosvolt-bench:prefix` keeps the OCPP identities of parallel stacks apart. The bench's
// update run changes one field: `eosvolt-bench:firstMaxPowerW` (the first charger's
// `maxPowerW`, one PATCH), or with `--update all`, `eosvolt-bench:maxPowerW` (every
// charger's, N PATCHes).
"use strict";
const pulumi = require("@pulumi/pulumi");
const eosvolt = require("pulumi-eosvolt");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const prefix = config.get("prefix") ?? "";
const maxPowerW = config.getNumber("maxPowerW") ?? 22000;
const firstMaxPowerW = config.getNumber("firstMaxPowerW") ?? maxPowerW;
const locationId = config.getBoolean("ownLocation")
  ? new eosvolt.Location("site", {
      name: `Bench site ${prefix || "1"}`,
      accessType: "PRIVATE",
      address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
      coordinates: { latitude: "52.37403", longitude: "4.88969" },
      timeZone: "Europe/Amsterdam",
    }).id
  : config.require("locationId");

for (let i = 0; i < count; i++) {
  const n = String(i + 1).padStart(5, "0");
  new eosvolt.Charger(`c${n}`, {
    locationId,
    ocppIdentity: `BENCH-${prefix}${n}`,
    ocppVersion: "OCPP201",
    maxPowerW: i === 0 ? firstMaxPowerW : maxPowerW,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
  });
}
