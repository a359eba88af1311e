import { ApiError, invalidParameter } from "./errors";
import type { Reply } from "./http";

/** A query filter on a list endpoint. */
export interface FilterSpec<T> {
  /** Converts and checks the raw value (throw ApiError 400 when invalid). */
  parse?: (raw: string, name: string) => unknown;
  /** Whether an item matches the parsed value. */
  match: (item: T, value: any) => boolean;
}

/** What a list endpoint filters and sorts on. */
export interface ListSpec<T extends { id: string; seq: number }> {
  filters: Record<string, FilterSpec<T>>;
  /** Sortable fields and their keys. */
  sorts: Record<string, (item: T) => string | number>;
  /** The timestamp `from`/`to` apply to (`createdAt`, `startedAt`). */
  time: (item: T) => string;
}

/** Default and maximum page size. */
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;
/** Most ids accepted by `id=a,b,c`. */
export const MAX_IDS = 100;

const COMMON = ["limit", "page", "offset", "sort", "id", "from", "to"];

/** Parses an integer query value in [min, max]; `400` naming the parameter otherwise. */
export function intParam(raw: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw invalidParameter(name, `Query parameter '${name}' must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? "" : ` to ${max}`}.`);
  }
  return Number(raw);
}

/** Parses an ISO 8601 date-time query value to epoch milliseconds; `400` naming the parameter otherwise. */
export function timeParam(raw: string, name: string): number {
  const t = Date.parse(raw);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(raw) || Number.isNaN(t)) {
    throw invalidParameter(name, `Query parameter '${name}' must be an ISO 8601 date-time.`);
  }
  return t;
}

/** Parses a boolean query value (`true` / `false`). */
export function boolParam(raw: string, name: string): boolean {
  if (raw !== "true" && raw !== "false") throw invalidParameter(name, `Query parameter '${name}' must be true or false.`);
  return raw === "true";
}

/** A filter checking a value against an enum. */
export function enumFilter<T>(values: readonly string[], get: (item: T) => unknown): FilterSpec<T> {
  return {
    parse: (raw, name) => {
      if (!values.includes(raw)) throw invalidParameter(name, `Query parameter '${name}' must be one of: ${values.join(", ")}.`);
      return raw;
    },
    match: (item, v) => get(item) === v,
  };
}

/** A filter comparing a string field exactly. */
export function exactFilter<T>(get: (item: T) => unknown): FilterSpec<T> {
  return { match: (item, v) => get(item) === v };
}

/**
 * Answers a list request: validates the query, then filters (`id`, kind filters,
 * `from` ≤ time < `to`), sorts (`sort=field` / `-field`, default insertion order)
 * and pages (`limit` with `page` or `offset`).
 * @throws ApiError 400 `invalid_parameter` for any bad or unknown parameter.
 */
export function listReply<T extends { id: string; seq: number }>(
  all: Iterable<T>,
  query: URLSearchParams,
  spec: ListSpec<T>,
  render: (item: T) => unknown,
): Reply {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (!COMMON.includes(name) && !(name in spec.filters)) {
      throw invalidParameter(name, `Unknown query parameter '${name}'.`);
    }
    if (seen.has(name)) throw invalidParameter(name, `Query parameter '${name}' is given more than once.`);
    seen.add(name);
  }
  const q = (name: string): string | undefined => query.get(name) ?? undefined;

  const limitRaw = q("limit");
  const limit = limitRaw === undefined ? DEFAULT_LIMIT : intParam(limitRaw, "limit", 1, MAX_LIMIT);
  const pageRaw = q("page");
  const offsetRaw = q("offset");
  if (pageRaw !== undefined && offsetRaw !== undefined) {
    throw invalidParameter("offset", "Use either 'page' or 'offset', not both.");
  }
  const offset = offsetRaw !== undefined ? intParam(offsetRaw, "offset", 0)
    : pageRaw !== undefined ? (intParam(pageRaw, "page", 1) - 1) * limit
    : 0;

  let items = [...all];
  const idRaw = q("id");
  if (idRaw !== undefined) {
    const ids = idRaw.split(",").map((s) => s.trim());
    if (ids.some((s) => s === "")) throw invalidParameter("id", "Query parameter 'id' must be a comma-separated list of ids.");
    if (ids.length > MAX_IDS) throw invalidParameter("id", `Query parameter 'id' accepts at most ${MAX_IDS} ids.`);
    const wanted = new Set(ids);
    items = items.filter((i) => wanted.has(i.id));
  }
  for (const [name, filter] of Object.entries(spec.filters)) {
    const raw = q(name);
    if (raw === undefined) continue;
    const value = filter.parse ? filter.parse(raw, name) : raw;
    items = items.filter((i) => filter.match(i, value));
  }
  const from = q("from");
  if (from !== undefined) {
    const t = timeParam(from, "from");
    items = items.filter((i) => Date.parse(spec.time(i)) >= t);
  }
  const to = q("to");
  if (to !== undefined) {
    const t = timeParam(to, "to");
    items = items.filter((i) => Date.parse(spec.time(i)) < t);
  }

  items.sort((a, b) => a.seq - b.seq);
  const sort = q("sort");
  if (sort !== undefined) {
    const desc = sort.startsWith("-");
    const field = desc ? sort.slice(1) : sort;
    const key = spec.sorts[field];
    if (!key) {
      throw new ApiError(400, "invalid_parameter", `Cannot sort by '${field}'; sortable fields: ${Object.keys(spec.sorts).join(", ")}.`, "sort");
    }
    items.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : a.seq - b.seq;
      return desc ? -c : c;
    });
  }

  const total = items.length;
  const pageItems = items.slice(offset, offset + limit);
  return {
    status: 200,
    body: {
      success: true,
      data: pageItems.map(render),
      pagination: { total, limit, offset, page: Math.floor(offset / limit) + 1, hasMore: offset + pageItems.length < total },
    },
  };
}
