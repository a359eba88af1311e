"use strict";
// The EOSVOLT policy pack: `pulumi preview --policy-pack policy` (see README.md here).
const { PolicyPack } = require("@pulumi/policy");
const { policies } = require("./policies");

new PolicyPack("eosvolt", {
  description: "Pricing guardrails for EOSVOLT estates: price caps, increases, VAT, blocking-fee grace, currencies.",
  policies,
});
