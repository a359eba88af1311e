import type { ChargerRecord, PricingPlanRecord, SessionRecord, Store, TeamRecord } from "../store";
import { mulberry32 } from "../faults";
import { billSession, buildPeriods, isoSeconds, localTime } from "../billing/index";
import type { AuthMethod, SessionBilling } from "./record";
import {
  acStayHours, CAR_POWER_W, DAILY_ARRIVALS, DC_PARKED_SHARE, ENERGY_NEED_KWH, MAX_STAY_S, TEAM_SHARE,
  WEEKDAY_ARRIVALS, WEEKEND_ARRIVALS, WEEKEND_FACTOR,
} from "./profile";

/** What history to generate. */
export interface HistoryOptions {
  /** Days of history before `until`, 1..3660. */
  days: number;
  /** Seed of the generator: the same seed over the same chargers gives the same sessions. @default 1 */
  seed?: number;
  /**
   * End of the history, exclusive (ISO 8601); no generated session is still plugged in then.
   * @default the start of the current UTC day, so that a day's runs agree
   */
  until?: string;
  /** Mean arrivals per connector on a weekday (busy connectors turn some away). @default 3 for AC, 8 for DC */
  arrivalsPerConnectorDay?: number;
}

/** What a generation made. */
export interface HistoryResult {
  /** Completed sessions generated. */
  sessions: number;
  /** The history's window of `startedAt`: `from` inclusive, `until` exclusive. */
  from: string;
  until: string;
  /** Connectors that got sessions, and those skipped because no pricing plan applies to them. */
  connectors: number;
  connectorsWithoutPlan: number;
}

/** Most days one generation covers. */
export const MAX_HISTORY_DAYS = 3660;

/**
 * Checks history options.
 * @throws RangeError naming the option.
 */
export function checkHistoryOptions(o: HistoryOptions): void {
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > MAX_HISTORY_DAYS) throw new RangeError(`days must be an integer from 1 to ${MAX_HISTORY_DAYS}`);
  if (o.seed !== undefined && !Number.isSafeInteger(o.seed)) throw new RangeError("seed must be an integer");
  if (o.until !== undefined && (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(o.until) || Number.isNaN(Date.parse(o.until)))) {
    throw new RangeError("until must be an ISO 8601 date-time");
  }
  if (o.arrivalsPerConnectorDay !== undefined && !(o.arrivalsPerConnectorDay > 0 && o.arrivalsPerConnectorDay <= 500)) {
    throw new RangeError("arrivalsPerConnectorDay must be a number above 0 and at most 500");
  }
}

/** FNV-1a: a 32-bit seed per connector, so adding a charger leaves the others' sessions as they were. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const WEEKDAY_SUM = sum(WEEKDAY_ARRIVALS);
const WEEKEND_SUM = sum(WEEKEND_ARRIVALS);

/** Arrivals per hour relative to the day's mean arrivals, by local weekday and hour. */
function hourlyShare(weekday: string, hour: number): number {
  return weekday === "SATURDAY" || weekday === "SUNDAY"
    ? (WEEKEND_FACTOR * WEEKEND_ARRIVALS[hour]) / WEEKEND_SUM
    : WEEKDAY_ARRIVALS[hour] / WEEKDAY_SUM;
}
const MAX_SHARE = Math.max(...WEEKDAY_ARRIVALS.map((w) => w / WEEKDAY_SUM), ...WEEKEND_ARRIVALS.map((w) => (WEEKEND_FACTOR * w) / WEEKEND_SUM));

/** One connector as the generator sees it. */
interface Post {
  charger: ChargerRecord;
  evseId: number;
  ref: string;
  kind: "AC" | "DC";
  powerW: number;
  plan: PricingPlanRecord;
  timeZone: string;
  /** Teams whose members charge here, and whether only they may. */
  teams: TeamRecord[];
  membersOnly: boolean;
}

