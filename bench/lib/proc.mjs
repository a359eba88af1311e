/** Peak memory of a process tree, from /proc. */
import { readdirSync, readFileSync } from "node:fs";
import { round } from "./settings.mjs";

export function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

/** Peak RSS (VmHWM, KB) of `root` and of its descendants, by role, sampled every 100 ms. */
export function memorySampler(rootPid) {
  const peak = { pulumi: 0, provider: 0, program: 0 };
  const sample = () => {
    const children = new Map();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readProc(name, "stat");
      if (!stat) continue;
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    }
    const todo = [rootPid];
    while (todo.length) {
      const pid = todo.pop();
      for (const c of children.get(pid) ?? []) todo.push(c);
      const status = readProc(pid, "status");
      if (!status) continue;
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const cmd = (readProc(pid, "cmdline") ?? "").replace(/\0/g, " ");
      const role = pid === rootPid ? "pulumi" : cmd.includes("dynamic-provider") ? "provider" : cmd.includes("node") ? "program" : undefined;
      if (role) peak[role] = Math.max(peak[role], hwm);
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      return { pulumiMB: round(peak.pulumi / 1024, 0), providerMB: round(peak.provider / 1024, 0), programMB: round(peak.program / 1024, 0) };
    },
  };
}
