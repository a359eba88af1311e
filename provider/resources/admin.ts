import * as pulumi from "@pulumi/pulumi";
import type { AdminListParams } from "../kinds/admin";
import { lookupClient } from "../lookups";
import type { Admin as AdminObject, AdminInput } from "../schemas/admin";
import { pausePromiseStacks, registration, typeToken } from "./base";
import type { AdoptArgs, ArgsOf, OutputsOf } from "./types";

/** Arguments of an {@link Admin}: the API's admin fields, each a `pulumi.Input`. */
export interface AdminArgs extends ArgsOf<AdminInput>, AdoptArgs {
  /**
   * Take over the admin that already has this `email` in the account (addresses
   * are unique, case-insensitively), if there is one, instead of inviting them
   * again (one list request on create).
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/**
 * An admin: a person who may sign in to the operator's dashboard and API, with
 * per-page permissions. Creating one sends an invitation e-mail; deleting one
 * ends that person's access at once. `email` cannot change (a new address is a
 * new admin: Pulumi replaces it); its case is no change. The actions of a page
 * are a set: their order is no change. `status` and `lastSignInAt` are live
 * (they change when the person signs in) and are not kept in the state: read
 * them with {@link getAdmin}.
 *
 * ## Example Usage
 * ```ts
 * new eosvolt.Admin("finance", {
 *   email: "finance@example.com",
 *   name: "Finance",
 *   permissions: { sessions: ["view", "export"], reports: ["view", "export"], pricing: ["view"] },
 * });
 * ```
 */
export class Admin extends pulumi.CustomResource {
  /** @internal */
  static readonly __pulumiType = typeToken("Admin");

  /** True when `obj` is an Admin, even across copies of the Pulumi SDK. */
  static override isInstance(obj: unknown): obj is Admin {
    return (obj as { __pulumiType?: string } | undefined)?.__pulumiType === Admin.__pulumiType;
  }

  /** Reads an existing admin into the stack without managing it. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Admin {
    return new Admin(name, { email: "", permissions: {} }, { ...opts, id });
  }

  /**
   * @param name The unique name of the resource in the stack.
   * @param args The admin's fields.
   * @param opts Options for the resource.
   */
  constructor(name: string, args: AdminArgs, opts?: pulumi.CustomResourceOptions) {
    const props = registration("Admin", opts?.id === undefined ? args : {});
    const resume = pausePromiseStacks();
    try {
      super(Admin.__pulumiType, name, props, opts);
    } finally {
      resume();
    }
  }
}

/** Live status and timestamps are not state: read them with `getAdmin`. */
export interface Admin extends OutputsOf<Omit<AdminObject, "status" | "lastSignInAt" | "createdAt" | "updatedAt">> {}

/** An admin as the API holds it now, with its live `status` and `lastSignInAt`. */
export type GetAdminResult = AdminObject;

/** Filters of {@link listAdmins}. */
export type ListAdminsArgs = Pick<AdminListParams, "email" | "status">;

/** Reads an admin by id; fails when it does not exist. */
export async function getAdmin(args: { id: string }): Promise<GetAdminResult> {
  return (await lookupClient()).admins.get(args.id);
}

/** {@link getAdmin} for `pulumi.Input` arguments. */
export function getAdminOutput(args: { id: pulumi.Input<string> }): pulumi.Output<GetAdminResult> {
  return pulumi.output(args.id).apply((id) => getAdmin({ id }));
}

/** Every admin matching the filters (all pages read), e.g. `listAdmins({ status: "INVITED" })` for invitations not yet taken up. */
export async function listAdmins(args: ListAdminsArgs = {}): Promise<GetAdminResult[]> {
  const admins: GetAdminResult[] = [];
  for await (const admin of (await lookupClient()).admins.list({ ...args })) admins.push(admin);
  return admins;
}
