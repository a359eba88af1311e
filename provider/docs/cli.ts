/** `npm run docs`: writes docs/reference.md from the schemas. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { referenceMarkdown } from "./reference";

const root = process.cwd();
mkdirSync(join(root, "docs"), { recursive: true });
writeFileSync(join(root, "docs/reference.md"), referenceMarkdown(root));
console.log("wrote docs/reference.md");
