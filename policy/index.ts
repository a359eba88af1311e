// The EOSVOLT policy pack: `pulumi preview --policy-pack policy` (see README.md here).
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("eosvolt", {
  description: "Pricing guardrails for EOSVOLT estates: price caps, increases (prices and booking fees), VAT, blocking-fee grace, currencies, admins' e-mail domains.",
  policies,
});
