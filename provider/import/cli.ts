#!/usr/bin/env node
/**
 * eosvolt-import: writes a Pulumi program (TypeScript) that adopts objects that
 * already exist in an EOSVOLT account.
 *
 *   EOSVOLT_TOKEN=… npx eosvolt-import [--location ID]… [--pricing-plan ID]… [--out index.ts]
 *                   [--base-url URL | --environment production|staging]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { EosvoltClient } from "../client";
import { resolveConfig } from "../config";
import { readAccount } from "./account";
import { generateProgram } from "./program";

const USAGE = `Usage: eosvolt-import [--location ID]... [--pricing-plan ID]... [--out FILE]
                      [--base-url URL] [--environment production|staging]
Reads the account (all of it, or the given locations with their chargers and plans)
and writes a Pulumi TypeScript program that adopts every object with adoptId.
The token comes from EOSVOLT_TOKEN.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      location: { type: "string", multiple: true },
      "pricing-plan": { type: "string", multiple: true },
      out: { type: "string", short: "o" },
      "base-url": { type: "string" },
      environment: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const overrides: Record<string, string | undefined> = {
    "eosvolt:baseUrl": values["base-url"],
    "eosvolt:environment": values.environment,
  };
  const config = resolveConfig((key) => overrides[key]);
  const client = new EosvoltClient({ token: config.token, environment: config.environment, baseUrl: config.baseUrl });
  try {
    const account = await readAccount(
      client,
      { locations: values.location, pricingPlans: values["pricing-plan"] },
      (line) => process.stderr.write(`eosvolt-import: ${line}\n`),
    );
    const program = generateProgram(account, { source: config.baseUrl ?? config.environment });
    if (values.out) writeFileSync(values.out, program);
    else process.stdout.write(program);
    process.stderr.write(`eosvolt-import: ${client.stats().requests} requests\n`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eosvolt-import: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
