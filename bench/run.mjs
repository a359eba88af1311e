#!/usr/bin/env node
/**
 * `npm run bench`: what a Pulumi stack of N EOSVOLT chargers costs, through the REAL
 * Pulumi CLI against the local emulator, next to a naive baseline, the physical limit
 * set by the API's rate limit, and the engine's own floor.
 *
 *   node bench/run.mjs [--quick] [--n 10,100,1000] [--rate 20] [--latency 20-60]
 *                      [--variants ours,naive,floor] [--update one|all] [--checkpoints]
 *                      [--ops create,noop,update,refresh,refresh32,destroy]
 *                      [--stacks 4,8] [--out bench/results.json]
 *
 * For each N (10, 100, 1000; --quick: 10 and 100) and each variant it makes a fresh
 * emulator, a fresh file backend and a stack of the program `bench/program/` (N chargers
 * at one location created beforehand), then runs, timing each command:
 *
 *   create   `pulumi up --yes --skip-preview`                    (N POSTs at best)
 *   noop     the same again, nothing changed                      (0 requests at best)
 *   update   one field of one charger changed (`maxPowerW` of the first: the pull-request
 *            case, 1 PATCH at best whatever N); `--update all`: of every charger (N PATCHes)
 *   refresh  `pulumi refresh --yes --skip-preview` after k chargers were renamed out of
 *            band; the bench checks that the state shows every one of them afterwards
 *   refresh32 the same at `--parallel 32` (ours only)
 *   destroy  `pulumi destroy --yes --skip-preview`                (N DELETEs at best)
 *
 * Variants:
 *   ours   the provider as shipped; emulator with `--rate-limit R` and latency
 *   naive  the same provider with bench/naive-client.cjs preloaded (NODE_OPTIONS; the
 *          package itself has no bench switch): no client-side limiter (429s retried
 *          after Retry-After, as a typical hand-written provider would if it retried at
 *          all), no batched reads (one GET per read); same emulator settings
 *   floor  the provider as shipped against an emulator with no rate limit and no latency:
 *          what the engine itself costs
 *
 * Engine checkpoints: by default every command runs with PULUMI_SKIP_CHECKPOINTS=true, in
 * every variant alike. With checkpoints on, the file backend rewrites the whole state twice
 * per step (begin and end of each operation), which measured 78-85 s for 1000 creates even
 * with no rate limit (the floor), 148 s for 1000 updates: the engine's own cost, the same for
 * any provider, that would hide what the provider does against the rate limit. `--checkpoints`
 * runs the engine as it runs by default.
 *
 * `--stacks K[,K…]`: the many-stacks run instead (GitOps: one stack per site, parallel CI
 * jobs, one API token). For each K: K stacks of N chargers plus their own location (N from
 * --n, default 60; one N for every K or one per K), each its own project, file backend and
 * `pulumi up` process, all started at the same moment against one emulator at rate R with
 * one token. Printed and written to `stacksRuns` in the results file (the other entries are
 * kept): wall time (first start to last exit), requests, the share answered 429, failed
 * stacks, objects made against declared, fairness (slowest stack's wall / fastest's), the
 * physical limit (requests the API processed / R) and the engine floor (one such stack
 * alone on an emulator with no limit and no latency). BENCH_TIMELINE=1 also logs the requests
 * and 429s of each half second.
 *
 * Requests, 429s and statuses come from the emulator's own request log (only /v1 requests
 * of the command; the bench's own setup and drift requests are not counted). Peak memory
 * is the largest VmHWM seen by sampling /proc every 100 ms for the `pulumi` process and
 * the dynamic-provider process it starts. State bytes come from the file backend's
 * checkpoint on disk after the create. Provider cold start is measured separately (see
 * coldStart()).
 */
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const TOKEN = "dev-token";

if (process.argv.includes("--plugin")) await import("./plugin.mjs").then(() => process.exit(process.exitCode ?? 0)); // the plugin bench (bench/plugin.mjs)
// ---------------------------------------------------------------- arguments
const USAGE =
  "usage: node bench/run.mjs [--quick] [--n 10,100,1000] [--rate 20] [--latency 20-60] [--variants ours,naive,floor]\n" +
  "                          [--update one|all] [--checkpoints] [--ops create,noop,update,refresh,refresh32,destroy]\n" +
  "                          [--stacks 4,8] [--out bench/results.json] [--keep]";
