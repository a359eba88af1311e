import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  EosvoltError,
  InvalidRequestError,
  MalformedResponseError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  createApiError,
  errorClassForStatus,
} from "../../provider/client";
import { client, err, mockApi, ok, charger } from "./helpers";

const ctx = { method: "POST", path: "/v1/chargers", retries: 0 };

describe("error factory", () => {
  it.each([
    [400, InvalidRequestError],
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [418, ApiError],
  ])("maps %i to its class", (status, Cls) => {
    expect(errorClassForStatus(status)).toBe(Cls);
    const e = createApiError(status, { success: false, code: "c", message: "m" }, ctx);
    expect(e).toBeInstanceOf(Cls);
    expect(e).toBeInstanceOf(EosvoltError);
    expect(e).toBeInstanceOf(Error);
    expect(e.status).toBe(status);
  });

  it("formats the message with code, field and route", () => {
    const e = createApiError(409, { success: false, code: "duplicate_ocpp_identity", message: "OCPP identity 'CP-1' is taken.", field: "evses[0].evseId" }, ctx);
    expect(e.message).toBe("EOSVOLT API 409 duplicate_ocpp_identity: OCPP identity 'CP-1' is taken. [field evses[0].evseId] (POST /v1/chargers)");
    expect(e).toMatchObject({ code: "duplicate_ocpp_identity", field: "evses[0].evseId", method: "POST", path: "/v1/chargers", retries: 0, type: "ConflictError" });
    expect(createApiError(500, { code: "internal_error", message: "boom" }, { ...ctx, retries: 3 }).message).toMatch(/after 3 retries$/);
  });

  it("401 says how to set a token; 403 names the missing scope", () => {
    const a = createApiError(401, { code: "invalid_token", message: "Unknown token." }, ctx);
    expect(a.message).toMatch(/missing, invalid or expired/);
    expect(a.message).toContain("pulumi config set --secret eosvolt:token");
    expect(a.message).toContain("EOSVOLT_TOKEN");
    const p = createApiError(403, { code: "insufficient_scope", message: "Token lacks scope 'pricing:write'." }, { ...ctx, path: "/v1/pricing-plans" });
    expect(p).toBeInstanceOf(PermissionError);
    expect((p as PermissionError).scope).toBe("pricing:write");
    expect(p.message).toContain("'pricing:write'");
  });

  it("a body without the envelope is a MalformedResponseError quoting ≤ ~200 chars", () => {
    const html = `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(5000)}</body></html>`;
    const e = createApiError(502, undefined, { ...ctx, rawText: html });
    expect(e).toBeInstanceOf(MalformedResponseError);
    expect(e.status).toBe(502);
    expect(e.message).toContain("502 Bad Gateway");
    expect(e.message.length).toBeLessThan(400);
    expect(createApiError(400, { oops: true }, ctx)).toBeInstanceOf(MalformedResponseError);
  });

  it("instanceof works across module copies through the brand", () => {
    const e = createApiError(404, { code: "not_found", message: "x" }, ctx);
    const foreign = Object.create(null);
    expect(foreign instanceof NotFoundError).toBe(false);
    // a structurally separate object carrying the same brand passes (as a second module copy's would)
    const brand = Object.getOwnPropertySymbols(e)[0];
    const copy = { [brand]: (e as unknown as Record<symbol, unknown>)[brand] };
    expect(copy instanceof NotFoundError).toBe(true);
    expect(copy instanceof ConflictError).toBe(false);
  });
});

describe("error mapping end to end", () => {
  it.each([
    [400, "invalid_parameter", InvalidRequestError],
    [401, "invalid_token", AuthenticationError],
    [403, "insufficient_scope", PermissionError],
    [404, "not_found", NotFoundError],
    [409, "location_in_use", ConflictError],
  ])("%i %s → error class, not retried", async (status, code, Cls) => {
    const { agent, seen } = mockApi(() => err(status, code, "nope", {}, { "x-request-id": "req_1" }));
    const { client: c } = client(agent);
    const e = await c.locations.delete("loc_1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Cls);
    expect(e).toMatchObject({ status, code, requestId: "req_1", retries: 0, method: "DELETE", path: "/v1/locations/loc_1" });
    expect(seen).toHaveLength(1);
  });

  it("keeps unknown fields and tolerates missing optional ones", async () => {
    const { agent } = mockApi(() => ok({ ...charger("242"), futureField: { a: 1 }, name: undefined }));
    const { client: c } = client(agent);
    const ch = await c.chargers.get("242");
    expect((ch as unknown as Record<string, unknown>).futureField).toEqual({ a: 1 });
    expect(ch.evses[0].connectors[0].status).toBe("Available");
  });

  it("a list item without id is malformed; a list without an array is malformed", async () => {
    const { agent } = mockApi((r) => (r.path.includes("page=2") ? ok({}) : ok([charger("1"), { x: 1 }])));
    const { client: c } = client(agent);
    await expect(c.chargers.listPage()).rejects.toThrow(/data\[1\].*no string "id"/);
    await expect(c.chargers.listPage({ page: 2 })).rejects.toThrow(/not an array/);
  });
});
