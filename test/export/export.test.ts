import { existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArgs } from "../../provider/export/args";
import { main } from "../../provider/export/cli";
import { exportSessions } from "../../provider/export/export";
import { client, err, mockApi, type Reply, type Seen } from "../client/helpers";

const DAY = 86_400_000;
const FROM = Date.parse("2026-09-01T00:00:00Z");
const NOW = Date.parse("2026-12-01T00:00:00Z");

function sessions(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(FROM + i * 5 * 3600_000).toISOString().replace(".000Z", "Z");
    return {
      id: `ses_${i}`,
      status: "COMPLETED",
      connectorId: "1.1.1",
      chargerId: "1",
      evseId: 1,
      locationId: i % 3 ? "loc_b" : "loc_a",
      startedAt: at,
      chargingEndedAt: at,
      stoppedAt: at,
      energyWh: 1000 + i,
      periods: [],
      pricingPlanId: "pp_1",
      tariffVersion: "2026-08-01T00:00:00Z",
      currency: "EUR",
      cost: { exclVat: "0.3901", vat: "0.0819", inclVat: "0.4720" },
      lines: [],
      authMethod: i % 2 ? "RFID" : "APP",
    };
  });
}

function api(all: ReturnType<typeof sessions>, failAfter = Infinity) {
  let n = 0;
  return (req: Seen): Reply => {
    n += 1;
    if (n > failAfter) return err(401, "invalid_token", "Token expired.");
    const q = new URL(req.path, "https://x").searchParams;
    const from = Date.parse(q.get("from")!);
    const to = Date.parse(q.get("to")!);
    if (to - from > 31 * DAY) return err(400, "invalid_parameter", "a window of at most 31 days", { field: "to" });
    const limit = Number(q.get("limit"));
    const page = Number(q.get("page"));
    const rows = all.filter((s) => Date.parse(s.startedAt) >= from && Date.parse(s.startedAt) < to && (!q.get("locationId") || q.get("locationId") === s.locationId));
    return { status: 200, body: { success: true, data: rows.slice((page - 1) * limit, page * limit), pagination: { limit, page, hasMore: page * limit < rows.length } } };
  };
}

/** Stdout, stderr and a clock that moves 1.5 s at every reading (so the state is recorded at every page). */
const io = () => {
  const err: string[] = [];
  const out: string[] = [];
  let now = NOW;
  return { io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t), isTTY: false }, now: () => (now += 1500) }, err, out };
};

const args = (out: string, extra: string[] = []) => {
  const a = readArgs(["sessions", "--from", "2026-09-01", "--to", "2026-11-09", "--out", out, ...extra], NOW);
  if (a === "help") throw new Error("help");
  return a;
};

