/**
 * The plugin against the dynamic resources, side by side in one run (issue 26):
 *
 *   node bench/plugin.mjs [--n 1000] [--rate 20] [--latency 20-60] [--out bench/plugin-results.json] [--keep]
 *   npm run bench -- --plugin [same flags]
 *
 * - cold start: spawn → port printed → Configure → first Check of a charger answered (gRPC),
 *   median of 5: the CLI's `pulumi-resource-pulumi-nodejs` launcher (dynamic) against
 *   `bin/pulumi-resource-eosvolt` (plugin); goal for the plugin < 300 ms;
 * - N charger creates (`pulumi up --yes --skip-preview`) against an emulator at R requests/s
 *   with latency, checkpoints off (PULUMI_SKIP_CHECKPOINTS=true) and on, each in a fresh
 *   project and emulator: bench/program (dynamic) and bench/plugin-program (plugin);
 * - state bytes per charger (the checkpoint after the create), and a no-op `up`.
 *
 * Needs `npm run build` and the CLI (scripts/pulumi-cli.sh); run it through
 * `node scripts/toolchain.mjs run --` for the leg's Node.js.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { firstCheck } from "./lib/first-check.mjs";

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const TOKEN = "dev-token";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--plugin"),
  strict: true,
  options: {
    n: { type: "string", default: "1000" },
    rate: { type: "string", default: "20" },
    latency: { type: "string", default: "20-60" },
    out: { type: "string", default: join(HERE, "plugin-results.json") },
    keep: { type: "boolean", default: false },
  },
});
const N = Number(args.n);
const RATE = Number(args.rate);
const [LAT_MIN, LAT_MAX] = args.latency.split("-").map(Number);
if (!(N > 0) || !(RATE >= 0) || !(LAT_MAX >= LAT_MIN)) {
  console.error("bench/plugin: --n and --rate take numbers, --latency MIN-MAX milliseconds");
  process.exit(2);
}
if (!existsSync(join(ROOT, "dist/provider/native/main.js"))) {
  console.error("bench/plugin: dist/ is missing; run `npm run build` first.");
  process.exit(1);
}
const { startEmulator } = require(join(ROOT, "dist/emulator/index.js"));
const PULUMI_BIN = execFileSync(join(ROOT, "scripts/pulumi-cli.sh"), { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
const TMP = join(HERE, "tmp", `plugin-${process.pid}`);
const T0 = performance.now();
const log = (...a) => console.error(`[bench/plugin ${((performance.now() - T0) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const VARIANTS = {
  dynamic: { program: "program", token: "pulumi-nodejs:dynamic/eosvolt:Charger", launcher: () => join(PULUMI_BIN, "pulumi-resource-pulumi-nodejs") },
  plugin: { program: "plugin-program", token: "eosvolt:index:Charger", launcher: () => join(ROOT, "bin/pulumi-resource-eosvolt") },
};

const charger = (i) => ({
  locationId: "loc_1",
  ocppIdentity: `BENCH-${String(i + 1).padStart(5, "0")}`,
  ocppVersion: "OCPP201",
  maxPowerW: 22000,
  evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
});

/** A project folder of a variant's program, with the repository's node_modules. */
function projectDir(name, variant) {
  const dir = join(TMP, name, "project");
  mkdirSync(dir, { recursive: true });
  cpSync(join(HERE, VARIANTS[variant].program), dir, { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

// ---------------------------------------------------------------- cold start
async function coldStart(variant) {
  const dir = projectDir(`cold-${variant}`, variant);
  const news =
    variant === "dynamic" ? { __provider: `exports.handler=()=>require("pulumi-eosvolt/dynamic").Charger`, ...charger(0) } : charger(0);
  const configArgs = variant === "dynamic" ? { "eosvolt:baseUrl": "http://127.0.0.1:1", "eosvolt:token": TOKEN } : { baseUrl: "http://127.0.0.1:1", token: TOKEN };
  const once = async () => {
    const run = await firstCheck({ launcher: VARIANTS[variant].launcher(), cwd: dir, configArgs, urn: `urn:pulumi:bench::eosvolt-bench::${VARIANTS[variant].token}::c00001`, news });
    if (run.failures.length) throw new Error(`check failed: ${run.failures}`);
    return run;
  };
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await once());
  return { totalMs: round(median(runs.map((r) => r.totalMs))), listeningMs: round(median(runs.map((r) => r.listeningMs))) };
}

// ---------------------------------------------------------------- engine runs
function pulumi(dir, home, backend, checkpoints, cmd) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn("pulumi", [...cmd, "--non-interactive"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PATH: `${PULUMI_BIN}:${process.env.PATH}`,
        PULUMI_HOME: home,
        PULUMI_BACKEND_URL: `file://${backend}`,
        PULUMI_CONFIG_PASSPHRASE: "bench",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        EOSVOLT_TOKEN: TOKEN,
        PULUMI_SKIP_CHECKPOINTS: checkpoints ? "" : "true",
      },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => done({ code, output, wallS: round((performance.now() - started) / 1000, 1) }));
  });
}

