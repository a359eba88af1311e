import { z } from "zod";
import { idRef } from "./common";

/** OCPP protocol versions. */
export const OCPP_VERSIONS = ["OCPP16", "OCPP201", "OCPP21"] as const;
/** Connector standards (OCPI). */
export const CONNECTOR_STANDARDS = [
  "IEC_62196_T2", "IEC_62196_T2_COMBO", "CHADEMO", "IEC_62196_T1", "IEC_62196_T1_COMBO",
  "GBT_AC", "GBT_DC", "TESLA_S", "DOMESTIC_F",
] as const;

const connector = z.strictObject({
  connectorId: z.int().min(1),
  standard: z.enum(CONNECTOR_STANDARDS),
  format: z.enum(["SOCKET", "CABLE"]),
  powerType: z.enum(["AC_1_PHASE", "AC_3_PHASE", "DC"]),
  maxVoltage: z.int().min(1).max(2000),
  maxAmperage: z.int().min(1).max(2000),
  maxElectricPowerW: z.int().min(1).max(1_000_000).optional(),
  pricingPlanId: idRef.optional(),
});

const evse = z
  .strictObject({
    evseId: z.int().min(1),
    evseCode: z
      .string()
      .regex(/^[A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9][A-Z0-9*]{0,30}$/i, "{field} must be an eMI3 EVSE id (e.g. \"NL*EVB*E12345*1\").")
      .optional(),
    physicalReference: z.string().min(1).max(255).optional(),
    floorLevel: z.string().min(1).max(16).optional(),
    connectors: z.array(connector).min(1),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.connectors.forEach((c, i) => {
      if (seen.has(c.connectorId)) {
        ctx.addIssue({ code: "custom", path: ["connectors", i, "connectorId"], message: `{field} ${c.connectorId} is used twice in this EVSE.` });
      }
      seen.add(c.connectorId);
    });
  });

/** The writable fields of a charger (create body; PATCH merges into it). */
export const chargerInput = z
  .strictObject({
    locationId: idRef,
    ocppIdentity: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,48}$/, "{field} must match [A-Za-z0-9_-]{1,48}.")
      .transform((v) => v.toUpperCase()),
    name: z.string().max(255).optional(),
    ocppVersion: z.enum(OCPP_VERSIONS),
    maxPowerW: z.int().min(1).max(1_000_000),
    enabled: z.boolean().optional(),
    authorizationKey: z.string().min(16).max(40).optional(),
    pricingPlanId: idRef.optional(),
    evses: z.array(evse).min(1),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.evses.forEach((e, i) => {
      if (seen.has(e.evseId)) {
        ctx.addIssue({ code: "custom", path: ["evses", i, "evseId"], message: `{field} ${e.evseId} is used twice in this charger.` });
      }
      seen.add(e.evseId);
      if (v.ocppVersion === "OCPP16" && e.connectors.length !== 1) {
        ctx.addIssue({ code: "custom", path: ["evses", i, "connectors"], message: "{field} must hold exactly one connector with OCPP16." });
      }
    });
  });

/** A validated, normalised charger input. */
export type ChargerInput = z.output<typeof chargerInput>;

/** Server-set charger fields that a body must not carry. */
export const CHARGER_READONLY = ["id", "connectionStatus", "lastHeartbeatAt", "authorizationKeySet", "createdAt", "updatedAt"] as const;
/** Fields that may not change after create. */
export const CHARGER_IMMUTABLE = ["ocppIdentity"] as const;
/** Required fields (`null` cannot clear them). */
export const CHARGER_REQUIRED = ["locationId", "ocppIdentity", "ocppVersion", "maxPowerW", "evses"] as const;
