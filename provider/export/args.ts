/**
 * The command line of `eosvolt-export sessions`, read and checked before any
 * request: every refusal names the option and the reason.
 */
import { parseArgs } from "node:util";

export const USAGE = `Usage: eosvolt-export sessions --from DATE --to DATE [--location ID]… [--charger ID]…
                       [--format csv|jsonl] [--out FILE] [--resume] [--summary FILE]
Writes every completed session with startedAt in [--from, --to) with what it was billed.

  --from DATE        start, ISO 8601: 2026-11-01 (00:00 UTC) or 2026-11-01T06:00:00Z
  --to DATE          end: a date includes that whole day (UTC); a date-time is exclusive
  --location ID      only this location (repeat for several)
  --charger ID       only this charger (repeat for several)
  --format FORMAT    csv (default; columns in docs) or jsonl (the API's session objects)
  --out FILE         write to FILE (via FILE.partial, renamed when complete); default stdout
  --resume           continue an export to FILE that was cut short
  --summary FILE     also write the summary as JSON
  --base-url URL     the API (default: EOSVOLT_BASE_URL, else EOSVOLT_ENVIRONMENT's)
  -h, --help         this text

The token comes from EOSVOLT_TOKEN (read scope sessions:read).`;

/** A checked command line. */
export interface ExportArgs {
  from: string;
  to: string;
  locationId: string[];
  chargerId: string[];
  format: "csv" | "jsonl";
  out?: string;
  resume: boolean;
  summary?: string;
  baseUrl?: string;
}

/** A refused command line: the reason, for stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads `--from` / `--to`: an ISO 8601 date (UTC day) or date-time with a zone; `end` moves a date to the next day. */
export function readDate(option: string, value: string, end: boolean): number {
  if (DATE.test(value)) {
    const ms = Date.parse(`${value}T00:00:00Z`);
    if (Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value)) return end ? ms + 86_400_000 : ms;
  } else if (DATE_TIME.test(value)) {
    const ms = Date.parse(value);
    const day = value.slice(0, 10);
    if (Number.isFinite(ms) && Number.isFinite(Date.parse(`${day}T00:00:00Z`)) && new Date(Date.parse(`${day}T00:00:00Z`)).toISOString().startsWith(day)) return ms;
  }
  throw new UsageError(`${option} must be an ISO 8601 date (2026-11-01) or date-time with a zone (2026-11-01T06:00:00Z), not ${JSON.stringify(value)}.`);
}

/** Parses and checks the command line; throws {@link UsageError} with the reason. `now` decides "in the future". */
export function readArgs(argv: string[], now: number): ExportArgs | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        location: { type: "string", multiple: true },
        charger: { type: "string", multiple: true },
        format: { type: "string" },
        out: { type: "string", short: "o" },
        resume: { type: "boolean" },
        summary: { type: "string" },
        "base-url": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals[0] !== "sessions" || positionals.length > 1) {
    throw new UsageError(positionals.length === 0 ? "Name what to export: eosvolt-export sessions …" : `Unknown export ${JSON.stringify(positionals.join(" "))}: only "sessions".`);
  }
  if (values.from === undefined) throw new UsageError("--from is required (an ISO 8601 date such as 2026-11-01).");
  if (values.to === undefined) throw new UsageError("--to is required (an ISO 8601 date such as 2026-11-30).");
  const from = readDate("--from", values.from, false);
  const to = readDate("--to", values.to, true);
  if (from >= to) throw new UsageError(`--from (${values.from}) is after --to (${values.to}): the window is empty.`);
  if (from > now) throw new UsageError(`The window ${values.from} → ${values.to} is entirely in the future (now is ${new Date(now).toISOString()}): no session has started in it.`);
  const format = values.format ?? "csv";
  if (format !== "csv" && format !== "jsonl") throw new UsageError(`--format must be csv or jsonl, not ${JSON.stringify(format)}.`);
  if (values.resume && !values.out) throw new UsageError("--resume needs --out FILE: it continues FILE.partial.");
  for (const [option, ids] of [["--location", values.location], ["--charger", values.charger]] as const) {
    for (const id of ids ?? []) if (id.trim() === "") throw new UsageError(`${option} must be an id, not an empty string.`);
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    locationId: values.location ?? [],
    chargerId: values.charger ?? [],
    format,
    out: values.out,
    resume: values.resume === true,
    summary: values.summary,
    baseUrl: values["base-url"],
  };
}
