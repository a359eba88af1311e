/**
 * `client.sessions.history()`: every completed session of a time range, in
 * `startedAt` order, each exactly once, resumable from a cursor.
 *
 * The API serves at most 31 days of `startedAt` per request (the contract's
 * window rule), sorted by `startedAt` then `id`, so that pages of a past window
 * never move. The range is cut into windows of at most 31 days; each is paged
 * with `limit=100`. Several locations or chargers are one query per filter value
 * per window, merged by `startedAt`. Retries and 429s are the transport's.
 *
 * The cursor (an opaque string) holds the query and the position: the window in
 * progress and the last `startedAt` yielded with the ids yielded at that second.
 * A resumed history re-reads from that second and skips those ids, so a session
 * is neither lost nor doubled even when ids tie on `startedAt` in any order.
 */
import { EosvoltConfigError } from "./errors";
import type { CompletedSession } from "../schemas/session";

/** The longest window the API serves, in days. */
export const MAX_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;

/** What {@link SessionHistory} reads. */
export interface HistoryParams {
  /** Start of the range (inclusive), ISO 8601 or a `Date`. */
  from: string | Date;
  /** End of the range (exclusive), ISO 8601 or a `Date`. */
  to: string | Date;
  /** Only sessions at this location (or these locations). */
  locationId?: string | readonly string[];
  /** Only sessions on this charger (or these chargers). */
  chargerId?: string | readonly string[];
  /** Continue after the position of a cursor from {@link SessionHistory.cursor} of the same query. */
  cursor?: string;
  /** Days per window, 1..31 (default 31). */
  windowDays?: number;
}

/** The query a cursor belongs to, normalised (ISO instants, sorted ids). */
export interface HistoryQuery {
  from: string;
  to: string;
  locationId: string[];
  chargerId: string[];
}

/** A position in a history: the window in progress and the last second yielded in it. */
export interface HistoryPosition {
  /** ISO start of the window in progress; every earlier window is done. */
  window: string;
  /** The last `startedAt` yielded (ms) and the ids yielded at that instant. */
  after?: { at: number; ids: string[] };
}

interface CursorState extends HistoryPosition {
  v: 1;
  query: HistoryQuery;
}

/** A cursor that does not belong to the query it is used with, or is not a cursor. */
export class HistoryCursorError extends EosvoltConfigError {
  static override readonly errorType: string = "HistoryCursorError";
}

/** One window of the range: `[from, to)` in ms. */
export interface HistoryWindow {
  from: number;
  to: number;
}

function instant(value: string | Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new EosvoltConfigError(`history: ${name} must be an ISO 8601 date or time, got ${JSON.stringify(value)}.`);
  return ms;
}

function ids(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return [...new Set(typeof value === "string" ? [value] : value)].sort();
}

/** Normalises a query; throws {@link EosvoltConfigError} naming the field for a bad one (before any request). */
export function normaliseQuery(params: HistoryParams): HistoryQuery {
  const from = instant(params.from, "from");
  const to = instant(params.to, "to");
  if (from >= to) throw new EosvoltConfigError(`history: from (${new Date(from).toISOString()}) must be before to (${new Date(to).toISOString()}).`);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), locationId: ids(params.locationId), chargerId: ids(params.chargerId) };
}

/** The windows of `[from, to)`, each at most `days` long. */
export function windowsOf(query: HistoryQuery, days = MAX_WINDOW_DAYS): HistoryWindow[] {
  const step = days * DAY_MS;
  const out: HistoryWindow[] = [];
  const end = Date.parse(query.to);
  for (let from = Date.parse(query.from); from < end; from += step) out.push({ from, to: Math.min(from + step, end) });
  return out;
}

