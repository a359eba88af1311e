/**
 * The pricing review as data: what {@link reviewPricing} computes and the
 * renderer turns into words. Nothing here is Markdown or a sentence; values
 * of the preview stay as they are (strings, numbers, or the {@link UNKNOWN} /
 * {@link SECRET} markers) until the renderer prints them.
 */
import type { GapGroup } from "./coverage";
import type { Week } from "./week";

export type PlanOp = "create" | "update" | "replace" | "delete" | "import";

/** One price component of a plan. */
export interface Price {
  type: unknown;
  price: unknown;
  vat: unknown;
  stepSize: unknown;
}

/** A time window of a plan: an element's restrictions, read as the table names them. */
export interface PlanWindow {
  restrictions: unknown;
  /** Every component is a PARKING_TIME fee: durations are time parked. */
  parking: boolean;
  /** An earlier window already priced one of its types: without restrictions it is "any other time". */
  otherTime: boolean;
}

export interface PriceRow {
  status: "unchanged" | "changed" | "added" | "removed";
  /** The window; the new one when it changed. */
  window: PlanWindow;
  /** The old window, when it reads differently from the new one. */
  windowBefore?: PlanWindow;
  /** The component's type and billing step (the new one when both exist). */
  type: unknown;
  stepSize: unknown;
  old?: Price;
  new?: Price;
  /** Change of the price excl. VAT in percent; undefined when not comparable. */
  percent?: number;
  /** Change of the price incl. VAT in percent, when VAT changed too. */
  percentInclVat?: number;
}

/** A charger as a reviewer knows it: its OCPP identity (or resource name) and its name. */
export interface ChargerName {
  id: string;
  name?: string;
}

export interface ConnectorUse {
  charger: string;
  evseId: unknown;
  connectorId: unknown;
}

export interface PlanUsers {
  locations: string[];
  /** Chargers using the plan: their own override (`ownPlan`), or their location's default. */
  chargers: Array<ChargerName & { ownPlan: boolean }>;
  connectors: ConnectorUse[];
  /** References that cannot be resolved before apply. */
  unknown: number;
}

/** A plan field other than the prices, old → new (or only its value, for a plan created, imported or deleted). */
export interface FieldChange {
  field: "name" | "minPrice" | "maxPrice" | "startDateTime" | "endDateTime" | "altText";
  old?: unknown;
  new?: unknown;
}

export interface PlanReview {
  urn: string;
  /** The plan's name as the preview has it (may be unknown or secret). */
  name: unknown;
  op: PlanOp;
  currencyBefore?: unknown;
  currency: unknown;
  rows: PriceRow[];
  /** Updates and replacements: fields changed besides the prices. Other ops: the fields it has. */
  fields: FieldChange[];
  /** The matched windows are in another order (the first window that matches applies). */
  reordered: boolean;
  users: PlanUsers;
  /** Uncovered times of the week, for plans the preview creates or changes. */
  gaps: GapGroup[];
  replaceReasons: string[];
  /** Unchanged resources are not in the preview (no `--show-sames`): the users may be incomplete. */
  usersIncomplete: boolean;
  /** The plan's prices over one week, old and new, for the charts. */
  week: Week;
}

/** The plan a location or charger charges with, as far as the preview tells. */
export type PlanRef = { plan: string } | { none: true } | { unknown: true } | { outside: string };

/** A location or charger that stays in the stack but charges with another plan. */
export type Switch = ({ kind: "location"; location: string } | { kind: "charger"; charger: ChargerName }) & { from: PlanRef; to: PlanRef };

/** A priced booking rule of a location: a fee, the grace period, the free kWh, the booking-only plan. */
export type BookingRule = "slotFee" | "sameDaySlotFee" | "blockingFeePerHour" | "graceMinutes" | "freeKwh" | "pricingPlanId";

/** One booking rule old → new (or only its value, when booking is turned on or off). */
export interface BookingRow {
  rule: BookingRule;
  /** The old value; for `pricingPlanId` the plan's name as the stack knows it. */
  old?: unknown;
  new?: unknown;
  changed: boolean;
  /** Change in percent (fees, minutes, kWh); undefined when not comparable. */
  percent?: number;
  /** Change of a fee incl. VAT in percent, when the booking's VAT changed too. */
  percentInclVat?: number;
}

/** What a preview does to the booking rules of one location. */
export interface BookingReview {
  urn: string;
  /** The location's name. */
  location: string;
  /** What the preview does to the location itself (`create`, `update`, `delete`, …). */
  locationOp: string;
  /** Booking turned on, turned off, or its rules changed. */
  change: "on" | "off" | "changed";
  /** The old currency of the fees, when it changed. */
  currencyBefore?: unknown;
  currency: unknown;
  /** The old VAT on the fees, when it changed. */
  vatBefore?: unknown;
  vat: unknown;
  /** The priced rules: the changed ones, or (on / off) the ones set. */
  rows: BookingRow[];
  /** Other rules that changed (slot length, bookable time frame, …), old → new. */
  others: Array<{ rule: string; old: unknown; new: unknown }>;
}

export type Warning =
  | {
      kind: "increase";
      plan: unknown;
      row: PriceRow & { old: Price; new: Price };
      currencyBefore: unknown;
      currency: unknown;
      limitPercent: number;
    }
  | { kind: "booking-increase"; location: string; row: BookingRow; currency: unknown; vat: unknown; limitPercent: number }
  | { kind: "deleted-in-use"; plan: unknown; users: PlanUsers }
  | { kind: "coverage"; plan: unknown; gaps: GapGroup[] }
  | { kind: "preview-error"; error: string };

export interface PricingReview {
  plans: PlanReview[];
  /** Locations whose booking the preview turns on, off or changes. */
  bookings: BookingReview[];
  switches: Switch[];
  warnings: Warning[];
  /** Unchanged resources were left out of the preview (no `--show-sames`). */
  unchangedOmitted: boolean;
  hasChanges: boolean;
  maxIncreasePercent: number;
}
