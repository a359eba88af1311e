/**
 * Which Chromium the browser test runs, found without root, apt-get or a download:
 *
 * 1. `EOSVOLT_CHROMIUM`, when set (it must exist);
 * 2. Debian's `/usr/bin/chromium`, when installed;
 * 3. the Chromium that `npm ci` brings: `@sparticuz/chromium` (a devDependency) ships it
 *    Brotli-compressed inside its npm package. It is unpacked once per version into the
 *    user cache (`~/.cache/pulumi-eosvolt/chromium/<version>/chromium`). The package's own
 *    `executablePath()` unpacks into a fixed `/tmp/chromium` and takes an existing file
 *    as done, so two test runs at once could start a half-written binary; here each run
 *    writes its own temporary file and renames it into place.
 *
 * The packaged one is always tested too (`browsersToTest`), so the fallback a fresh
 * machine depends on cannot rot where Debian's is present.
 */
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";

export type ChromiumSource = "EOSVOLT_CHROMIUM" | "debian" | "npm";

export interface Chromium {
  source: ChromiumSource;
  executable: string;
}

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The folder of the npm package that ships a compressed Chromium. */
function packagedDir(): string {
  // The package's exports map names only its ESM entry (build/index.js); bin/ sits beside build/.
  return join(dirname(require.resolve("@sparticuz/chromium")), "..");
}

/** The packaged Chromium, unpacked into the user cache on first use. */
export async function packagedChromium(): Promise<Chromium> {
  const pkg = packagedDir();
  const version: string = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pulumi-eosvolt", "chromium", version);
  const executable = join(cache, "chromium");
  if (!existsSync(executable)) {
    mkdirSync(cache, { recursive: true });
    const partial = `${executable}.${process.pid}.partial`;
    try {
      await pipeline(createReadStream(join(pkg, "bin", "chromium.br")), createBrotliDecompress(), createWriteStream(partial));
      chmodSync(partial, 0o755);
      renameSync(partial, executable); // atomic: another run sees no file or a whole one
    } finally {
      rmSync(partial, { force: true });
    }
  }
  return { source: "npm", executable };
}

/** The Chromium a user's machine offers first: `EOSVOLT_CHROMIUM`, Debian's, else the packaged one. */
export async function preferredChromium(): Promise<Chromium> {
  const configured = process.env.EOSVOLT_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`EOSVOLT_CHROMIUM is set to ${configured}, which does not exist. Unset it to use Debian's or the packaged Chromium.`);
    return { source: "EOSVOLT_CHROMIUM", executable: configured };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { source: "debian", executable: DEBIAN_CHROMIUM };
  return packagedChromium();
}

/** Every Chromium to run the test on: the preferred one, and the packaged one when that is another. */
export async function browsersToTest(): Promise<Chromium[]> {
  const preferred = await preferredChromium();
  return preferred.source === "npm" ? [preferred] : [preferred, await packagedChromium()];
}
