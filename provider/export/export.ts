/**
 * `eosvolt-export sessions`: completed sessions of a window, with what they were
 * billed, as CSV or JSON Lines, with progress on stderr and a summary.
 * Reads through `client.sessions.history` (windows of ≤ 31 days, pages of 100,
 * retries and 429s as everywhere); a file goes through {@link PartialFile}.
 */
import { writeFileSync } from "node:fs";
import type { EosvoltClient } from "../client/client";
import { decodeCursor, normaliseQuery, type HistoryQuery } from "../client/history";
import { UsageError, type ExportArgs } from "./args";
import { PartialFile, type PartialState } from "./partial";
import { ExportProgress, type ProgressSink } from "./progress";
import { csvHeader, csvRow, jsonlRow } from "./rows";
import { addToSummary, emptySummary, summaryFromJson, summaryJson, summaryText, type Summary } from "./summary";

/** Where the export writes when there is no `--out`, and its clock. */
export interface ExportIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressSink;
  now: () => number;
}

/** What an export did. */
export interface ExportResult {
  /** Sessions written by this run (a resumed run: after the cut). */
  written: number;
  /** Sessions in the file. */
  rows: number;
  summary: Summary;
  requests: number;
}

/** Rows written to the file at a time (one page). */
const FLUSH_ROWS = 100;
/** Least time between two checkpoints of the state inside a window (each is a file write and a rename). */
const CHECKPOINT_MS = 1000;

/** The query of the command line, as the history and the resume state hold it. */
export function queryOf(args: ExportArgs): HistoryQuery {
  return normaliseQuery({ from: args.from, to: args.to, locationId: args.locationId, chargerId: args.chargerId });
}

/**
 * Runs an export. Bad `--resume` state throws {@link UsageError} before any
 * request. A failure mid-way leaves `FILE.partial` and its state for `--resume`
 * and rethrows.
 */
export async function exportSessions(args: ExportArgs, client: EosvoltClient, io: ExportIo): Promise<ExportResult> {
  const query = queryOf(args);
  let file: PartialFile | undefined;
  let state: PartialState | undefined;
  if (args.out) ({ file, state } = PartialFile.open(args.out, args.resume, query, args.format));
  try {
    if (state) decodeCursor(state.cursor, query); // the cursor itself must be of this query too
  } catch (error) {
    file?.abandon();
    throw new UsageError(`--resume: ${(error as Error).message}`);
  }
  const history = client.sessions.history({ ...query, cursor: state?.cursor });
  const summary = state ? summaryFromJson(state.summary) : emptySummary();
  let rows = state?.rows ?? 0;
  let written = 0;
  const requestsBefore = client.stats().requests;
  const emit = (text: string) => (file ? file.append(text) : io.stdout.write(text));
  const checkpoint = () => file?.checkpoint({ query, format: args.format, cursor: history.cursor(), rows, summary: summaryJson(summary) });
  if (!state && args.format === "csv") emit(csvHeader());
  checkpoint();
  const progress = new ExportProgress(io.stderr, io.now, rows);
  let windowIndex = history.progress().windowIndex;
  let buffer = "";
  let buffered = 0;
  let lastCheckpoint = io.now();
  /** Appends the buffered rows; records the state when `always` or a second has passed. */
  const flush = (always: boolean) => {
    if (buffer) emit(buffer);
    buffer = "";
    buffered = 0;
    if (always || io.now() - lastCheckpoint >= CHECKPOINT_MS) {
      checkpoint();
      lastCheckpoint = io.now();
    }
  };
  try {
    for await (const session of history) {
      const p = history.progress();
      if (p.windowIndex !== windowIndex) {
        flush(true);
        progress.windowDone({ ...p, windowIndex, window: history.windows[windowIndex] }, rows);
        windowIndex = p.windowIndex;
      }
      buffer += args.format === "csv" ? csvRow(session) : jsonlRow(session);
      addToSummary(summary, session);
      rows += 1;
      written += 1;
      buffered += 1;
      if (buffered >= FLUSH_ROWS) flush(false);
      progress.update(p, rows);
    }
    flush(true);
    // The windows after the last session (empty ones included) are done too.
    const last = history.progress();
    for (let w = windowIndex; w < history.windows.length; w += 1) progress.windowDone({ ...last, windowIndex: w, window: history.windows[w] }, rows);
    progress.finish();
  } catch (error) {
    progress.finish();
    file?.abandon();
    throw error;
  }
  file?.complete();
  if (args.summary) writeFileSync(args.summary, `${JSON.stringify({ query, rows, byCurrency: summaryJson(summary) }, null, 2)}\n`);
  io.stderr.write(summaryText(summary));
  return { written, rows, summary, requests: client.stats().requests - requestsBefore };
}
