import { z } from "zod";
import { decimal, displayName, serverTimestamps } from "./common";

export const CHARGE_KEY_TYPES = ["RFID", "MAC"] as const;
export const BILLING_MODES = ["IN_APP", "OFFLINE"] as const;
/** Most charge keys a team holds. */
export const MAX_CHARGE_KEYS = 1000;

const RFID_UID = /^([0-9A-F]{8}|[0-9A-F]{14}|[0-9A-F]{20})$/;
const MAC_UID = /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/;

export const ChargeKeySchema = z
  .strictObject({
    /** `RFID` (a card or tag) or `MAC` (a vehicle's MAC address, for Plug & Charge). */
    type: z.enum(CHARGE_KEY_TYPES),
    /**
     * The key's UID, stored upper-cased: for `RFID` 8, 14 or 20 hex digits (a 4-,
     * 7- or 10-byte UID), for `MAC` six hex pairs separated by `:`. Unique within
     * the team by `type` and `uid`.
     */
    uid: z.string().transform((v) => v.toUpperCase()),
    /** What the key is, e.g. a driver or a vehicle; up to 64 characters. */
    label: z.string().min(1).max(64).optional(),
  })
  .superRefine((key, ctx) => {
    if (key.type === "RFID" && !RFID_UID.test(key.uid)) {
      ctx.addIssue({ code: "custom", path: ["uid"], message: "must be 8, 14 or 20 hex digits for an RFID key" });
    }
    if (key.type === "MAC" && !MAC_UID.test(key.uid)) {
      ctx.addIssue({ code: "custom", path: ["uid"], message: 'must be six hex pairs separated by ":" for a MAC key, like "00:1A:2B:3C:4D:5E"' });
    }
  });

/** A charge key as the API holds it. */
export type ChargeKey = z.output<typeof ChargeKeySchema>;

const keyOf = (key: ChargeKey) => `${key.type}:${key.uid}`;

/** Charge keys with set semantics: unique by `type` + `uid`, normalised to sorted order. */
const chargeKeySet = z
  .array(ChargeKeySchema)
  .max(MAX_CHARGE_KEYS, { message: `must hold at most ${MAX_CHARGE_KEYS} keys` })
  .superRefine((keys, ctx) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(keyOf(key))) ctx.addIssue({ code: "custom", path: [i, "uid"], message: `duplicates the ${key.type} key ${key.uid} in this team` });
      seen.add(keyOf(key));
    });
  })
  .transform((keys) => [...keys].sort((a, b) => keyOf(a).localeCompare(keyOf(b))));

/** What a program declares for a team: the body of `POST /v1/teams`. */
export const TeamInputSchema = z.strictObject({
  /** Display name, 1..255 characters, unique in the account (case-insensitive). */
  name: displayName(),
  /** The charge keys of the team's members; order does not matter. At most 1000. */
  chargeKeys: chargeKeySet.optional(),
  /** What members pay less than the location's price, in percent (0..100, at most 2 decimals). */
  discountPercent: decimal({ max: 100, places: 2 }).optional(),
  /** `IN_APP` (members pay in the app) or `OFFLINE` (the team is invoiced; members pay nothing in the app). Default `IN_APP`. */
  billing: z.enum(BILLING_MODES).default("IN_APP"),
});

/** Fields the server sets on a team. */
export const TeamServerSchema = z.looseObject({
  /** Team id, e.g. `team_4kq9xz`. */
  id: z.string(),
  ...serverTimestamps,
});

export type TeamInput = z.input<typeof TeamInputSchema>;
export type TeamFields = z.output<typeof TeamInputSchema>;
/** A team as the API returns it. */
export type Team = TeamFields & z.output<typeof TeamServerSchema>;