function sameQuery(a: HistoryQuery, b: HistoryQuery): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Encodes a position of a query as an opaque cursor. */
export function encodeCursor(query: HistoryQuery, position: HistoryPosition): string {
  const state: CursorState = { v: 1, query, ...position };
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

/** Reads a cursor and checks that it belongs to `query`; throws {@link HistoryCursorError} with the reason otherwise. */
export function decodeCursor(cursor: string, query: HistoryQuery): HistoryPosition {
  let state: CursorState;
  try {
    state = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorState;
  } catch {
    throw new HistoryCursorError("history: the cursor is not one this client handed out.");
  }
  if (state === null || typeof state !== "object" || state.v !== 1 || typeof state.window !== "string" || !state.query) {
    throw new HistoryCursorError("history: the cursor is not one this client handed out.");
  }
  if (!sameQuery(state.query, query)) {
    const q = state.query;
    throw new HistoryCursorError(
      `history: the cursor belongs to another query (from ${q.from} to ${q.to}` +
        `${q.locationId.length ? `, location ${q.locationId.join(", ")}` : ""}${q.chargerId.length ? `, charger ${q.chargerId.join(", ")}` : ""}), ` +
        `not to from ${query.from} to ${query.to}${query.locationId.length ? `, location ${query.locationId.join(", ")}` : ""}` +
        `${query.chargerId.length ? `, charger ${query.chargerId.join(", ")}` : ""}.`,
    );
  }
  const after = state.after && Number.isFinite(state.after.at) && Array.isArray(state.after.ids) ? { at: state.after.at, ids: state.after.ids.map(String) } : undefined;
  return { window: state.window, after };
}

/** Fetches one page of completed sessions for one filter of one window. */
export type HistoryPageFetcher = (params: {
  from: string;
  to: string;
  locationId?: string;
  chargerId?: string;
  page: number;
  limit: number;
}) => Promise<{ data: CompletedSession[]; hasMore: boolean; total?: number }>;

/** Progress of a history, for progress bars: the window in progress and counts. */
export interface HistoryProgress {
  /** Index of the window in progress (0-based) and how many there are. */
  windowIndex: number;
  windows: number;
  window: HistoryWindow;
  /** Sessions yielded so far by this iterator. */
  sessions: number;
  /** Pages fetched so far. */
  pages: number;
}

/** Page requests of one stream kept in flight once the page count is known. */
const PAGES_IN_FLIGHT = 4;

/**
 * One stream: a filter value's sessions in a window, page by page. Once page 1 tells the
 * total, up to {@link PAGES_IN_FLIGHT} later pages are requested ahead (the pages of a past
 * window never move; the transport's limiter spaces the requests), and yielded in order.
 * Without a total, the next page is requested as soon as a page says there is more.
 */
async function* stream(fetch: HistoryPageFetcher, base: Omit<Parameters<HistoryPageFetcher>[0], "page" | "limit">, onPage: () => void): AsyncGenerator<CompletedSession> {
  const limit = 100;
  const get = (page: number) => {
    const p = fetch({ ...base, page, limit });
    p.catch(() => undefined); // awaited below, in order; a page fetched ahead must not fail unobserved
    return p;
  };
  const ahead = new Map<number, ReturnType<HistoryPageFetcher>>();
  let last = Infinity;
  for (let page = 1; page <= last; page += 1) {
    const current = ahead.get(page) ?? get(page);
    ahead.delete(page);
    const { data, hasMore, total } = await current;
    onPage();
    if (!hasMore || data.length === 0) last = page;
    else if (total !== undefined) last = Math.max(page + 1, Math.ceil(total / limit));
    for (let next = page + 1; next <= Math.min(last, page + (total !== undefined ? PAGES_IN_FLIGHT : 1)); next += 1) {
      if (!ahead.has(next)) ahead.set(next, get(next));
    }
    for (const s of data) yield s;
  }
}

const startedMs = (s: CompletedSession) => Date.parse(s.startedAt);

/** Merges sorted streams by (`startedAt`, `id`). */
async function* merge(streams: AsyncGenerator<CompletedSession>[]): AsyncGenerator<CompletedSession> {
  if (streams.length === 1) {
    yield* streams[0];
    return;
  }
  const heads = await Promise.all(streams.map((s) => s.next()));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i += 1) {
      const h = heads[i];
      if (h.done) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const b = heads[best].value as CompletedSession;
      const d = startedMs(h.value) - startedMs(b);
      if (d < 0 || (d === 0 && h.value.id < b.id)) best = i;
    }
    if (best < 0) return;
    yield heads[best].value as CompletedSession;
    heads[best] = await streams[best].next();
  }
}

