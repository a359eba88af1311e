/**
 * `--job sessions`: the session history (issue 25).
 *
 *   reprice  N = 100 000 completed sessions (periods by the emulator's builder, 1–10 h, in
 *            Amsterdam) re-priced by the provider's pricer under a plan with time, weekday
 *            and parking elements: CPU seconds (process.cpuUsage), goal ≤ 2 s.
 *   export   `eosvolt-export sessions` of N sessions (each of --sessions) from an emulator
 *            with that history at rate R: wall against requests / R (goal ≤ 1.1 ×), and the
 *            export process's peak RSS (VmHWM) as N grows (goal ≤ 200 MB at 100 000, flat).
 *   impact   `eosvolt-pricing-report --impact` over 30 days of sessions for 1000 chargers,
 *            one plan updated: wall against pages / R + 5 s.
 *
 * The emulator's history comes from its own generator (`historyDays` / `historySeed`).
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
import { dirname, join } from "node:path";
import { previousResults } from "../lib/api.mjs";
import { HERE, KEEP, log, OUT, QUICK, RATE, require, ROOT, round, SESSION_SIZES, sleep, T0, TMP, TOKEN } from "../lib/settings.mjs";

const { priceSessionUnits } = require(join(ROOT, "dist/provider/money/index.js"));
const { buildPeriods } = require(join(ROOT, "dist/emulator/billing/index.js"));

/** A plan like examples/pricing's "Public AC": weekday day rate, weekend, night, an idle fee after 2 h. */
export const BENCH_PLAN = {
  currency: "EUR",
  elements: [
    { priceComponents: [{ type: "ENERGY", price: "0.3900", vat: "21.0000", stepSize: 1 }], restrictions: { dayOfWeek: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], startTime: "07:00", endTime: "23:00" } },
    { priceComponents: [{ type: "ENERGY", price: "0.3400", vat: "21.0000", stepSize: 1 }], restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"] } },
    { priceComponents: [{ type: "ENERGY", price: "0.2900", vat: "21.0000", stepSize: 1 }] },
    { priceComponents: [{ type: "PARKING_TIME", price: "6.0000", vat: "21.0000", stepSize: 900 }], restrictions: { minDurationS: 7200 } },
  ],
  minPrice: { exclVat: "0.5000" },
};

/** `n` sessions over 30 days, 1–10 h plugged in, periods from the emulator's builder. */
function syntheticSessions(n) {
  const start = Date.parse("2026-10-15T00:00:00Z");
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const at = start + Math.floor((i * 30 * 86_400_000) / n / 1000) * 1000;
    const chargingS = 1800 + ((i * 7919) % 21_600);
    const parkingS = (i * 104_729) % 3 === 0 ? (i * 31) % 14_400 : 0;
    const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");
    const energyWh = Math.floor((11_000 * chargingS) / 3600);
    const startedAt = iso(at);
    out.push({ startedAt, periods: buildPeriods({ startedAt, chargingEndedAt: iso(at + chargingS * 1000), stoppedAt: iso(at + (chargingS + parkingS) * 1000), energyWh, timeZone: "Europe/Amsterdam" }), ...(i % 5 === 0 ? { discountPercent: "12.50" } : {}) });
  }
  return out;
}

function reprice(n) {
  // As the export and the review get them: parsed from the API's JSON.
  const sessions = JSON.parse(JSON.stringify(syntheticSessions(n)));
  const periods = sessions.reduce((a, s) => a + s.periods.length, 0);
  const before = process.cpuUsage();
  let total = 0n;
  for (const s of sessions) total += priceSessionUnits(BENCH_PLAN, s, "Europe/Amsterdam").exclVat;
  const used = process.cpuUsage(before);
  const cpuS = round((used.user + used.system) / 1e6, 2);
  log(`re-priced ${n} sessions (${periods} periods): ${cpuS} s CPU, revenue ${total} × 10^-4 EUR`);
  return { n, periods, cpuS };
}

/** Runs a CLI of the package; resolves with wall time, exit code, output and its peak RSS (MB, reported by the process itself). */
function runCli(script, argv, env) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--require", join(HERE, "lib/report-rss.cjs"), join(ROOT, script), ...argv], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      const kb = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(stderr)?.[1]);
      done({ code, stdout, stderr, wallS: (performance.now() - started) / 1000, rssMB: round(kb / 1024, 0) });
    });
  });
}

