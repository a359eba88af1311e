import { describe, expect, it } from "vitest";
import { EosvoltClient, EosvoltConfigError, EosvoltError, isLoopbackHost, resolveBaseUrl, resolveOptions } from "../../provider/client";
import { resolveConfig } from "../../provider/config";
import { TOKEN } from "./helpers";

describe("options", () => {
  it("picks the environment's base URL, production by default; baseUrl wins", () => {
    expect(resolveBaseUrl({}).toString()).toBe("https://api.eosvolt.com/");
    expect(resolveBaseUrl({ environment: "staging" }).toString()).toBe("https://api-staging.eosvolt.com/");
    expect(resolveBaseUrl({ environment: "staging", baseUrl: "https://eu.example.com/api" }).toString()).toBe("https://eu.example.com/api/");
  });

  it("accepts http:// only for loopback hosts", () => {
    for (const url of ["http://127.0.0.1:4010", "http://127.3.2.1/", "http://localhost:1", "http://[::1]:8080/"]) {
      expect(() => resolveBaseUrl({ baseUrl: url })).not.toThrow();
    }
    for (const url of ["http://api.eosvolt.com/", "http://10.0.0.1/", "http://128.0.0.1/", "http://127.0.0.1.evil.com/", "ftp://x/"]) {
      expect(() => resolveBaseUrl({ baseUrl: url })).toThrow(EosvoltConfigError);
    }
    expect(() => new EosvoltClient({ token: TOKEN, baseUrl: "http://api.eosvolt.com" })).toThrow(/Refusing plain http:\/\/ for api.eosvolt.com/);
    expect(isLoopbackHost("[::1]")).toBe(true);
  });

  it("refuses an empty token with advice, and never echoes the token", () => {
    expect(() => new EosvoltClient({ token: "" })).toThrow(/No EOSVOLT API token.*eosvolt:token.*EOSVOLT_TOKEN/);
    expect(() => new EosvoltClient({ token: "   " })).toThrow(EosvoltError);
    expect(() => new EosvoltClient({ token: TOKEN, environment: "prod" as never })).toThrow(/Unknown EOSVOLT environment/);
    expect(() => new EosvoltClient({ token: TOKEN, timeoutMs: -1 })).toThrow(/timeoutMs/);
  });

  it("does not expose the token through the client object", () => {
    const c = new EosvoltClient({ token: TOKEN });
    expect(JSON.stringify(c)).not.toContain(TOKEN);
    expect(require("node:util").inspect(c, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });
});

describe("the rate-limit budget setting", () => {
  const config = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => resolveConfig((k) => ({ "eosvolt:token": "t", ...values })[k], env);

  it("is read from eosvolt:rateLimitBudget, else EOSVOLT_RATE_LIMIT_BUDGET, in seconds; unset leaves the client's default", () => {
    expect(config({ "eosvolt:rateLimitBudget": "900" }).rateLimitBudgetSeconds).toBe(900);
    expect(config({}, { EOSVOLT_RATE_LIMIT_BUDGET: "1200" }).rateLimitBudgetSeconds).toBe(1200);
    expect(config({ "eosvolt:rateLimitBudget": "30" }, { EOSVOLT_RATE_LIMIT_BUDGET: "1200" }).rateLimitBudgetSeconds).toBe(30);
    expect(config({}).rateLimitBudgetSeconds).toBeUndefined();
    expect(resolveOptions({ token: TOKEN }).rateLimitBudgetMs).toBe(600_000);
  });

  it("refuses anything but a positive number of seconds, naming the key", () => {
    expect(() => config({ "eosvolt:rateLimitBudget": "ten minutes" })).toThrow(
      'eosvolt:rateLimitBudget (or EOSVOLT_RATE_LIMIT_BUDGET) must be a positive number of seconds, such as 600, not "ten minutes".',
    );
    expect(() => config({}, { EOSVOLT_RATE_LIMIT_BUDGET: "0" })).toThrow(/eosvolt:rateLimitBudget/);
    expect(() => new EosvoltClient({ token: TOKEN, rateLimitBudgetMs: -1 })).toThrow(/rateLimitBudgetMs/);
  });
});
