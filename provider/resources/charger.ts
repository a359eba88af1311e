import * as pulumi from "@pulumi/pulumi";
import type { Charger as ChargerObject, ChargerInput } from "../schemas/charger";
import { pausePromiseStacks, registration, typeToken } from "./base";
import type { AdoptArgs, ArgsOf, OutputsOf } from "./types";

/** Arguments of a {@link Charger}: the API's charger fields, each a `pulumi.Input`. */
export interface ChargerArgs extends ArgsOf<ChargerInput>, AdoptArgs {
  /**
   * Take over the charger that already has this `ocppIdentity` in the account,
   * if there is one, instead of creating it (one list request on create).
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/** Outputs of a charger beyond the API's fields. */
export interface ChargerExtraOutputs {
  /** Connector references `chargerId.evseId.connectorId`, e.g. `["242.1.1", "242.2.1"]`, for session tooling. */
  connectorRefs: string[];
  /** Salted fingerprint of `authorizationKey` (the key itself is never stored). */
  authorizationKeyFingerprint?: string;
}

/**
 * An OCPP charge point at a location, with its EVSEs and connectors.
 * `ocppIdentity` is immutable: changing it replaces the charger. Everything
 * else, including `locationId` (the charger moves), changes in place.
 * `authorizationKey` is secret and write-only.
 *
 * ## Example Usage
 * ```ts
 * new eosvolt.Charger("hq-1", {
 *   locationId: hq.id,
 *   ocppIdentity: "HQ-AC-01",
 *   ocppVersion: "OCPP201",
 *   maxPowerW: 22000,
 *   evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET",
 *     powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
 * });
 * ```
 */
export class Charger extends pulumi.CustomResource {
  /** @internal */
  static readonly __pulumiType = typeToken("Charger");

  /** True when `obj` is a Charger, even across copies of the Pulumi SDK. */
  static override isInstance(obj: unknown): obj is Charger {
    return (obj as { __pulumiType?: string } | undefined)?.__pulumiType === Charger.__pulumiType;
  }

  /** Reads an existing charger into the stack without managing it. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Charger {
    return new Charger(name, {} as ChargerArgs, { ...opts, id });
  }

  /**
   * @param name The unique name of the resource in the stack.
   * @param args The charger's fields.
   * @param opts Options for the resource.
   */
  constructor(name: string, args: ChargerArgs, opts?: pulumi.CustomResourceOptions) {
    const props = registration("Charger", args);
    const resume = pausePromiseStacks();
    try {
      super(Charger.__pulumiType, name, props, opts);
    } finally {
      resume();
    }
  }
}

/** Live status (`connectionStatus`, `lastHeartbeatAt`, connector `status`) and timestamps are not state: read them with `getCharger`. */
export interface Charger
  extends OutputsOf<Omit<ChargerObject, "connectionStatus" | "lastHeartbeatAt" | "createdAt" | "updatedAt"> & ChargerExtraOutputs> {}
