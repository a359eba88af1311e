/**
 * Transport rules: no code path turns off TLS verification, and plain HTTP goes
 * only to loopback hosts (refused before any request otherwise).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EosvoltClient, EosvoltConfigError } from "../../provider/client";
import { resolveConfig } from "../../provider/config";
import { ROOT } from "../engine/harness";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs|js|sh)$/.test(name) ? [path] : [];
  });
}

describe("TLS verification is never turned off", () => {
  const sources = ["provider", "emulator", "scripts", "examples"].flatMap((d) => files(join(ROOT, d)).filter((f) => !f.includes("node_modules")));
  it.each([
    ["rejectUnauthorized: false", /rejectUnauthorized\s*:\s*(false|0)/],
    ["NODE_TLS_REJECT_UNAUTHORIZED", /NODE_TLS_REJECT_UNAUTHORIZED/],
    ["a custom checkServerIdentity", /checkServerIdentity/],
    ["--insecure / -k to curl", /curl[^\n]*\s(-k|--insecure)\b/],
  ])("no source sets %s", (_what, pattern) => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((f) => pattern.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});

describe("plain HTTP only to loopback", () => {
  const client = (baseUrl: string) => new EosvoltClient({ token: "t0k3n-secret", baseUrl });
  it.each(["http://api.eosvolt.com", "http://127.0.0.1.nip.io:8787", "http://localhost.evil.example", "http://10.0.0.5:8787", "http://[::ffff:8.8.8.8]", "ftp://127.0.0.1"])(
    "%s is refused before any request, without the token in the message",
    (baseUrl) => {
      let error: unknown;
      try {
        client(baseUrl);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EosvoltConfigError);
      expect(String((error as Error).message)).not.toContain("t0k3n-secret");
    },
  );
  it.each(["http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787", "https://api.eosvolt.com", "https://api-staging.eosvolt.com"])("%s is accepted", (baseUrl) => {
    expect(() => client(baseUrl)).not.toThrow();
  });
  it("the provider's config takes the same rules (token from stack config, never stored)", () => {
    expect(resolveConfig((k) => ({ "eosvolt:token": "x", "eosvolt:baseUrl": "http://api.eosvolt.com" })[k]).baseUrl).toBe("http://api.eosvolt.com");
    expect(() => new EosvoltClient({ token: "x", baseUrl: "http://api.eosvolt.com" })).toThrow(/loopback/);
  });
});
