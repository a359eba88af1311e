/**
 * `EosvoltClient`: the typed face of the API. Each collection is a thin
 * {@link ResourceApi} generated from its row in `endpoints.ts` over the one
 * request engine (`transport.ts`), as stripe-node's resources sit over its
 * RequestSender. Answers are checked with the loose zod server schemas: unknown
 * fields are kept, a missing `data` or an object without `id` is a
 * {@link MalformedResponseError}.
 */
import { inspect } from "node:util";
import type { z } from "zod";
import { kindList } from "../kinds";
import { CompletedSessionSchema, type CompletedSession, type Session, type StartSession } from "../schemas";
import type { ApiAccess, CrudKind, KindApis } from "./api-access";
import { BatchReader, type BatchReaderOptions, type BatchReaderStats } from "./batch-reader";
import { endpointOf, SESSIONS_ENDPOINT, type EndpointSpec, type Patch, type SessionListParams } from "./endpoints";
import { MalformedResponseError, NotFoundError, safeStringify } from "./errors";
import { resolveOptions, type ClientOptions } from "./options";
import {
  buildListQuery,
  clampLimit,
  iteratePages,
  readPagination,
  type ListParamsBase,
  type Page,
  type PagingStyle,
} from "./pagination";
import { SessionHistory, type HistoryParams } from "./history";
import { excerpt } from "./redact";
import { Transport, type HttpMethod, type RequestSpec, type TransportResponse, type TransportStats } from "./transport";

/** Per-call options of a create (or any POST). */
export interface CreateOptions {
  /**
   * `Idempotency-Key` for this call, sent on every attempt. Default: a fresh
   * `crypto.randomUUID()` per call. Pass your own to make a create safe across
   * processes (the same key and body within 24 h replays the first answer).
   */
  idempotencyKey?: string;
}

/** List parameters plus the paging style of the iterator. */
export type IterateParams<L> = L & {
  /** `page` (default) or `offset` paging. */
  paging?: PagingStyle;
};

/** Counters of a client: requests, retries, statuses, limiter waits and batched reads. */
export interface ClientStats extends TransportStats {
  /** Batched-read counters per kind. */
  reads: Record<CrudKind, BatchReaderStats>;
}

type Ctx = { method: string; path: string; res: TransportResponse };

