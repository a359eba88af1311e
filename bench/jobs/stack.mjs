/**
 * The default job: one stack of N chargers per variant (ours, naive, floor), each
 * operation timed through the real Pulumi CLI, with the table and the goals.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { api, previousResults, userArgs } from "../lib/api.mjs";
import { Project } from "../lib/project.mjs";
import {
  CHECKPOINTS, KEEP, KNOWN_OPS, LAT_MAX, LAT_MIN, log, NAIVE_PRELOAD, OPS, OUT, PULUMI_BIN, QUICK, RATE, round, SIZES, sleep, startEmulator, T0, TMP, UPDATE, VARIANTS,
} from "../lib/settings.mjs";
import { coldStart } from "./cold-start.mjs";

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

export async function mainStack() {
  mkdirSync(TMP, { recursive: true });
  log(`N = ${SIZES.join(", ")}; rate limit ${RATE} req/s; latency ${LAT_MIN}-${LAT_MAX} ms; variants ${VARIANTS.join(", ")}; update ${UPDATE}; engine checkpoints ${CHECKPOINTS ? "on" : "off"}; CLI ${PULUMI_BIN()}`);
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
