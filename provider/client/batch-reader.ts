/**
 * Batched reads for `pulumi refresh`: `read(id)` resolves to the object, or
 * `undefined` when it is gone, at a fraction of one request per object.
 *
 * Two mechanisms, per kind of object:
 *
 * 1. Coalescing. Reads that miss the cache are queued; the queue is flushed
 *    `windowMs` (5 ms) after its first entry, or at once when it holds
 *    `maxBatch` (100) ids, as ONE list request `GET /v1/<kind>?id=a,b,c&limit=100`.
 *    Ids absent from the answer are gone (`undefined`). The engine runs only 8
 *    reads at once by default, so coalescing alone costs about 1/8 request per
 *    object.
 *
 * 2. Read-ahead. When reads keep coming (more than `scanTrigger.reads` = 16
 *    within `scanTrigger.withinMs` = 1 s), the reader starts scanning the kind's
 *    list, page by page (limit 100, sorted by a stable key, `createdAt`), and
 *    caches every object it sees for `ttlMs` (5 s) counted from when the page was
 *    requested; later reads of the run are served from there, so nothing older
 *    than 5 s is ever reported. Reads that miss while a page is in flight wait for
 *    it; when the scan pauses, they fall back to coalescing. A miss never means
 *    "gone" by itself (pages shift when objects are created or deleted during a
 *    scan): only an `id=` request decides that.
 *
 *    The scan is bounded: it never goes past `pagination.total`, it only fetches
 *    the next page while the objects scanned stay within `scanFactor` (8) times
 *    the reads seen in the run, and it stops for the run once 3 pages have been
 *    scanned and they hold, on average, fewer than 1 object that was actually read
 *    (the stack is a sparse subset of the account): a stack of 40 chargers in an
 *    account of 100 000 costs 3 scan pages plus its `id=` batches (tested). After `ttlMs` the cache has
 *    expired and a new run (and scan) may start.
 *
 * Cost: a refresh of 1000 objects of one kind at 8 in flight takes ~2 `id=`
 * batches until the trigger fires, then about 10 pages (fewer requests the more
 * the engine's order follows creation order): under 0.1 requests per object.
 *
 * Pass-through: with `maxBatch: 1` and `scanTrigger: false` there is nothing to
 * batch, so every read is one plain `fetchOne` (`GET /v1/<kind>/<id>`), never
 * cached: the naive baseline of `npm run bench` (one request per read).
 *
 * Only reads fill the cache; writes through the client `forget()` the object
 * they change, so a read never reports an answer older than the read burst.
 */
import type { Page } from "./pagination";

/** Tunables of {@link BatchReader}. */
export interface BatchReaderOptions<T extends { id: string }> {
  /** One list request for these ids (≤ 100); objects not returned are gone. */
  fetchByIds: (ids: string[]) => Promise<T[]>;
  /** One page (1-based, `limit` 100) of the whole kind, sorted by a stable key. */
  fetchScanPage: (page: number, limit: number) => Promise<Page<T>>;
  /** Reads one object; `undefined` when gone. Used for ids that cannot go in an `id=` list (they contain a comma). */
  fetchOne: (id: string) => Promise<T | undefined>;
  /** Clock in milliseconds. @default Date.now */
  now?: () => number;
  /** Collect reads for this long before sending a batch. @default 5 */
  windowMs?: number;
  /** Largest batch. @default 100 */
  maxBatch?: number;
  /** How long a scanned object may be served, from when its page was requested. @default 5000 */
  ttlMs?: number;
  /** Start a read-ahead scan after more than `reads` reads within `withinMs`. @default { reads: 16, withinMs: 1000 } */
  scanTrigger?: { reads: number; withinMs: number } | false;
  /** Scan at most this many objects per read seen in the run. @default 8 */
  scanFactor?: number;
  /** Page size of scans. @default 100 */
  pageSize?: number;
}

