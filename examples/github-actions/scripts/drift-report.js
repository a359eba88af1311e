#!/usr/bin/env node
// @ts-check
"use strict";
/**
 * drift-report: reads `pulumi preview --refresh --json` and prints a Markdown
 * report of every object whose live state differs from the program, with the
 * fields that differ. Exit code 0: no drift; 1: drift (report printed); 2: the
 * input is not a preview.
 *
 *   pulumi preview --refresh --json > drift.json
 *   node .github/scripts/drift-report.js drift.json >> "$GITHUB_STEP_SUMMARY"
 *
 * No dependencies: copy it next to the workflows.
 */
const { readFileSync } = require("node:fs");

const NO_CHANGE = new Set(["same", "refresh", "read", "discard", "remove-pending-replace"]);

/** @param {unknown} a @param {unknown} b @param {string} path @param {string[]} out */
function diffPaths(a, b, path, out) {
  if (a === b) return;
  const isObj = (/** @type {unknown} */ v) => v !== null && typeof v === "object";
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(/** @type {object} */ (a)), ...Object.keys(/** @type {object} */ (b))]);
    for (const key of keys) {
      const next = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      diffPaths(/** @type {any} */ (a)[key], /** @type {any} */ (b)[key], next, out);
    }
    return;
  }
  out.push(path || "(value)");
}

/** @param {unknown} v */
function show(v) {
  if (v === undefined) return "(unset)";
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** @param {unknown} root @param {string} path */
function at(root, path) {
  let value = /** @type {any} */ (root);
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== "object") return undefined;
    value = value[part];
  }
  return value;
}

/**
 * The drifted objects of a preview: per step that would change something, its
 * URN, operation and differing fields (live value → value in the program).
 * @param {any} preview the output of `pulumi preview --refresh --json`
 */
function driftOf(preview) {
  if (!preview || !Array.isArray(preview.steps)) throw new Error("not the output of `pulumi preview --json` (no steps)");
  /** @type {Array<{ urn: string, op: string, type: string, name: string, fields: Array<{ path: string, live: string, program: string }> }>} */
  const drifted = [];
  for (const step of preview.steps) {
    if (!step || NO_CHANGE.has(step.op)) continue;
    const urn = String(step.urn ?? "");
    const live = step.oldState?.inputs ?? {};
    const program = step.newState?.inputs ?? {};
    /** @type {string[]} */
    const paths = [];
    if (step.op === "update" || step.op === "replace" || step.op === "create-replacement" || step.op === "delete-replaced") {
      for (const key of new Set([...Object.keys(live), ...Object.keys(program)])) {
        if (key === "__provider") continue;
        diffPaths(live[key], program[key], key, paths);
      }
    }
    drifted.push({
      urn,
      op: String(step.op),
      type: String(step.newState?.type ?? step.oldState?.type ?? urn.split("::")[2] ?? ""),
      name: urn.slice(urn.lastIndexOf("::") + 2),
      fields: paths.map((path) => ({ path, live: show(at(live, path)), program: show(at(program, path)) })),
    });
  }
  // A replacement shows as several steps of one URN; keep the one with fields.
  const byUrn = new Map();
  for (const d of drifted) {
    const seen = byUrn.get(d.urn);
    if (!seen || (seen.fields.length === 0 && d.fields.length > 0)) byUrn.set(d.urn, d);
  }
  return [...byUrn.values()];
}

const WHAT = /** @type {Record<string, string>} */ ({
  create: "missing: deleted outside Pulumi, or not deployed yet",
  delete: "in the stack but no longer in the program",
  update: "changed outside Pulumi (or a program change not deployed yet)",
  replace: "would be replaced",
});

/** @param {ReturnType<typeof driftOf>} drifted @param {string} [title] */
function markdown(drifted, title = "Drift check") {
  if (drifted.length === 0) return `## ${title}: no drift\n\nEvery object matches the program.\n`;
  const lines = [`## ${title}: ${drifted.length} object${drifted.length === 1 ? "" : "s"} drifted`, ""];
  for (const d of drifted) {
    lines.push(`- **${d.name}** (\`${d.type}\`): ${WHAT[d.op] ?? d.op}`, `  - URN: \`${d.urn}\``);
    for (const f of d.fields) lines.push(`  - \`${f.path}\`: live ${f.live}, program ${f.program}`);
  }
  lines.push("", "`pulumi up` puts the program's values back; to keep the live values, change the program instead.");
  return `${lines.join("\n")}\n`;
}

function main() {
  const [file, ...rest] = process.argv.slice(2);
  const titleAt = rest.indexOf("--title");
  const title = titleAt >= 0 ? rest[titleAt + 1] : undefined;
  const text = file && file !== "-" ? readFileSync(file, "utf8") : readFileSync(0, "utf8");
  let drifted;
  try {
    drifted = driftOf(JSON.parse(text));
  } catch (error) {
    process.stderr.write(`drift-report: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  process.stdout.write(markdown(drifted, title));
  process.exit(drifted.length > 0 ? 1 : 0);
}

if (require.main === module) main();

module.exports = { driftOf, markdown };
