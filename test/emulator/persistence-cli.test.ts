import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index";
import { parseArgs } from "../../emulator/cli";
import { chargerBody, locationBody, startApi } from "./helpers";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/emulator/cli.js");
const tmp = () => mkdtempSync(join(tmpdir(), "eosvolt-emu-"));

describe("persistence (--data)", () => {
  it("keeps objects, id counters and idempotency keys across restarts, without secrets", async () => {
    const file = join(tmp(), "state.json");
    const a = await startApi({ dataFile: file, tokens: { "tok-secret-1": ["*"] } });
    const call = (m: string, p: string, b?: unknown, h: Record<string, string> = {}) => a.call(m, p, b, { token: "tok-secret-1", headers: h });
    const loc = (await call("POST", "/v1/locations", locationBody())).body.data;
    const body = chargerBody(loc.id, { authorizationKey: "super-secret-key-1234" });
    const ch = (await call("POST", "/v1/chargers", body, { "Idempotency-Key": "persist-1" })).body.data;
    await a.emu.close();
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("super-secret-key-1234");
    expect(text).not.toContain("tok-secret-1");
    expect(readdirSync(join(file, "..")).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const b = await startApi({ dataFile: file, tokens: { "tok-secret-1": ["*"] } });
    try {
      const callB = (m: string, p: string, body?: unknown, h: Record<string, string> = {}) => b.call(m, p, body, { token: "tok-secret-1", headers: h });
      expect((await callB("GET", `/v1/locations/${loc.id}`)).body.data.chargerCount).toBe(1);
      expect((await callB("GET", `/v1/chargers/${ch.id}`)).body.data).toEqual(ch);
      const replay = await callB("POST", "/v1/chargers", body, { "Idempotency-Key": "persist-1" });
      expect(replay.status).toBe(201);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(replay.body.data).toEqual(ch);
      expect((await callB("POST", "/v1/chargers", chargerBody(loc.id), { "Idempotency-Key": "persist-1" })).status).toBe(409);
      const next = (await callB("POST", "/v1/chargers", chargerBody(loc.id))).body.data;
      expect(Number(next.id)).toBe(Number(ch.id) + 1);
    } finally {
      await b.emu.close();
    }
  });

  it("writes debounced changes without waiting for close, and refuses a corrupt file", async () => {
    const dir = tmp();
    const file = join(dir, "s.json");
    const emu = await startApi({ dataFile: file, persistDebounceMs: 10 });
    await emu.call("POST", "/v1/locations", locationBody());
    // Written while the emulator runs (however long a busy machine takes), not at close.
    const locations = () => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).store.locations.length : 0);
    for (let waited = 0; locations() === 0 && waited < 30_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(locations()).toBe(1);
    await emu.emu.close();
    writeFileSync(join(dir, "bad.json"), "{half");
    await expect(startEmulator({ port: 0, dataFile: join(dir, "bad.json") })).rejects.toThrow(/not valid JSON/);
  });
});

describe("CLI", () => {
  beforeAll(() => {
    const sources = readdirSync(join(ROOT, "emulator"), { recursive: true }).map(String).filter((f) => f.endsWith(".ts"));
    const newest = Math.max(...sources.map((f) => statSync(join(ROOT, "emulator", f)).mtimeMs));
    if (!existsSync(CLI) || statSync(CLI).mtimeMs < newest) {
      // Build only the emulator (same layout as the root build) so this suite does not depend on provider/.
      const r = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "--outDir", join(ROOT, "dist"), "--rootDir", ROOT,
        "--target", "ES2022", "--module", "commonjs", "--moduleResolution", "node", "--strict", "--esModuleInterop", "--skipLibCheck",
        "--types", "node", "--declaration", "--sourceMap", join(ROOT, "emulator/index.ts"), join(ROOT, "emulator/cli.ts")], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`emulator build failed: ${r.stdout}${r.stderr}`);
    }
  }, 60_000);

  it("parses its flags", () => {
    expect(parseArgs([])).toEqual({ port: 8787 });
    expect(parseArgs(["--port", "0", "--host", "::1", "--token", "a", "--token=b=pricing:read,chargers:write", "--rate-limit=0", "--data", "f.json", "--latency", "5-10", "--no-idempotency"]))
      .toEqual({ port: 0, host: "::1", tokens: { a: ["*"], b: ["pricing:read", "chargers:write"] }, rateLimit: 0, dataFile: "f.json", latencyMs: [5, 10], idempotency: false });
    expect(() => parseArgs(["--port", "x"])).toThrow(/--port/);
    expect(() => parseArgs(["--latency", "10-5"])).toThrow(/--latency/);
    expect(() => parseArgs(["--bogus"])).toThrow(/Unknown option/);
  });

  it("prints its URL first, serves, and exits 0 on SIGTERM after flushing --data", async () => {
    const file = join(tmp(), "cli.json");
    const child = spawn(process.execPath, [CLI, "--port", "0", "--token", "cli-tok", "--data", file], { stdio: ["ignore", "pipe", "pipe"] });
    const firstLine = await new Promise<string>((res, rej) => {
      createInterface({ input: child.stdout! }).once("line", res);
      child.once("exit", (code) => rej(new Error(`exited early with ${code}`)));
    });
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
    const ok = await fetch(`${firstLine}/v1/locations`, { method: "POST", headers: { Authorization: "Bearer cli-tok", "Content-Type": "application/json" }, body: JSON.stringify(locationBody()) });
    expect(ok.status).toBe(201);
    expect(ok.headers.get("x-ratelimit-limit")).toBe("50");
    expect((await fetch(`${firstLine}/v1/locations`, { headers: { Authorization: "Bearer dev-token" } })).status).toBe(401);
    const code = await new Promise<number | null>((res) => {
      child.once("exit", (c) => res(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).store.locations).toHaveLength(1);
  });

  it("accepts dev-token with every scope when no --token is given, and stops on SIGINT", async () => {
    const child = spawn(process.execPath, [CLI, "--port", "0", "--rate-limit", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((res) => createInterface({ input: child.stdout! }).once("line", res));
    const r = await fetch(`${url}/v1/sessions`, { headers: { Authorization: "Bearer dev-token" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-ratelimit-limit")).toBeNull();
    const code = await new Promise<number | null>((res) => { child.once("exit", res); child.kill("SIGINT"); });
    expect(code).toBe(0);
  });
});
