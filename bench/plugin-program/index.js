// bench/program's chargers, declared as the plugin's `eosvolt:index:Charger` resources
// (`pulumi.CustomResource` of that type: no SDK is generated for the plugin on this machine).
// Config: `eosvolt-bench:count`, `eosvolt-bench:locationId`.
"use strict";
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const locationId = config.require("locationId");

for (let i = 0; i < count; i++) {
  const n = String(i + 1).padStart(5, "0");
  new pulumi.CustomResource(`eosvolt:index:Charger`, `c${n}`, {
    locationId,
    ocppIdentity: `BENCH-${n}`,
    ocppVersion: "OCPP201",
    maxPowerW: 22000,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
  });
}
