import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createRedactor, redactHeaders } from "../../provider/client";
import { TOKEN, client, err, mockApi } from "./helpers";

describe("redaction", () => {
  it("redactor removes the token, Bearer values and authorization headers", () => {
    const r = createRedactor([TOKEN]);
    expect(r(`x ${TOKEN} y`)).toBe("x [REDACTED] y");
    expect(r("Authorization: Bearer abc.def")).not.toContain("abc.def");
    expect(r('{"authorization":"Token zzz"}')).not.toContain("zzz");
    expect(r("https://x/?access_token=qq&a=1")).toBe("https://x/?access_token=[REDACTED]&a=1");
    expect(redactHeaders({ Authorization: `Bearer ${TOKEN}`, Accept: "a" })).toEqual({ Authorization: "Bearer [REDACTED]", Accept: "a" });
    // No catastrophic backtracking: CPU time, not wall time, so a busy machine cannot fail it
    // (a backtracking pattern takes minutes on this input; a linear one a few milliseconds).
    const evil = "Bearer " + "a".repeat(100_000) + "!";
    const cpu = process.cpuUsage();
    r(evil);
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });

  // Over HTTP (the server echoing the token, socket errors quoting it): test/client/http-faults.test.ts, with nock.

  it("stats and the client object carry no token", async () => {
    const { agent } = mockApi(() => err(500, "internal_error", "x"));
    const { client: c } = client(agent, { maxRetries: 0 });
    await c.chargers.get("1").catch(() => undefined);
    expect(JSON.stringify(c.stats())).not.toContain(TOKEN);
    expect(inspect(c, { showHidden: true, depth: 20 })).not.toContain(TOKEN);
  });
});
