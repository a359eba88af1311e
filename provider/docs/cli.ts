/** `npm run docs`: writes docs/reference.md and the package schema (schema.json) from the schemas. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchemaText } from "./package-schema";
import { referenceMarkdown } from "./reference";

const root = process.cwd();
mkdirSync(join(root, "docs"), { recursive: true });
writeFileSync(join(root, "docs/reference.md"), referenceMarkdown(root));
console.log("wrote docs/reference.md");
writeFileSync(join(root, "schema.json"), packageSchemaText(root));
console.log("wrote schema.json");
