import { z } from "zod";

/** Charge key types: an RFID card or a vehicle's MAC address (Plug & Charge). */
export const CHARGE_KEY_TYPES = ["RFID", "MAC"] as const;
/** Billing of a team's members. */
export const BILLING_MODES = ["IN_APP", "OFFLINE"] as const;
/** Most charge keys a team holds. */
export const MAX_CHARGE_KEYS = 1000;

const RFID_UID = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}|[0-9A-Fa-f]{20})$/;
const MAC_UID = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;

const chargeKey = z
  .strictObject({
    type: z.enum(CHARGE_KEY_TYPES),
    uid: z.string().transform((v) => v.toUpperCase()),
    label: z.string().min(1).max(64).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === "RFID" && !RFID_UID.test(v.uid)) {
      ctx.addIssue({ code: "custom", path: ["uid"], message: "{field} must be 8, 14 or 20 hex digits for an RFID key." });
    }
    if (v.type === "MAC" && !MAC_UID.test(v.uid)) {
      ctx.addIssue({ code: "custom", path: ["uid"], message: "{field} must be six hex pairs separated by ':' for a MAC key." });
    }
  });

/** A decimal 0..100 with at most 2 decimals, answered with exactly 2 (`"10"` → `"10.00"`). */
const percent = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,2})(\.[0-9]{1,2})?$/, "{field} must be a decimal string with at most 2 decimals (e.g. \"12.50\").")
  .refine((v) => Number(v) <= 100, "{field} must be at most 100.")
  .transform((v) => {
    const [whole, fraction = ""] = v.split(".");
    return `${whole}.${fraction.padEnd(2, "0")}`;
  });

/** The writable fields of a team (create body; PATCH merges into it). */
export const teamInput = z.strictObject({
  name: z.string().min(1).max(255),
  chargeKeys: z
    .array(chargeKey)
    .max(MAX_CHARGE_KEYS)
    .superRefine((keys, ctx) => {
      const seen = new Set<string>();
      keys.forEach((key, i) => {
        const id = `${key.type}:${key.uid}`;
        if (seen.has(id)) ctx.addIssue({ code: "custom", path: [i, "uid"], message: `{field} duplicates the ${key.type} key ${key.uid} in this team.` });
        seen.add(id);
      });
    })
    // Set semantics: stored in a canonical order, so the order a client sends does not matter.
    .transform((keys) => [...keys].sort((a, b) => `${a.type}:${a.uid}`.localeCompare(`${b.type}:${b.uid}`)))
    .optional(),
  discountPercent: percent.optional(),
  billing: z.enum(BILLING_MODES).optional(),
});

/** A validated, normalised team input. */
export type TeamInput = z.output<typeof teamInput>;

/** Fields a team body must not carry (server-set). */
export const TEAM_READONLY = ["id", "createdAt", "updatedAt"] as const;
/** Fields that are required (so `null` cannot clear them on PATCH). */
export const TEAM_REQUIRED = ["name"] as const;
