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
 *
 * `--job sessions`: the session history instead (bench/jobs/sessions.mjs): export of N
 * completed sessions against the rate limit, peak RSS as N grows, re-pricing CPU, and the
 * pricing review's --impact over 30 days.
 *
 * One file per job: bench/jobs/stack.mjs (the default), stacks.mjs (--stacks),
 * sessions.mjs (--job sessions), cold-start.mjs; the shared parts in bench/lib/.
 * `--plugin`: bench/plugin.mjs, the native plugin side by side with the dynamic resources.
 */
import { mkdirSync } from "node:fs";

// The plugin bench has its own arguments (bench/plugin.mjs: dynamic resources against the native plugin).
if (process.argv.includes("--plugin")) await import("./plugin.mjs").then(() => process.exit(process.exitCode ?? 0));
const { JOB, TMP } = await import("./lib/settings.mjs");

async function main() {
  mkdirSync(TMP, { recursive: true });
  if (JOB === "stacks") return (await import("./jobs/stacks.mjs")).mainStacks();
  if (JOB === "sessions") return (await import("./jobs/sessions.mjs")).mainSessions();
  return (await import("./jobs/stack.mjs")).mainStack();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
