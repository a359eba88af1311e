/**
 * What only a request-level unit test can pin down, with nock at the fetch
 * edge: retries of 5xx and of connection resets with the same
 * `Idempotency-Key` on every attempt, 429 and 503 honouring `Retry-After`,
 * malformed answers, and the token never appearing in an error or a log line.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AuthenticationError, MalformedResponseError, NetworkError, RateLimitError } from "../../provider/client";
import { TOKEN, charger, plan } from "./helpers";
import { api, data, failure, nockClient, record, requests, useNock, type Event } from "./nock-api";

useNock();

/** Every way an error can be looked at: message, stack, JSON, inspect, the cause chain. */
function everyView(e: unknown): string {
  const x = e as Error;
  const causes: string[] = [];
  for (let c: unknown = x.cause; c instanceof Error; c = c.cause) causes.push(`${c.message}\n${c.stack}\n${JSON.stringify(c)}\n${inspect(c)}`);
  return [x.message, x.stack, JSON.stringify(x), inspect(x, { depth: 10, showHidden: true }), String(x), ...causes].join("\n");
}

/** The waits between the n-th and the (n+1)-th request. */
function waitsBefore(events: Event[], n: number): number {
  let seen = 0;
  let waited = 0;
  for (const e of events) {
    if ("request" in e) {
      if (seen === n) return waited;
      seen++;
      waited = 0;
    } else waited += e.sleep;
  }
  return waited;
}

describe("retries at the HTTP layer", () => {
  it("a POST answered 500, 502, 503 is retried with the same Idempotency-Key until 201", async () => {
    const { client, events } = nockClient();
    const body = { name: "Standard", currency: "EUR", elements: [] };
    const answers: Array<[number, unknown]> = [
      [500, failure("internal_error", "try again")],
      [502, failure("internal_error", "bad gateway")],
      [503, failure("service_unavailable", "try again")],
      [201, data(plan("pp_1"))],
    ];
    for (const answer of answers) {
      api({ "content-type": "application/json", "idempotency-key": /.+/ })
        .post("/v1/pricing-plans", body)
        .reply(function (_uri, requestBody) {
          record(events, this.req, requestBody);
          return answer;
        });
    }
    await expect(client.pricingPlans.create(body as never)).resolves.toMatchObject({ id: "pp_1" });
    const sent = requests(events);
    expect(sent.map((r) => r.method)).toEqual(["POST", "POST", "POST", "POST"]);
    expect(new Set(sent.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    expect(sent.every((r) => JSON.stringify(r.body) === JSON.stringify(body))).toBe(true);
    expect(client.stats()).toMatchObject({ retries: 3, byStatus: { 500: 1, 502: 1, 503: 1, 201: 1 } });
  });

  it("a connection reset is retried: the same key for a POST, and a GET simply again", async () => {
    const { client, events } = nockClient();
    api().post("/v1/sessions/start", { connectorId: "242.1.1" }).reply(function (_uri, body) {
      record(events, this.req, body);
      return [500, ""];
    });
    api()
      .post("/v1/sessions/start", { connectorId: "242.1.1" })
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    api()
      .post("/v1/sessions/start", { connectorId: "242.1.1" })
      .reply(function (_uri, body) {
        record(events, this.req, body);
        return [201, data({ id: "s_1", connectorId: "242.1.1", chargerId: "242", locationId: "l", status: "ACTIVE", startedAt: "2026-01-01T00:00:00Z" })];
      });
    await client.sessions.start({ connectorId: "242.1.1" });
    const keys = requests(events).map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(client.stats()).toMatchObject({ requests: 3, networkErrors: 1 });

    api().get("/v1/chargers/242").replyWithError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }));
    api().get("/v1/chargers/242").reply(200, data(charger("242")));
    await expect(client.chargers.get("242")).resolves.toMatchObject({ id: "242" });
  });

  it("resets on every attempt end as a NetworkError that says how many retries were made", async () => {
    api().get("/v1/chargers/1").times(3).replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const { client } = nockClient({ maxRetries: 2 });
    const e = await client.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect((e as Error).message).toMatch(/after 2 retries/);
  });

  it("429 with Retry-After: the client waits at least that long, then resends the same request with the same key", async () => {
    const { client, events } = nockClient();
    const body = { connectorId: "242.1.1" };
    api().post("/v1/sessions/start", body).reply(function (_uri, b) {
      record(events, this.req, b);
      return [429, failure("rate_limited", "slow down"), { "Retry-After": "2" }];
    });
    api().post("/v1/sessions/start", body).reply(function (_uri, b) {
      record(events, this.req, b);
      return [201, data({ id: "s_2", connectorId: "242.1.1", chargerId: "242", locationId: "l", status: "ACTIVE", startedAt: "2026-01-01T00:00:00Z" })];
    });
    await client.sessions.start(body);
    const sent = requests(events);
    expect(sent).toHaveLength(2);
    expect(sent[1].headers["idempotency-key"]).toBe(sent[0].headers["idempotency-key"]);
    expect(waitsBefore(events, 1)).toBeGreaterThanOrEqual(2000);
    expect(client.stats()).toMatchObject({ rateLimited429: 1 });
  });

  it("429 with Retry-After as an HTTP date waits until then", async () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const { client, events } = nockClient({ now: () => now });
    api().get("/v1/chargers/7").reply(function (_uri, b) {
      record(events, this.req, b);
      return [429, failure("rate_limited", "slow down"), { "Retry-After": new Date(now + 5000).toUTCString() }];
    });
    api().get("/v1/chargers/7").reply(function (_uri, b) {
      record(events, this.req, b);
      return [200, data(charger("7"))];
    });
    await client.chargers.get("7");
    expect(waitsBefore(events, 1)).toBeGreaterThanOrEqual(5000);
  });

  it("429 for longer than the client may wait ends as a RateLimitError, not a hang", async () => {
    api().get("/v1/chargers/8").times(50).optionally().reply(429, failure("rate_limited", "slow down"), { "Retry-After": "3600" });
    const { client } = nockClient();
    await expect(client.chargers.get("8")).rejects.toBeInstanceOf(RateLimitError);
  });

  it("503 with Retry-After waits that long; a 400 is never retried", async () => {
    const { client, events } = nockClient();
    api().patch("/v1/chargers/9", { name: "x" }).reply(503, failure("service_unavailable", "maintenance"), { "Retry-After": "7" });
    api().patch("/v1/chargers/9", { name: "x" }).reply(200, data(charger("9")));
    await client.chargers.update("9", { name: "x" });
    expect(events.filter((e) => "sleep" in e).reduce((n, e) => n + ("sleep" in e ? e.sleep : 0), 0)).toBeGreaterThanOrEqual(7000);

    api().patch("/v1/chargers/9", { name: "" }).once().reply(400, failure("invalid_parameter", "Field 'name' is invalid.", { field: "name" }));
    await expect(client.chargers.update("9", { name: "" })).rejects.toMatchObject({ status: 400, field: "name", retries: 0 });
  });
});

