import type { SessionRecord } from "../store";
import { buildPeriods, type Bill } from "../billing/index";

/** How the driver identified: a charge card, the app, or the car itself (Plug & Charge). */
export type AuthMethod = "RFID" | "APP" | "AUTOCHARGE";

/**
 * What a completed session was billed, kept with its record. The periods are not stored:
 * they follow from the times, the energy and the location's time zone (`buildPeriods`),
 * and are rendered when the session is read, which keeps 100 000 sessions small.
 */
export interface SessionBilling extends Bill {
  evseId: number;
  chargingEndedAt: string;
  pricingPlanId: string;
  /** The plan's `updatedAt` when the session started. */
  tariffVersion: string;
  teamId?: string;
  discountPercent?: string;
  authMethod: AuthMethod;
  /** The location's time zone the periods were cut in (not rendered). */
  timeZone: string;
  /** Made by the history generator (not rendered): a new generation replaces these. */
  generated: boolean;
}

/**
 * The API representation of a session: the live fields, and for a billed completed
 * session the contract's history fields (periods, plan and version, team, cost, lines).
 */
export function renderSession(r: SessionRecord): Record<string, unknown> {
  const base = {
    id: r.id,
    connectorId: r.connectorId,
    chargerId: r.chargerId,
    locationId: r.locationId,
    status: r.status,
    startedAt: r.startedAt,
  };
  const b = r.billing;
  if (!b) return { ...base, stoppedAt: r.stoppedAt, energyWh: r.energyWh, createdAt: r.createdAt, updatedAt: r.updatedAt };
  const stoppedAt = r.stoppedAt ?? b.chargingEndedAt;
  return {
    ...base,
    evseId: b.evseId,
    chargingEndedAt: b.chargingEndedAt,
    stoppedAt,
    energyWh: r.energyWh,
    periods: buildPeriods({ startedAt: r.startedAt, chargingEndedAt: b.chargingEndedAt, stoppedAt, energyWh: r.energyWh, timeZone: b.timeZone }),
    pricingPlanId: b.pricingPlanId,
    tariffVersion: b.tariffVersion,
    ...(b.teamId === undefined ? {} : { teamId: b.teamId }),
    ...(b.discountPercent === undefined ? {} : { discountPercent: b.discountPercent }),
    authMethod: b.authMethod,
    currency: b.currency,
    cost: { ...b.cost },
    lines: b.lines.map((l) => ({ ...l })),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
