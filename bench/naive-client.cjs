/**
 * The bench's naive baseline, kept out of the shipped package: loaded into the
 * engine's processes with `NODE_OPTIONS=--require bench/naive-client.cjs` (the
 * bench's `naive` variant), it replaces the client class the provider builds with
 * one that has no rate limiter (every call sent at once, 429s retried after
 * `Retry-After`, as a typical hand-written provider would if it retried at all) and
 * no batched reads (one plain `GET` per read, nothing cached).
 */
"use strict";
const { join } = require("node:path");

const clientModule = require(join(__dirname, "..", "dist", "provider", "client", "client.js"));
const Shipped = clientModule.EosvoltClient;

/** Read batching of the naive baseline: each read is its own plain `GET`. */
const NAIVE_READS = { maxBatch: 1, scanTrigger: false, ttlMs: 0 };

class NaiveEosvoltClient extends Shipped {
  constructor(options) {
    super({ ...options, rateLimit: false, readBatching: NAIVE_READS });
  }
}

clientModule.EosvoltClient = NaiveEosvoltClient;