describe("malformed answers", () => {
  it.each([
    ["not JSON", 200, "<html>oops</html>", /not JSON.*<html>oops/],
    ["truncated JSON", 200, '{"success":true,"data":{"id":"2', /not JSON/],
    ["no data", 200, { success: true }, /no "data"/],
    ["an object without id", 200, { success: true, data: { name: "x" } }, /no string "id"/],
    ["a field of the wrong type", 200, { success: true, data: { ...charger("1"), authorizationKeySet: "yes" } }, /wrong type: authorizationKeySet/],
    ["a list where an object belongs", 200, { success: true, data: [] }, /not an object/],
    ["an error status without the envelope", 418, "I'm a teapot", /418/],
  ])("%s: a MalformedResponseError naming what is wrong", async (_name, status, body, pattern) => {
    api().get("/v1/chargers/1").reply(status, body as never, { "content-type": typeof body === "string" ? "text/html" : "application/json" });
    const { client } = nockClient();
    const e = await client.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MalformedResponseError);
    expect((e as Error).message).toMatch(pattern);
  });
});

describe("the token", () => {
  it("appears in no error and no log line, even when the server echoes it in its message, field and headers", async () => {
    api()
      .get("/v1/chargers/1")
      .reply(401, failure("invalid_token", `Token ${TOKEN} is unknown (Authorization: Bearer ${TOKEN}).`, { field: TOKEN }), { "x-request-id": TOKEN });
    const lines: string[] = [];
    const { client } = nockClient({ logger: (l) => lines.push(l) });
    const e = await client.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(everyView(e)).not.toContain(TOKEN);
    expect(lines.join("\n")).toContain("Bearer [REDACTED]");
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("appears in no network error, even when the socket error quotes the request headers", async () => {
    api().get("/v1/chargers/1").times(2).replyWithError(Object.assign(new Error(`connect failed; sent authorization: Bearer ${TOKEN}`), { code: "ECONNREFUSED" }));
    const lines: string[] = [];
    const { client } = nockClient({ maxRetries: 1, logger: (l) => lines.push(l) });
    const e = await client.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect(everyView(e)).not.toContain(TOKEN);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("appears in no malformed-answer error that quotes the body", async () => {
    api().get("/v1/chargers/1").reply(200, `<html>debug: Authorization: Bearer ${TOKEN}</html>`);
    const { client } = nockClient();
    const e = await client.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MalformedResponseError);
    expect(everyView(e)).not.toContain(TOKEN);
  });
});