/** Counters of a {@link BatchReader}. */
export interface BatchReaderStats {
  /** `read()` calls. */
  reads: number;
  /** Reads served from the cache without a request. */
  cacheHits: number;
  /** `id=` list requests sent. */
  batchRequests: number;
  /** Ids asked for in `id=` requests. */
  batchedIds: number;
  /** Scan pages fetched. */
  scanPages: number;
  /** Scans started. */
  scans: number;
  /** Reads that resolved to `undefined` (gone). */
  gone: number;
}

interface Waiter<T> {
  resolve: (value: T | undefined) => void;
  reject: (error: unknown) => void;
}

interface Scan {
  nextPage: number;
  total?: number;
  scanned: number;
  pages: number;
  done: boolean;
  readsInRun: number;
  matched: Set<string>;
  seen: Set<string>;
  startedAt: number;
}

/** The batching reader described in the file header. */
export class BatchReader<T extends { id: string }> {
  private readonly o: Required<Omit<BatchReaderOptions<T>, "scanTrigger">> & { scanTrigger: { reads: number; withinMs: number } | false };
  private readonly cache = new Map<string, { value: T; at: number; fromScan: boolean }>();
  private queue = new Map<string, Waiter<T>[]>();
  private timer: NodeJS.Timeout | undefined;
  private readonly parked = new Map<string, Waiter<T>[]>();
  private readonly recent: number[] = [];
  private scan: Scan | undefined;
  private scanInFlight = false;
  private readonly counters: BatchReaderStats = { reads: 0, cacheHits: 0, batchRequests: 0, batchedIds: 0, scanPages: 0, scans: 0, gone: 0 };

  constructor(options: BatchReaderOptions<T>) {
    this.o = {
      now: Date.now,
      windowMs: 5,
      maxBatch: 100,
      ttlMs: 5000,
      scanTrigger: { reads: 16, withinMs: 1000 },
      scanFactor: 8,
      pageSize: 100,
      ...options,
    } as BatchReader<T>["o"];
    this.o.maxBatch = Math.min(100, Math.max(1, this.o.maxBatch));
    this.o.pageSize = Math.min(100, Math.max(1, this.o.pageSize));
  }

  /** Copies of the counters. */
  stats(): BatchReaderStats {
    return { ...this.counters };
  }

  /** Caches an object the API just returned (after create, update or get). */
  remember(value: T): void {
    this.cache.set(value.id, { value, at: this.o.now(), fromScan: false });
  }

  /** Drops an object from the cache (after delete, or when in doubt). */
  forget(id: string): void {
    this.cache.delete(id);
  }

  /** Reads `id`: the object, or `undefined` when it does not exist (any more). */
  read(id: string): Promise<T | undefined> {
    const now = this.o.now();
    this.counters.reads += 1;
    if (this.o.maxBatch === 1 && this.o.scanTrigger === false) {
      return this.o.fetchOne(id).then((value) => {
        if (value === undefined) this.counters.gone += 1;
        return value;
      });
    }
    this.noteRead(id, now);
    const hit = this.fresh(id, now);
    if (hit) {
      this.counters.cacheHits += 1;
      return Promise.resolve(hit);
    }
    return new Promise<T | undefined>((resolve, reject) => {
      const waiter = { resolve, reject };
      if (id.includes(",")) {
        this.o.fetchOne(id).then(resolve, reject);
        return;
      }
      if (this.scanInFlight || this.maybeScan(now)) {
        push(this.parked, id, waiter);
      } else {
        this.enqueue(id, waiter);
      }
    });
  }

  private fresh(id: string, now: number): T | undefined {
    const entry = this.cache.get(id);
    if (!entry) return undefined;
    if (now - entry.at > this.o.ttlMs) {
      this.cache.delete(id);
      return undefined;
    }
    if (entry.fromScan && this.scan) this.scan.matched.add(id);
    return entry.value;
  }