let args;
try {
  args = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: "boolean", default: false },
      n: { type: "string" },
      rate: { type: "string", default: "20" },
      latency: { type: "string", default: "20-60" },
      variants: { type: "string", default: "ours,naive,floor" },
      out: { type: "string", default: join(HERE, "results.json") },
      keep: { type: "boolean", default: false },
      checkpoints: { type: "boolean", default: false },
      update: { type: "string", default: "one" },
      ops: { type: "string" },
      stacks: { type: "string" },
      help: { type: "boolean", default: false },
    },
  }).values;
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
/** A comma-separated list of positive integers, or exit 2 naming the flag. */
const integers = (name, text) => {
  const list = text.split(",").map((x) => Number(x.trim()));
  if (list.length === 0 || list.some((x) => !Number.isInteger(x) || x <= 0)) {
    console.error(`bench: --${name} takes positive integers separated by commas, not ${JSON.stringify(text)}.`);
    process.exit(2);
  }
  return list;
};
const QUICK = args.quick;
const STACKS = args.stacks === undefined ? undefined : integers("stacks", args.stacks);
const SIZES = integers("n", args.n ?? (STACKS ? "60" : QUICK ? "10,100" : "10,100,1000"));
const RATE = integers("rate", args.rate)[0];
const [LAT_MIN, LAT_MAX] = args.latency.split("-").map(Number);
if (!(LAT_MIN >= 0 && LAT_MAX >= LAT_MIN)) {
  console.error(`bench: --latency takes MIN-MAX milliseconds, such as 20-60, not ${JSON.stringify(args.latency)}.`);
  process.exit(2);
}
const VARIANTS = args.variants.split(",");
if (VARIANTS.some((v) => !["ours", "naive", "floor"].includes(v))) {
  console.error(`bench: --variants takes a list of ours, naive, floor, not ${JSON.stringify(args.variants)}.`);
  process.exit(2);
}
const OUT = resolve(args.out);
const KEEP = args.keep;
const CHECKPOINTS = args.checkpoints;
const UPDATE = args.update;
const KNOWN_OPS = ["create", "noop", "update", "refresh", "refresh32", "destroy"];
const OPS = (args.ops ?? KNOWN_OPS.join(",")).split(",");
if (OPS.some((o) => !KNOWN_OPS.includes(o))) {
  console.error(`bench: --ops takes a list of ${KNOWN_OPS.join(", ")}; create always runs.`);
  process.exit(2);
}
if (!["one", "all"].includes(UPDATE)) {
  console.error(`bench: --update must be "one" or "all", not ${JSON.stringify(UPDATE)}.`);
  process.exit(2);
}
if (STACKS && SIZES.length !== 1 && SIZES.length !== STACKS.length) {
  console.error("bench: with --stacks, --n takes one size for every K, or one size per K (--stacks 1,4 --n 1000,250).");
  process.exit(2);
}
/** The naive baseline lives in the bench, not in the package: a preload that swaps the client class. */
const NAIVE_PRELOAD = `--require ${join(HERE, "naive-client.cjs")}`;

