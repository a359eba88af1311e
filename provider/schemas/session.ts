import { z } from "zod";

export const SESSION_STATUSES = ["ACTIVE", "COMPLETED"] as const;

/** Body of `POST /v1/sessions/start`. */
export const StartSessionSchema = z.strictObject({
  /** Connector reference `chargerId.evseId.connectorId`, e.g. `"242.2.1"`. */
  connectorId: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a connector reference like "242.2.1"' }),
});

/** A decimal amount as the API writes it: a string with 4 decimals (`"2.3404"`). */
const amount = z.string().regex(/^-?\d+(\.\d+)?$/, { message: 'must be a decimal string like "2.3404"' });

/** One metered period of a completed session: charging (`parkingS` 0) or parking (`energyWh` and `chargingS` 0). */
export const SessionPeriodSchema = z.looseObject({
  /** Start of the period, ISO 8601 UTC: `startedAt`, a quarter hour of local time, or `chargingEndedAt`. */
  startAt: z.string(),
  /** Wh delivered in the period. */
  energyWh: z.number().int().min(0),
  /** Seconds charging in the period. */
  chargingS: z.number().int().min(0),
  /** Seconds parked (plugged in, not charging) in the period. */
  parkingS: z.number().int().min(0),
});

/** What a completed session was billed: excl. VAT, VAT and incl. VAT, 4 decimals. */
export const SessionCostSchema = z.looseObject({
  exclVat: amount,
  vat: amount,
  inclVat: amount,
});

/** One line of a bill: a run of periods priced by one component (or the session's `FLAT`). */
export const SessionLineSchema = z.looseObject({
  /** `ENERGY`, `TIME`, `PARKING_TIME` or `FLAT`. */
  type: z.string(),
  /** The plan's element whose component priced the run. */
  elementIndex: z.number().int().min(0),
  /** Wh, seconds or 1 (`FLAT`), rounded up to the component's step size. */
  billedAmount: z.number().int().min(0),
  /** The component's price excl. VAT. */
  price: amount,
  /** The component's VAT in percent. */
  vatPercent: amount,
  exclVat: amount,
  vat: amount,
});

/** A charging session as the API returns it. Billing fields come with `COMPLETED` sessions. */
export const SessionSchema = z.looseObject({
  id: z.string(),
  connectorId: z.string(),
  chargerId: z.string(),
  locationId: z.string(),
  status: z.enum(SESSION_STATUSES).or(z.string()),
  startedAt: z.string(),
  stoppedAt: z.string().nullable().optional(),
  energyWh: z.number().nullable().optional(),
  /** The EVSE of the connector. */
  evseId: z.union([z.string(), z.number()]).optional(),
  /** When the car stopped drawing power (ISO 8601 UTC). */
  chargingEndedAt: z.string().nullable().optional(),
  periods: z.array(SessionPeriodSchema).optional(),
  /** The plan that priced the session. */
  pricingPlanId: z.string().nullable().optional(),
  /** That plan's `updatedAt` when the session started. */
  tariffVersion: z.string().nullable().optional(),
  /** The driver's team, when a team discount applied. */
  teamId: z.string().nullable().optional(),
  /** The team's discount in percent, when one applied. */
  discountPercent: z.union([z.string(), z.number()]).nullable().optional(),
  /** `RFID`, `APP` or `AUTOCHARGE`. */
  authMethod: z.string().nullable().optional(),
  currency: z.string().nullable().optional(),
  cost: SessionCostSchema.nullable().optional(),
  lines: z.array(SessionLineSchema).nullable().optional(),
});

/**
 * A completed session with what it was billed (`GET /v1/sessions?status=COMPLETED`):
 * the history's and the export's row. Unknown fields are kept.
 */
export const CompletedSessionSchema = SessionSchema.extend({
  status: z.string(),
  stoppedAt: z.string(),
  energyWh: z.number().int().min(0),
  periods: z.array(SessionPeriodSchema),
  pricingPlanId: z.string(),
  currency: z.string(),
  cost: SessionCostSchema,
  lines: z.array(SessionLineSchema),
});

export type StartSession = z.input<typeof StartSessionSchema>;
export type Session = z.output<typeof SessionSchema>;
export type CompletedSession = z.output<typeof CompletedSessionSchema>;
export type SessionPeriod = z.output<typeof SessionPeriodSchema>;
export type SessionLine = z.output<typeof SessionLineSchema>;