describe("eosvolt-export sessions", () => {
  it("writes one CSV row per session with the exact billed decimals, via FILE.partial, with a line per window and a summary", async () => {
    const all = sessions(300); // 300 × 5 h = 62.5 days
    const { agent } = mockApi(api(all));
    const { client: c } = client(agent);
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    const out = join(dir, "sessions.csv");
    const { io: sink, err: stderr } = io();
    const result = await exportSessions(args(out, ["--summary", join(dir, "summary.json")]), c, sink);
    const lines = readFileSync(out, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,locationId,chargerId,evseId,connectorId,startedAt,chargingEndedAt,stoppedAt,energyWh,energyKwh,authMethod,teamId,discountPercent,pricingPlanId,tariffVersion,currency,costExclVat,costVat,costInclVat,lineCount");
    expect(lines.length - 1).toBe(300);
    expect(lines[1]).toBe("ses_0,loc_a,1,1,1.1.1,2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,1000,1,APP,,,pp_1,2026-08-01T00:00:00Z,EUR,0.3901,0.0819,0.4720,0");
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(300);
    expect(existsSync(`${out}.partial`) || existsSync(`${out}.partial.state.json`)).toBe(false);
    expect(result.rows).toBe(300);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.byCurrency.EUR.total).toEqual({ sessions: 300, energyKwh: "344.85", revenueExclVat: "117.0300", revenueInclVat: "141.6000" });
    expect(summary.byCurrency.EUR.byLocation.loc_a.sessions).toBe(100);
    expect(stderr.filter((l) => l.startsWith("eosvolt-export: window "))).toHaveLength(3); // 69 days: 31 + 31 + 7
    expect(stderr.join("")).toContain("Total EUR: 300 sessions, 344.85 kWh, 117.0300 excl. VAT, 141.6000 incl. VAT");
  });

  it("leaves a cut-off export as FILE.partial only, and --resume completes it with every session once", async () => {
    const all = sessions(300);
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    const out = join(dir, "sessions.jsonl");
    const failing = client(mockApi(api(all, 2)).agent).client;
    await expect(exportSessions(args(out, ["--format", "jsonl"]), failing, io().io)).rejects.toThrow(/invalid_token/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(true);
    appendFileSync(`${out}.partial`, '{"id":"half a row'); // what a kill mid-write leaves
    // Without --resume the cut-off file is not overwritten.
    await expect(exportSessions(args(out, ["--format", "jsonl"]), failing, io().io)).rejects.toThrow(/was cut short. Pass --resume/);
    const healthy = client(mockApi(api(all)).agent).client;
    const result = await exportSessions(args(out, ["--format", "jsonl", "--resume"]), healthy, io().io);
    const ids = readFileSync(out, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l).id);
    expect(ids).toEqual(all.map((s) => s.id));
    expect(result.written).toBeLessThan(300);
    expect(result.rows).toBe(300);
  });

  it("refuses bad input before any request, with the reason", { timeout: 60_000 }, async () => {
    const env = { EOSVOLT_TOKEN: "t0ken-for-tests", EOSVOLT_BASE_URL: "http://127.0.0.1:9" }; // nothing listens: a request would exit 1
    const run = async (...argv: string[]) => {
      const { io: sink, err: stderr } = io();
      const code = await main(argv, sink, env);
      return { code, stderr: stderr.join("") };
    };
    expect(await run("sessions", "--from", "2026-10-02", "--to", "2026-10-01")).toMatchObject({ code: 2, stderr: expect.stringContaining("--from (2026-10-02) is after --to (2026-10-01)") });
    expect(await run("sessions", "--from", "01/10/2026", "--to", "2026-10-01")).toMatchObject({ code: 2, stderr: expect.stringContaining("--from must be an ISO 8601 date") });
    expect(await run("sessions", "--from", "2026-02-30", "--to", "2026-10-01")).toMatchObject({ code: 2, stderr: expect.stringContaining("ISO 8601") });
    expect(await run("sessions", "--from", "2027-01-01", "--to", "2027-02-01")).toMatchObject({ code: 2, stderr: expect.stringContaining("entirely in the future") });
    expect(await run("sessions", "--from", "2026-10-01", "--to", "2026-10-02", "--format", "xml")).toMatchObject({ code: 2, stderr: expect.stringContaining("--format must be csv or jsonl") });
    expect(await run("sessions", "--from", "2026-10-01", "--to", "2026-10-02", "--resume")).toMatchObject({ code: 2, stderr: expect.stringContaining("--resume needs --out") });
    // A cut-off export of another query.
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    const out = join(dir, "x.csv");
    writeFileSync(`${out}.partial`, "id\r\n");
    writeFileSync(`${out}.partial.state.json`, JSON.stringify({ v: 1, query: { from: "2026-09-01T00:00:00.000Z", to: "2026-09-02T00:00:00.000Z", locationId: [], chargerId: [] }, format: "csv", cursor: "x", bytes: 4, rows: 0, summary: {} }));
    expect(await run("sessions", "--from", "2026-10-01", "--to", "2026-10-02", "--out", out, "--resume")).toMatchObject({ code: 2, stderr: expect.stringContaining("is an export of another query (2026-09-01T00:00:00.000Z → 2026-09-02T00:00:00.000Z)") });
    expect(await run("sessions", "--from", "2026-10-01", "--to", "2026-10-02")).toMatchObject({ code: 1 }); // the control: a valid query does try the API
  });
});