  private noteRead(id: string, now: number): void {
    const trigger = this.o.scanTrigger;
    if (trigger) {
      this.recent.push(now);
      while (this.recent.length > 0 && now - this.recent[0] > trigger.withinMs) this.recent.shift();
    }
    if (this.scan && now - this.scan.startedAt > this.o.ttlMs && !this.scanInFlight) this.scan = undefined;
    if (this.scan) {
      this.scan.readsInRun += 1;
      this.scan.seen.add(id);
    }
  }

  /** Starts or continues the read-ahead when the run justifies one more page; true when a page is now in flight. */
  private maybeScan(now: number): boolean {
    const trigger = this.o.scanTrigger;
    if (!trigger) return false;
    if (!this.scan) {
      if (this.recent.length <= trigger.reads) return false;
      this.counters.scans += 1;
      this.scan = {
        nextPage: 1,
        scanned: 0,
        pages: 0,
        done: false,
        readsInRun: this.recent.length,
        matched: new Set(),
        seen: new Set(),
        startedAt: now,
      };
    }
    if (!this.mayFetchPage(this.scan)) return false;
    void this.fetchPage(this.scan);
    return true;
  }

  private mayFetchPage(scan: Scan): boolean {
    if (scan.done) return false;
    if (scan.total !== undefined && scan.scanned >= scan.total) return false;
    if (scan.pages >= 1 && scan.scanned + this.o.pageSize > Math.max(this.o.pageSize, this.o.scanFactor * scan.readsInRun)) return false;
    if (scan.pages >= 3 && scan.matched.size < scan.pages) {
      scan.done = true; // sparse: the stack is a small part of the account
      return false;
    }
    return true;
  }

  private async fetchPage(scan: Scan): Promise<void> {
    this.scanInFlight = true;
    const requestedAt = this.o.now();
    try {
      const page = await this.o.fetchScanPage(scan.nextPage, this.o.pageSize);
      this.counters.scanPages += 1;
      scan.pages += 1;
      scan.nextPage += 1;
      scan.scanned += page.data.length;
      scan.total = page.pagination.total ?? scan.total;
      if (!page.pagination.hasMore || page.data.length === 0) scan.done = true;
      for (const item of page.data) {
        const known = this.cache.get(item.id);
        // Never replace a fresher object the client itself wrote or read.
        if (!known || known.at <= requestedAt) this.cache.set(item.id, { value: item, at: requestedAt, fromScan: true });
        if (scan.seen.has(item.id)) scan.matched.add(item.id);
        const waiters = this.parked.get(item.id);
        if (waiters) {
          this.parked.delete(item.id);
          this.counters.cacheHits += waiters.length;
          for (const w of waiters) w.resolve(item);
        }
      }
    } catch {
      scan.done = true; // a failing scan is only an optimisation lost: fall back to id= requests
    } finally {
      this.scanInFlight = false;
    }
    if (this.parked.size > 0 && this.scan === scan && this.mayFetchPage(scan)) {
      void this.fetchPage(scan);
      return;
    }
    const parked = [...this.parked];
    this.parked.clear();
    for (const [id, waiters] of parked) for (const w of waiters) this.enqueue(id, w);
  }

  private enqueue(id: string, waiter: Waiter<T>): void {
    push(this.queue, id, waiter);
    if (this.queue.size >= this.o.maxBatch) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.o.windowMs);
    }
  }

  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.queue.size === 0) return;
    const batch = this.queue;
    this.queue = new Map();
    const ids = [...batch.keys()];
    this.counters.batchRequests += 1;
    this.counters.batchedIds += ids.length;
    const requestedAt = this.o.now();
    this.o.fetchByIds(ids).then(
      (items) => {
        const byId = new Map(items.map((item) => [item.id, item]));
        for (const [id, waiters] of batch) {
          const item = byId.get(id);
          if (item) this.cache.set(id, { value: item, at: requestedAt, fromScan: false });
          else {
            this.cache.delete(id);
            this.counters.gone += waiters.length;
          }
          for (const w of waiters) w.resolve(item);
        }
      },
      (error: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
      },
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
