import { z } from "zod";
import { ApiError } from "./errors";
import { issueToError } from "./validation/common";

/** The kinds of injected faults, as they appear in the request log. */
export type FaultKind = "error500" | "error503" | "reset" | "dropResponse" | "burst429" | "rateLimited" | "held";

const probability = z.number().min(0).max(1);
const range = z.tuple([z.int().min(0), z.int().min(0)]).refine(([a, b]) => a <= b, "{field} must be [min, max] with min ≤ max.");

/** Schema of the fault configuration (`POST /_emulator/faults`). */
export const faultConfigSchema = z.strictObject({
  /** Probability of answering 500 internal_error without doing anything. */
  error500: probability.optional(),
  /** Probability of answering 503 service_unavailable (with `Retry-After: 1`) without doing anything. */
  error503: probability.optional(),
  /** Probability of destroying the socket without answering and without doing anything. */
  reset: probability.optional(),
  /** Probability (POST/PATCH/DELETE only) of applying the request, then destroying the socket unanswered. */
  dropResponse: probability.optional(),
  /** Added latency per request, uniform in [min, max] ms. */
  latencyMs: range.optional(),
  /** With probability `p`, add `ms` more latency. */
  latencySpike: z.strictObject({ p: probability, ms: z.int().min(0) }).optional(),
  /** With probability `p`, start a run of `length` consecutive 429s (`Retry-After: 1`). */
  burst429: z.strictObject({ p: probability, length: z.int().min(1) }).optional(),
  /** Seed of the PRNG that drives every fault decision (deterministic runs). */
  seed: z.int().optional(),
  /**
   * After this many more writes (POST/PATCH/DELETE) are answered normally, apply every later
   * write and withhold its answer (the connection stays open until the client gives up or
   * dies): a client killed meanwhile leaves the write committed but unrecorded. Not random.
   */
  holdWrites: z.int().min(0).optional(),
  /** Whether `Idempotency-Key` is honoured (default true). */
  idempotency: z.boolean().optional(),
});

/** Fault configuration: every field optional, absent means off. */
export type FaultConfig = z.infer<typeof faultConfigSchema>;

/**
 * Validates a fault configuration.
 * @throws ApiError 400 `invalid_parameter`.
 */
export function parseFaultConfig(input: unknown): FaultConfig {
  const r = faultConfigSchema.safeParse(input, { reportInput: true });
  if (!r.success) throw issueToError(r.error.issues[0]);
  return r.data;
}

/** mulberry32: a small, fast, seedable PRNG returning [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What to do with one request. */
export interface FaultDecision {
  delayMs: number;
  /** A fault to answer with before handling (`dropResponse` is applied after handling). */
  fault: Exclude<FaultKind, "rateLimited"> | null;
}

/** Draws fault decisions from the current configuration. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;
  private burstLeft = 0;
  private writesSeen = 0;

  constructor(initial: FaultConfig = {}) {
    this.set(initial);
  }

  /** Replaces the whole configuration (absent fields are off); a `seed` restarts the PRNG. */
  set(config: FaultConfig): void {
    this.config = structuredClone(config);
    this.random = config.seed === undefined ? Math.random : mulberry32(config.seed);
    this.burstLeft = 0;
    this.writesSeen = 0;
  }

  /** The current configuration. */
  get(): FaultConfig {
    return structuredClone(this.config);
  }

  /** Whether idempotency keys are honoured. */
  get idempotency(): boolean {
    return this.config.idempotency ?? true;
  }

  private hit(p: number | undefined): boolean {
    return p !== undefined && p > 0 && this.random() < p;
  }

  /** Decides latency and fault for one /v1 request. */
  decide(method: string): FaultDecision {
    const c = this.config;
    const write = ["POST", "PATCH", "DELETE"].includes(method);
    if (write && c.holdWrites !== undefined && this.writesSeen++ >= c.holdWrites) return { delayMs: 0, fault: "held" };
    let delayMs = 0;
    if (c.latencyMs) delayMs += c.latencyMs[0] + Math.floor(this.random() * (c.latencyMs[1] - c.latencyMs[0] + 1));
    if (c.latencySpike && this.hit(c.latencySpike.p)) delayMs += c.latencySpike.ms;
    if (this.burstLeft === 0 && c.burst429 && this.hit(c.burst429.p)) this.burstLeft = c.burst429.length;
    if (this.burstLeft > 0) {
      this.burstLeft--;
      return { delayMs, fault: "burst429" };
    }
    if (this.hit(c.error500)) return { delayMs, fault: "error500" };
    if (this.hit(c.error503)) return { delayMs, fault: "error503" };
    if (this.hit(c.reset)) return { delayMs, fault: "reset" };
    if (write && this.hit(c.dropResponse)) return { delayMs, fault: "dropResponse" };
    return { delayMs, fault: null };
  }
}

/** The error answered for a pre-handling fault. */
export function faultError(fault: "error500" | "error503" | "burst429", rateHeaders: Record<string, string>): ApiError {
  if (fault === "error500") return new ApiError(500, "internal_error", "Injected fault: internal error.");
  if (fault === "error503") return new ApiError(503, "service_unavailable", "Injected fault: service unavailable.", undefined, { "Retry-After": "1" });
  return new ApiError(429, "rate_limited", "Too many requests; retry after 1 second.", undefined, rateHeaders);
}
