#!/usr/bin/env node
/**
 * After an interrupted `pulumi up` (killed, runner lost): finds, for every
 * pending create of an EOSVOLT resource in the stack's state, the object that
 * create made in the account, records it in the state as created (`pulumi stack
 * export`, edit, `pulumi stack import`), drops the pending creates that never
 * reached the API, then `pulumi refresh --yes` reads the imported objects. Run it in
 * the program's folder before the next `pulumi up`; with no pending create it does
 * nothing. (`pulumi refresh --import-pending-creates URN ID` would be the built-in
 * way, but with dynamic providers and CLI v3.248.0 the pending create is dropped
 * instead of imported, as observed.)
 *
 *   npx eosvolt-recover-pending [--stack NAME] [--dry-run]
 *
 * A match is an object of the same kind that no resource of the stack manages and
 * whose every readable field equals the pending create's inputs (chargers: found by
 * `ocppIdentity`; locations and plans: by `name`). Several pending creates with
 * identical inputs take distinct objects. Token and URL: stack config
 * (`eosvolt:token`, `eosvolt:baseUrl`, `eosvolt:environment`), else EOSVOLT_* variables.
 * The token is only sent to the API; it is never printed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "provider");
const { EosvoltClient } = require(join(dist, "client"));
const { kinds } = require(join(dist, "kinds"));
const { inputsFromObject, normalizeFields } = require(join(dist, "dynamic", "fields.js"));

const args = process.argv.slice(2);
const stackArgs = args.includes("--stack") ? ["--stack", args[args.indexOf("--stack") + 1]] : [];
const dryRun = args.includes("--dry-run");

function pulumi(...argv) {
  return execFileSync("pulumi", [...argv, ...stackArgs, "--non-interactive"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 256 << 20 });
}
function config(key) {
  try {
    const value = execFileSync("pulumi", ["config", "get", key, ...stackArgs], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return value.trim() || undefined;
  } catch {
    return undefined;
  }
}
const canonical = (v) =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const deployment = JSON.parse(pulumi("stack", "export")).deployment ?? {};
const pending = (deployment.pending_operations ?? []).filter((op) => op.type === "creating");
if (pending.length === 0) {
  console.log("recover-pending: no pending create in the state; nothing to do.");
  process.exit(0);
}
const managed = new Set((deployment.resources ?? []).map((r) => r.id).filter(Boolean));
const token = config("eosvolt:token") ?? process.env.EOSVOLT_TOKEN;
const client = new EosvoltClient({
  token,
  environment: config("eosvolt:environment") ?? process.env.EOSVOLT_ENVIRONMENT ?? "production",
  baseUrl: config("eosvolt:baseUrl") ?? process.env.EOSVOLT_BASE_URL,
});

const imports = [];
let unmatched = 0;
for (const op of pending) {
  const { urn, type, inputs } = op.resource;
  const kindName = /^pulumi-nodejs:dynamic\/eosvolt:(\w+)$/.exec(type)?.[1];
  const kind = kinds[kindName];
  if (!kind) {
    console.log(`recover-pending: ${urn}: not an EOSVOLT resource; left to \`pulumi refresh\`.`);
    unmatched++;
    continue;
  }
  const want = { ...inputs };
  for (const field of kind.writeOnly) delete want[field];
  const expected = normalizeFields(kind, want);
  const key = kind.naturalKey ?? "name";
  let found;
  for await (const object of client[kind.endpoint].list({ [key]: inputs[key] })) {
    if (managed.has(object.id)) continue;
    if (same(inputsFromObject(kind, object), expected)) {
      found = object;
      break;
    }
  }
  if (found) {
    managed.add(found.id);
    imports.push([urn, found.id]);
    console.log(`recover-pending: ${urn} was created as ${found.id}; importing it.`);
  } else {
    unmatched++;
    console.log(`recover-pending: ${urn} never reached the account; clearing it (the next \`pulumi up\` creates it).`);
  }
}
await client.close();

if (dryRun) process.exit(0);
const ids = new Map(imports);
const resources = [...(deployment.resources ?? [])];
for (const op of pending) {
  const id = ids.get(op.resource.urn);
  if (!id) continue;
  const kind = kinds[/eosvolt:(\w+)$/.exec(op.resource.type)[1]];
  const outputs = { ...op.resource.inputs };
  for (const field of kind.writeOnly) delete outputs[field];
  resources.push({ ...op.resource, id, outputs });
}
const touched = new Set(pending.map((op) => op.resource.urn));
const others = (deployment.pending_operations ?? []).filter((op) => !(op.type === "creating" && touched.has(op.resource.urn)));
const exported = JSON.parse(pulumi("stack", "export"));
exported.deployment = { ...deployment, resources, pending_operations: others.length ? others : undefined };
const file = join(mkdtempSync(join(tmpdir(), "eosvolt-recover-")), "state.json");
writeFileSync(file, JSON.stringify(exported), { mode: 0o600 });
try {
  pulumi("stack", "import", "--file", file);
} finally {
  rmSync(dirname(file), { recursive: true, force: true });
}
console.log(`recover-pending: ${imports.length} imported, ${pending.length - imports.length} cleared; now \`pulumi refresh --yes\`.`);
const run = spawnSync("pulumi", ["refresh", "--yes", "--skip-preview", ...stackArgs, "--non-interactive"], { stdio: "inherit" });
process.exit(run.status ?? 1);