/** A connector's power: `maxElectricPowerW`, else volts × amps (× 3 phases), capped by the charger's. */
function connectorPowerW(c: ChargerRecord["input"]["evses"][number]["connectors"][number], chargerMaxW: number): number {
  const derived = c.maxElectricPowerW ?? c.maxVoltage * c.maxAmperage * (c.powerType === "AC_3_PHASE" ? 3 : 1);
  return Math.min(derived, chargerMaxW);
}

/** The connectors that can have history, in a fixed order, and how many lack a plan. */
function posts(store: Store): { posts: Post[]; withoutPlan: number } {
  const out: Post[] = [];
  let withoutPlan = 0;
  const allTeams = [...store.teams.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const chargers = [...store.chargers.values()].sort((a, b) => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1));
  for (const charger of chargers) {
    if (charger.input.enabled === false) continue;
    const location = store.locations.get(charger.input.locationId);
    if (!location) continue;
    const locationTeams = (location.input.teamIds ?? []).flatMap((id) => store.teams.get(id) ?? []);
    const membersOnly = location.input.accessType === "SEMI_PUBLIC" && locationTeams.length > 0;
    for (const evse of charger.input.evses) {
      for (const c of evse.connectors) {
        const planId = c.pricingPlanId ?? charger.input.pricingPlanId ?? location.input.pricingPlanId;
        const plan = planId === undefined ? undefined : store.pricingPlans.get(planId);
        if (!plan) {
          withoutPlan++;
          continue;
        }
        out.push({
          charger, evseId: evse.evseId, ref: `${charger.id}.${evse.evseId}.${c.connectorId}`,
          kind: c.powerType === "DC" ? "DC" : "AC", powerW: connectorPowerW(c, charger.input.maxPowerW),
          plan, timeZone: location.input.timeZone, teams: membersOnly ? locationTeams : allTeams, membersOnly,
        });
      }
    }
  }
  return { posts: out, withoutPlan };
}

/** The start of the current UTC day. */
function startOfTodayUtc(now: number): number {
  return Math.floor(now / 86_400_000) * 86_400;
}

/**
 * Generates completed sessions for the connectors that exist, reproducibly from the seed,
 * and adds them to the store; sessions of an earlier generation are replaced, live ones kept.
 *
 * Per connector (one PRNG stream each, seeded from the seed and the connector reference):
 * arrivals follow the local hour and weekday (`profile.ts`, a thinned Poisson process); a car
 * takes the connector's power (`maxElectricPowerW`, else volts × amps, capped by the charger)
 * or less, until it has what its driver wanted or leaves; AC drivers stay by arrival hour (the
 * working day, the night, a few hours), so many stay parked after charging, and some DC
 * drivers do. A busy connector turns arrivals away. Drivers are team members (all of them at a
 * SEMI_PUBLIC location with teams; else 20 %, when teams exist) with their team's discount.
 * Each session is billed by `billSession` under its plan (connector > charger > location) as
 * the plan stands now, `tariffVersion` its `updatedAt`. Connectors without a plan, and disabled
 * chargers, get no history.
 * @throws RangeError for bad options.
 */
export function generateHistory(store: Store, options: HistoryOptions, now = Date.now()): HistoryResult {
  checkHistoryOptions(options);
  const seed = options.seed ?? 1;
  const until = options.until === undefined ? startOfTodayUtc(now) : Math.floor(Date.parse(options.until) / 1000);
  const from = until - options.days * 86_400;

  for (const [id, r] of store.sessions) if (r.billing?.generated) store.sessions.delete(id);
  const { posts: list, withoutPlan } = posts(store);
  let count = 0;
  for (const post of list) {
    for (const s of simulate(post, seed, from, until, options.arrivalsPerConnectorDay)) {
      const meta = store.newMeta(uniqueId(store, s.rng));
      const record: SessionRecord = {
        ...meta,
        createdAt: s.billing.startedAt,
        updatedAt: s.billing.stoppedAt,
        connectorId: post.ref,
        chargerId: post.charger.id,
        locationId: post.charger.input.locationId,
        status: "COMPLETED",
        startedAt: s.billing.startedAt,
        stoppedAt: s.billing.stoppedAt,
        energyWh: s.energyWh,
        billing: s.billing.billing,
      };
      store.sessions.set(record.id, record);
      count++;
    }
  }
  store.changed();
  return { sessions: count, from: isoSeconds(from), until: isoSeconds(until), connectors: list.length, connectorsWithoutPlan: withoutPlan };
}

