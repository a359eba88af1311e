/**
 * The shape of charging demand the history generator follows: when drivers arrive (by
 * local hour, weekdays and weekends apart), what their cars take, and how long they stay.
 */

/** Relative arrivals per local hour 0..23 on a weekday: a morning and an evening peak. */
export const WEEKDAY_ARRIVALS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.6, 2.2, 1.8, 1.3, 1.2, 1.3, 1.2, 1.1, 1.2, 1.5, 1.9, 1.8, 1.4, 1.0, 0.7, 0.5, 0.3];
/** Relative arrivals per local hour on Saturday and Sunday: later, flatter. */
export const WEEKEND_ARRIVALS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6, 1.5, 1.4, 1.3, 1.3, 1.3, 1.2, 1.0, 0.8, 0.6, 0.4, 0.3];
/** Weekend days see this share of a weekday's arrivals. */
export const WEEKEND_FACTOR = 0.7;

/** Mean arrivals per connector per weekday: AC posts serve parked cars, DC posts a queue of short stops. */
export const DAILY_ARRIVALS = { AC: 3, DC: 8 };

/** What cars accept, in W: AC on-board chargers and DC charging curves' peaks. */
export const CAR_POWER_W = { AC: [3_700, 7_400, 11_000, 11_000, 22_000], DC: [50_000, 100_000, 150_000, 250_000] };

/** kWh a driver wants, [min, max]. */
export const ENERGY_NEED_KWH = { AC: [4, 45], DC: [12, 65] } as const;

/** Share of DC drivers who leave the car parked after it stops charging (the rest leave within minutes). */
export const DC_PARKED_SHARE = 0.12;

/** Share of sessions by a team member where the location takes anyone (a SEMI_PUBLIC location with teams: all). */
export const TEAM_SHARE = 0.2;

/** Longest stay, in seconds. */
export const MAX_STAY_S = 14 * 3600;

/**
 * How long an AC driver stays, [min, max] hours, by local arrival hour: commuters
 * arriving in the morning stay the working day, evening arrivals the night, others a few hours.
 */
export function acStayHours(hour: number): [number, number] {
  if (hour >= 6 && hour < 10) return [6, 9.5];
  if (hour >= 18 || hour < 2) return [3, 12];
  return [0.75, 3.5];
}
