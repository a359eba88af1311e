/**
 * The package schema the plugin serves (`GetSchema`, `pulumi package
 * get-schema`): `schema.json` at the package root, generated from the zod
 * schemas, their TSDoc and the registry by `npm run docs`
 * (`provider/docs/package-schema.ts`), with this plugin's version.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** `schema.json` in the nearest folder above `from` that holds one (the package root, from `provider/` or `dist/provider/`). */
export function schemaPath(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "schema.json");
    if (existsSync(file) && existsSync(join(dir, "package.json"))) return file;
    if (dirname(dir) === dir) throw new Error(`pulumi-resource-eosvolt: no schema.json above ${from}`);
  }
}

/** The schema as JSON text, its `version` set to `version`. */
export function packageSchemaJson(version: string): string {
  const schema: unknown = JSON.parse(readFileSync(schemaPath(), "utf8"));
  return JSON.stringify(schema !== null && typeof schema === "object" ? { ...schema, version } : schema);
}
