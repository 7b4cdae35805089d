import { NotificationListener } from "../db/index.js";
import type { RoutedTenant } from "./tenant-types.js";

export interface TenantLookup {
  findByHostname(hostname: string): Promise<RoutedTenant | null>;
}

interface Entry {
  tenant: RoutedTenant | null;
  expiresAt: number;
}

export const TENANT_CHANGED_CHANNEL = "visitnow_tenant_changed";

/**
 * Hostname -> tenant, through an in-memory cache with a TTL. Unknown hosts are cached
 * too (briefly), so a flood of junk hosts does not become a flood of queries. Entries
 * are dropped explicitly when the control plane says a tenant or domain changed.
 */
export class TenantResolver {
  private readonly cache = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<RoutedTenant | null>>();
  private listener: NotificationListener | null = null;
  private generation = 0;

  constructor(
    private readonly lookup: TenantLookup,
    private readonly opts: { ttlMs: number; negativeTtlMs?: number; maxEntries?: number; now?: () => number } = { ttlMs: 30_000 },
  ) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /** A fresh cached answer (tenant or null), or undefined when a lookup is needed. */
  peek(hostname: string): RoutedTenant | null | undefined {
    const hit = this.cache.get(hostname);
    return hit && hit.expiresAt > this.now() ? hit.tenant : undefined;
  }

  /** The tenant for a normalised hostname, or null. */
  async resolve(hostname: string): Promise<RoutedTenant | null> {
    const hit = this.cache.get(hostname);
    if (hit && hit.expiresAt > this.now()) return hit.tenant;
    const pending = this.inflight.get(hostname);
    if (pending) return pending;
    const generation = this.generation;
    const p = this.lookup
      .findByHostname(hostname)
      .then((tenant) => {
        // An invalidation that arrived while we were querying makes this answer stale.
        if (generation === this.generation) this.store(hostname, tenant);
        return tenant;
      })
      .finally(() => {
        if (this.inflight.get(hostname) === p) this.inflight.delete(hostname);
      });
    this.inflight.set(hostname, p);
    return p;
  }

  private store(hostname: string, tenant: RoutedTenant | null): void {
    const max = this.opts.maxEntries ?? 10_000;
    this.cache.delete(hostname);
    if (this.cache.size >= max) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    const ttl = tenant ? this.opts.ttlMs : (this.opts.negativeTtlMs ?? Math.min(this.opts.ttlMs, 5_000));
    this.cache.set(hostname, { tenant, expiresAt: this.now() + ttl });
  }

  /** Drops every entry of one tenant, and every negative entry (a new domain may now resolve). */
  invalidateTenant(tenantId: string): void {
    this.generation += 1;
    // A lookup already running may have read the old row: later requests must not join it.
    this.inflight.clear();
    for (const [host, entry] of this.cache) {
      if (entry.tenant === null || entry.tenant.id === tenantId) this.cache.delete(host);
    }
  }

  invalidateAll(): void {
    this.generation += 1;
    this.inflight.clear();
    this.cache.clear();
  }

  get size(): number {
    return this.cache.size;
  }

  /**
   * Subscribes to the control plane's change notifications (sent by triggers on
   * `platform.tenants` and `platform.tenant_domains`), so every process drops stale
   * entries within moments of a change. Reconnects after a lost connection.
   */
  async listen(databaseUrl: string, log: { warn(obj: object, msg: string): void }): Promise<void> {
    await this.listener?.close();
    const listener = new NotificationListener({
      databaseUrl,
      channels: [TENANT_CHANGED_CHANNEL],
      name: "visitnow-tenant-listener",
      label: "tenant change listener",
      log,
      onNotification: (_channel, payload) => (payload ? this.invalidateTenant(payload) : this.invalidateAll()),
      // Changes made while we were not listening are unknown: start from a clean cache.
      onStatus: () => this.invalidateAll(),
    });
    this.listener = listener;
    await listener.start();
  }

  async close(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    await l?.close();
  }
}
