/** `--stacks K,…`: K stacks on one token against one emulator, all started together. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { api, previousResults } from "../lib/api.mjs";
import { Project } from "../lib/project.mjs";
import { CHECKPOINTS, KEEP, LAT_MAX, LAT_MIN, log, OUT, PULUMI_BIN, RATE, round, SIZES, sleep, STACKS, startEmulator, T0, TMP } from "../lib/settings.mjs";

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


export async function mainStacks() {
  log(`stacks ${STACKS.join(", ")} × N ${SIZES.join(", ")}; rate limit ${RATE} req/s; latency ${LAT_MIN}-${LAT_MAX} ms; engine checkpoints ${CHECKPOINTS ? "on" : "off"}; CLI ${PULUMI_BIN()}`);
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
