import * as pulumi from "@pulumi/pulumi";
import { lookupClient } from "../lookups";
import type { Team as TeamObject, TeamInput } from "../schemas/team";
import { pausePromiseStacks, registration, typeToken } from "./base";
import type { AdoptArgs, ArgsOf, OutputsOf } from "./types";

/** Arguments of a {@link Team}: the API's team fields, each a `pulumi.Input`. */
export interface TeamArgs extends ArgsOf<TeamInput>, AdoptArgs {
  /**
   * Take over the team that already has this `name` in the account (names are
   * unique, case-insensitively), if there is one, instead of creating it (one
   * list request on create).
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/**
 * A team: drivers identified by their charge keys (RFID cards, vehicle MACs),
 * with a member discount and a billing mode. A `SEMI_PUBLIC` location is visible
 * only to the teams its `teamIds` name. Every field changes in place; `name`
 * is unique in the account (case-insensitive), and a team cannot be deleted
 * while a location names it (remove it from `teamIds` first: Pulumi does that
 * in the same update when both change).
 *
 * ## Example Usage
 * ```ts
 * const fleet = new eosvolt.Team("fleet", {
 *   name: "Acme fleet",
 *   chargeKeys: [{ type: "RFID", uid: "04A2B3C4", label: "Van 7" }],
 *   discountPercent: "15",
 *   billing: "OFFLINE",
 * });
 * new eosvolt.Location("depot", { name: "Depot", accessType: "SEMI_PUBLIC", teamIds: [fleet.id], ... });
 * ```
 */
export class Team extends pulumi.CustomResource {
  /** @internal */
  static readonly __pulumiType = typeToken("Team");

  /** True when `obj` is a Team, even across copies of the Pulumi SDK. */
  static override isInstance(obj: unknown): obj is Team {
    return (obj as { __pulumiType?: string } | undefined)?.__pulumiType === Team.__pulumiType;
  }

  /** Reads an existing team into the stack without managing it. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Team {
    return new Team(name, { name: "" }, { ...opts, id });
  }

  /**
   * @param name The unique name of the resource in the stack.
   * @param args The team's fields.
   * @param opts Options for the resource.
   */
  constructor(name: string, args: TeamArgs, opts?: pulumi.CustomResourceOptions) {
    const props = registration("Team", opts?.id === undefined ? args : {});
    const resume = pausePromiseStacks();
    try {
      super(Team.__pulumiType, name, props, opts);
    } finally {
      resume();
    }
  }
}

/** Timestamps are not state: read them with `getTeam`. */
export interface Team extends OutputsOf<Omit<TeamObject, "createdAt" | "updatedAt">> {}

/** A team as the API holds it now. */
export type GetTeamResult = TeamObject;

/** Reads a team by id; fails when it does not exist. */
export async function getTeam(args: { id: string }): Promise<GetTeamResult> {
  return (await lookupClient()).teams.get(args.id);
}

/** {@link getTeam} for `pulumi.Input` arguments. */
export function getTeamOutput(args: { id: pulumi.Input<string> }): pulumi.Output<GetTeamResult> {
  return pulumi.output(args.id).apply((id) => getTeam({ id }));
}
