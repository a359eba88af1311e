#!/usr/bin/env node
/**
 * eosvolt-export: completed sessions with what they were billed, for billing and analytics.
 *
 *   EOSVOLT_TOKEN=… npx eosvolt-export sessions --from 2026-11-01 --to 2026-11-30 --format csv --out november.csv
 *
 * Exit codes: 0 written; 1 the API failed (FILE.partial kept: rerun with --resume); 2 bad usage, before any request.
 */
import { EosvoltClient } from "../client/client";
import { EosvoltConfigError } from "../client/errors";
import { clientOptionsOf, resolveConfig } from "../config";
import { readArgs, UsageError, USAGE } from "./args";
import { exportSessions, type ExportIo } from "./export";

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], io: ExportIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let client: EosvoltClient | undefined;
  try {
    const args = readArgs(argv, io.now());
    if (args === "help") {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const config = resolveConfig((key) => (key === "eosvolt:baseUrl" ? args.baseUrl : undefined), env);
    client = new EosvoltClient(clientOptionsOf(config));
    const result = await exportSessions(args, client, io);
    io.stderr.write(`eosvolt-export: ${result.written} sessions written${result.rows !== result.written ? ` (${result.rows} in the file)` : ""}, ${result.requests} requests${args.out ? `, to ${args.out}` : ""}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof EosvoltConfigError) {
      io.stderr.write(`eosvolt-export: ${error.message}\n`);
      if (error instanceof UsageError && !/^--resume|exists:/.test(error.message)) io.stderr.write(`${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`eosvolt-export: ${error instanceof Error ? error.message : String(error)}\n`);
    const out = argv[argv.indexOf("--out") + 1];
    if (argv.includes("--out")) io.stderr.write(`eosvolt-export: ${out}.partial holds what was written; rerun with --resume to continue.\n`);
    return 1;
  } finally {
    await client?.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, now: Date.now }).then((code) => {
    process.exitCode = code;
  });
}
