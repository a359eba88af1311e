import { z } from "zod";
import { objectId, serverTimestamps } from "./common";

export const OCPP_VERSIONS = ["OCPP16", "OCPP201", "OCPP21"] as const;
export const CONNECTOR_STANDARDS = [
  "IEC_62196_T2", "IEC_62196_T2_COMBO", "CHADEMO", "IEC_62196_T1", "IEC_62196_T1_COMBO",
  "GBT_AC", "GBT_DC", "TESLA_S", "DOMESTIC_F",
] as const;
export const CONNECTOR_FORMATS = ["SOCKET", "CABLE"] as const;
export const POWER_TYPES = ["AC_1_PHASE", "AC_3_PHASE", "DC"] as const;
export const CONNECTION_STATUSES = ["NEVER_CONNECTED", "CONNECTED", "DISCONNECTED"] as const;

export const ConnectorInputSchema = z.strictObject({
  /** Connector number within its EVSE, ≥ 1 and unique there. */
  connectorId: z.number().int().min(1),
  /** Plug standard, e.g. `IEC_62196_T2` (Type 2) or `IEC_62196_T2_COMBO` (CCS2). */
  standard: z.enum(CONNECTOR_STANDARDS),
  /** `SOCKET` (bring your own cable) or `CABLE` (tethered). */
  format: z.enum(CONNECTOR_FORMATS),
  /** `AC_1_PHASE`, `AC_3_PHASE` or `DC`. */
  powerType: z.enum(POWER_TYPES),
  /** Maximum voltage in volts. */
  maxVoltage: z.number().int().min(1).max(2000),
  /** Maximum current in amperes. */
  maxAmperage: z.number().int().min(1).max(2000),
  /** Maximum power of this connector in watts. */
  maxElectricPowerW: z.number().int().min(1).max(1_000_000).optional(),
  /** Pricing plan for this connector; overrides the charger's and the location's. */
  pricingPlanId: objectId("PricingPlan").optional(),
});

export const EvseInputSchema = z.strictObject({
  /** EVSE number within the charger, ≥ 1 and unique there. */
  evseId: z.number().int().min(1),
  /** eMI3 EVSE id, e.g. `NL*EVB*E12345*1`. */
  evseCode: z
    .string()
    .regex(/^[A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9][A-Z0-9*]{0,30}$/i, { message: 'must be an eMI3 EVSE id like "NL*EVB*E12345*1"' })
    .optional(),
  /** Label on the hardware, e.g. a bay number; 1..255 characters. */
  physicalReference: z.string().min(1).max(255).optional(),
  /** Floor level, e.g. `-1`; 1..16 characters. */
  floorLevel: z.string().min(1).max(16).optional(),
  /** The connectors of this EVSE, at least one. */
  connectors: z.array(ConnectorInputSchema).min(1, { message: "must hold at least one connector" }),
});

/** What a program declares for a charger: the body of `POST /v1/chargers`. */
export const ChargerInputSchema = z
  .strictObject({
    /** Location the charger stands at. May change: the charger moves. */
    locationId: objectId("Location"),
    /**
     * OCPP charge-point identity, `[A-Za-z0-9_-]{1,48}`, unique in the account
     * (case-insensitive; stored upper-cased). Changing it replaces the charger.
     */
    ocppIdentity: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,48}$/, { message: "must be 1..48 letters, digits, '_' or '-'" })
      .transform((v) => v.toUpperCase()),
    /** Display name, up to 255 characters. */
    name: z.string().max(255).optional(),
    /** OCPP protocol version: `OCPP16`, `OCPP201` or `OCPP21`. */
    ocppVersion: z.enum(OCPP_VERSIONS),
    /** Maximum power of the charger in watts, 1..1 000 000. */
    maxPowerW: z.number().int().min(1).max(1_000_000),
    /** A disabled charger takes no sessions. Default `true`. */
    enabled: z.boolean().default(true),
    /**
     * OCPP authorization key (basic auth password), 16..40 characters. Write-only
     * and secret: never returned by the API; the state keeps only a salted fingerprint.
     */
    authorizationKey: z.string().min(16).max(40).optional(),
    /** Pricing plan for this charger; overrides the location's. */
    pricingPlanId: objectId("PricingPlan").optional(),
    /** The EVSEs (charging points) of this charger, at least one. */
    evses: z.array(EvseInputSchema).min(1, { message: "must hold at least one EVSE" }),
  })
  .superRefine((charger, ctx) => {
    const evseIds = new Set<number>();
    charger.evses.forEach((evse, i) => {
      if (evseIds.has(evse.evseId)) {
        ctx.addIssue({ code: "custom", path: ["evses", i, "evseId"], message: `duplicates evseId ${evse.evseId}` });
      }
      evseIds.add(evse.evseId);
      if (charger.ocppVersion === "OCPP16" && evse.connectors.length !== 1) {
        ctx.addIssue({ code: "custom", path: ["evses", i, "connectors"], message: "must hold exactly one connector with OCPP16" });
      }
      const connectorIds = new Set<number>();
      evse.connectors.forEach((connector, j) => {
        if (connectorIds.has(connector.connectorId)) {
          ctx.addIssue({
            code: "custom",
            path: ["evses", i, "connectors", j, "connectorId"],
            message: `duplicates connectorId ${connector.connectorId} in this EVSE`,
          });
        }
        connectorIds.add(connector.connectorId);
      });
    });
  });

/** Fields the server sets on a charger. */
export const ChargerServerSchema = z.looseObject({
  /** Charger id, a decimal string such as `"242"`. */
  id: z.string(),
  /** `NEVER_CONNECTED`, `CONNECTED` or `DISCONNECTED`. */
  connectionStatus: z.enum(CONNECTION_STATUSES).or(z.string()),
  /** Last OCPP heartbeat (ISO 8601), or null. */
  lastHeartbeatAt: z.string().nullable(),
  /** Whether an authorization key is set. */
  authorizationKeySet: z.boolean(),
  ...serverTimestamps,
});

export type ChargerInput = z.input<typeof ChargerInputSchema>;
export type ChargerFields = z.output<typeof ChargerInputSchema>;
/** A connector as the API returns it, with its live OCPP `status`. */
export type Connector = z.output<typeof ConnectorInputSchema> & { status?: string };
/** A charger as the API returns it. */
export type Charger = Omit<ChargerFields, "authorizationKey" | "evses"> &
  z.output<typeof ChargerServerSchema> & {
    evses: Array<Omit<z.output<typeof EvseInputSchema>, "connectors"> & { connectors: Connector[] }>;
  };

/** `chargerId.evseId.connectorId` references, e.g. `["242.1.1", "242.2.1"]`, for session tooling. */
export function connectorRefs(charger: Pick<Charger, "id" | "evses">): string[] {
  return charger.evses.flatMap((evse) => evse.connectors.map((c) => `${charger.id}.${evse.evseId}.${c.connectorId}`));
}
