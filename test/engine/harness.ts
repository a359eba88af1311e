/**
 * Runs real Pulumi programs with the real CLI against a real emulator: a file
 * backend in a temporary directory, the example copied there with the
 * repository's node_modules linked in, and config set with `pulumi config set`.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startEmulator, type RunningEmulator, type EmulatorOptions } from "../../emulator";

export const ROOT = resolve(__dirname, "../..");
export const TOKEN = "dev-token";

const cliBins = new Map<string, string>();

/**
 * The folder holding `pulumi` (of `version`, default the leg's `PULUMI_VERSION`); built from Go
 * modules on first use. Never skips: fails with the reason.
 */
export function pulumiBin(version?: string): string {
  const key = version ?? "";
  const cached = cliBins.get(key);
  if (cached) return cached;
  try {
    const env = version ? { ...process.env, PULUMI_VERSION: version } : process.env;
    const bin = execFileSync(join(ROOT, "scripts/pulumi-cli.sh"), { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"] }).trim();
    cliBins.set(key, bin);
    return bin;
  } catch (error) {
    throw new Error(`The engine tests need the Pulumi CLI${version ? ` ${version}` : ""} and could not get it (scripts/pulumi-cli.sh failed): ${String(error)}`);
  }
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class PulumiProject {
  readonly dir: string;
  private readonly home: string;
  /** The file backend's folder (`PULUMI_BACKEND_URL`): checkpoints are under `.pulumi/stacks/`. */
  readonly backend: string;

  constructor(
    readonly example: string,
    readonly emulator: RunningEmulator,
    readonly root: string,
    /** The CLI version to run (default: the leg's). */
    readonly cliVersion?: string,
  ) {
    this.dir = join(root, "project");
    this.home = join(root, "home");
    this.backend = join(root, "state");
    cpSync(join(ROOT, "examples", example), this.dir, {
      recursive: true,
      filter: (src) => !src.includes("node_modules") && !/Pulumi\.[^/]+\.yaml$/.test(src),
    });
    symlinkSync(join(ROOT, "node_modules"), join(this.dir, "node_modules"), "dir");
    for (const d of [this.home, this.backend]) mkdirSync(d, { recursive: true });
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PATH: `${pulumiBin(this.cliVersion)}:${process.env.PATH}`,
      PULUMI_HOME: this.home,
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-tests",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      EOSVOLT_TOKEN: "",
      ...extra,
    };
  }

  run(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CommandResult> {
    return new Promise((done) => {
      execFile(
        "pulumi",
        [...args, "--non-interactive"],
        { cwd: this.dir, env: this.env(options.env), maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 600_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          done({ code, stdout, stderr });
        },
      );
    });
  }

  /** Runs and fails with the whole output when the exit code is not the expected one. */
  async expect(args: string[], code = 0, options?: { env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
    const result = await this.run(args, options);
    if (result.code !== code) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}, expected ${code}\n${result.stdout}\n${result.stderr}`);
    }
    return result;
  }

  async init(stack = "dev"): Promise<void> {
    await this.expect(["stack", "init", stack]);
    await this.expect(["config", "set", "eosvolt:baseUrl", this.emulator.url]);
    await this.expect(["config", "set", "--secret", "eosvolt:token", TOKEN]);
  }

  /** Edits the program (as a pull request would). */
  edit(file: string, from: string | RegExp, to: string): void {
    const path = join(this.dir, file);
    const text = readFileSync(path, "utf8");
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit of ${file} changed nothing: ${String(from)}`);
    writeFileSync(path, next);
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), "utf8");
  }

  write(file: string, text: string): void {
    writeFileSync(join(this.dir, file), text);
  }

  async outputs(): Promise<Record<string, unknown>> {
    const { stdout } = await this.expect(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(stdout);
  }

  async exportState(): Promise<{ text: string; resources: Array<Record<string, any>> }> {
    const { stdout } = await this.expect(["stack", "export"]);
    return { text: stdout, resources: JSON.parse(stdout).deployment.resources ?? [] };
  }
}

/** A fresh emulator and a temporary project of an example; `dispose()` removes both. */
export async function openProject(example: string, emulatorOptions: EmulatorOptions = {}, cliVersion?: string) {
  pulumiBin(cliVersion);
  const emulator = await startEmulator({ port: 0, rateLimit: 0, ...emulatorOptions });
  const root = mkdtempSync(join(tmpdir(), `eosvolt-engine-${example}-`));
  const project = new PulumiProject(example, emulator, root, cliVersion);
  return {
    project,
    emulator,
    async dispose() {
      await emulator.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Requests of the log that change something. */
export function writes(emulator: RunningEmulator) {
  return emulator.requests().filter((r) => r.method !== "GET" && r.path.startsWith("/v1"));
}

/** Removes what is specific to this machine and run: source positions, the emulator's port, temporary paths. */
export function stripPreview(json: string, project: PulumiProject): string {
  const doc = JSON.parse(json, (key, value) => (key === "sourcePosition" || key === "stackTrace" ? undefined : value));
  let text = JSON.stringify(doc, null, 2);
  text = text.split(project.emulator.url).join("http://127.0.0.1:8787");
  text = text.split(project.root).join("/tmp/eosvolt-engine");
  return `${text}\n`;
}
