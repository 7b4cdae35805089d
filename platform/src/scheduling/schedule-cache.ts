import { NotificationListener, type TenantDbRef } from "../db/index.js";
import type { ScheduleSnapshot } from "./slot-store.js";

/** Rules, exceptions, booking policy, clinics or publication of a tenant changed (payload: the schema). */
export const SCHEDULE_CHANGED_CHANNEL = "visitnow_schedule_changed";
/** A doctor's appointments changed (payload: "<schema>:<provider id>", or the schema alone for all of them). */
export const SEATS_CHANGED_CHANNEL = "visitnow_seats_changed";

/** A doctor's schedule without appointments, read for the local dates `fromDate`..`toDate`. */
export type CachedSchedule = Omit<ScheduleSnapshot, "taken"> & { fromDate: string; toDate: string };

/** A doctor's seat-holding appointments overlapping [fromMs, toMs), as [start, end, hold expiry or Infinity]. */
export interface CachedSeats {
  fromMs: number;
  toMs: number;
  taken: [number, number, number][];
}

interface Entry<T> {
  stamp: string;
  expiresAt: number;
  value: T;
}

/**
 * A per-process cache of doctors' schedules and seats for open-slot answers. Entries are
 * stamped with generations that a change bumps: every schedule of a tenant on
 * `visitnow_schedule_changed`, one doctor's seats on `visitnow_seats_changed` (both sent by
 * triggers at commit, from every process). A read that ran while its generation moved is
 * not kept, so no answer older than the last notification survives.
 *
 * Staleness: after a commit, until its notification arrives (a few milliseconds on one
 * host), an answer may still show the old schedule or a just-taken slot as open; the TTL
 * bounds anything a lost notification could leave. That is all a cached answer can get
 * wrong: a booking still takes its seat under the database's exclusion constraint.
 *
 * The cache is used only while its listener is connected (nothing is cached before
 * `listen` or while reconnecting, and everything is dropped on reconnect) and only for
 * tenants on the listened cluster.
 */
export class ScheduleCache {
  private readonly schedules = new Map<string, Entry<CachedSchedule>>();
  private readonly seats = new Map<string, Entry<CachedSeats>>();
  private readonly generations = new Map<string, number>();
  private counter = 0;
  private epoch = 0;
  private listener: NotificationListener | null = null;
  hits = 0;
  misses = 0;

  constructor(private readonly opts: { ttlMs: number; maxEntries?: number; cluster?: string; now?: () => number } = { ttlMs: 30_000 }) {}

