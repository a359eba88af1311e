/**
 * The client sends through Node's global `fetch` with the package's undici `Agent` as its
 * dispatcher, so every Node.js line mixes its own bundled undici with the package's. This
 * runs the built client under each Node.js of toolchain.json's `transportNodes` (fetched
 * from the npm registry once) and checks what a user depends on: connections are pooled,
 * the per-attempt deadline ends a silent server, and nock intercepts the requests.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script of the repository, without type declarations
import { TOOLCHAIN, nodeBinDir } from "../../scripts/toolchain.mjs";

const ROOT = join(__dirname, "../..");
const PROBE = join(__dirname, "fixtures/transport-probe.mjs");
const versions: string[] = TOOLCHAIN.transportNodes;

interface ProbeResult {
  node: string;
  bundledUndici: string;
  pooling: { requests: number; authorized: number; connections: number };
  timeout: { error: string; code?: string };
  nock: { id?: string; done?: boolean; error?: string };
}

describe.each(versions)("the HTTP transport on Node.js %s", (version) => {
  it("pools connections, ends a silent attempt at its deadline, and lets nock intercept", { timeout: 180_000 }, () => {
    const node = join(nodeBinDir(version), "node");
    const out = execFileSync(node, [PROBE, ROOT], { encoding: "utf8", timeout: 150_000 });
    const result: ProbeResult = JSON.parse(out.trim().split("\n").pop() ?? "");

    expect(result.node).toBe(`v${version}`);
    expect(result.pooling.authorized).toBe(50);
    // 50 requests over keep-alive: a handful of connections (measured: 10 on every line), not one per request.
    expect(result.pooling.connections).toBeLessThanOrEqual(12);
    expect(result.timeout).toEqual({ error: "TimeoutError", code: "timeout" });
    expect(result.nock).toEqual({ id: "loc_nock", done: true });
  });
});