function malformed(ctx: Ctx, what: string): MalformedResponseError {
  return new MalformedResponseError({
    status: ctx.res.status,
    code: "malformed_response",
    apiMessage: what,
    method: ctx.method,
    path: ctx.path,
    requestId: ctx.res.requestId,
    retries: ctx.res.retries,
    idempotencyKey: ctx.res.idempotencyKey,
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "(root)"} ${issue.message}`)
    .join("; ");
}

/**
 * Checks one object against the loose schema; the output keeps unknown fields.
 * `T` is what the API promises for this collection: the schema checks the id and
 * the server fields, the rest is the API's word.
 */
function parseObject<T>(schema: z.ZodType, value: unknown, ctx: Ctx, where: string): T {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw malformed(ctx, `${where} is not an object: ${JSON.stringify(excerpt(safeStringify(value)))}`);
  }
  if (typeof (value as { id?: unknown }).id !== "string" || (value as { id: string }).id === "") {
    throw malformed(ctx, `${where} has no string "id": ${JSON.stringify(excerpt(safeStringify(value)))}`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw malformed(ctx, `${where} has fields of the wrong type: ${describeIssues(result.error)}`);
  return result.data as T;
}

function envelope(ctx: Ctx): Record<string, unknown> {
  const body = ctx.res.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw malformed(ctx, `expected a JSON object with "data", got ${JSON.stringify(excerpt(safeStringify(body) ?? ""))}`);
  }
  if (!("data" in body)) {
    throw malformed(ctx, `answer has no "data": ${JSON.stringify(excerpt(safeStringify(body)))}`);
  }
  return body as Record<string, unknown>;
}

/** Shared plumbing of the collection APIs. */
abstract class Collection<T extends { id: string }, L extends ListParamsBase> {
  protected constructor(
    protected readonly transport: Transport,
    protected readonly spec: EndpointSpec,
  ) {}

  protected objectPath(id: string): string {
    if (typeof id !== "string" || id === "") throw new TypeError(`An EOSVOLT id must be a non-empty string, got ${JSON.stringify(id)}.`);
    return `${this.spec.path}/${encodeURIComponent(id)}`;
  }

  protected async one(spec: RequestSpec): Promise<T> {
    const res = await this.transport.request(spec);
    const ctx = { method: spec.method, path: spec.path, res };
    return parseObject<T>(this.spec.schema, envelope(ctx).data, ctx, '"data"');
  }

  /**
   * Fetches one page. `limit` is clamped to 1..100 (default 100 here, where the
   * API's own default is 25); filters, `id` arrays (joined by commas), `from`/`to`
   * and `sort` become query parameters.
   */
  listPage(params?: L): Promise<Page<T>> {
    return this.page(params ?? {});
  }

  /** One page for any list parameters (the batched reader's `id=` and scan pages). */
  protected async page<R extends { id: string } = T>(params: ListParamsBase & { paging?: PagingStyle }, schema: z.ZodType = this.spec.schema): Promise<Page<R>> {
    const limit = clampLimit(params.limit);
    const query = buildListQuery({ ...params, paging: undefined, limit });
    const spec: RequestSpec = { method: "GET", path: this.spec.path, query };
    const res = await this.transport.request(spec);
    const ctx = { method: "GET", path: this.spec.path, res };
    const body = envelope(ctx);
    if (!Array.isArray(body.data)) throw malformed(ctx, `"data" of a list is not an array: ${JSON.stringify(excerpt(safeStringify(body.data)))}`);
    const data = body.data.map((item, i) => parseObject<R>(schema, item, ctx, `"data[${i}]"`));
    return { data, pagination: readPagination(body.pagination, { limit, page: params.page, offset: params.offset }, data.length) };
  }

  /**
   * Iterates over every object of every page (100 per request unless `limit`
   * says fewer), from `page` or `offset` on; `paging: "offset"` walks by offset.
   */
  list(params?: IterateParams<L>): AsyncGenerator<T, void, undefined> {
    return iteratePages<T, ListParamsBase & { paging?: PagingStyle }>(params ?? {}, (p) => this.page(p), params?.paging);
  }
}

/**
 * A collection with create, get, update, delete, list and batched reads:
 * `client.locations`, `client.chargers`, `client.pricingPlans`.
 *
 * @typeParam T the object as returned (`Charger`)
 * @typeParam C the create body (`z.output<typeof ChargerInputSchema>`)
 * @typeParam L the list parameters
 */
export class ResourceApi<T extends { id: string }, C, L extends ListParamsBase> extends Collection<T, L> {
  private readonly reader: BatchReader<T>;

  /** @internal Built by {@link EosvoltClient}. */
  constructor(transport: Transport, spec: EndpointSpec, readerOptions: Partial<BatchReaderOptions<T>> = {}) {
    super(transport, spec);
    this.reader = new BatchReader<T>({
      ...readerOptions,
      fetchByIds: async (ids) => (await this.page({ id: ids, limit: 100 })).data,
      fetchScanPage: (page, limit) => this.page({ sort: spec.scanSort, limit, page }),
      fetchOne: async (id) => {
        try {
          return await this.get(id);
        } catch (error) {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        }
      },
    });
  }

  /** `POST {path}`: creates an object; retried safely under one `Idempotency-Key`. */
  async create(body: C, options: CreateOptions = {}): Promise<T> {
    return this.one({ method: "POST", path: this.spec.path, body, idempotencyKey: options.idempotencyKey });
  }

  /** `GET {path}/{id}`: one object; throws {@link NotFoundError} when it does not exist. */
  async get(id: string): Promise<T> {
    return this.one({ method: "GET", path: this.objectPath(id) });
  }

  /** `PATCH {path}/{id}`: changes the given fields; `null` clears an optional field, arrays are replaced whole. */
  async update(id: string, patch: Patch<C>): Promise<T> {
    // Writes do not feed the read cache: a read reports the API as it is when read
    // (someone may change the object by hand right after our write).
    this.reader.forget(id);
    return this.one({ method: "PATCH", path: this.objectPath(id), body: patch });
  }

  /**
   * `DELETE {path}/{id}`. Resolves when the object is gone. A 404 on the first
   * attempt throws {@link NotFoundError}; a 404 on a retry resolves, since an
   * earlier attempt whose answer was lost evidently deleted it.
   */
  async delete(id: string): Promise<void> {
    const path = this.objectPath(id);
    this.reader.forget(id);
    try {
      await this.transport.request({ method: "DELETE", path });
    } catch (error) {
      if (error instanceof NotFoundError && error.retries > 0) return;
      throw error;
    }
  }

  /**
   * Reads one object for a refresh: the object, or `undefined` when it is gone.
   * Concurrent reads are coalesced into `id=` list requests and, when many come,
   * served from a short-lived read-ahead of the kind's pages (see `batch-reader.ts`).
   */
  read(id: string): Promise<T | undefined> {
    return this.reader.read(id);
  }

  /** Counters of the batched reader. */
  readStats(): BatchReaderStats {
    return this.reader.stats();
  }
}

/** `client.sessions`: start, stop, get and list charging sessions. */
export class SessionsApi extends Collection<Session, SessionListParams> {
  /** @internal Built by {@link EosvoltClient}. */
  constructor(transport: Transport) {
    super(transport, SESSIONS_ENDPOINT);
  }

  /** `POST /v1/sessions/start`: starts a session on a connector (`"242.2.1"`). */
  start(body: StartSession, options: CreateOptions = {}): Promise<Session> {
    return this.one({ method: "POST", path: `${this.spec.path}/start`, body, idempotencyKey: options.idempotencyKey });
  }

  /** `POST /v1/sessions/{id}/stop`: stops an active session; `ConflictError` `session_not_active` otherwise. */
  stop(id: string, options: CreateOptions = {}): Promise<Session> {
    return this.one({ method: "POST", path: `${this.objectPath(id)}/stop`, idempotencyKey: options.idempotencyKey });
  }

  /** `GET /v1/sessions/{id}`. */
  get(id: string): Promise<Session> {
    return this.one({ method: "GET", path: this.objectPath(id) });
  }

  /**
   * Every completed session with `from` ≤ `startedAt` < `to`, in `startedAt`
   * order, each exactly once, with its billing (`periods`, `cost`, `lines`):
   * windows of at most 31 days, pages of 100, retries and 429s as every call.
   * Bad dates or a cursor of another query throw before any request.
   *
   * ```ts
   * const history = client.sessions.history({ from: "2026-10-01", to: "2026-12-01", locationId: "loc_1" });
   * for await (const session of history) save(session, history.cursor());
   * // later: client.sessions.history({ ...sameQuery, cursor }) continues after the last one saved
   * ```
   */
  history(params: HistoryParams): SessionHistory {
    return new SessionHistory(params, async ({ from, to, locationId, chargerId, page, limit }) => {
      const query: SessionListParams = { status: "COMPLETED", from, to, locationId, chargerId, sort: "startedAt", page, limit };
      const result = await this.page<CompletedSession>(query, CompletedSessionSchema);
      return { data: result.data, hasMore: result.pagination.hasMore, total: result.pagination.total };
    });
  }
}

/** Per-client tunables of the batched reader, for tests and benchmarks. */
export type ReadBatchingOptions = Pick<BatchReaderOptions<{ id: string }>, "windowMs" | "maxBatch" | "ttlMs" | "scanTrigger" | "scanFactor">;

/**
 * A typed client of the EOSVOLT API v1.
 *
 * ```ts
 * const client = new EosvoltClient({ token: process.env.EOSVOLT_TOKEN! });
 * const charger = await client.chargers.get("242"); // Charger
 * for await (const plan of client.pricingPlans.list({ currency: "EUR" })) console.log(plan.name);
 * ```
 *
 * One client holds one keep-alive connection pool and one rate limiter shared
 * by all its calls; make one per process and {@link EosvoltClient.close} it at the end.
 */
export class EosvoltClient implements ApiAccess {
  /** `/v1/sessions`. */
  readonly sessions: SessionsApi;
  /** The resolved base URL, e.g. `https://api.eosvolt.com/`. */
  readonly baseUrl: string;
  readonly #transport: Transport;

  /** Validates `options` (throws `EosvoltConfigError` before any request) and sets up the pool. */
  constructor(options: ClientOptions & { readBatching?: ReadBatchingOptions }) {
    const resolved = resolveOptions(options);
    this.baseUrl = resolved.baseUrl.toString();
    this.#transport = new Transport(resolved, options.token);
    const reader = { now: resolved.now, ...(options.readBatching ?? {}) };
    // One collection per kind of the registry, typed by `KindApis` (merged below).
    for (const kind of kindList) {
      const api = new ResourceApi(this.#transport, endpointOf(kind), reader);
      Object.defineProperty(this, kind.endpoint, { value: api, enumerable: true });
    }
    this.sessions = new SessionsApi(this.#transport);
  }

  /**
   * Sends a raw request (escape hatch for routes without a typed method).
   * Same retries, limiter and errors; the body is returned unchecked.
   */
  request(method: HttpMethod, path: string, options: { query?: URLSearchParams; body?: unknown; idempotencyKey?: string } = {}): Promise<TransportResponse> {
    return this.#transport.request({ method, path, ...options });
  }

  /** Counters since the client was made: requests, retries, 429s, statuses, limiter waits, batched reads. */
  stats(): ClientStats {
    return {
      ...this.#transport.stats(),
      reads: readStatsOf(this),
    };
  }

  /** Closes the connection pool (when the client created it). */
  close(): Promise<void> {
    return this.#transport.close();
  }

  /** A secret-free description. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  /** @internal */
  [inspect.custom](): string {
    return `EosvoltClient { baseUrl: ${JSON.stringify(this.baseUrl)} }`;
  }
}

/**
 * The collections of every kind (`client.locations`, `client.chargers`, …), one
 * per description in `provider/kinds`; the constructor defines them.
 */
export interface EosvoltClient extends KindApis {}

function readStatsOf(client: KindApis): Record<CrudKind, BatchReaderStats> {
  const reads: Partial<Record<CrudKind, BatchReaderStats>> = {};
  for (const kind of kindList) reads[kind.endpoint] = client[kind.endpoint].readStats();
  if (!hasEveryKind(reads)) throw new Error("a kind of the registry has no collection");
  return reads;
}

/** Whether a per-kind record filled by a loop over the registry has an entry for every kind. */
function hasEveryKind<T>(partial: Partial<Record<CrudKind, T>>): partial is Record<CrudKind, T> {
  return kindList.every((kind) => partial[kind.endpoint] !== undefined);
}
