/**
 * Malformed API answers reach the provider as one clear error, never a crash
 * and never a state: a raw HTTP server on loopback answers each case.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EosvoltClient, MalformedResponseError } from "../../provider/client";
import { apiAccess } from "../../provider/core/client-registry";
import { GenericProvider } from "../../provider/dynamic/provider";
import { kinds } from "../../provider/kinds";
import { locationArgs } from "../resources/fixtures";

let answer: { status: number; type?: string; body: string } = { status: 200, body: "" };
let server: Server;
let client: EosvoltClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(answer.status, answer.type ? { "Content-Type": answer.type } : {});
      res.end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  client = new EosvoltClient({ token: "malformed-secret-token", baseUrl: `http://127.0.0.1:${port}`, rateLimit: false, maxRetries: 1 });
});
afterAll(async () => {
  await client.close();
  await new Promise((r) => server.close(r));
});

const location = () => new GenericProvider(kinds.Location).useApi(apiAccess(client));
const JSON_TYPE = "application/json";

const cases: Array<[string, typeof answer, RegExp]> = [
  ["not JSON", { status: 200, type: "text/plain", body: "OK then" }, /response body is not JSON \(text\/plain, 7 chars\): "OK then"/],
  ["an HTML 502 page", { status: 502, type: "text/html", body: "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>" }, /EOSVOLT API 502 malformed_response: error body is not JSON: "<html><head><title>502 Bad Gateway/],
  ["a truncated body", { status: 201, type: JSON_TYPE, body: '{"success":true,"data":{"id":"loc_1","name":"HQ' }, /response body is not JSON/],
  ["wrong types", { status: 201, type: JSON_TYPE, body: '{"success":true,"data":{"id":"loc_1","name":42,"chargerCount":"many","createdAt":1,"updatedAt":2}}' }, /has fields of the wrong type/],
  ["a missing data", { status: 201, type: JSON_TYPE, body: '{"success":true}' }, /answer has no "data"/],
  ["data null", { status: 201, type: JSON_TYPE, body: '{"success":true,"data":null}' }, /"data" is not an object: "null"/],
  ["an object without id", { status: 201, type: JSON_TYPE, body: '{"success":true,"data":{"name":"HQ"}}' }, /has no string "id"/],
  ["a JSON array", { status: 201, type: JSON_TYPE, body: "[1,2,3]" }, /expected a JSON object with "data"/],
  ["an error without the envelope", { status: 400, type: JSON_TYPE, body: '{"error":"bad"}' }, /error body lacks the \{code, message\} envelope/],
  ["an empty 200", { status: 200, body: "" }, /expected a JSON object with "data", got/],
];

describe("malformed answers end as one clear error", () => {
  it.each(cases)("create, %s: MalformedResponseError with what was wrong, no id", async (_name, given, message) => {
    answer = given;
    const error = await location().create(locationArgs()).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/^creating location: EOSVOLT API (\d+ )?malformed_response: /);
    expect(error!.message).toMatch(message);
    expect(error!.message.length).toBeLessThan(600);
    expect(error!.message).not.toContain("malformed-secret-token");
    expect((error as { code?: string }).code).toBe("malformed_response");
  });

  it.each(cases)("read (refresh), %s: an error, never an empty or wrong state", async (_name, given) => {
    answer = given;
    await expect(location().read("loc_1", { name: "HQ" })).rejects.toThrow(/^reading location loc_1: EOSVOLT API (\d+ )?malformed_response: /);
  });

  it("the client's own error class is MalformedResponseError", async () => {
    answer = { status: 200, type: "text/html", body: "<html>" };
    await expect(client.locations.get("loc_1")).rejects.toBeInstanceOf(MalformedResponseError);
  });
});
