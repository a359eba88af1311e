#!/usr/bin/env node
/**
 * `eosvolt-emulator`: runs the EOSVOLT API emulator.
 *
 * Usage: eosvolt-emulator [--port 8787] [--host 127.0.0.1] [--token TOKEN | --token TOKEN=scope,scope]...
 *   [--rate-limit 50] [--data FILE] [--latency MIN-MAX] [--no-idempotency]
 *
 * The first line on stdout is the base URL. SIGINT/SIGTERM stop it cleanly (the data file is flushed).
 */
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
  --help                show this help`;

/**
 * Parses the command line.
 * @throws Error with a readable message for a bad flag or value.
 */
export function parseArgs(argv: string[]): EmulatorOptions {
  const opts: EmulatorOptions = { port: DEFAULT_PORT };
  const tokens: Record<string, string[]> = {};
  let sawToken = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") && !arg.startsWith("--token=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : arg.startsWith("--token=") ? ["--token", arg.slice(8)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.`);
      return v;
    };
    const int = (v: string, min: number, max: number): number => {
      if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) throw new Error(`${flag} must be an integer from ${min} to ${max}.`);
      return Number(v);
    };
    switch (flag) {
      case "--port": opts.port = int(value(), 0, 65535); break;
      case "--host": opts.host = value(); break;
      case "--rate-limit": opts.rateLimit = int(value(), 0, 1_000_000); break;
      case "--data": opts.dataFile = value(); break;
      case "--no-idempotency": opts.idempotency = false; break;
      case "--latency": {
        const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(value());
        if (!m || Number(m[2] ?? m[1]) < Number(m[1])) throw new Error("--latency must be MIN-MAX in ms, e.g. 10-50.");
        opts.latencyMs = [Number(m[1]), Number(m[2] ?? m[1])];
        break;
      }
      case "--token": {
        const v = value();
        const eq = v.indexOf("=");
        sawToken = true;
        if (eq < 0) tokens[v] = ["*"];
        else tokens[v.slice(0, eq)] = v.slice(eq + 1).split(",").filter(Boolean);
        break;
      }
      case "--help": case "-h":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
      // falls through (unreachable)
      default:
        throw new Error(`Unknown option '${arg}'.\n${USAGE}`);
    }
  }
  if (sawToken) opts.tokens = tokens;
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
  const emu = await startEmulator(options);
  process.stdout.write(`${emu.url}\n`);
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
