/** A Pulumi project of bench/program in a folder of its own, with its own file backend and home. */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { memorySampler } from "./proc.mjs";
import { CHECKPOINTS, HERE, PULUMI_BIN, ROOT, TMP, TOKEN } from "./settings.mjs";

export class Project {
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
      PATH: `${PULUMI_BIN()}:${process.env.PATH}`,
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
