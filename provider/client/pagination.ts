/**
 * List parameters and pagination: turns typed list parameters into the query
 * string (filters, `id` arrays joined by commas, `from`/`to` as ISO 8601, `sort`,
 * `limit` clamped to 1..100, `page` or `offset`), reads the `pagination` block
 * of a list answer (tolerantly: missing fields are derived), and walks every page
 * as an async iterator.
 */

/** Largest page the API serves; the client never asks for more. */
export const MAX_PAGE_SIZE = 100;

/** A sort key: `field` ascending or `-field` descending. */
export type SortKey<F extends string> = F | `-${F}`;

/** Parameters every list endpoint accepts. */
export interface ListParamsBase<S extends string = string> {
  /** Only these ids (up to 100 per request; joined by commas). */
  id?: string | readonly string[];
  /** Created (sessions: started) at or after this moment. */
  from?: string | Date;
  /** Created (sessions: started) before this moment. */
  to?: string | Date;
  /** Sort order, e.g. `"createdAt"` or `"-createdAt"`. */
  sort?: SortKey<S>;
  /** Page size 1..100 (larger values are clamped to 100). Iteration default 100. */
  limit?: number;
  /** 1-based page number (page-style paging). Excludes `offset`. */
  page?: number;
  /** Number of objects to skip (offset-style paging). Excludes `page`. */
  offset?: number;
}

/** The `pagination` block of a list answer. */
export interface Pagination {
  /** Objects matching the filters, when the API says. */
  total?: number;
  limit: number;
  offset: number;
  page: number;
  hasMore: boolean;
  [extra: string]: unknown;
}

/** One page of a list. */
export interface Page<T> {
  data: T[];
  pagination: Pagination;
}

/** How {@link iteratePages} moves from page to page. */
export type PagingStyle = "page" | "offset";

function iso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** Clamps a requested page size to 1..{@link MAX_PAGE_SIZE}. */
export function clampLimit(limit: number | undefined, fallback: number = MAX_PAGE_SIZE): number {
  const n = limit === undefined || !Number.isFinite(limit) ? fallback : Math.floor(limit);
  return Math.min(MAX_PAGE_SIZE, Math.max(1, n));
}

/**
 * Serializes list parameters. Arrays are joined by commas, dates become ISO
 * 8601, booleans `true`/`false`; `undefined` and `null` are left out.
 * Throws a `RangeError` when both `page` and `offset` are given (the API would answer 400).
 */
export function buildListQuery(list: object, defaultLimit?: number): URLSearchParams {
  const params: Record<string, unknown> = { ...list };
  if (params.page !== undefined && params.offset !== undefined) {
    throw new RangeError("List parameters `page` and `offset` exclude each other: give one.");
  }
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || key === "limit") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query.set(key, value.map(String).join(","));
    } else if (value instanceof Date) {
      query.set(key, iso(value));
    } else {
      query.set(key, String(value));
    }
  }
  if (params.limit !== undefined || defaultLimit !== undefined) {
    query.set("limit", String(clampLimit(params.limit as number | undefined, defaultLimit)));
  }
  return query;
}

/** Reads a list answer's `pagination`, filling what is missing from the request and the data. */
export function readPagination(raw: unknown, request: { limit: number; page?: number; offset?: number }, count: number): Pagination {
  const p = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const limit = num(p.limit) ?? request.limit;
  const offset = num(p.offset) ?? request.offset ?? ((request.page ?? 1) - 1) * limit;
  const page = num(p.page) ?? Math.floor(offset / Math.max(1, limit)) + 1;
  const total = num(p.total);
  const hasMore = typeof p.hasMore === "boolean" ? p.hasMore : total !== undefined ? offset + count < total : count >= limit;
  return { ...p, total, limit, offset, page, hasMore };
}

/**
 * Yields every object of every page, starting where `params` says (`page` or
 * `offset`; default page 1), `limit` 100 unless given, until `hasMore` is false
 * or a page comes back empty.
 */
export async function* iteratePages<T, P extends ListParamsBase = ListParamsBase & Record<string, unknown>>(
  params: P,
  fetchPage: (params: P) => Promise<Page<T>>,
  style?: PagingStyle,
): AsyncGenerator<T, void, undefined> {
  const limit = clampLimit(params.limit);
  const useOffset = style === "offset" || (style === undefined && params.offset !== undefined);
  let page = params.page ?? 1;
  let offset = params.offset ?? 0;
  const rest = { ...params };
  delete rest.page;
  delete rest.offset;
  for (;;) {
    const current = await fetchPage(useOffset ? { ...rest, limit, offset } : { ...rest, limit, page });
    for (const item of current.data) yield item;
    if (!current.pagination.hasMore || current.data.length === 0) return;
    page += 1;
    offset += current.data.length;
  }
}
