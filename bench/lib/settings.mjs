/**
 * The bench's settings: the command line, the paths, the clock of the log. Every job
 * reads its figures from here; nothing here starts a process.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const require = createRequire(import.meta.url);
/** The bench folder. */
export const HERE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = resolve(HERE, "..");
export const TOKEN = "dev-token";

// ---------------------------------------------------------------- arguments
const USAGE =
  "usage: node bench/run.mjs [--job stack|stacks|sessions] [--quick] [--n 10,100,1000] [--rate 20] [--latency 20-60] [--variants ours,naive,floor]\n" +
  "                          [--update one|all] [--checkpoints] [--ops create,noop,update,refresh,refresh32,destroy]\n" +
  "                          [--stacks 4,8] [--sessions 1000,10000,100000] [--out bench/results.json] [--keep]";
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
      job: { type: "string" },
      sessions: { type: "string" },
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
/** Which job runs: one stack per N (default), many stacks on one token (`--stacks`), or the session history (`--job sessions`). */
const JOB = args.job ?? (args.stacks !== undefined ? "stacks" : "stack");
if (!["stack", "stacks", "sessions"].includes(JOB)) {
  console.error(`bench: --job must be stack, stacks or sessions, not ${JSON.stringify(args.job)}.`);
  process.exit(2);
}
/** Sessions of the history job (export, memory, re-pricing): N per run. */
const SESSION_SIZES = integers("sessions", args.sessions ?? (QUICK ? "1000,10000" : "1000,10000,100000"));

if (!existsSync(join(ROOT, "dist/provider/dynamic/handlers.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first.");
  process.exit(1);
}
const { startEmulator } = require(join(ROOT, "dist/emulator/index.js"));
let pulumiBin;
/** The Pulumi CLI's folder (built on first use by scripts/pulumi-cli.sh; the sessions job needs none). */
export function PULUMI_BIN() {
  pulumiBin ??= execFileSync(join(ROOT, "scripts/pulumi-cli.sh"), { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  return pulumiBin;
}
const TMP = join(HERE, "tmp", `run-${process.pid}`);

const log = (...a) => console.error(`[bench ${((performance.now() - T0) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const T0 = performance.now();

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const round = (x, d = 2) => (x === undefined || x === null || Number.isNaN(x) ? x : Math.round(x * 10 ** d) / 10 ** d);

export { startEmulator, log, T0, TMP, QUICK, STACKS, SIZES, RATE, LAT_MIN, LAT_MAX, VARIANTS, OUT, KEEP, CHECKPOINTS, UPDATE, KNOWN_OPS, OPS, NAIVE_PRELOAD, JOB, SESSION_SIZES, USAGE };
