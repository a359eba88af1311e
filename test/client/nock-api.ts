/**
 * nock at the HTTP edge of the client: Node's global `fetch` (which the
 * transport calls with its undici `Agent` as dispatcher) is intercepted, so
 * the client runs unchanged, with its own pool, and every request it sends
 * must match an interceptor exactly (method, path, query, body, headers) or
 * the call fails with nock's "No match" error.
 */
import nock from "nock";
import { afterEach, beforeAll, afterAll, expect } from "vitest";
import { EosvoltClient, type ClientOptions } from "../../provider/client";
import { BASE, TOKEN } from "./helpers";

/** The `User-Agent` the client sends unless told otherwise. */
export const USER_AGENT = /^pulumi-eosvolt-client\/\d+\.\d+\.\d+ node\/\d+\.\d+\.\d+$/;

/** What happened, in order: each request as it reached the server, and each wait of the client. */
export type Event = { request: { method: string; path: string; headers: Record<string, string>; body: unknown } } | { sleep: number };

/**
 * Installs nock for the test file: no real connection may be made, every
 * interceptor must have been used by the end of each test, none may be left.
 */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, "interceptors the client never used").toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}

/**
 * An interceptor scope on the production base URL that requires the bearer
 * token, `Accept` and the client's `User-Agent` on every request, plus
 * `reqheaders`; a request carrying one of `badheaders` does not match.
 */
export function api(reqheaders: Record<string, string | RegExp> = {}, badheaders: string[] = []): nock.Scope {
  return nock(BASE, {
    reqheaders: { authorization: `Bearer ${TOKEN}`, accept: "application/json", "user-agent": USER_AGENT, ...reqheaders },
    badheaders,
  });
}

/** A client with its own connection pool (no injected dispatcher), recording its waits instead of sleeping. */
export function nockClient(extra: Partial<ClientOptions> = {}) {
  const events: Event[] = [];
  const c = new EosvoltClient({
    token: TOKEN,
    random: () => 0.5,
    rateLimit: false,
    sleep: async (ms) => {
      events.push({ sleep: ms });
    },
    ...extra,
  });
  return { client: c, events };
}

/** Records the request an interceptor answered into `events`; use inside `.reply(function (…) { … })`. */
export function record(events: Event[], req: { method?: string; path: string; headers: Record<string, string | string[] | undefined> }, body: unknown): void {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  events.push({ request: { method: req.method ?? "", path: req.path, headers, body: body === "" ? undefined : body } });
}

/** The requests among the events. */
export const requests = (events: Event[]) => events.flatMap((e) => ("request" in e ? [e.request] : []));

/** The `data` envelope of a success. */
export const data = (value: unknown) => ({ success: true, data: value });
/** The error envelope. */
export const failure = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ success: false, code, message, ...extra });
