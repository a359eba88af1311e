#!/usr/bin/env node
/**
 * `eosvolt-emulator`: runs the EOSVOLT API emulator.
 *
 * Usage: eosvolt-emulator [--port 8787] [--host 127.0.0.1] [--token TOKEN | --token TOKEN=scope,scope]...
 *   [--rate-limit 50] [--data FILE] [--latency MIN-MAX] [--no-idempotency] [--history-days N [--history-seed S]]
 *
 * The first line on stdout is the base URL. SIGINT/SIGTERM stop it cleanly (the data file is flushed).
 */
import { parseArgs as parseCommandLine } from "node:util";
import { startEmulator } from "./index";
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RATE_LIMIT, type EmulatorOptions } from "./options";

const USAGE = `Usage: eosvolt-emulator [options]
  --port N              port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host ADDR           address to listen on (default ${DEFAULT_HOST})
  --token TOKEN         accept TOKEN with every scope (repeatable)
  --token TOKEN=s1,s2   accept TOKEN with the given scopes (repeatable)
                        (no --token: "dev-token" with every scope)
  --rate-limit N        requests per second per token, 0 = unlimited (default ${DEFAULT_RATE_LIMIT})
  --data FILE           persist state to FILE across restarts
  --latency MIN-MAX     add MIN..MAX ms latency to each /v1 request
  --no-idempotency      ignore Idempotency-Key headers
  --history-days N      generate N days of completed, billed sessions for the chargers
                        that exist at start (the data file's); later: POST /_emulator/history
  --history-seed S      seed of that history (default 1): the same seed, the same sessions
  --help                show this help`;

/** The flags, for `util.parseArgs`; each is then read in the order given (a later one wins). */
const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  token: { type: "string", multiple: true },
  "rate-limit": { type: "string" },
  data: { type: "string" },
  latency: { type: "string" },
  "no-idempotency": { type: "boolean" },
  "history-days": { type: "string" },
  "history-seed": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Parses the command line (`util.parseArgs`; `--flag value` and `--flag=value`).
 * @throws Error with a readable message for a bad flag or value.
 */
export function parseArgs(argv: string[]): EmulatorOptions {
  const { tokens: parsed } = parseCommandLine({ args: argv, options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  const opts: EmulatorOptions = { port: DEFAULT_PORT };
  const tokens: Record<string, string[]> = {};
  let sawToken = false;
  for (const token of parsed) {
    if (token.kind === "option-terminator") throw new Error(`Unknown option '--'.\n${USAGE}`);
    if (token.kind === "positional" || !Object.prototype.hasOwnProperty.call(FLAGS, token.name)) {
      const arg = token.kind === "positional" ? token.value : token.rawName;
      throw new Error(`Unknown option '${arg}'.\n${USAGE}`);
    }
    const flag = token.rawName;
    const value = (): string => {
      if (token.value === undefined) throw new Error(`${flag} needs a value.`);
      return token.value;
    };
    const int = (v: string, min: number, max: number): number => {
      if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) throw new Error(`${flag} must be an integer from ${min} to ${max}.`);
      return Number(v);
    };
    switch (token.name) {
      case "port": opts.port = int(value(), 0, 65535); break;
      case "host": opts.host = value(); break;
      case "rate-limit": opts.rateLimit = int(value(), 0, 1_000_000); break;
      case "data": opts.dataFile = value(); break;
      case "no-idempotency": opts.idempotency = false; break;
      case "history-days": opts.history = { ...opts.history, days: int(value(), 1, 3660) }; break;
      case "history-seed": {
        const v = value();
        if (!/^-?[0-9]{1,15}$/.test(v)) throw new Error(`${flag} must be an integer.`);
        opts.history = { days: 0, ...opts.history, seed: Number(v) };
        break;
      }
      case "latency": {
        const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(value());
        if (!m || Number(m[2] ?? m[1]) < Number(m[1])) throw new Error("--latency must be MIN-MAX in ms, e.g. 10-50.");
        opts.latencyMs = [Number(m[1]), Number(m[2] ?? m[1])];
        break;
      }
      case "token": {
        const v = value();
        const eq = v.indexOf("=");
        sawToken = true;
        if (eq < 0) tokens[v] = ["*"];
        else tokens[v.slice(0, eq)] = v.slice(eq + 1).split(",").filter(Boolean);
        break;
      }
      case "help":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
    }
  }
  if (sawToken) opts.tokens = tokens;
  if (opts.history && opts.history.days === 0) throw new Error("--history-seed needs --history-days.");
  return opts;
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`eosvolt-emulator: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const { history, ...serverOptions } = options;
  const emu = await startEmulator(serverOptions);
  process.stdout.write(`${emu.url}\n`);
  if (history) {
    const made = emu.generateHistory(history);
    process.stderr.write(
      `eosvolt-emulator: history: ${made.sessions} completed sessions on ${made.connectors} connectors, ${made.from} to ${made.until}` +
        (made.connectorsWithoutPlan ? ` (${made.connectorsWithoutPlan} connectors without a pricing plan have none)` : "") +
        (made.connectors === 0 ? `; no priced connectors yet: create chargers, then POST ${emu.url}/_emulator/history {"days":${history.days}}` : "") + "\n",
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`eosvolt-emulator: ${signal}, stopping\n`);
    emu.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`eosvolt-emulator: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
