// The bench's program: `count` chargers (config `eosvolt-bench:count`) at an existing
// location (`eosvolt-bench:locationId`), each with one EVSE and one Type 2 socket, the
// way a fleet of AC chargers is declared. The bench's update run changes one field:
// `eosvolt-bench:firstMaxPowerW` (the first charger's `maxPowerW`, one PATCH), or
// with `--update all`, `eosvolt-bench:maxPowerW` (every charger's, N PATCHes).
"use strict";
const pulumi = require("@pulumi/pulumi");
const eosvolt = require("pulumi-eosvolt");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const locationId = config.require("locationId");
const maxPowerW = config.getNumber("maxPowerW") ?? 22000;
const firstMaxPowerW = config.getNumber("firstMaxPowerW") ?? maxPowerW;

for (let i = 0; i < count; i++) {
  const n = String(i + 1).padStart(5, "0");
  new eosvolt.Charger(`c${n}`, {
    locationId,
    ocppIdentity: `BENCH-${n}`,
    ocppVersion: "OCPP201",
    maxPowerW: i === 0 ? firstMaxPowerW : maxPowerW,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
  });
}
