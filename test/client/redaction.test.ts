import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AuthenticationError, NetworkError, createRedactor, redactHeaders } from "../../provider/client";
import { TOKEN, client, err, mockApi } from "./helpers";

function everyView(e: unknown): string {
  const x = e as Error;
  const causes: string[] = [];
  for (let c: unknown = x.cause; c instanceof Error; c = c.cause) causes.push(`${c.message}\n${c.stack}\n${JSON.stringify(c)}\n${inspect(c)}`);
  return [x.message, x.stack, JSON.stringify(x), inspect(x, { depth: 10, showHidden: true }), String(x), ...causes].join("\n");
}

describe("redaction", () => {
  it("redactor removes the token, Bearer values and authorization headers", () => {
    const r = createRedactor([TOKEN]);
    expect(r(`x ${TOKEN} y`)).toBe("x [REDACTED] y");
    expect(r("Authorization: Bearer abc.def")).not.toContain("abc.def");
    expect(r('{"authorization":"Token zzz"}')).not.toContain("zzz");
    expect(r("https://x/?access_token=qq&a=1")).toBe("https://x/?access_token=[REDACTED]&a=1");
    expect(redactHeaders({ Authorization: `Bearer ${TOKEN}`, Accept: "a" })).toEqual({ Authorization: "Bearer [REDACTED]", Accept: "a" });
    const evil = "Bearer " + "a".repeat(100_000) + "!";
    const t = Date.now();
    r(evil);
    expect(Date.now() - t).toBeLessThan(500);
  });

  it("the token appears in no error message, stack, cause, JSON or log line, even when the server echoes it", async () => {
    const lines: string[] = [];
    const { agent } = mockApi(() => err(401, "invalid_token", `Token ${TOKEN} is unknown (Authorization: Bearer ${TOKEN}).`, { field: TOKEN }));
    const { client: c } = client(agent, { logger: (l: string) => lines.push(l) });
    const e = await c.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(everyView(e)).not.toContain(TOKEN);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).toContain("Bearer [REDACTED]");
  });

  it("network errors whose cause mentions the token are redacted down the chain", async () => {
    const { agent } = mockApi(() => {
      throw Object.assign(new Error(`connect failed with header authorization: Bearer ${TOKEN}`), { code: "ECONNREFUSED" });
    });
    const lines: string[] = [];
    const { client: c } = client(agent, { maxRetries: 1, logger: (l: string) => lines.push(l) });
    const e = await c.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect(everyView(e)).not.toContain(TOKEN);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("stats and the client object carry no token", async () => {
    const { agent } = mockApi(() => err(500, "internal_error", "x"));
    const { client: c } = client(agent, { maxRetries: 0 });
    await c.chargers.get("1").catch(() => undefined);
    expect(JSON.stringify(c.stats())).not.toContain(TOKEN);
    expect(inspect(c, { showHidden: true, depth: 20 })).not.toContain(TOKEN);
  });
});
