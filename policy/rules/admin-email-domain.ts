/** Policy 7: dashboard admins only from the operator's own e-mail domains. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { policyConfig } from "../inputs";
import { TYPES } from "../types";
import { isKnown, snapshotProps } from "../unknown";

const defaults = {
  /**
   * The e-mail domains an admin's address may have (`example.com`; a leading
   * `*.` also takes its subdomains: `*.example.com`). Empty: every admin is
   * reported, so that a pack enabled without configuration admits no one unseen.
   */
  allowedDomains: [] as string[],
};

/** Whether the address's domain is one of the allowed ones (case-insensitive; `*.d` takes `d`'s subdomains). */
export function domainAllowed(email: string, allowed: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at < 0) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return allowed.some((entry) => {
    const rule = String(entry).trim().toLowerCase().replace(/^@/, "");
    if (rule.startsWith("*.")) return domain.endsWith(rule.slice(1));
    return domain === rule;
  });
}

export const adminEmailDomain: ResourceValidationPolicy = {
  name: "eosvolt-admin-email-domain",
  description: "Dashboard admins only from the configured e-mail domains: access to the estate stays with the operator's own people.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      allowedDomains: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: 'E-mail domains admins may come from, e.g. ["example.com", "*.example.com"]; empty admits no one.',
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.Admin) return;
    const admin = snapshotProps(args.props);
    const email: unknown = admin.email;
    if (!isKnown(email) || typeof email !== "string") return;
    const allowed = policyConfig(args, defaults).allowedDomains ?? [];
    if (domainAllowed(email, Array.isArray(allowed) ? allowed : [])) return;
    const list = Array.isArray(allowed) && allowed.length > 0 ? allowed.join(", ") : "none configured (set allowedDomains)";
    reportViolation(`Admin "${args.name}" (${email.toLowerCase()}) is not from an allowed e-mail domain: ${list}.`);
  },
};
