/** The Pulumi CLI calls `eosvolt-recover-pending` makes, in the program's folder. */
import { execFileSync, spawnSync } from "node:child_process";
import type { ConfigGetter } from "../config";

/** Runs the Pulumi CLI on one stack (`--stack NAME` when given). */
export class PulumiCli {
  private readonly stackArgs: string[];

  constructor(stack?: string) {
    this.stackArgs = stack !== undefined ? ["--stack", stack] : [];
  }

  /** Runs `pulumi <argv> --non-interactive` and returns its stdout; stderr goes to ours. */
  run(...argv: string[]): string {
    return execFileSync("pulumi", [...argv, ...this.stackArgs, "--non-interactive"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 256 << 20,
    });
  }

  /** Stack config through `pulumi config get` (secrets decrypted), for {@link resolveConfig}. */
  readonly config: ConfigGetter = (key) => {
    try {
      const value = execFileSync("pulumi", ["config", "get", key, ...this.stackArgs], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      return value.trim() || undefined;
    } catch {
      return undefined;
    }
  };

  /** `pulumi refresh --yes --skip-preview`, its output on ours; returns its exit status. */
  refresh(): number {
    const run = spawnSync("pulumi", ["refresh", "--yes", "--skip-preview", ...this.stackArgs, "--non-interactive"], { stdio: "inherit" });
    return run.status ?? 1;
  }
}