if (!existsSync(join(ROOT, "dist/provider/dynamic/handlers.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first.");
  process.exit(1);
}
const { startEmulator } = require(join(ROOT, "dist/emulator/index.js"));
const PULUMI_BIN = execFileSync(join(ROOT, "scripts/pulumi-cli.sh"), { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
const TMP = join(HERE, "tmp", `run-${process.pid}`);

const log = (...a) => console.error(`[bench ${((performance.now() - T0) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const T0 = performance.now();

// ---------------------------------------------------------------- /proc sampling
function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

/** Peak RSS (VmHWM, KB) of `root` and of its descendants, by role, sampled every 100 ms. */
function memorySampler(rootPid) {
  const peak = { pulumi: 0, provider: 0, program: 0 };
  const sample = () => {
    const children = new Map();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readProc(name, "stat");
      if (!stat) continue;
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    }
    const todo = [rootPid];
    while (todo.length) {
      const pid = todo.pop();
      for (const c of children.get(pid) ?? []) todo.push(c);
      const status = readProc(pid, "status");
      if (!status) continue;
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const cmd = (readProc(pid, "cmdline") ?? "").replace(/\0/g, " ");
      const role = pid === rootPid ? "pulumi" : cmd.includes("dynamic-provider") ? "provider" : cmd.includes("node") ? "program" : undefined;
      if (role) peak[role] = Math.max(peak[role], hwm);
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      return { pulumiMB: round(peak.pulumi / 1024, 0), providerMB: round(peak.provider / 1024, 0), programMB: round(peak.program / 1024, 0) };
    },
  };
}

// ---------------------------------------------------------------- pulumi commands
class Project {
  constructor(name, emulator, env) {
    this.root = join(TMP, name);
    this.dir = join(this.root, "project");
    this.home = join(this.root, "home");
    this.backend = join(this.root, "state");
    this.emulator = emulator;
    this.extraEnv = env;
    cpSync(join(HERE, "program"), this.dir, { recursive: true, filter: (src) => !/Pulumi\.[^/]+\.yaml$/.test(src) || src.endsWith("Pulumi.yaml") });
    symlinkSync(join(ROOT, "node_modules"), join(this.dir, "node_modules"), "dir");
    for (const d of [this.home, this.backend]) mkdirSync(d, { recursive: true });
  }

  env() {
    return {
      ...process.env,
      PATH: `${PULUMI_BIN}:${process.env.PATH}`,
      PULUMI_HOME: this.home,
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "bench",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      EOSVOLT_TOKEN: TOKEN,
      PULUMI_SKIP_CHECKPOINTS: CHECKPOINTS ? "" : "true",
      ...this.extraEnv,
    };
  }

  /** Runs `pulumi args…`; resolves with exit code, output, wall time and peak memory. */
  run(args, { sample = false } = {}) {
    return new Promise((done) => {
      const started = performance.now();
      const startedAt = Date.now();
      const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: this.dir, env: this.env(), stdio: ["ignore", "pipe", "pipe"] });
      const sampler = sample ? memorySampler(child.pid) : undefined;
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => {
        const wallMs = performance.now() - started;
        done({ code: code ?? 1, stdout, stderr, wallMs, startedAt, memory: sampler?.stop() });
      });
    });
  }

  async must(args) {
    const r = await this.run(args);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  /** The file backend's checkpoint of the stack (what the engine rewrites after every step). */
  checkpoint() {
    const found = [];
    const walk = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\/stacks\/.*\.json$/.test(p) && !p.includes(".bak") && !p.includes("/history/")) found.push(p);
      }
    };
    walk(this.backend);
    return found.length ? readFileSync(found[0], "utf8") : undefined;
  }
}

// ---------------------------------------------------------------- emulator helpers
async function api(emulator, method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 429 && attempt < 10) {
      await res.text();
      await sleep(1000);
      continue;
    }
    return answer(res, method, path);
  }
}

async function answer(res, method, path) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, d = 2) => (x === undefined || x === null || Number.isNaN(x) ? x : Math.round(x * 10 ** d) / 10 ** d);

/** The program's own field values for one charger (as index.js writes them), for the state overhead. */
function userArgs(i, maxPowerW = 22000) {
  const n = String(i + 1).padStart(5, "0");
  return {
    ocppIdentity: `BENCH-${n}`,
    ocppVersion: "OCPP201",
    maxPowerW,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
  };
}

function stateFigures(text, n, locationId) {
  if (!text) return undefined;
  const deployment = JSON.parse(text).checkpoint?.latest ?? JSON.parse(text).deployment ?? {};
  const chargers = (deployment.resources ?? []).filter((r) => String(r.type).endsWith(":Charger"));
  if (chargers.length === 0) return undefined;
  const compact = chargers.map((r) => JSON.stringify(r).length);
  const user = chargers.map((_, i) => JSON.stringify({ locationId, ...userArgs(i) }).length);
  const provider = chargers.map((r) => JSON.stringify(r.inputs?.__provider ?? "").length + JSON.stringify(r.outputs?.__provider ?? "").length);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    fileBytes: text.length,
    fileBytesPerResource: Math.round(text.length / n),
    resourceBytes: Math.round(avg(compact)),
    userValueBytes: Math.round(avg(user)),
    overheadBytes: Math.round(avg(compact) - avg(user)),
    // The same with the user's values not counted in the outputs either (the API echoes them there).
    overheadExclEchoBytes: Math.round(avg(compact) - 2 * avg(user)),
    providerBytes: Math.round(avg(provider)),
    sample: chargers[0],
  };
}

// ---------------------------------------------------------------- one variant at one N
function opFigures(name, r, emulator, n, minRequests, limited) {
  const stats = emulator.stats();
  const times = emulator.requests().map((e) => Date.parse(e.at));
  const out = {
    op: name,
    ok: r.code === 0,
    wallS: round(r.wallMs / 1000, 1),
    requests: stats.total,
    requestsPerResource: round(stats.total / n, 3),
    status429: stats.byStatus["429"] ?? 0,
    share429: stats.total ? round((stats.byStatus["429"] ?? 0) / stats.total, 4) : 0,
    limitS: limited ? round(minRequests / RATE, 1) : 0,
    // From the command's start to its first request, and from first to last request.
    firstRequestS: times.length ? round((Math.min(...times) - r.startedAt) / 1000, 1) : undefined,
    requestSpanS: times.length ? round((Math.max(...times) - Math.min(...times)) / 1000, 1) : undefined,
    memory: r.memory,
  };
  if (!out.ok) out.error = (r.stdout + r.stderr).split("\n").filter((l) => /error|failed/i.test(l)).slice(0, 5).join("\n");
  return out;
}

async function runVariant(variant, n) {
  const limited = variant !== "floor";
  const emulator = await startEmulator({ port: 0, ...(limited ? { rateLimit: RATE, latencyMs: [LAT_MIN, LAT_MAX] } : { rateLimit: 0 }) });
  const project = new Project(`${variant}-${n}`, emulator, variant === "naive" ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${NAIVE_PRELOAD}`.trim() } : {});
  const result = { variant, n, ops: [], drift: [] };
  try {
    const location = (
      await api(emulator, "POST", "/v1/locations", {
        name: "Bench depot",
        accessType: "PRIVATE",
        address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
        coordinates: { latitude: "52.37403", longitude: "4.88969" },
        timeZone: "Europe/Amsterdam",
      })
    ).data;
    await project.must(["stack", "init", "bench"]);
    // Stack config written directly (one CLI start saved per key); the token comes from
    // EOSVOLT_TOKEN (the provider's documented fallback), so it is not in the file.
    const writeConfig = (edited) =>
      writeFileSync(
        join(project.dir, "Pulumi.bench.yaml"),
        `config:\n  eosvolt:baseUrl: ${emulator.url}\n  eosvolt-bench:count: "${n}"\n  eosvolt-bench:locationId: ${location.id}\n` +
          (edited ? `  eosvolt-bench:${UPDATE === "all" ? "maxPowerW" : "firstMaxPowerW"}: "11000"\n` : ""),
      );
    writeConfig(false);

    let lastRequests = 1;
    const op = async (name, args, minRequests) => {
      // Let the emulator's bucket refill after the previous command, so every command starts
      // from a full bucket as a fresh `pulumi up` would.
      if (limited && lastRequests > 0) await sleep(Math.min(1000, (lastRequests / RATE) * 1000) + 50);
      emulator.clearRequests();
      const r = await project.run(args, { sample: true });
      const figures = opFigures(name, r, emulator, n, minRequests, limited);
      result.ops.push(figures);
      lastRequests = figures.requests;
      log(`${variant} N=${n} ${name}: ${figures.wallS}s (first request at ${figures.firstRequestS}s, span ${figures.requestSpanS}s), ${figures.requests} requests, ${figures.status429} × 429${figures.ok ? "" : " FAILED"}`);
      return figures;
    };

    const chargerIds = async () => {
      const ids = [];
      for (let page = 1; ; page++) {
        const body = await api(emulator, "GET", `/v1/chargers?limit=100&page=${page}&sort=createdAt`);
        ids.push(...body.data.map((c) => c.id));
        if (!body.pagination?.hasMore) break;
      }
      return ids;
    };

    /** Renames `k` chargers out of band, refreshes, and checks that the state shows each new name. */
    const driftAndRefresh = async (name, args, round) => {
      const ids = await chargerIds();
      const k = Math.max(2, Math.round(n / 50));
      const step = Math.max(1, Math.floor(ids.length / k));
      const changed = new Map();
      for (let i = 0; i < k && i * step < ids.length; i++) {
        const id = ids[i * step];
        const newName = `drift-${round}-${id}`;
        await api(emulator, "PATCH", `/v1/chargers/${encodeURIComponent(id)}`, { name: newName });
        changed.set(id, newName);
      }
      lastRequests += changed.size + ids.length / 100;
      const figures = await op(name, args, Math.ceil(n / 100));
      const state = JSON.parse((await project.must(["stack", "export"])).stdout).deployment.resources ?? [];
      const byId = new Map(state.filter((r) => String(r.type).endsWith(":Charger")).map((r) => [r.id, r]));
      let seen = 0;
      for (const [id, newName] of changed) if (byId.get(id)?.outputs?.name === newName) seen += 1;

      figures.drifted = changed.size;
      figures.driftReported = seen;
      result.drift.push({ op: name, drifted: changed.size, reported: seen });
      log(`${variant} N=${n} ${name}: drift ${seen}/${changed.size} reported`);
    };

    await op("create", ["up", "--yes", "--skip-preview"], n);
    result.state = stateFigures(project.checkpoint(), n, location.id);
    if (OPS.includes("noop")) await op("noop", ["up", "--yes", "--skip-preview"], 0);
    if (OPS.includes("update")) {
      writeConfig(true);
      await op("update", ["up", "--yes", "--skip-preview"], UPDATE === "all" ? n : 1);
    }
    if (OPS.includes("refresh")) await driftAndRefresh("refresh", ["refresh", "--yes", "--skip-preview"], 1);
    if (OPS.includes("refresh32") && variant === "ours") await driftAndRefresh("refresh32", ["refresh", "--yes", "--skip-preview", "--parallel", "32"], 2);
    if (OPS.includes("destroy")) await op("destroy", ["destroy", "--yes", "--skip-preview"], n);
  } catch (error) {
    result.error = String(error?.stack ?? error);
    log(`${variant} N=${n} aborted: ${result.error.split("\n")[0]}`);
  } finally {
    await emulator.close();
    if (!KEEP) rmSync(project.root, { recursive: true, force: true });
  }
  return result;
}

// ---------------------------------------------------------------- provider cold start
/**
 * Process start → first Check answered, the way the engine starts the provider: spawn
 * the CLI's `pulumi-resource-pulumi-nodejs` launcher (a shell script that runs
 * `node @pulumi/pulumi/cmd/dynamic-provider`) in the program's folder, read the port it
 * prints, then send Configure and a Check of one charger over gRPC. Median of 5. Also:
 * the part that is this package's (`require("pulumi-eosvolt/dynamic")` + configure +
 * first check, in a fresh process that has already loaded the SDK's provider server).
 */
async function coldStart() {
  const grpc = require("@grpc/grpc-js");
  const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
  const provproto = require("@pulumi/pulumi/proto/provider_pb");
  const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
  const dir = join(TMP, "coldstart");
  mkdirSync(dir, { recursive: true });
  cpSync(join(HERE, "program"), dir, { recursive: true });
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const news = {
    __provider: `exports.handler=function(){return require("pulumi-eosvolt/dynamic").Charger};`,
    locationId: "1",
    ...userArgs(0),
  };
  const once = () =>
    new Promise((done, fail) => {
      const started = performance.now();
      const child = spawn(join(PULUMI_BIN, "pulumi-resource-pulumi-nodejs"), ["127.0.0.1:1"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], detached: true });
      // The launcher is a shell script that runs node as its child: end the whole process group.
      const end = () => {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {}
      };
      let out = "";
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.stdout.on("data", (d) => {
        out += d;
        const m = /^(\d+)\s*$/m.exec(out);
        if (!m || child.listening) return;
        child.listening = true;
        const listeningMs = performance.now() - started;
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${m[1]}`, grpc.credentials.createInsecure());
        const configure = new provproto.ConfigureRequest();
        configure.setArgs(Struct.fromJavaScript({ "eosvolt:baseUrl": "http://127.0.0.1:1", "eosvolt:token": TOKEN }));
        client.configure(configure, (e1) => {
          if (e1) {
            end();
            return fail(e1);
          }
          const check = new provproto.CheckRequest();
          check.setUrn("urn:pulumi:bench::eosvolt-bench::pulumi-nodejs:dynamic/eosvolt:Charger::c00001");
          check.setOlds(Struct.fromJavaScript({}));
          check.setNews(Struct.fromJavaScript(news));
          client.check(check, (e2, resp) => {
            const totalMs = performance.now() - started;
            client.close();
            end();
            if (e2) return fail(e2);
            const failures = resp.getFailuresList().length;
            done({ totalMs, listeningMs, failures });
          });
        });
      });
      child.on("close", (code) => {
        if (!child.listening) fail(new Error(`provider exited ${code}: ${err}`));
      });
    });
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await once());
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  // This package's own share, in a fresh node that has loaded the SDK's provider server modules.
  const script = `
    require("@pulumi/pulumi/runtime"); require("@grpc/grpc-js"); require("@pulumi/pulumi/proto/provider_grpc_pb");
    const t = performance.now();
    const p = require("pulumi-eosvolt/dynamic").Charger;
    const loaded = performance.now();
    p.configure({ config: new Map([["eosvolt:token", "x"]]) }).then(() => p.check({}, ${JSON.stringify(news)})).then((r) => {
      const done = performance.now();
      if (r.failures && r.failures.length) throw new Error(JSON.stringify(r.failures));
      console.log(JSON.stringify({ requireMs: loaded - t, firstCheckMs: done - loaded }));
    });`;
  const own = [];
  for (let i = 0; i < 5; i++) own.push(JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" })));
  const nodeOnly = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ["-e", "0"]);
    nodeOnly.push(performance.now() - t);
  }
  return {
    method:
      "spawn of the CLI's pulumi-resource-pulumi-nodejs launcher → port printed → Configure → first Check answered (gRPC), median of 5",
    totalMs: round(median(runs.map((r) => r.totalMs)), 0),
    sdkServerListeningMs: round(median(runs.map((r) => r.listeningMs)), 0),
    bareNodeMs: round(median(nodeOnly), 0),
    ownRequireMs: round(median(own.map((r) => r.requireMs)), 0),
    ownFirstCheckMs: round(median(own.map((r) => r.firstCheckMs)), 0),
    checkFailures: runs[0].failures,
  };
}

// ---------------------------------------------------------------- table
function table(results, cold) {
  const lines = [];
  const head = ["N", "op", "ours s", "limit s", "floor s", "naive s", "req", "req/res", "429", "naive req", "naive 429", "drift", "pulumi MB", "prov MB"];
  const rows = [head];
  for (const n of SIZES) {
    const get = (v) => results.find((r) => r.variant === v && r.n === n);
    const ours = get("ours");
    const naive = get("naive");
    const floor = get("floor");
    for (const name of KNOWN_OPS) {
      const o = ours?.ops.find((x) => x.op === name);
      const nv = naive?.ops.find((x) => x.op === name);
      const f = floor?.ops.find((x) => x.op === name);
      if (!o && !nv && !f) continue;
      const s = (x) => (x === undefined ? "-" : String(x));
      rows.push([
        String(n),
        name + (o && !o.ok ? " FAIL" : ""),
        s(o?.wallS),
        s(o?.limitS),
        s(f?.wallS),
        nv ? `${nv.wallS}${nv.ok ? "" : " FAIL"}` : "-",
        s(o?.requests),
        s(o?.requestsPerResource),
        s(o?.status429),
        s(nv?.requests),
        s(nv?.status429),
        o?.drifted !== undefined ? `${o.driftReported}/${o.drifted}` : "",
        s(o?.memory?.pulumiMB),
        s(o?.memory?.providerMB),
      ]);
    }
  }
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const fmt = (r) => "| " + r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  lines.push(fmt(rows[0]));
  lines.push("|" + widths.map((w, i) => (i < 2 ? ":" + "-".repeat(w + 1) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const r of rows.slice(1)) lines.push(fmt(r));
  lines.push("");
  const st = ["| N | state B/res (file) | resource B | user values B | overhead B | overhead excl. echo B | __provider B |", "|---:|---:|---:|---:|---:|---:|---:|"];
  for (const n of SIZES) {
    const g = (v) => results.find((r) => r.variant === v && r.n === n)?.state;
    const o = g("ours");
    if (!o) continue;
    st.push(`| ${n} | ${o.fileBytesPerResource} | ${o.resourceBytes} | ${o.userValueBytes} | ${o.overheadBytes} | ${o.overheadExclEchoBytes} | ${o.providerBytes} |`);
  }
  lines.push(...st, "");
  if (cold) {
    lines.push(
      `Provider cold start (launcher spawn → first Check answered): ${cold.totalMs} ms median ` +
        `(SDK server listening after ${cold.sdkServerListeningMs} ms; bare \`node -e 0\` ${cold.bareNodeMs} ms; ` +
        `this package's share: require ${cold.ownRequireMs} ms + first check ${cold.ownFirstCheckMs} ms).`,
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------- goals
function goals(results, cold) {
  // The create and refresh goals are stated for 1000 objects; a --quick run reports the rest.
  const big = 1000;
  const get = (v, op) => results.find((r) => r.variant === v && r.n === big)?.ops.find((o) => o.op === op);
  const create = get("ours", "create");
  const noops = results.filter((r) => r.variant === "ours").map((r) => r.ops.find((o) => o.op === "noop")).filter(Boolean);
  const refresh = get("ours", "refresh");
  const states = results.filter((r) => r.variant === "ours" && r.state).map((r) => r.state.overheadBytes);
  const g = [];
  if (create) {
    const bound = round(1.15 * (big / RATE), 1);
    g.push({ goal: `up creating ${big} under ${RATE} req/s: wall ≤ 1.15 × ${big}/${RATE} = ${bound} s, no failure, < 2% 429`, value: `${create.wallS} s, ${create.ok ? "ok" : "FAILED"}, ${round(create.share429 * 100, 2)}% 429`, met: create.ok && create.wallS <= bound && create.share429 < 0.02 });
  }
  if (noops.length) g.push({ goal: "no-op up: 0 requests", value: noops.map((o) => o.requests).join(", "), met: noops.every((o) => o.ok && o.requests === 0) });
  if (refresh) {
    g.push({ goal: `refresh of ${big} at default parallelism: ≤ 0.1 req/resource, every drift reported`, value: `${refresh.requestsPerResource} req/res, drift ${refresh.driftReported}/${refresh.drifted}`, met: refresh.ok && refresh.requestsPerResource <= 0.1 && refresh.driftReported === refresh.drifted });
  }
  if (states.length) g.push({ goal: "state ≤ 1536 B per resource beyond the user's field values", value: `${Math.max(...states)} B (${Math.max(...results.filter((r) => r.variant === "ours" && r.state).map((r) => r.state.overheadExclEchoBytes))} B not counting the API's echo of the user's values in the outputs)`, met: Math.max(...states) <= 1536 });
  if (cold) g.push({ goal: "provider cold start < 300 ms", value: `${cold.totalMs} ms (this package: ${cold.ownRequireMs + cold.ownFirstCheckMs} ms)`, met: cold.totalMs < 300 });
  return g;
}

// ---------------------------------------------------------------- many stacks, one token
/** Stack config of one `--stacks` stack: N chargers at a location of its own, identities apart. */
function writeStackConfig(project, emulator, n, prefix) {
  writeFileSync(
    join(project.dir, "Pulumi.bench.yaml"),
    `config:\n  eosvolt:baseUrl: ${emulator.url}\n  eosvolt-bench:count: "${n}"\n  eosvolt-bench:ownLocation: "true"\n  eosvolt-bench:prefix: ${prefix}\n`,
  );
}

async function countObjects(emulator) {
  let chargers = 0;
  let locations = 0;
  for (const [path, add] of [
    ["/v1/chargers", (k) => (chargers += k)],
    ["/v1/locations", (k) => (locations += k)],
  ]) {
    for (let page = 1; ; page++) {
      const body = await api(emulator, "GET", `${path}?limit=100&page=${page}`);
      add(body.data.length);
      if (!body.pagination?.hasMore) break;
    }
  }
  return { chargers, locations };
}

/** One stack of N alone, with no rate limit and no latency: the engine's floor for the run. */
async function stackFloor(n) {
  const emulator = await startEmulator({ port: 0, rateLimit: 0 });
  const project = new Project(`floor-${n}`, emulator, {});
  try {
    await project.must(["stack", "init", "bench"]);
    writeStackConfig(project, emulator, n, "F-");
    const r = await project.run(["up", "--yes", "--skip-preview"]);
    if (r.code !== 0) throw new Error(`floor stack failed:\n${r.stdout}\n${r.stderr}`);
    return round(r.wallMs / 1000, 1);
  } finally {
    await emulator.close();
    if (!KEEP) rmSync(project.root, { recursive: true, force: true });
  }
}

/**
 * K stacks of N (plus their location), started together on one token against one emulator
 * at RATE (`limited`), or with no rate limit and no latency (the engine floor of K parallel
 * `pulumi up` on this machine).
 */
async function runStacks(k, n, floorS, limited = true) {
  const emulator = await startEmulator({ port: 0, ...(limited ? { rateLimit: RATE, latencyMs: [LAT_MIN, LAT_MAX] } : { rateLimit: 0 }) });
  const projects = [];
  try {
    for (let i = 0; i < k; i++) {
      const project = new Project(`stacks-${k}x${n}-${i + 1}${limited ? "" : "-floor"}`, emulator, {});
      await project.must(["stack", "init", "bench"]);
      writeStackConfig(project, emulator, n, `S${i + 1}-`);
      projects.push(project);
    }
    // A fresh bucket, as for parallel CI jobs that start on a quiet token.
    await sleep(1100);
    emulator.clearRequests();
    const started = performance.now();
    const runs = await Promise.all(projects.map((p) => p.run(["up", "--yes", "--skip-preview"])));
    const wallS = round((performance.now() - started) / 1000, 1);
    const stats = emulator.stats();
    const status429 = stats.byStatus["429"] ?? 0;
    const processed = stats.total - status429;
    if (process.env.BENCH_TIMELINE) {
      const t0 = Math.min(...emulator.requests().map((e) => Date.parse(e.at)));
      const bins = new Map();
      for (const e of emulator.requests()) {
        const b = Math.floor((Date.parse(e.at) - t0) / 500);
        const x = bins.get(b) ?? [0, 0];
        x[e.status === 429 ? 1 : 0] += 1;
        bins.set(b, x);
      }
      log([...bins.entries()].sort((a, b) => a[0] - b[0]).map(([b, [ok, r]]) => `${b / 2}s:${ok}/${r}`).join(" "));
    }
    const objects = await countObjects(emulator);
    const stacks = runs.map((r, i) => {
      const out = { stack: i + 1, ok: r.code === 0, wallS: round(r.wallMs / 1000, 1) };
      if (!out.ok) out.error = (r.stdout + r.stderr).split("\n").filter((l) => /error|failed/i.test(l)).slice(0, 3).join("\n");
      return out;
    });
    const walls = stacks.map((x) => x.wallS);
    const limitS = round(processed / RATE, 1);
    const times = emulator.requests().map((e) => Date.parse(e.at));
    const startedAt = Date.now() - (performance.now() - started);
    const result = {
      when: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version, loadAverage: (await import("node:os")).loadavg().map((x) => round(x, 2)) },
      settings: { stacks: k, n, rateLimit: RATE, latencyMs: [LAT_MIN, LAT_MAX], checkpoints: CHECKPOINTS },
      wallS,
      requests: stats.total,
      processed,
      status429,
      share429: stats.total ? round(status429 / stats.total, 4) : 0,
      failedStacks: stacks.filter((x) => !x.ok).length,
      objects: { declared: { chargers: k * n, locations: k }, made: objects },
      fairness: round(Math.max(...walls) / Math.min(...walls), 2),
      limitS,
      floorS,
      // From the common start to the first request, and from the first request to the last:
      // the span is what the rate limit governs; the rest is the engines' own time.
      firstRequestS: round((Math.min(...times) - startedAt) / 1000, 1),
      requestSpanS: round((Math.max(...times) - Math.min(...times)) / 1000, 1),
      stacks,
    };
    if (!limited) return result;
    log(
      `${k} stacks × ${n}: wall ${wallS} s (limit ${limitS} s, floor ${floorS} s; requests from ${result.firstRequestS} s, ` +
        `spanning ${result.requestSpanS} s), ${stats.total} requests, ${status429} × 429 ` +
        `(${round(result.share429 * 100, 1)} %), ${result.failedStacks} failed, fairness ${result.fairness}, ` +
        `chargers ${objects.chargers}/${k * n}, locations ${objects.locations}/${k}`,
    );
    return result;
  } finally {
    await emulator.close();
    if (!KEEP) for (const p of projects) rmSync(p.root, { recursive: true, force: true });
  }
}

/** The goals of the many-stacks run (issue: K = 4 and 8 stacks × 60 at R = 20). */
function stackGoals(r) {
  const max429 = r.settings.stacks >= 8 ? 0.04 : 0.02;
  const bound = round(1.25 * r.limitS + r.floorS, 1);
  return [
    { goal: `${r.settings.stacks} stacks × ${r.settings.n}: 0 failed stacks, every object made`, value: `${r.failedStacks} failed, chargers ${r.objects.made.chargers}/${r.objects.declared.chargers}`, met: r.failedStacks === 0 && r.objects.made.chargers === r.objects.declared.chargers && r.objects.made.locations === r.objects.declared.locations },
    { goal: `${r.settings.stacks} stacks: < ${max429 * 100} % of requests answered 429`, value: `${round(r.share429 * 100, 2)} % (${r.status429} of ${r.requests})`, met: r.share429 < max429 },
    { goal: `${r.settings.stacks} stacks: wall ≤ 1.25 × ${r.limitS} s + floor ${r.floorS} s = ${bound} s`, value: `${r.wallS} s`, met: r.wallS <= bound },
    { goal: `${r.settings.stacks} stacks: slowest stack ≤ 1.5 × fastest`, value: `${r.fairness} ×`, met: r.fairness <= 1.5 },
    // Not a goal of its own: the part the rate limit governs, first request to last, against the limit.
    { goal: `${r.settings.stacks} stacks: requests span ≤ 1.25 × ${r.limitS} s (the wall less the engines' own time)`, value: `${r.requestSpanS} s`, met: r.requestSpanS <= 1.25 * r.limitS, informational: true },
  ];
}

function stacksTable(runs) {
  const rows = [
    "| stacks × N | failed | chargers made | requests | 429 | wall s | limit s | floor s | K in parallel, no limit s | request span s | fairness |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of runs) {
    rows.push(
      `| ${r.settings.stacks} × ${r.settings.n} | ${r.failedStacks} | ${r.objects.made.chargers} / ${r.objects.declared.chargers} | ${r.requests} | ` +
        `${r.status429} (${round(r.share429 * 100, 1)} %) | ${r.wallS} | ${r.limitS} | ${r.floorS} | ${r.parallelFloorS ?? "-"} | ${r.requestSpanS} | ${r.fairness} |`,
    );
  }
  return rows.join("\n");
}

/** Reads the results file when there is one (entries of other runs are kept). */
function previousResults() {
  try {
    return JSON.parse(readFileSync(OUT, "utf8"));
  } catch {
    return {};
  }
}

async function mainStacks() {
  log(`stacks ${STACKS.join(", ")} × N ${SIZES.join(", ")}; rate limit ${RATE} req/s; latency ${LAT_MIN}-${LAT_MAX} ms; engine checkpoints ${CHECKPOINTS ? "on" : "off"}; CLI ${PULUMI_BIN}`);
  const floors = new Map();
  const runs = [];
  for (let i = 0; i < STACKS.length; i++) {
    const k = STACKS[i];
    const n = SIZES.length === 1 ? SIZES[0] : SIZES[i];
    if (!floors.has(n)) {
      floors.set(n, await stackFloor(n));
      log(`engine floor of one stack of ${n}: ${floors.get(n)} s`);
    }
    const parallelFloor = k > 1 ? await runStacks(k, n, floors.get(n), false) : undefined;
    const r = await runStacks(k, n, floors.get(n));
    // The same K stacks in parallel with no rate limit: what K engines at once cost on this machine.
    if (parallelFloor) r.parallelFloorS = parallelFloor.wallS;
    r.goals = stackGoals(r);
    runs.push(r);
  }
  const report = previousResults();
  const same = (a, b) => JSON.stringify(a.settings) === JSON.stringify(b.settings);
  report.stacksRuns = [...(report.stacksRuns ?? []).filter((old) => !runs.some((r) => same(old, r))), ...runs];
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
  console.log(stacksTable(runs));
  console.log("");
  for (const r of runs) for (const x of r.goals) console.log(`${x.met ? "MET " : "MISS"}  ${x.goal}: ${x.value}`);
  console.log(`\n${round((performance.now() - T0) / 1000, 0)} s in all (load average ${(await import("node:os")).loadavg().map((x) => round(x, 2)).join(", ")}); results in ${OUT}`);
  if (!KEEP) rmSync(TMP, { recursive: true, force: true });
}

// ---------------------------------------------------------------- main
async function main() {
  mkdirSync(TMP, { recursive: true });
  if (STACKS) return mainStacks();
  log(`N = ${SIZES.join(", ")}; rate limit ${RATE} req/s; latency ${LAT_MIN}-${LAT_MAX} ms; variants ${VARIANTS.join(", ")}; update ${UPDATE}; engine checkpoints ${CHECKPOINTS ? "on" : "off"}; CLI ${PULUMI_BIN}`);
  const cold = await coldStart().catch((e) => {
    log(`cold start measurement failed: ${e}`);
    return undefined;
  });
  if (cold) log(`provider cold start ${cold.totalMs} ms`);
  const results = [];
  for (const n of SIZES) for (const v of VARIANTS) results.push(await runVariant(v, n));
  const summary = table(results, cold);
  const goalList = goals(results, cold);
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    settings: { sizes: SIZES, rateLimit: RATE, latencyMs: [LAT_MIN, LAT_MAX], variants: VARIANTS, quick: QUICK, update: UPDATE, checkpoints: CHECKPOINTS, ops: OPS },
    totalSeconds: round((performance.now() - T0) / 1000, 0),
    coldStart: cold,
    goals: goalList,
    results,
    table: summary,
    // The many-stacks runs (`--stacks`) are kept from the previous file.
    ...(previousResults().stacksRuns ? { stacksRuns: previousResults().stacksRuns } : {}),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
  console.log(summary);
  console.log("");
  for (const x of goalList) console.log(`${x.met ? "MET " : "MISS"}  ${x.goal}: ${x.value}`);
  if (!SIZES.includes(1000)) console.log("(the create and refresh goals are stated for N = 1000: run without --quick)");
  console.log(`\n${report.totalSeconds} s in all; results in ${OUT}`);
  if (!KEEP) rmSync(TMP, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
