import { NotificationListener } from "../db/index.js";

/** The channel on which `provider_search` and `platform.directory_entries` announce changes (payload: the schema). */
export const SEARCH_CHANGED_CHANNEL = "visitnow_search_changed";

interface Entry {
  stamp: string;
  expiresAt: number;
  value: unknown;
}

/**
 * A per-process cache of search answers, keyed by the parsed query. Every answer is
 * stamped with the generation of each source it read (a tenant's schema, and `platform`
 * for the marketplace directory); a change to a source bumps its generation, so no stale
 * answer is served after it. Changes arrive synchronously from this process's indexer and
 * relay, and from every other process through Postgres NOTIFY (statement triggers on the
 * read models); the TTL bounds what a lost notification could leave behind.
 */
export class SearchCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private epoch = 0;
  private listener: NotificationListener | null = null;
  /** Set once `listen` was asked for: from then on, nothing is cached while the listener is down. */
  private wantsListener = false;
  hits = 0;
  misses = 0;

  constructor(private readonly opts: { ttlMs: number; maxEntries?: number; now?: () => number }) {}

  get enabled(): boolean {
    return this.opts.ttlMs > 0;
  }

  /** Caching is safe when no other process exists to notify us, or while we hear them. */
  private get usable(): boolean {
    return this.enabled && (!this.wantsListener || (this.listener?.listening ?? false));
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private stampOf(sources: string[]): string {
    return `${this.epoch}:${sources.map((s) => this.generations.get(s) ?? 0).join(",")}`;
  }

  /** The cached answer for `key`, or `load()`'s (cached unless a source changed while it ran). */
  async getOrLoad<T>(sources: string[], key: string, load: () => Promise<T>): Promise<T> {
    if (!this.usable) return load();
    const stamp = this.stampOf(sources);
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp && hit.expiresAt > this.now()) {
      this.hits += 1;
      // Map order is recency order: re-insert on use.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    this.misses += 1;
    const value = await load();
    if (this.usable && this.stampOf(sources) === stamp) {
      this.entries.delete(key);
      this.entries.set(key, { stamp, expiresAt: this.now() + this.opts.ttlMs, value });
      const max = this.opts.maxEntries ?? 5000;
      while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }

  /** A source changed (a tenant schema, or `platform` for the directory). */
  invalidate(source: string): void {
    this.generations.set(source, (this.generations.get(source) ?? 0) + 1);
  }

  invalidateAll(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  /** Listens for changes made by other processes; reconnects (dropping everything) when the connection is lost. */
  async listen(databaseUrl: string, log: { warn(obj: object, msg: string): void }): Promise<void> {
    if (!this.enabled) return;
    this.wantsListener = true;
    await this.listener?.close();
    const listener = new NotificationListener({
      databaseUrl,
      channels: [SEARCH_CHANGED_CHANNEL],
      name: "visitnow-search-listener",
      label: "search change listener",
      log,
      onNotification: (_channel, payload) => (payload ? this.invalidate(payload) : this.invalidateAll()),
      // Changes missed while not listening are unknown: drop everything (and cache nothing until back).
      onStatus: () => this.invalidateAll(),
    });
    this.listener = listener;
    await listener.start();
  }

  /** True while another process's changes can reach this cache. */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  async close(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    await l?.close();
  }
}
