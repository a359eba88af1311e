/**
 * The package's own version, read from its `package.json` at run time so that
 * it is written down once. Found by walking up from this file: the same code
 * runs from `provider/` (tests) and from `dist/provider/` (the package).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The fields of `package.json` read here. */
interface PackageJson {
  name?: unknown;
  version?: unknown;
}

const PACKAGE_NAME = "pulumi-eosvolt";

/** The version in the nearest `package.json` of `pulumi-eosvolt` above `from`, or undefined (e.g. bundled). */
export function packageVersion(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as PackageJson;
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return pkg.version;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The version of `pulumi-eosvolt` (`package.json` `version`); `unknown` when the code runs without its package.json (a bundle). */
export const PACKAGE_VERSION: string = packageVersion() ?? "unknown";
