// Preloaded into a CLI the bench runs (`node --require bench/lib/report-rss.cjs …`): prints the
// process's peak RSS at exit, so the bench needs no /proc sampling in its own (the emulator's)
// event loop.
process.on("exit", () => {
  require("node:fs").writeSync(2, `\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
