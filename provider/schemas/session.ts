import { z } from "zod";

export const SESSION_STATUSES = ["ACTIVE", "COMPLETED"] as const;

/** Body of `POST /v1/sessions/start`. */
export const StartSessionSchema = z.strictObject({
  /** Connector reference `chargerId.evseId.connectorId`, e.g. `"242.2.1"`. */
  connectorId: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a connector reference like "242.2.1"' }),
});

/** A charging session as the API returns it. */
export const SessionSchema = z.looseObject({
  id: z.string(),
  connectorId: z.string(),
  chargerId: z.string(),
  locationId: z.string(),
  status: z.enum(SESSION_STATUSES).or(z.string()),
  startedAt: z.string(),
  stoppedAt: z.string().nullable().optional(),
  energyWh: z.number().nullable().optional(),
});

export type StartSession = z.input<typeof StartSessionSchema>;
export type Session = z.output<typeof SessionSchema>;
