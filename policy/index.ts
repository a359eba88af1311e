// The EOSVOLT policy pack: `pulumi preview --policy-pack policy` (see README.md here).
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("eosvolt", {
  description: "Pricing guardrails for EOSVOLT estates: price caps, increases, VAT, blocking-fee grace, currencies.",
  policies,
});
