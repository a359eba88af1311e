import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referenceMarkdown } from "../../provider/docs/reference";

const root = join(__dirname, "../..");

describe("docs/reference.md", () => {
  it("is up to date with the schemas (run `npm run docs`)", () => {
    expect(readFileSync(join(root, "docs/reference.md"), "utf8")).toBe(referenceMarkdown(root));
  });

  it("documents every input field, replacement and write-only secret", () => {
    const text = referenceMarkdown(root);
    expect(text).toContain("| `evses[].connectors[].standard` |");
    expect(text).toMatch(/\| `ocppIdentity` \|.*Changing it replaces the object/);
    expect(text).toMatch(/\| `currency` \|.*Changing it replaces the object/);
    expect(text).toMatch(/\| `authorizationKey` \|.*Secret, write-only/);
    expect(text).not.toMatch(/\| `[^`]+` \| [^|]+ \| [^|]+ \|  \|/); // no field without a description
  });
});
