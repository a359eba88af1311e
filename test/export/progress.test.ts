import { describe, expect, it } from "vitest";
import { ExportProgress } from "../../provider/export/progress";

const window = (i: number) => ({ from: Date.UTC(2026, 9, 1 + 31 * i), to: Date.UTC(2026, 9, 32 + 31 * i) });
const progress = (windowIndex: number, pages: number) => ({ windowIndex, windows: 2, window: window(windowIndex), sessions: 0, pages });

describe("export progress on stderr", () => {
  it("on a terminal: one bar redrawn in place with count, rate and window", () => {
    const out: string[] = [];
    let now = 0;
    const p = new ExportProgress({ write: (t: string) => out.push(t), isTTY: true }, () => now);
    now = 2000;
    p.update(progress(0, 1), 100);
    now = 2050; // within 100 ms: not redrawn
    p.update(progress(0, 1), 101);
    now = 4000;
    p.update(progress(1, 2), 300);
    p.finish();
    expect(out).toHaveLength(3);
    expect(out[0]).toBe("\r[--------------------] 100 sessions · 50/s · window 1/2 2026-10-01 → 2026-11-01\x1b[K");
    expect(out[1]).toMatch(/^\r\[#{10}-{10}\] 300 sessions · 75\/s · window 2\/2 2026-11-01 → 2026-12-02/);
    expect(out[2]).toBe("\n");
  });

  it("otherwise: one line per window, nothing per session", () => {
    const out: string[] = [];
    let now = 0;
    const p = new ExportProgress({ write: (t: string) => out.push(t), isTTY: false }, () => now);
    for (let n = 1; n <= 120; n += 1) p.update(progress(0, 2), n);
    now = 4000;
    p.windowDone(progress(0, 2), 120);
    p.update(progress(1, 3), 121);
    p.windowDone(progress(1, 3), 121);
    expect(out).toEqual([
      "eosvolt-export: window 1/2 2026-10-01 → 2026-11-01: 120 sessions (120 in all, 30/s, 2 pages)\n",
      "eosvolt-export: window 2/2 2026-11-01 → 2026-12-02: 1 session (121 in all, 30/s, 3 pages)\n",
    ]);
  });
});