function uniqueId(store: Store, rng: () => number): string {
  for (;;) {
    const id = `ses_${Math.floor(rng() * 36 ** 5).toString(36).padStart(5, "0")}${Math.floor(rng() * 36 ** 5).toString(36).padStart(5, "0")}`;
    if (!store.sessions.has(id)) return id;
  }
}

interface Generated {
  energyWh: number;
  rng: () => number;
  billing: { startedAt: string; stoppedAt: string; billing: SessionBilling };
}

function* simulate(post: Post, seed: number, from: number, until: number, perDay: number | undefined): Generator<Generated> {
  const rng = mulberry32(hash32(`${seed}|${post.ref}`));
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rng();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const daily = perDay ?? DAILY_ARRIVALS[post.kind];
  const maxRate = (daily * MAX_SHARE) / 3600; // arrivals per second at the busiest hour
  let busyUntil = from;
  let t = from;
  for (;;) {
    t += -Math.log(1 - rng()) / maxRate;
    if (t >= until) return;
    const start = Math.floor(t);
    const local = localTime(post.timeZone, start);
    const hour = Math.floor(local.secondOfDay / 3600);
    if (rng() * MAX_SHARE >= hourlyShare(local.weekday, hour)) continue;
    if (start < busyUntil) continue;

    const powerW = Math.max(1, Math.floor(Math.min(post.powerW, pick(CAR_POWER_W[post.kind])) * uniform(0.88, 0.98)));
    const [needMin, needMax] = ENERGY_NEED_KWH[post.kind];
    const needWh = Math.round(uniform(needMin, needMax) * 1000);
    const fullS = Math.ceil((needWh * 3600) / powerW);
    let stayS: number;
    if (post.kind === "AC") {
      const [lo, hi] = acStayHours(hour);
      stayS = Math.round(uniform(lo, hi) * 3600);
    } else {
      stayS = fullS + Math.round(rng() < DC_PARKED_SHARE ? uniform(15, 45) * 60 : uniform(0.5, 4) * 60);
    }
    stayS = Math.max(60, Math.min(stayS, MAX_STAY_S));
    const chargingS = Math.min(fullS, stayS);
    const stop = start + stayS;
    if (stop > until) continue;
    busyUntil = stop + 60;
    const energyWh = Math.floor((powerW * chargingS) / 3600);

    const member = post.teams.length > 0 && (post.membersOnly || rng() < TEAM_SHARE);
    const team = member ? pick(post.teams) : undefined;
    const authMethod: AuthMethod = team
      ? (team.input.chargeKeys?.length ? (pick(team.input.chargeKeys).type === "MAC" ? "AUTOCHARGE" : "RFID") : "RFID")
      : pick(["APP", "APP", "APP", "APP", "APP", "RFID", "RFID", "RFID", "AUTOCHARGE", "AUTOCHARGE"] as const);
    const discountPercent = team?.input.discountPercent;

    const startedAt = isoSeconds(start);
    const chargingEndedAt = isoSeconds(start + chargingS);
    const stoppedAt = isoSeconds(stop);
    const periods = buildPeriods({ startedAt, chargingEndedAt, stoppedAt, energyWh, timeZone: post.timeZone });
    const bill = billSession({ plan: post.plan.input, startedAt, periods, timeZone: post.timeZone, ...(discountPercent === undefined ? {} : { discountPercent }) });
    yield {
      energyWh,
      rng,
      billing: {
        startedAt,
        stoppedAt,
        billing: {
          evseId: post.evseId, chargingEndedAt, pricingPlanId: post.plan.id, tariffVersion: post.plan.updatedAt,
          ...(team ? { teamId: team.id } : {}), ...(discountPercent === undefined ? {} : { discountPercent }),
          authMethod, ...bill, timeZone: post.timeZone, generated: true,
        },
      },
    };
  }
}
