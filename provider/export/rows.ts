/**
 * The export's rows: the documented CSV columns (one row per session, costs as
 * the exact decimals the API billed) and JSON Lines (the API's session object,
 * unknown fields included).
 */
import type { CompletedSession } from "../schemas/session";
import { exactText } from "../money";

/** A CSV column: its header and how a session fills it. */
interface Column {
  name: string;
  /** What the column holds (docs/notes and `--help`). */
  doc: string;
  value: (s: CompletedSession) => string;
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** The CSV columns, in order. Decimals are written as the API wrote them (4 decimals). */
export const CSV_COLUMNS: readonly Column[] = [
  { name: "id", doc: "session id", value: (s) => s.id },
  { name: "locationId", doc: "location id", value: (s) => s.locationId },
  { name: "chargerId", doc: "charger id", value: (s) => s.chargerId },
  { name: "evseId", doc: "EVSE id within the charger", value: (s) => text(s.evseId) },
  { name: "connectorId", doc: 'connector reference ("242.2.1")', value: (s) => s.connectorId },
  { name: "startedAt", doc: "plugged in, ISO 8601 UTC", value: (s) => s.startedAt },
  { name: "chargingEndedAt", doc: "the car stopped drawing power, ISO 8601 UTC", value: (s) => text(s.chargingEndedAt) },
  { name: "stoppedAt", doc: "unplugged, ISO 8601 UTC", value: (s) => s.stoppedAt },
  { name: "energyWh", doc: "energy delivered, whole Wh", value: (s) => String(s.energyWh) },
  { name: "energyKwh", doc: "the same in kWh, exact (energyWh / 1000)", value: (s) => exactText(BigInt(s.energyWh), 3) },
  { name: "authMethod", doc: "RFID, APP or AUTOCHARGE", value: (s) => text(s.authMethod) },
  { name: "teamId", doc: "the driver's team when a team discount applied", value: (s) => text(s.teamId) },
  { name: "discountPercent", doc: "that discount in percent", value: (s) => text(s.discountPercent) },
  { name: "pricingPlanId", doc: "the plan that priced the session", value: (s) => s.pricingPlanId },
  { name: "tariffVersion", doc: "that plan's updatedAt when the session started", value: (s) => text(s.tariffVersion) },
  { name: "currency", doc: "ISO 4217", value: (s) => s.currency },
  { name: "costExclVat", doc: "billed excl. VAT, 4 decimals", value: (s) => s.cost.exclVat },
  { name: "costVat", doc: "VAT billed, 4 decimals", value: (s) => s.cost.vat },
  { name: "costInclVat", doc: "billed incl. VAT, 4 decimals", value: (s) => s.cost.inclVat },
  { name: "lineCount", doc: "lines of the bill (the lines themselves: --format jsonl)", value: (s) => String(s.lines.length) },
];

/** One CSV field, quoted by RFC 4180 when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV header line. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.map((c) => c.name).join(",")}\r\n`;
}

/** A session as one CSV line (CRLF, RFC 4180). */
export function csvRow(s: CompletedSession): string {
  return `${CSV_COLUMNS.map((c) => csvField(c.value(s))).join(",")}\r\n`;
}

/** A session as one JSON line. */
export function jsonlRow(s: CompletedSession): string {
  return `${JSON.stringify(s)}\n`;
}
