import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_VERSION, resolveOptions } from "../../provider/client/options";
import { packageVersion } from "../../provider/version";

describe("the client's version", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));

  it("is the package's, read from package.json, and goes into the default User-Agent", () => {
    expect(CLIENT_VERSION).toBe(pkg.version);
    expect(resolveOptions({ token: "t" }).userAgent).toBe(`pulumi-eosvolt-client/${pkg.version} node/${process.versions.node}`);
  });

  it("is undefined where no package.json of the package is above (a bundle)", () => {
    expect(packageVersion("/")).toBeUndefined();
  });
});
