/**
 * Progress of an export on stderr: on a terminal, one bar redrawn in place
 * (windows done, sessions, sessions per second, the window in progress); else
 * one line per window, for logs.
 */
import type { HistoryProgress } from "../client/history";

/** Where progress goes: stderr, and whether it is a terminal. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const sessions = (n: number) => `${n} session${n === 1 ? "" : "s"}`;

export class ExportProgress {
  readonly #sink: ProgressSink;
  readonly #now: () => number;
  readonly #started: number;
  #lastDraw = 0;
  #lastWindow = -1;
  #windowStartCount = 0;

  constructor(sink: ProgressSink, now: () => number, private readonly startCount = 0) {
    this.#sink = sink;
    this.#now = now;
    this.#started = now();
    this.#windowStartCount = startCount;
  }

  #rate(count: number): string {
    const seconds = (this.#now() - this.#started) / 1000;
    return seconds > 0 ? `${Math.round((count - this.startCount) / seconds)}/s` : "–/s";
  }

  /** After each session (cheap: draws at most 10 times a second on a terminal). */
  update(p: HistoryProgress, count: number): void {
    if (p.windowIndex !== this.#lastWindow) this.#windowChanged(p, count);
    if (!this.#sink.isTTY) return;
    const t = this.#now();
    if (t - this.#lastDraw < 100) return;
    this.#lastDraw = t;
    this.#draw(p, count);
  }

  #draw(p: HistoryProgress, count: number): void {
    const width = 20;
    const filled = Math.round((width * p.windowIndex) / Math.max(1, p.windows));
    this.#sink.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${count} sessions · ${this.#rate(count)} · window ${p.windowIndex + 1}/${p.windows} ${day(p.window.from)} → ${day(p.window.to)}\x1b[K`,
    );
  }

  /** `count` already holds the window's first session. */
  #windowChanged(p: HistoryProgress, count: number): void {
    this.#lastWindow = p.windowIndex;
    this.#windowStartCount = count - 1;
  }

  /** When a window is done (a line per window when stderr is not a terminal). */
  windowDone(p: HistoryProgress, count: number): void {
    if (this.#sink.isTTY) {
      this.#draw(p, count);
      return;
    }
    this.#sink.write(
      `eosvolt-export: window ${p.windowIndex + 1}/${p.windows} ${day(p.window.from)} → ${day(p.window.to)}: ${sessions(count - this.#windowStartCount)} (${count} in all, ${this.#rate(count)}, ${p.pages} pages)\n`,
    );
    this.#windowStartCount = count;
  }

  /** Ends the bar's line. */
  finish(): void {
    if (this.#sink.isTTY) this.#sink.write("\n");
  }
}