/**
 * An async iterable of completed sessions with a resumable {@link cursor}.
 * Iterate it once: `for await (const s of client.sessions.history({ from, to }))`.
 */
export class SessionHistory implements AsyncIterable<CompletedSession> {
  /** The normalised query. */
  readonly query: HistoryQuery;
  /** The windows the range is read in. */
  readonly windows: readonly HistoryWindow[];
  #position: HistoryPosition;
  #progress: HistoryProgress;

  /** Validates the query and the cursor (throwing before any request). */
  constructor(
    params: HistoryParams,
    private readonly fetch: HistoryPageFetcher,
  ) {
    const days = params.windowDays ?? MAX_WINDOW_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) throw new EosvoltConfigError(`history: windowDays must be a whole number 1..${MAX_WINDOW_DAYS}, got ${String(days)}.`);
    this.query = normaliseQuery(params);
    this.windows = windowsOf(this.query, days);
    this.#position = params.cursor === undefined ? { window: this.query.from } : decodeCursor(params.cursor, this.query);
    const first = Math.max(0, this.windows.findIndex((w) => w.to > Date.parse(this.#position.window)));
    this.#progress = { windowIndex: first, windows: this.windows.length, window: this.windows[first], sessions: 0, pages: 0 };
  }

  /** A cursor for the position after the last session yielded: pass it as `cursor` to continue. */
  cursor(): string {
    return encodeCursor(this.query, this.#position);
  }

  /** Where the iteration is. */
  progress(): HistoryProgress {
    return { ...this.#progress };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CompletedSession> {
    const windowStart = Date.parse(this.#position.window);
    for (let w = this.#progress.windowIndex; w < this.windows.length; w += 1) {
      const window = this.windows[w];
      if (window.to <= windowStart) continue;
      this.#progress = { ...this.#progress, windowIndex: w, window };
      const after = this.#position.after;
      const seen = new Set(after?.ids ?? []);
      let lastAt = after?.at ?? -Infinity;
      // Resuming inside this window: read from the last second yielded, skip what was yielded.
      const from = after && after.at >= window.from && after.at < window.to ? after.at : Math.max(window.from, windowStart);
      const base = { from: new Date(from).toISOString(), to: new Date(window.to).toISOString() };
      const filters: Array<{ locationId?: string; chargerId?: string }> = [];
      for (const locationId of this.query.locationId.length ? this.query.locationId : [undefined]) {
        for (const chargerId of this.query.chargerId.length ? this.query.chargerId : [undefined]) filters.push({ locationId, chargerId });
      }
      const onPage = () => {
        this.#progress = { ...this.#progress, pages: this.#progress.pages + 1 };
      };
      for await (const session of merge(filters.map((f) => stream(this.fetch, { ...base, ...f }, onPage)))) {
        const at = startedMs(session);
        if (at < lastAt || (at === lastAt && seen.has(session.id))) continue; // yielded before (a page that moved, or the resumed second)
        if (at !== lastAt) {
          seen.clear();
          lastAt = at;
        }
        seen.add(session.id);
        this.#position = { window: new Date(window.from).toISOString(), after: { at, ids: [...seen] } };
        this.#progress = { ...this.#progress, sessions: this.#progress.sessions + 1 };
        yield session;
      }
      const next = this.windows[w + 1];
      this.#position = next ? { window: new Date(next.from).toISOString() } : { window: this.query.to };
    }
  }
}
