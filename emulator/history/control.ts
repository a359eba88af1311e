import { z } from "zod";
import { ApiError } from "../errors";
import { issueToError } from "../validation/common";
import { checkHistoryOptions, MAX_HISTORY_DAYS, type HistoryOptions } from "./generate";

export type { HistoryOptions, HistoryResult } from "./generate";

const historyBody = z.strictObject({
  days: z.int().min(1).max(MAX_HISTORY_DAYS),
  seed: z.int().optional(),
  until: z.string().optional(),
  arrivalsPerConnectorDay: z.number().gt(0).max(500).optional(),
});

/**
 * Reads the body of `POST /_emulator/history`: `{ days, seed?, until?, arrivalsPerConnectorDay? }`.
 * @throws ApiError 400 `invalid_parameter` naming the field.
 */
export function parseHistoryBody(body: unknown): HistoryOptions {
  const r = historyBody.safeParse(body, { reportInput: true });
  if (!r.success) throw issueToError(r.error.issues[0]);
  try {
    checkHistoryOptions(r.data);
  } catch (err) {
    const field = /^(\w+)/.exec((err as Error).message)?.[1];
    throw new ApiError(400, "invalid_parameter", `Field '${field}': ${(err as Error).message}.`, field);
  }
  return r.data;
}
