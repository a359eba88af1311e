import { z } from "zod";
import { serverTimestamps } from "./common";
import { emailAddress } from "./contact";

/** The dashboard's pages an admin may be given access to. */
export const ADMIN_PAGES = ["dashboard", "locations", "chargers", "pricing", "sessions", "bookings", "teams", "customers", "reports", "admins"] as const;
/** What an admin may do on a page; every other action needs `view`. */
export const ADMIN_ACTIONS = ["view", "add", "edit", "delete", "export"] as const;
/** Whether an admin has signed in since the invitation. */
export const ADMIN_STATUSES = ["INVITED", "ACTIVE"] as const;

/** An admin's actions on one page. */
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * The actions on one page, with set semantics (order does not matter; sorted):
 * not empty (leave the page out for no access), and holding `view` whenever it
 * holds another action.
 */
const actions = z
  .array(z.enum(ADMIN_ACTIONS))
  .min(1, { message: "must hold at least one action (leave the page out for no access)" })
  .superRefine((list, ctx) => {
    const others = list.filter((action) => action !== "view");
    if (others.length > 0 && !list.includes("view")) {
      ctx.addIssue({ code: "custom", message: `must hold "view" when it holds ${[...new Set(others)].map((a) => `"${a}"`).join(", ")}` });
    }
  })
  .transform((list): AdminAction[] => [...new Set(list)].sort());

/** Per page, what the admin may do there; a page left out: no access; any other page is refused. */
export const PermissionsSchema = z
  .strictObject({
    /** The overview page: actions among `view`, `add`, `edit`, `delete`, `export`. */
    dashboard: actions.optional(),
    /** Locations (and their booking rules). */
    locations: actions.optional(),
    /** Chargers. */
    chargers: actions.optional(),
    /** Pricing plans. */
    pricing: actions.optional(),
    /** Charging sessions (`export` for billing). */
    sessions: actions.optional(),
    /** Bookings. */
    bookings: actions.optional(),
    /** Teams and their charge keys. */
    teams: actions.optional(),
    /** Customers (drivers). */
    customers: actions.optional(),
    /** Reports (`export` to download them). */
    reports: actions.optional(),
    /** Admins: who may sign in; `add` invites, `delete` ends someone's access. */
    admins: actions.optional(),
  });

/** What a program declares for an admin: the body of `POST /v1/admins`. Creating one sends an invitation e-mail. */
export const AdminInputSchema = z.strictObject({
  /** The admin's e-mail address, where the invitation goes: at most 254 characters with one `@`; stored lower-cased (its case is no change); unique in the account. Changing it replaces the admin (a new invitation). */
  email: emailAddress(),
  /** The person's name, up to 255 characters. */
  name: z.string().max(255).optional(),
  /** Per page (`dashboard`, `locations`, `chargers`, `pricing`, `sessions`, `bookings`, `teams`, `customers`, `reports`, `admins`), the actions allowed there (`view`, `add`, `edit`, `delete`, `export`); order does not matter; a page left out: no access. */
  permissions: PermissionsSchema,
});

/** Fields the server sets on an admin. */
export const AdminServerSchema = z.looseObject({
  /** Admin id, e.g. `adm_7hx2pq`. */
  id: z.string(),
  /** `INVITED` until the person first signs in, then `ACTIVE` (live: not kept in the state). */
  status: z.string(),
  /** When the invitation was sent (ISO 8601 UTC). */
  invitedAt: z.string(),
  /** When the admin last signed in, or null (live: not kept in the state). */
  lastSignInAt: z.string().nullable().optional(),
  ...serverTimestamps,
});

export type AdminInput = z.input<typeof AdminInputSchema>;
export type AdminFields = z.output<typeof AdminInputSchema>;
/** An admin as the API returns it. */
export type Admin = AdminFields & z.output<typeof AdminServerSchema>;
