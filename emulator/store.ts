import { randomBytes } from "node:crypto";
import type { LocationInput } from "./validation/location";
import type { ChargerInput } from "./validation/charger";
import type { PricingPlanInput } from "./validation/pricing-plan";
import type { TeamInput } from "./validation/team";
import type { SessionBilling } from "./history/record";

/** Fields every stored object has. */
export interface RecordMeta {
  id: string;
  /** Insertion order, the default list order and the tie-breaker of sorts. */
  seq: number;
  createdAt: string;
  updatedAt: string;
}

/** A stored location. */
export interface LocationRecord extends RecordMeta {
  input: LocationInput;
}

/** OCPP connector statuses. */
export type ConnectorStatus =
  | "Available" | "Preparing" | "Charging" | "SuspendedEV" | "SuspendedEVSE" | "Finishing" | "Reserved" | "Unavailable" | "Faulted";

/** A stored charger. The authorization key itself is never kept: only its SHA-256. */
export interface ChargerRecord extends RecordMeta {
  input: Omit<ChargerInput, "authorizationKey">;
  authorizationKeyHash: string | null;
  connectionStatus: "NEVER_CONNECTED" | "CONNECTED" | "DISCONNECTED";
  lastHeartbeatAt: string | null;
  /** Status per connector, keyed `"evseId.connectorId"`; missing means Available. */
  connectorStatus: Record<string, ConnectorStatus>;
}

/** A stored pricing plan. */
export interface PricingPlanRecord extends RecordMeta {
  input: PricingPlanInput;
}

/** A stored team (charge keys of its members, their discount and billing). */
export interface TeamRecord extends RecordMeta {
  input: TeamInput;
}

/** A stored charging session. */
export interface SessionRecord extends RecordMeta {
  connectorId: string;
  chargerId: string;
  locationId: string;
  status: "ACTIVE" | "COMPLETED";
  startedAt: string;
  stoppedAt: string | null;
  energyWh: number;
  /** What a completed session was billed (generated history); absent otherwise. */
  billing?: SessionBilling;
}

/** The serialisable state (also the data file's content). */
export interface StoreSnapshot {
  version: 1;
  nextChargerId: number;
  nextSeq: number;
  locations: LocationRecord[];
  chargers: ChargerRecord[];
  pricingPlans: PricingPlanRecord[];
  /** Absent in data files written before teams existed. */
  teams?: TeamRecord[];
  sessions: SessionRecord[];
}

/** First charger id handed out. */
export const FIRST_CHARGER_ID = 100;

/** In-memory state of the emulator: one map per collection and the id counters. */
export class Store {
  locations = new Map<string, LocationRecord>();
  chargers = new Map<string, ChargerRecord>();
  pricingPlans = new Map<string, PricingPlanRecord>();
  teams = new Map<string, TeamRecord>();
  sessions = new Map<string, SessionRecord>();
  private nextChargerId = FIRST_CHARGER_ID;
  private nextSeq = 1;
  private changes = 0;

  /** @param onChange called after every mutation (persistence hooks in here). */
  constructor(private readonly onChange: () => void = () => {}) {}

  /** Fresh metadata for a new object, with an id from `makeId`. */
  newMeta(id: string): RecordMeta {
    const now = new Date().toISOString();
    return { id, seq: this.nextSeq++, createdAt: now, updatedAt: now };
  }

  /** Next decimal charger id ("100", "101", ...). */
  nextChargerIdString(): string {
    return String(this.nextChargerId++);
  }

  /** A new opaque id `prefix_xxxxxx` not used in `taken`. */
  opaqueId(prefix: string, taken: Map<string, unknown>): string {
    for (;;) {
      const id = `${prefix}_${randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 6)}`;
      if (id.length === prefix.length + 7 && !taken.has(id)) return id;
    }
  }

  /** Signals a mutation. */
  changed(): void {
    this.changes++;
    this.onChange();
  }

  /** Counts mutations signalled so far: a cache built at one revision is valid while it stays. */
  get revision(): number {
    return this.changes;
  }

  /** Empties everything and restarts the counters. */
  clear(): void {
    this.locations.clear();
    this.chargers.clear();
    this.pricingPlans.clear();
    this.teams.clear();
    this.sessions.clear();
    this.nextChargerId = FIRST_CHARGER_ID;
    this.nextSeq = 1;
    this.changed();
  }

  /** A deep copy of the whole state. */
  snapshot(): StoreSnapshot {
    return structuredClone({
      version: 1 as const,
      nextChargerId: this.nextChargerId,
      nextSeq: this.nextSeq,
      locations: [...this.locations.values()],
      chargers: [...this.chargers.values()],
      pricingPlans: [...this.pricingPlans.values()],
      teams: [...this.teams.values()],
      sessions: [...this.sessions.values()],
    });
  }

  /** Replaces the state with a snapshot (from the data file). */
  load(s: StoreSnapshot): void {
    if (s.version !== 1) throw new Error(`Unsupported data file version ${String(s.version)}.`);
    this.changes++;
    this.locations = new Map(s.locations.map((r) => [r.id, r]));
    this.chargers = new Map(s.chargers.map((r) => [r.id, r]));
    this.pricingPlans = new Map(s.pricingPlans.map((r) => [r.id, r]));
    this.teams = new Map((s.teams ?? []).map((r) => [r.id, r]));
    this.sessions = new Map(s.sessions.map((r) => [r.id, r]));
    this.nextChargerId = s.nextChargerId;
    this.nextSeq = s.nextSeq;
  }
}
