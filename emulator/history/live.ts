import type { ChargerRecord, SessionRecord, Store } from "../store";
import type { PricingPlanInput } from "../validation/pricing-plan";
import { billSession, buildPeriods, epochSeconds, isoSeconds } from "../billing/index";

/**
 * The plan version a live session started under, kept with it until it stops. A plan's
 * `input` is replaced, never changed, by a `PATCH`, so holding it holds that version.
 */
export interface TariffAtStart {
  plan: PricingPlanInput;
  pricingPlanId: string;
  tariffVersion: string;
  timeZone: string;
}

/** The plan that applies to a connector now (connector > charger > location), or undefined. */
export function tariffAtStart(store: Store, charger: ChargerRecord, connectorPlanId: string | undefined): TariffAtStart | undefined {
  const location = store.locations.get(charger.input.locationId);
  const id = connectorPlanId ?? charger.input.pricingPlanId ?? location?.input.pricingPlanId;
  const plan = id === undefined ? undefined : store.pricingPlans.get(id);
  if (!plan || !location) return undefined;
  return { plan: plan.input, pricingPlanId: plan.id, tariffVersion: plan.updatedAt, timeZone: location.input.timeZone };
}

/** Now, in whole seconds, as the sessions' times are written. */
export function nowSeconds(nowMs = Date.now()): string {
  return isoSeconds(Math.floor(nowMs / 1000));
}

/**
 * Completes a live session at `nowMs`: it charged at `powerW` until it was stopped (at least
 * one second after it started: times are whole seconds) and parked not at all; it is billed
 * under the plan version it started with, when one applied (`authMethod` `APP`: it was started
 * through the API; no team).
 */
export function completeLiveSession(r: SessionRecord, powerW: number, nowMs = Date.now()): void {
  const start = epochSeconds(r.startedAt, "startedAt");
  const stop = Math.max(start + 1, Math.floor(nowMs / 1000));
  r.status = "COMPLETED";
  r.stoppedAt = isoSeconds(stop);
  r.updatedAt = new Date(nowMs).toISOString();
  r.energyWh = Math.max(1, Math.floor((powerW * (stop - start)) / 3600));
  const t = r.tariff;
  if (!t) return;
  const [, evseId] = r.connectorId.split(".");
  const periods = buildPeriods({ startedAt: r.startedAt, chargingEndedAt: r.stoppedAt, stoppedAt: r.stoppedAt, energyWh: r.energyWh, timeZone: t.timeZone });
  r.billing = {
    evseId: Number(evseId), chargingEndedAt: r.stoppedAt, pricingPlanId: t.pricingPlanId, tariffVersion: t.tariffVersion, authMethod: "APP",
    ...billSession({ plan: t.plan, startedAt: r.startedAt, periods, timeZone: t.timeZone }), timeZone: t.timeZone, generated: false,
  };
  delete r.tariff;
}