function checkpointText(backend) {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\/stacks\/.*\.json$/.test(p) && !p.includes(".bak") && !p.includes("/history/")) found.push(p);
    }
  };
  walk(backend);
  return found.length ? readFileSync(found[0], "utf8") : undefined;
}

async function engineRun(variant, checkpoints) {
  const name = `${variant}-${checkpoints ? "checkpoints" : "nocheckpoints"}`;
  const emulator = await startEmulator({ port: 0, rateLimit: RATE, latencyMs: [LAT_MIN, LAT_MAX] });
  const dir = projectDir(name, variant);
  const home = join(TMP, name, "home");
  const backend = join(TMP, name, "state");
  mkdirSync(home, { recursive: true });
  mkdirSync(backend, { recursive: true });
  try {
    const res = await fetch(`${emulator.url}/v1/locations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "Bench depot",
        accessType: "PRIVATE",
        address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
        coordinates: { latitude: "52.37403", longitude: "4.88969" },
        timeZone: "Europe/Amsterdam",
      }),
    });
    const location = (await res.json()).data;
    const run = (cmd) => pulumi(dir, home, backend, checkpoints, cmd);
    const init = await run(["stack", "init", "bench"]);
    if (init.code !== 0) throw new Error(init.output);
    writeFileSync(join(dir, "Pulumi.bench.yaml"), `config:\n  eosvolt:baseUrl: ${emulator.url}\n  eosvolt-bench:count: "${N}"\n  eosvolt-bench:locationId: ${location.id}\n`);
    const create = await run(["up", "--yes", "--skip-preview"]);
    if (create.code !== 0) throw new Error(`create failed:\n${create.output.slice(-3000)}`);
    const text = checkpointText(backend) ?? "";
    const deployment = JSON.parse(text).checkpoint?.latest ?? {};
    const chargers = (deployment.resources ?? []).filter((r) => r.type === VARIANTS[variant].token);
    const bytes = chargers.map((r) => JSON.stringify(r).length);
    const noop = await run(["up", "--yes", "--skip-preview"]);
    const figures = {
      variant,
      checkpoints,
      createS: create.wallS,
      chargers: chargers.length,
      stateBytesPerCharger: round(bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length)),
      stateFileBytes: text.length,
      providerBytes: chargers.length ? JSON.stringify(chargers[0].inputs?.__provider ?? "").length + JSON.stringify(chargers[0].outputs?.__provider ?? "").length : 0,
      noopUpS: noop.code === 0 ? noop.wallS : undefined,
      posts: emulator.requests().filter((r) => r.method === "POST").length,
    };
    log(`${name}: create ${figures.createS}s, ${figures.stateBytesPerCharger} B/charger, no-op up ${figures.noopUpS}s`);
    return figures;
  } finally {
    await emulator.close();
    if (!args.keep) rmSync(join(TMP, name), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main
const results = { n: N, rate: RATE, latencyMs: [LAT_MIN, LAT_MAX], node: process.version, cold: {}, runs: [] };
for (const variant of Object.keys(VARIANTS)) {
  results.cold[variant] = await coldStart(variant);
  log(`cold start ${variant}: ${results.cold[variant].totalMs} ms (listening after ${results.cold[variant].listeningMs} ms)`);
}
for (const checkpoints of [false, true]) for (const variant of Object.keys(VARIANTS)) results.runs.push(await engineRun(variant, checkpoints));
if (!args.keep) rmSync(TMP, { recursive: true, force: true });
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);

const rows = results.runs.map((r) => `| ${r.variant} | ${r.checkpoints ? "on" : "off"} | ${r.createS} s | ${r.stateBytesPerCharger} | ${r.noopUpS} s |`);
console.log(
  [
    `Cold start (spawn → port → Configure → first Check answered, median of 5): dynamic ${results.cold.dynamic.totalMs} ms, plugin ${results.cold.plugin.totalMs} ms (goal < 300 ms: ${results.cold.plugin.totalMs < 300 ? "met" : "missed"}).`,
    "",
    `${N} charger creates at R = ${RATE}/s, latency ${LAT_MIN}-${LAT_MAX} ms:`,
    "",
    "| resources | checkpoints | create | state bytes per charger | no-op up |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n"),
);
