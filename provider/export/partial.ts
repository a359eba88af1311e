/**
 * A file written through `FILE.partial` and a state file beside it, so that a
 * file cut short never looks complete and `--resume` continues it exactly.
 *
 * The state (`FILE.partial.state.json`, replaced atomically by rename) holds the
 * query, the format, the history's cursor and the byte length of
 * `FILE.partial` when that cursor was taken, with the rows and the summary so
 * far (written at most once a second and at every window's end). Rows are appended before
 * the state that covers them is written, so a
 * resume truncates `FILE.partial` to the recorded length (dropping rows written
 * after the last state) and continues from the cursor: no row lost, none twice.
 * At the end `FILE.partial` is renamed to `FILE` and the state removed.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import type { HistoryQuery } from "../client/history";
import { UsageError } from "./args";
import type { summaryJson } from "./summary";

/** What a resume needs. */
export interface PartialState {
  v: 1;
  query: HistoryQuery;
  format: string;
  cursor: string;
  bytes: number;
  rows: number;
  summary: ReturnType<typeof summaryJson>;
}

/** The partial file and state paths of `out`. */
export function partialPaths(out: string): { partial: string; state: string } {
  return { partial: `${out}.partial`, state: `${out}.partial.state.json` };
}

const describe = (q: HistoryQuery) =>
  `${q.from} → ${q.to}${q.locationId.length ? `, location ${q.locationId.join(", ")}` : ""}${q.chargerId.length ? `, charger ${q.chargerId.join(", ")}` : ""}`;

/** The partial file being written. */
export class PartialFile {
  readonly #fd: number;
  #bytes: number;
  readonly paths: { partial: string; state: string };

  private constructor(readonly out: string, fd: number, bytes: number) {
    this.paths = partialPaths(out);
    this.#fd = fd;
    this.#bytes = bytes;
  }

  /**
   * Starts `out.partial`, or with `resume` reopens it at the length its state
   * records. Refuses (before any request) to overwrite a cut-off export without
   * `--resume`, to resume nothing, and to resume an export of another query or format.
   */
  static open(out: string, resume: boolean, query: HistoryQuery, format: string): { file: PartialFile; state?: PartialState } {
    const paths = partialPaths(out);
    const cutOff = existsSync(paths.partial) || existsSync(paths.state);
    if (!resume) {
      if (cutOff) throw new UsageError(`${paths.partial} exists: an earlier export to ${out} was cut short. Pass --resume to continue it, or delete ${paths.partial} and ${paths.state}.`);
      const fd = openSync(paths.partial, "w");
      return { file: new PartialFile(out, fd, 0) };
    }
    if (!existsSync(paths.state) || !existsSync(paths.partial)) throw new UsageError(`--resume: there is no cut-off export to ${out} (no ${existsSync(paths.partial) ? paths.state : paths.partial}).`);
    let state: PartialState;
    try {
      state = JSON.parse(readFileSync(paths.state, "utf8")) as PartialState;
    } catch (error) {
      throw new UsageError(`--resume: ${paths.state} is not readable: ${(error as Error).message}`);
    }
    if (state?.v !== 1 || typeof state.cursor !== "string" || !Number.isInteger(state.bytes)) throw new UsageError(`--resume: ${paths.state} is not an export state.`);
    if (JSON.stringify(state.query) !== JSON.stringify(query)) {
      throw new UsageError(`--resume: ${paths.partial} is an export of another query (${describe(state.query)}), not of ${describe(query)}.`);
    }
    if (state.format !== format) throw new UsageError(`--resume: ${paths.partial} is in ${state.format}, not ${format}; resume with --format ${state.format}.`);
    const fd = openSync(paths.partial, "r+");
    ftruncateSync(fd, state.bytes);
    return { file: new PartialFile(out, fd, state.bytes), state };
  }

  /** Appends text. */
  append(text: string): void {
    const buffer = Buffer.from(text, "utf8");
    let written = 0;
    while (written < buffer.length) written += writeSync(this.#fd, buffer, written, buffer.length - written, this.#bytes + written);
    this.#bytes += buffer.length;
  }

  /** Records a state covering everything appended so far (atomically). */
  checkpoint(state: Omit<PartialState, "bytes" | "v">): void {
    const full: PartialState = { v: 1, ...state, bytes: this.#bytes };
    writeFileSync(`${this.paths.state}.tmp`, JSON.stringify(full));
    renameSync(`${this.paths.state}.tmp`, this.paths.state);
  }

  /** Closes without completing (a failure): the partial file and state stay for `--resume`. */
  abandon(): void {
    closeSync(this.#fd);
  }

  /** Completes: renames `out.partial` to `out` and removes the state. */
  complete(): void {
    closeSync(this.#fd);
    renameSync(this.paths.partial, this.out);
    rmSync(this.paths.state, { force: true });
  }
}
