import { z } from "zod";
import { email } from "./contact";

/** Dashboard pages an admin may be given. */
export const ADMIN_PAGES = ["dashboard", "locations", "chargers", "pricing", "sessions", "bookings", "teams", "customers", "reports", "admins"] as const;
/** Actions on a page, in their canonical (stored) order. */
export const ADMIN_ACTIONS = ["view", "add", "edit", "delete", "export"] as const;
/** Admin statuses: invited until the person first signs in. */
export const ADMIN_STATUSES = ["INVITED", "ACTIVE"] as const;

type Action = (typeof ADMIN_ACTIONS)[number];

/**
 * One page's actions: a non-empty set (order does not matter, a duplicate is refused)
 * that holds `view` whenever it holds another action; stored in canonical order.
 * Errors name the page (`permissions.pricing`); an unknown action also its position.
 */
const actions = z
  .array(z.enum(ADMIN_ACTIONS))
  .superRefine((list, ctx) => {
    if (list.length === 0) {
      ctx.addIssue({ code: "custom", message: "{field} must hold at least one action (leave the page out for no access).", input: list });
    } else if (new Set(list).size !== list.length) {
      ctx.addIssue({ code: "custom", message: "{field} must not contain duplicates.", input: list });
    } else if (!list.includes("view")) {
      ctx.addIssue({ code: "custom", message: `{field} must hold 'view' when it holds ${list.map((a) => `'${a}'`).join(", ")}.`, input: list });
    }
  })
  .transform((list) => ADMIN_ACTIONS.filter((a: Action) => list.includes(a)));

/** Page → actions; a page left out: no access. */
const permissions = z.strictObject(Object.fromEntries(ADMIN_PAGES.map((p) => [p, actions.optional()])) as Record<(typeof ADMIN_PAGES)[number], z.ZodOptional<typeof actions>>);

/** The writable fields of an admin (create body; PATCH merges into it). */
export const adminInput = z.strictObject({
  /** Lower-cased; unique case-insensitively; immutable. */
  email,
  name: z.string().max(255).optional(),
  permissions,
});

/** A validated, normalised admin input. */
export type AdminInput = z.output<typeof adminInput>;

/** Server-set fields. */
export const ADMIN_READONLY = ["id", "status", "invitedAt", "lastSignInAt", "createdAt", "updatedAt"] as const;
/** Fields that may not change after create. */
export const ADMIN_IMMUTABLE = ["email"] as const;
/** Required fields (`null` cannot clear them). */
export const ADMIN_REQUIRED = ["email", "permissions"] as const;
