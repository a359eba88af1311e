import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authorize, bearerToken, normalizeTokens, type Scope } from "./auth";
import { ApiError } from "./errors";
import { errorReply, parseJsonObject, readBody, serializeBody, writeReply, type Reply } from "./http";
import { canonicalJson, IdempotencyStore } from "./idempotency";
import { FaultInjector, faultError, type FaultConfig, type FaultKind } from "./faults";
import { RateLimiter } from "./rate-limit";
import { RequestLog, type RequestLogEntry, type RequestStats } from "./request-log";
import { matchRoute } from "./router";
import { Store } from "./store";
import { DataFile } from "./persistence";
import { handleControl, type ControlTarget, type EmulatorStateDump } from "./control";
import { DEFAULT_HOST, DEFAULT_RATE_LIMIT, type EmulatorOptions } from "./options";
import { renderLocation } from "./resources/locations";
import { renderCharger } from "./resources/chargers";
import { renderTeam } from "./resources/teams";
import { renderPricingPlan } from "./resources/pricing-plans";
import { renderSession } from "./resources/sessions";
import { generateHistory, type HistoryOptions, type HistoryResult } from "./history/generate";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The emulator: an HTTP server over the in-memory store, with faults and controls. */
export class EmulatorServer implements ControlTarget {
  readonly store: Store;
  private readonly tokens: Map<string, Set<Scope>>;
  private readonly limiter: RateLimiter;
  private readonly idempotencyStore = new IdempotencyStore();
  private readonly faults: FaultInjector;
  private readonly initialFaults: FaultConfig;
  private readonly log = new RequestLog();
  private readonly dataFile: DataFile | undefined;
  private readonly server: Server;
  private requestCount = 0;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.tokens = normalizeTokens(options.tokens);
    this.limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
    this.initialFaults = this.withStartupDefaults(options.faults ?? {});
    this.faults = new FaultInjector(this.initialFaults);
    this.dataFile = options.dataFile
      ? new DataFile(options.dataFile, () => ({ store: this.store.snapshot(), idempotency: this.idempotencyStore.entries() }), options.persistDebounceMs)
      : undefined;
    this.store = new Store(() => this.dataFile?.schedule());
    const saved = this.dataFile?.read();
    if (saved) {
      this.store.load(saved.store);
      this.idempotencyStore.load(saved.idempotency ?? []);
    }
    if (options.history) this.generateHistory(options.history);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent && !res.destroyed) writeReply(res, errorReply(new Error("unexpected")));
      });
    });
    this.server.keepAliveTimeout = 5000;
  }

  /** Starts listening; resolves to the base URL (`http://127.0.0.1:8787`). */
  listen(): Promise<string> {
    const host = this.options.host ?? DEFAULT_HOST;
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off("error", reject);
        const { port } = this.server.address() as AddressInfo;
        resolve(`http://${host.includes(":") ? `[${host}]` : host}:${port}`);
      });
    });
  }

  /** Stops listening, drops open connections and flushes the data file. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      this.dataFile?.flush();
    });
  }

  /** Writes pending state to the data file now. */
  flush(): void {
    this.dataFile?.flush();
  }

  // ---- ControlTarget -------------------------------------------------------

  getFaults(): FaultConfig {
    return this.faults.get();
  }
  /** Replaces the fault configuration; absent `latencyMs` / `idempotency` fall back to the startup options. */
  setFaults(config: FaultConfig): void {
    this.faults.set(this.withStartupDefaults(config));
  }

  private withStartupDefaults(config: FaultConfig): FaultConfig {
    return {
      ...(this.options.latencyMs ? { latencyMs: this.options.latencyMs } : {}),
      ...(this.options.idempotency === false ? { idempotency: false } : {}),
      ...config,
    };
  }
  reset(): void {
    this.store.clear();
    this.idempotencyStore.clear();
    this.limiter.clear();
    this.log.clear();
    this.faults.set(this.initialFaults);
    this.dataFile?.schedule();
  }
  requests(): RequestLogEntry[] {
    return this.log.list();
  }
  clearRequests(): void {
    this.log.clear();
  }
  stats(): RequestStats {
    return this.log.stats();
  }
  /** Replaces the generated history with a new one for the chargers that exist now. */
  generateHistory(options: HistoryOptions): HistoryResult {
    return generateHistory(this.store, options);
  }
  state(): EmulatorStateDump {
    const s = this.store;
    return {
      locations: [...s.locations.values()].map((r) => renderLocation(s, r)),
      chargers: [...s.chargers.values()].map(renderCharger),
      pricingPlans: [...s.pricingPlans.values()].map(renderPricingPlan),
      teams: [...s.teams.values()].map(renderTeam),
      sessions: [...s.sessions.values()].map(renderSession),
    };
  }

  // ---- request pipeline ----------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const url = new URL(rawUrl, "http://emulator.local");
    const requestId = `req_${++this.requestCount}`;
    let bodyText = "";
    try {
      bodyText = await readBody(req);
    } catch (err) {
      writeReply(res, errorReply(err), { "X-Request-Id": requestId });
      return;
    }
    if (url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/")) {
      let reply: Reply;
      try {
        reply = handleControl(this, method, url.pathname, () => parseJsonObject(bodyText), req.socket.remoteAddress);
      } catch (err) {
        reply = errorReply(err);
      }
      writeReply(res, reply, { "X-Request-Id": requestId });
      return;
    }

    const entry: RequestLogEntry = {
      method,
      path: rawUrl,
      status: null,
      idempotencyKey: headerValue(req, "idempotency-key") ?? null,
      fault: null,
      replayed: false,
      at: new Date().toISOString(),
    };
    this.log.add(entry);
    const isV1 = url.pathname === "/v1" || url.pathname.startsWith("/v1/");
    const decision = isV1 ? this.faults.decide(method) : { delayMs: 0, fault: null };
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (res.destroyed) return;

    const token = bearerToken(headerValue(req, "authorization"));
    const rate = this.limiter.take(token ?? "");
    const base: Record<string, string> = { "X-Request-Id": requestId, ...rate.headers };
    const answer = (reply: Reply, fault: FaultKind | null = null) => {
      entry.status = reply.status;
      entry.fault = fault;
      writeReply(res, reply, base);
    };

    if (!rate.allowed) {
      return answer(errorReply(new ApiError(429, "rate_limited", "Rate limit exceeded; see Retry-After.")), "rateLimited");
    }
    if (decision.fault === "reset") {
      entry.fault = "reset";
      req.socket.destroy();
      return;
    }
    if (decision.fault === "error500" || decision.fault === "error503" || decision.fault === "burst429") {
      return answer(errorReply(faultError(decision.fault, this.limiter.exhaustedHeaders())), decision.fault);
    }

    let reply: Reply;
    try {
      reply = this.apply(method, url, token, bodyText, entry);
    } catch (err) {
      reply = errorReply(err);
    }
    if (decision.fault === "held") {
      // Committed; the answer is never written (the socket is closed with the server).
      entry.status = reply.status;
      entry.fault = "held";
      return;
    }
    if (decision.fault === "dropResponse") {
      entry.status = reply.status;
      entry.fault = "dropResponse";
      req.socket.destroy();
      return;
    }
    answer(reply);
  }

  /** Auth, routing, scope, body, idempotency and the handler: everything that may change state. */
  private apply(method: string, url: URL, token: string | undefined, bodyText: string, entry: RequestLogEntry): Reply {
    const match = matchRoute(method, url.pathname);
    if (!match) {
      // Unknown routes are 404 whatever the token, but an invalid token still gets its 401 first.
      if (!token || !this.tokens.has(token)) throw new ApiError(401, "invalid_token", "Missing or invalid bearer token.");
      throw new ApiError(404, "not_found", `No route ${method} ${url.pathname}.`);
    }
    authorize(this.tokens, token, match.route.scope);
    const isList = method === "GET" && !match.route.segments.some((seg) => seg.startsWith("{")) && match.route.segments.length === 2;
    const firstParam = url.searchParams.keys().next();
    if (!isList && !firstParam.done) {
      throw new ApiError(400, "invalid_parameter", `Unknown query parameter '${firstParam.value}'.`, firstParam.value);
    }
    const body = method === "POST" || method === "PATCH" ? parseJsonObject(bodyText) : {};
    const ctx = { store: this.store, params: match.params, query: url.searchParams, body };
    const key = entry.idempotencyKey;
    if (method !== "POST" || key === null || !this.faults.idempotency) return match.route.handler(ctx);

    // Hashed: the body may hold an authorizationKey, and records reach the data file.
    const fingerprint = createHash("sha256").update(`${method} ${url.pathname}${url.search} ${canonicalJson(body)}`).digest("hex");
    const previous = this.idempotencyStore.lookup(token!, key, fingerprint);
    if (previous) {
      entry.replayed = true;
      return {
        status: previous.status,
        body: previous.bodyText === null ? undefined : JSON.parse(previous.bodyText),
        headers: { "Idempotent-Replayed": "true" },
      };
    }
    let reply: Reply;
    try {
      reply = match.route.handler(ctx);
    } catch (err) {
      reply = errorReply(err);
    }
    if (reply.status < 500) {
      this.idempotencyStore.save(token!, key, { fingerprint, status: reply.status, bodyText: serializeBody(reply.body) ?? null });
      this.dataFile?.schedule();
    }
    return reply;
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