const DAYS = 30;

/**
 * A data file with `chargers` chargers (`connectors` each) at one Amsterdam location on the
 * bench plan, made against an emulator without a rate limit (setup is not measured).
 */
async function accountFile(name, chargers, connectors) {
  const { startEmulator } = require(join(ROOT, "dist/emulator/index.js"));
  const dataFile = join(TMP, `${name}.json`);
  const setup = await startEmulator({ port: 0, rateLimit: 0, dataFile });
  try {
    const post = async (path, body) => {
      const res = await fetch(`${setup.url}${path}`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()).data;
    };
    const plan = await post("/v1/pricing-plans", { name: "Bench AC", ...BENCH_PLAN });
    const location = await post("/v1/locations", {
      name: "Bench garage",
      accessType: "PUBLIC",
      address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
      coordinates: { latitude: "52.37403", longitude: "4.88969" },
      timeZone: "Europe/Amsterdam",
      pricingPlanId: plan.id,
    });
    const evses = Array.from({ length: connectors }, (_, e) => ({ evseId: e + 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }));
    for (let start = 0; start < chargers; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, chargers - start) }, (_, k) => post("/v1/chargers", { locationId: location.id, ocppIdentity: `BENCH-H-${start + k}`, ocppVersion: "OCPP201", maxPowerW: 22_000, evses })),
      );
    }
    setup.flush();
    return { dataFile, plan, location };
  } finally {
    await setup.close();
  }
}

/** An emulator at rate R over `account`, with `days` of generated history at `arrivals` per connector and weekday. */
async function emulatorWithHistory(account, arrivals) {
  const { startEmulator } = require(join(ROOT, "dist/emulator/index.js"));
  const until = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString();
  const emulator = await startEmulator({ port: 0, rateLimit: RATE, dataFile: account.dataFile, history: { days: DAYS, seed: 25, until, arrivalsPerConnectorDay: arrivals } });
  return { emulator, until };
}

