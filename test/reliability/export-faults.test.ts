/**
 * `eosvolt-export sessions` under injected faults (500s and 503s 10 %, connection resets
 * 5 %, writes answered and lost 5 %, 429 bursts) holds every completed session exactly once,
 * compared with the emulator's own state; and the same when the export process is killed
 * (SIGKILL) mid-way and resumed with --resume. GET requests have no "answer lost after
 * applying" fault (the emulator applies that to writes only): a reset is a GET's lost answer.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EosvoltClient } from "../../provider/client";
import { readArgs } from "../../provider/export/args";
import { exportSessions } from "../../provider/export/export";
import { completedIds, historyFixture, TOKEN, UNTIL, type HistoryFixture } from "../export/history-fixture";
import { killGroup, waitFor } from "./helpers";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/provider/export/cli.js");
const FAULTS = { error500: 0.05, error503: 0.05, reset: 0.05, dropResponse: 0.05, burst429: { p: 0.02, length: 3 }, seed: 2025 };

let f: HistoryFixture;
beforeAll(async () => {
  f = await historyFixture(45, 10);
});
afterAll(async () => {
  await f?.close();
});

/** The session ids of an export file (CSV: the first column; JSON Lines: `id`). */
function idsIn(file: string): string[] {
  const text = readFileSync(file, "utf8").trimEnd();
  if (file.endsWith(".jsonl")) return text.split("\n").map((l) => JSON.parse(l).id);
  return text.split("\r\n").slice(1).map((l) => l.split(",")[0]);
}

/** Runs the export CLI as its own process. */
function exportProcess(argv: string[]) {
  const child = spawn(process.execPath, [CLI, ...argv], { env: { ...process.env, EOSVOLT_TOKEN: TOKEN, EOSVOLT_BASE_URL: f.emulator.url }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  return { child, exited, output: () => output };
}

describe("export under faults", () => {
  it("holds every completed session exactly once", { timeout: 180_000 }, async () => {
    expect(f.sessions).toBeGreaterThan(1000);
    f.emulator.setFaults(FAULTS);
    f.emulator.clearRequests();
    const client = new EosvoltClient({ token: TOKEN, baseUrl: f.emulator.url, rateLimit: false });
    const out = join(mkdtempSync(join(tmpdir(), "export-faults-")), "s.jsonl");
    const args = readArgs(["sessions", "--from", f.from, "--to", UNTIL, "--format", "jsonl", "--out", out], Date.parse(UNTIL));
    if (args === "help") throw new Error("help");
    try {
      await exportSessions(args, client, { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, now: Date.now });
    } finally {
      await client.close();
      f.emulator.setFaults({});
    }
    const faults = f.emulator.requests().filter((r) => r.fault !== null).length;
    expect(faults, "faults were injected").toBeGreaterThan(0);
    const ids = idsIn(out);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(completedIds(f.emulator));
  });

  it("holds every session exactly once when killed mid-way and resumed, faults on", { timeout: 180_000 }, async () => {
    f.emulator.setFaults({ ...FAULTS, seed: 7, latencyMs: [20, 60] });
    const out = join(mkdtempSync(join(tmpdir(), "export-kill-")), "s.csv");
    const argv = ["sessions", "--from", f.from, "--to", UNTIL, "--out", out];
    try {
      const first = exportProcess(argv);
      // Killed once a checkpoint with rows is on disk: mid-way, with more to come.
      await waitFor(() => existsSync(`${out}.partial.state.json`) && JSON.parse(readFileSync(`${out}.partial.state.json`, "utf8")).rows >= 200, 60_000, "the first rows of the export");
      killGroup(first.child);
      await first.exited;
      expect(existsSync(out), "a cut-off export never looks complete").toBe(false);
      expect(existsSync(`${out}.partial`)).toBe(true);
      const rowsAtKill = JSON.parse(readFileSync(`${out}.partial.state.json`, "utf8")).rows;
      expect(rowsAtKill).toBeLessThan(f.sessions);
      const second = exportProcess([...argv, "--resume"]);
      expect(await second.exited, second.output()).toBe(0);
    } finally {
      f.emulator.setFaults({});
    }
    const ids = idsIn(out);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(completedIds(f.emulator));
  });
});