  private nowMs(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /** Whether answers for this tenant may come from (and go to) the cache now. */
  usableFor(tenant: TenantDbRef): boolean {
    return (this.listener?.listening ?? false) && this.opts.ttlMs > 0 && tenant.cluster === (this.opts.cluster ?? "default");
  }

  private gen(key: string): number {
    return this.generations.get(key) ?? 0;
  }

  /** The stamp a schedule read of this tenant must still carry when it is stored. */
  scheduleStamp(tenant: TenantDbRef): string {
    return `${this.epoch}:${this.gen(tenant.schema)}`;
  }

  /** The stamp a seats read of this doctor must still carry when it is stored. */
  seatsStamp(tenant: TenantDbRef, providerId: string): string {
    return `${this.epoch}:${this.gen(`${tenant.schema}#seats`)}:${this.gen(`${tenant.schema}:${providerId}`)}`;
  }

  private get<T>(map: Map<string, Entry<T>>, key: string, stamp: string): T | undefined {
    const hit = map.get(key);
    if (hit && hit.stamp === stamp && hit.expiresAt > this.nowMs()) {
      this.hits += 1;
      return hit.value;
    }
    this.misses += 1;
    return undefined;
  }

  private put<T>(map: Map<string, Entry<T>>, key: string, stamp: string, now: string, value: T): void {
    // A change arrived while the read ran: its answer may predate the change.
    if (stamp !== now) return;
    map.delete(key);
    map.set(key, { stamp, expiresAt: this.nowMs() + this.opts.ttlMs, value });
    const max = this.opts.maxEntries ?? 20_000;
    while (map.size > max) map.delete(map.keys().next().value as string);
  }

  /** The cached schedule of a doctor if it covers `fromDate`..`toDate`. */
  getSchedule(tenant: TenantDbRef, providerId: string, fromDate: string, toDate: string): CachedSchedule | undefined {
    if (!this.usableFor(tenant)) return undefined;
    const s = this.get(this.schedules, `${tenant.schema}:${providerId}`, this.scheduleStamp(tenant));
    return s && s.fromDate <= fromDate && s.toDate >= toDate ? s : undefined;
  }

  putSchedule(tenant: TenantDbRef, providerId: string, stamp: string, value: CachedSchedule): void {
    if (this.usableFor(tenant)) this.put(this.schedules, `${tenant.schema}:${providerId}`, stamp, this.scheduleStamp(tenant), value);
  }

  /** The cached seats of a doctor if they cover [fromMs, toMs). */
  getSeats(tenant: TenantDbRef, providerId: string, fromMs: number, toMs: number): CachedSeats | undefined {
    if (!this.usableFor(tenant)) return undefined;
    const s = this.get(this.seats, `${tenant.schema}:${providerId}`, this.seatsStamp(tenant, providerId));
    return s && s.fromMs <= fromMs && s.toMs >= toMs ? s : undefined;
  }

  putSeats(tenant: TenantDbRef, providerId: string, stamp: string, value: CachedSeats): void {
    if (this.usableFor(tenant)) this.put(this.seats, `${tenant.schema}:${providerId}`, stamp, this.seatsStamp(tenant, providerId), value);
  }

  /** Something of a schema's schedules changed. */
  invalidateSchedules(schema: string): void {
    this.bump(schema);
  }

  /** A doctor's appointments changed (or, with no provider, every doctor's of the schema). */
  invalidateSeats(schema: string, providerId?: string): void {
    this.bump(providerId ? `${schema}:${providerId}` : `${schema}#seats`);
  }

  private bump(key: string): void {
    // Generations come from one counter, so a key forgotten (below) and bumped again can
    // never return to a value an old entry carries.
    this.generations.set(key, ++this.counter);
    if (this.generations.size > 200_000) this.invalidateAll();
  }

  invalidateAll(): void {
    this.epoch += 1;
    this.schedules.clear();
    this.seats.clear();
    this.generations.clear();
  }

  private onNotification(channel: string, payload: string | undefined): void {
    if (!payload) return this.invalidateAll();
    if (channel === SCHEDULE_CHANGED_CHANNEL) return this.invalidateSchedules(payload);
    const i = payload.indexOf(":");
    if (i < 0) this.invalidateSeats(payload);
    else this.invalidateSeats(payload.slice(0, i), payload.slice(i + 1));
  }

  /** Listens for changes from every process; reconnects (dropping everything, caching nothing meanwhile) when the connection is lost. */
  async listen(databaseUrl: string, log: { warn(obj: object, msg: string): void }): Promise<void> {
    if (this.opts.ttlMs <= 0) return;
    await this.listener?.close();
    const listener = new NotificationListener({
      databaseUrl,
      channels: [SCHEDULE_CHANGED_CHANNEL, SEATS_CHANGED_CHANNEL],
      name: "visitnow-schedule-listener",
      label: "schedule change listener",
      log,
      onNotification: (channel, payload) => this.onNotification(channel, payload),
      // Changes missed while not listening are unknown: drop everything, down or back up.
      onStatus: () => this.invalidateAll(),
    });
    this.listener = listener;
    await listener.start();
  }

  /** True while other processes' changes reach this cache (and so it is in use). */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  async close(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    this.invalidateAll();
    await l?.close();
  }
}

/** The process's cache; the server starts its listener (`listen`), until then it caches nothing. */
export const scheduleCache = new ScheduleCache({ ttlMs: 30_000 });