async function exportRun(n) {
  // About n sessions: the generator's AC connectors take about 1.7 sessions a day over 30 days.
  const chargers = Math.max(1, Math.ceil(n / 100));
  const account = await accountFile(`export-${n}`, chargers, 2);
  const { emulator, until } = await emulatorWithHistory(account, undefined);
  const dir = join(TMP, `export-${n}`);
  mkdirSync(dir, { recursive: true });
  try {
    await sleep(1100); // a full bucket, as for a fresh process
    emulator.clearRequests();
    const from = new Date(Date.parse(until) - DAYS * 86_400_000).toISOString();
    const r = await runCli("dist/provider/export/cli.js", ["sessions", "--from", from, "--to", until, "--format", "csv", "--out", join(dir, "s.csv")], { EOSVOLT_TOKEN: TOKEN, EOSVOLT_BASE_URL: emulator.url });
    if (r.code !== 0) throw new Error(`export exited ${r.code}: ${r.stderr}`);
    const rows = readFileSync(join(dir, "s.csv"), "utf8").split("\r\n").length - 2;
    const stats = emulator.stats();
    const requests = stats.total;
    const limitS = requests / RATE;
    const out = { n: rows, requests, status429: stats.byStatus["429"] ?? 0, wallS: round(r.wallS, 1), limitS: round(limitS, 1), ratio: round(r.wallS / limitS, 3), rssMB: r.rssMB };
    log(`export of ${rows} sessions: ${out.wallS} s for ${requests} requests (limit ${out.limitS} s, ${out.ratio} ×, ${out.status429} × 429), peak RSS ${r.rssMB} MB`);
    return out;
  } finally {
    await emulator.close();
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

/** `pulumi preview --json` of a program that raises the bench plan's weekday energy price. */
function previewOf(plan) {
  const urn = "urn:pulumi:bench::eosvolt-bench::pulumi-nodejs:dynamic/eosvolt:PricingPlan::public-ac";
  const { id, createdAt, updatedAt, ...inputs } = plan;
  const raised = structuredClone(inputs);
  raised.elements[0].priceComponents[0].price = "0.4400";
  const type = "pulumi-nodejs:dynamic/eosvolt:PricingPlan";
  return JSON.stringify({ steps: [{ op: "update", urn, oldState: { urn, type, id, inputs, outputs: plan }, newState: { urn, type, inputs: raised }, detailedDiff: {} }], changeSummary: { update: 1 } });
}

async function impactRun(chargers) {
  const account = await accountFile(`impact-${chargers}`, chargers, 1);
  const { emulator, until } = await emulatorWithHistory(account, undefined);
  const dir = join(TMP, "impact");
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, "preview.json"), previewOf(account.plan));
    await sleep(1100);
    emulator.clearRequests();
    const r = await runCli("dist/provider/report/cli.js", ["--impact", "--impact-days", String(DAYS), join(dir, "preview.json")], { EOSVOLT_TOKEN: TOKEN, EOSVOLT_BASE_URL: emulator.url });
    if (r.code !== 0 || !r.stdout.includes("## Revenue impact") || r.stdout.includes("Impact not computed")) throw new Error(`review exited ${r.code}: ${r.stderr}\n${r.stdout.slice(-500)}`);
    const requests = emulator.stats().total;
    const sessions = Number(/(\d+) sessions, [\d.]+ kWh, priced by this plan/.exec(r.stdout)?.[1] ?? 0);
    const boundS = requests / RATE + 5;
    const out = { chargers, sessions, requests, wallS: round(r.wallS, 1), boundS: round(boundS, 1), rssMB: r.rssMB, until };
    log(`--impact over ${DAYS} days, ${chargers} chargers, ${sessions} sessions: ${out.wallS} s for ${requests} requests (bound ${out.boundS} s), peak RSS ${r.rssMB} MB`);
    return out;
  } finally {
    await emulator.close();
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

export async function mainSessions() {
  log(`sessions job: N = ${SESSION_SIZES.join(", ")}; rate limit ${RATE} req/s; load average ${loadavg().map((x) => round(x, 2)).join(", ")}`);
  const repricing = reprice(QUICK ? 10_000 : 100_000);
  const exports = [];
  for (const n of SESSION_SIZES) exports.push(await exportRun(n).catch((e) => ({ n, error: String(e) })));
  const impact = await impactRun(QUICK ? 100 : 1000).catch((e) => ({ error: String(e) }));
  const big = exports.find((e) => e.n >= 90_000 && !e.error);
  const ok = exports.filter((e) => !e.error);
  const goals = [
    { goal: "re-pricing 100 000 sessions ≤ 2 s CPU", value: `${repricing.cpuS} s for ${repricing.n}`, met: repricing.n === 100_000 && repricing.cpuS <= 2 },
    ...ok.map((e) => ({ goal: `export of ${e.n} sessions ≤ 1.1 × requests / R (${e.requests} / ${RATE} = ${e.limitS} s)`, value: `${e.wallS} s (${e.ratio} ×)`, met: e.ratio <= 1.1 })),
    { goal: "export peak RSS flat as N grows, ≤ 200 MB at N = 100 000", value: ok.map((e) => `${e.n}: ${e.rssMB} MB`).join(", "), met: big !== undefined && big.rssMB <= 200 },
    impact.error
      ? { goal: "--impact over 30 days for 1000 chargers ≤ pages / R + 5 s", value: `failed: ${impact.error.split("\n")[0]}`, met: false }
      : { goal: `--impact over ${DAYS} days for ${impact.chargers} chargers ≤ pages / R + 5 s (${impact.requests} / ${RATE} + 5 = ${impact.boundS} s)`, value: `${impact.wallS} s, ${impact.sessions} sessions`, met: impact.chargers >= 1000 && impact.wallS <= impact.boundS },
  ];
  const report = previousResults();
  report.sessionsRun = { when: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version, loadAverage: loadavg().map((x) => round(x, 2)) }, rateLimit: RATE, repricing, exports, impact, goals };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
  for (const x of goals) console.log(`${x.met ? "MET " : "MISS"}  ${x.goal}: ${x.value}`);
  for (const e of exports.filter((x) => x.error)) console.log(`FAIL  export of ${e.n}: ${e.error.split("\n")[0]}`);
  console.log(`\n${round((performance.now() - T0) / 1000, 0)} s in all (load average ${loadavg().map((x) => round(x, 2)).join(", ")}); results in ${OUT}`);
  if (!KEEP) rmSync(TMP, { recursive: true, force: true });
}
