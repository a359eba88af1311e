import type { SessionRecord, Store } from "../store";
import { ApiError, invalidParameter } from "../errors";
import type { Reply } from "../http";
import { DEFAULT_LIMIT, MAX_IDS, MAX_LIMIT, intParam, timeParam } from "../list";
import { renderSession } from "./record";

/** The longest window of `startedAt` one `GET /v1/sessions` reads. */
export const MAX_WINDOW_DAYS = 31;
const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 86_400_000;

const STATUSES = ["ACTIVE", "COMPLETED"];
const EXACT: Record<string, (e: Entry) => string> = {
  chargerId: (e) => e.chargerId,
  locationId: (e) => e.locationId,
  connectorId: (e) => e.connectorId,
};
const KNOWN = new Set(["limit", "page", "offset", "sort", "id", "from", "to", "status", ...Object.keys(EXACT)]);

/**
 * A session in the sorted index, with the fields the filters read: a scan of 100 000 entries
 * then stays in a few compact arrays instead of touching every record. Valid for one store
 * revision (a stop changes a status and signals a change).
 */
interface Entry { t: number; id: string; status: string; chargerId: string; locationId: string; connectorId: string; r: SessionRecord }

/**
 * Every session in `startedAt`, then `id`, order, and the totals of the queries counted on it
 * (the pages of one window after the first then stop at their last row); rebuilt only after the
 * store changed.
 */
interface SortedIndex { sessions: Map<string, SessionRecord>; revision: number; entries: Entry[]; totals: Map<string, number> }
const sortedCache = new WeakMap<Store, SortedIndex>();

function sorted(store: Store): SortedIndex {
  const cached = sortedCache.get(store);
  if (cached && cached.sessions === store.sessions && cached.revision === store.revision) return cached;
  const entries = [...store.sessions.values()].map((r) => ({
    t: Date.parse(r.startedAt), id: r.id, status: r.status, chargerId: r.chargerId, locationId: r.locationId, connectorId: r.connectorId, r,
  }));
  entries.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = { sessions: store.sessions, revision: store.revision, entries, totals: new Map<string, number>() };
  sortedCache.set(store, index);
  return index;
}

/** First index whose start is ≥ `t`. */
function lowerBound(entries: Entry[], t: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `GET /v1/sessions`: one window of `startedAt`, `from` inclusive, `to` exclusive (default:
 * now, a session started in this very millisecond included), at most 31 days (else `400` on
 * `to`); without `from`, the 31 days before `to`. Sorted by `startedAt`, then `id`
 * (`sort=-startedAt` reverses both), so the pages of a past window never move. Filters:
 * `status`, `chargerId`, `locationId`, `connectorId`, `id=a,b,c`; paging as every list.
 * @throws ApiError 400 `invalid_parameter` for a bad or unknown parameter or a too-wide window.
 */
export function listSessions(store: Store, query: URLSearchParams, now = Date.now()): Reply {
  for (const name of new Set(query.keys())) {
    if (!KNOWN.has(name)) throw invalidParameter(name, `Unknown query parameter '${name}'.`);
    if (query.getAll(name).length > 1) throw invalidParameter(name, `Query parameter '${name}' is given more than once.`);
  }
  const q = (name: string): string | undefined => query.get(name) ?? undefined;
  const limitRaw = q("limit");
  const limit = limitRaw === undefined ? DEFAULT_LIMIT : intParam(limitRaw, "limit", 1, MAX_LIMIT);
  const pageRaw = q("page");
  const offsetRaw = q("offset");
  if (pageRaw !== undefined && offsetRaw !== undefined) throw invalidParameter("offset", "Use either 'page' or 'offset', not both.");
  const offset = offsetRaw !== undefined ? intParam(offsetRaw, "offset", 0)
    : pageRaw !== undefined ? (intParam(pageRaw, "page", 1) - 1) * limit
    : 0;

  const toRaw = q("to");
  const to = toRaw === undefined ? now + 1 : timeParam(toRaw, "to");
  const fromRaw = q("from");
  const from = fromRaw === undefined ? to - MAX_WINDOW_MS : timeParam(fromRaw, "from");
  if (to - from > MAX_WINDOW_MS) {
    throw invalidParameter("to", `Query parameters 'from' and 'to' must span a window of at most ${MAX_WINDOW_DAYS} days; split longer ranges into windows.`);
  }

  const statusRaw = q("status");
  // The constant itself, not the query's copy: compared 100 000 times a page.
  const status = statusRaw === undefined ? undefined : STATUSES.find((s) => s === statusRaw);
  if (statusRaw !== undefined && status === undefined) {
    throw invalidParameter("status", `Query parameter 'status' must be one of: ${STATUSES.join(", ")}.`);
  }
  const exact = Object.entries(EXACT).flatMap(([name, get]) => {
    const v = q(name);
    return v === undefined ? [] : [{ get, v }];
  });
  let ids: Set<string> | undefined;
  const idRaw = q("id");
  if (idRaw !== undefined) {
    const list = idRaw.split(",").map((s) => s.trim());
    if (list.some((s) => s === "")) throw invalidParameter("id", "Query parameter 'id' must be a comma-separated list of ids.");
    if (list.length > MAX_IDS) throw invalidParameter("id", `Query parameter 'id' accepts at most ${MAX_IDS} ids.`);
    ids = new Set(list);
  }
  const sort = q("sort");
  if (sort !== undefined && sort !== "startedAt" && sort !== "-startedAt") {
    throw new ApiError(400, "invalid_parameter", `Cannot sort by '${sort.replace(/^-/, "")}'; sortable fields: startedAt.`, "sort");
  }

  // Count every match in the window once, keep only the page's: no copy of a 100 000-session window.
  const index = sorted(store);
  const entries = index.entries;
  const queryKey = JSON.stringify([from, to, status, idRaw, ...Object.keys(EXACT).map(q)]);
  const knownTotal = index.totals.get(queryKey);
  const first = lowerBound(entries, from);
  const size = Math.max(0, lowerBound(entries, to) - first);
  const descending = sort === "-startedAt";
  const page: SessionRecord[] = [];
  let total = 0;
  for (let k = 0; k < size; k++) {
    const e = entries[descending ? first + size - 1 - k : first + k];
    if (status !== undefined && e.status !== status) continue;
    if (ids && !ids.has(e.id)) continue;
    if (exact.length > 0 && exact.some(({ get, v }) => get(e) !== v)) continue;
    if (total >= offset && page.length < limit) page.push(e.r);
    total++;
    if (knownTotal !== undefined && page.length === limit) break;
  }
  if (knownTotal === undefined) {
    if (index.totals.size >= 1000) index.totals.clear(); // windows ending "now" differ at every request
    index.totals.set(queryKey, total);
  }
  else total = knownTotal;
  return {
    status: 200,
    body: {
      success: true,
      data: page.map(renderSession),
      pagination: { total, limit, offset, page: Math.floor(offset / limit) + 1, hasMore: offset + page.length < total },
    },
  };
}
