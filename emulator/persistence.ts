import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { StoreSnapshot } from "./store";
import type { IdempotencyRecord } from "./idempotency";

/** What the data file holds. */
export interface DataFileContent {
  store: StoreSnapshot;
  idempotency: [string, IdempotencyRecord][];
}

/** Default delay between a change and the write that persists it. */
export const DEFAULT_DEBOUNCE_MS = 50;

/**
 * The `--data FILE` persistence: loads the file at start, writes it (debounced) after
 * changes, and flushes on close. Each write goes to a temporary file beside the target
 * and is renamed over it, so the file is never half written.
 */
export class DataFile {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  /**
   * @param path the data file.
   * @param snapshot produces the content to write.
   */
  constructor(
    readonly path: string,
    private readonly snapshot: () => DataFileContent,
    private readonly debounceMs = DEFAULT_DEBOUNCE_MS,
  ) {}

  /**
   * Reads the file, or `undefined` when it does not exist.
   * @throws Error when it exists but is not a valid data file (never silently discarded).
   */
  read(): DataFileContent | undefined {
    if (!existsSync(this.path)) return undefined;
    const text = readFileSync(this.path, "utf8");
    let parsed: DataFileContent;
    try {
      parsed = JSON.parse(text) as DataFileContent;
    } catch (err) {
      throw new Error(`Data file ${this.path} is not valid JSON: ${(err as Error).message}`);
    }
    if (!parsed || typeof parsed !== "object" || !parsed.store || parsed.store.version !== 1) {
      throw new Error(`Data file ${this.path} is not an EOSVOLT emulator data file (version 1).`);
    }
    return parsed;
  }

  /** Notes a change and schedules a write. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now if anything changed (synchronous: safe in signal handlers). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.dirty) return;
    this.dirty = false;
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()), { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}
