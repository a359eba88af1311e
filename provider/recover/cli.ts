#!/usr/bin/env node
/**
 * eosvolt-recover-pending: after an interrupted `pulumi up` (killed, runner
 * lost), finds, for every pending create of an EOSVOLT resource in the stack's
 * state, the object that create made in the account, records it in the state
 * as created (`pulumi stack export`, edit, `pulumi stack import`), drops the
 * pending creates that never reached the API, then `pulumi refresh --yes` reads
 * the imported objects. Run it in the program's folder before the next
 * `pulumi up`; with no pending create it does nothing. (`pulumi refresh
 * --import-pending-creates URN ID` would be the built-in way, but with dynamic
 * providers and CLI v3.248.0 the pending create is dropped instead of imported,
 * as observed.)
 *
 *   npx eosvolt-recover-pending [--stack NAME] [--dry-run]
 *
 * Several pending creates with identical inputs take distinct objects. Token
 * and URL: stack config (`eosvolt:token`, `eosvolt:baseUrl`,
 * `eosvolt:environment`), else `EOSVOLT_*` variables, resolved and checked as
 * the provider does ({@link resolveConfig}). The token is only sent to the API;
 * it is never printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { EosvoltClient } from "../client";
import { resolveConfig } from "../config";
import { findCreated } from "./match";
import { PulumiCli } from "./pulumi";
import { kindOfType, pendingCreates, recordRecovered, type Deployment } from "./state";

const USAGE = `Usage: eosvolt-recover-pending [--stack NAME] [--dry-run]
After an interrupted \`pulumi up\`: imports the objects its pending creates made,
clears the ones that never reached the API, then runs \`pulumi refresh --yes\`.
--dry-run only reports what it finds. Token and URL as the provider reads them.`;

const log = (line: string) => console.log(`recover-pending: ${line}`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      stack: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const pulumi = new PulumiCli(values.stack);
  const deployment: Deployment = JSON.parse(pulumi.run("stack", "export")).deployment ?? {};
  const pending = pendingCreates(deployment);
  if (pending.length === 0) {
    log("no pending create in the state; nothing to do.");
    return 0;
  }
  const managed = new Set((deployment.resources ?? []).map((r) => r.id).filter((id): id is string => !!id));
  const config = resolveConfig(pulumi.config);
  const client = new EosvoltClient({ token: config.token, environment: config.environment, baseUrl: config.baseUrl });
  const ids = new Map<string, string>();
  try {
    for (const { resource } of pending) {
      const kind = kindOfType(resource.type);
      if (!kind) {
        log(`${resource.urn}: not an EOSVOLT resource; left to \`pulumi refresh\`.`);
        continue;
      }
      const found = await findCreated(client, kind, resource.inputs ?? {}, managed);
      if (found) {
        managed.add(found.id);
        ids.set(resource.urn, found.id);
        log(`${resource.urn} was created as ${found.id}; importing it.`);
      } else {
        log(`${resource.urn} never reached the account; clearing it (the next \`pulumi up\` creates it).`);
      }
    }
  } finally {
    await client.close();
  }
  if (values["dry-run"]) return 0;

  const exported = JSON.parse(pulumi.run("stack", "export"));
  exported.deployment = recordRecovered(deployment, pending, ids);
  const file = join(mkdtempSync(join(tmpdir(), "eosvolt-recover-")), "state.json");
  writeFileSync(file, JSON.stringify(exported), { mode: 0o600 });
  try {
    pulumi.run("stack", "import", "--file", file);
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
  log(`${ids.size} imported, ${pending.length - ids.size} cleared; now \`pulumi refresh --yes\`.`);
  return pulumi.refresh();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`recover-pending: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
