// Preloaded into a CLI the bench runs (`node --require bench/lib/report-rss.cjs …`): prints the
// process's peak RSS and CPU time at exit, so the bench needs no /proc sampling in its own (the
// emulator's) event loop.
process.on("exit", () => {
  const usage = process.resourceUsage();
  require("node:fs").writeSync(2, `\nBENCH_MAXRSS_KB=${usage.maxRSS}\nBENCH_CPU_MS=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
