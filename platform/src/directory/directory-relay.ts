import type { Knex } from "knex";
import type { TenantDbRef, TenantUnitOfWork } from "../db/index.js";
import type { Logger } from "../observability/index.js";
import { DIRECTORY_TOPIC } from "../search/index.js";
import type { TenantStore } from "../tenancy/index.js";
import { DirectoryEntryStore, DirectoryOutboxStore, type DirectoryWrite } from "./directory-store.js";
import type { DirectoryRelay } from "./index.js";

const BATCH = 100;
/** Bounds one drain so a flood of events cannot hold a loop forever; the next kick or sweep continues. */
const MAX_BATCHES = 50;

export interface DirectoryRelayDeps {
  db: Knex;
  withTenant: TenantUnitOfWork;
  tenants: TenantStore;
  logger: Logger;
  linkBase: (host: string) => string;
  /** Called after directory entries changed (this process's search cache drops marketplace answers). */
  onChanged?: () => void;
}

/** Moves `directory.provider_changed` events from hospital outboxes into `platform.directory_entries`. */
export function createDirectoryRelayImpl(deps: DirectoryRelayDeps): DirectoryRelay {
  const entries = new DirectoryEntryStore(deps.db);

  /** One batch in one hospital transaction: lock events, read state, write the directory, mark done. */
  async function drainBatch(tenant: TenantDbRef, info: { slug: string; name: string; kind: string; primaryHost: string | null }): Promise<number> {
    let failure: unknown = null;
    const n = await deps.withTenant(tenant, async (scope) => {
      const outbox = new DirectoryOutboxStore(scope);
      const events = await outbox.takePending(DIRECTORY_TOPIC, BATCH);
      if (!events.length) return 0;
      const ids = events.map((e) => e.id);
      // The marketplace's own doctors are searched in its own schema, never through the directory.
      if (info.kind !== "hospital" || !info.primaryHost) {
        await outbox.markDispatched(ids);
        return events.length;
      }
      const latest = new Map<string, string>();
      for (const e of events) if (e.providerId && BigInt(e.id) > BigInt(latest.get(e.providerId) ?? "0")) latest.set(e.providerId, e.id);
      const snapshots = latest.size ? await outbox.snapshots([...latest.keys()]) : [];
      const byId = new Map(snapshots.map((s) => [s.providerId, s]));
      const base = deps.linkBase(info.primaryHost);
      const writes: DirectoryWrite[] = [...latest].map(([providerId, eventId]) => {
        const snap = byId.get(providerId);
        const row = snap?.row ?? null;
        return {
          providerId,
          sourceEventId: eventId,
          listed: Boolean(snap?.listed),
          profileUrl: row ? `${base}/doctors/${row.slug as string}` : base,
          // A doctor no longer listed keeps no fresh data in the directory: only the flag flips.
          row: snap?.listed ? row : null,
        };
      });
      try {
        await entries.apply({ id: tenant.id, slug: info.slug, name: info.name }, writes);
        deps.onChanged?.();
      } catch (err) {
        failure = err;
        await outbox.markFailed(ids);
        return 0;
      }
      await outbox.markDispatched(ids);
      return events.length;
    });
    if (failure) throw failure;
    return n;
  }

  async function drain(tenant: TenantDbRef): Promise<number> {
    const info = await entries.findTenant(tenant.id);
    if (!info) return 0;
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const n = await drainBatch(tenant, info);
      total += n;
      if (n < BATCH) break;
    }
    return total;
  }

  // Kicks coalesce per tenant: one drain runs at a time, and kicks during it ask for one more.
  const inFlight = new Map<string, { again: boolean }>();
  function kick(tenant: TenantDbRef): void {
    const state = inFlight.get(tenant.id);
    if (state) {
      state.again = true;
      return;
    }
    const mine = { again: false };
    inFlight.set(tenant.id, mine);
    const run = async () => {
      try {
        do {
          mine.again = false;
          await drain(tenant);
        } while (mine.again);
      } catch (err) {
        // Tenant slug and error text only: events and directory rows carry ids, never PHI.
        deps.logger.warn({ tenant: tenant.slug, err: err instanceof Error ? err.message : String(err) }, "directory relay: drain failed; the sweep will retry");
      } finally {
        inFlight.delete(tenant.id);
      }
    };
    setImmediate(() => void run());
  }

  async function drainAll(): Promise<number> {
    const all = await deps.tenants.list();
    let total = 0;
    for (const t of all) {
      if (t.kind !== "hospital" || t.status !== "active") continue;
      try {
        total += await drain(t);
      } catch (err) {
        deps.logger.warn({ tenant: t.slug, err: err instanceof Error ? err.message : String(err) }, "directory relay: drain failed");
      }
    }
    return total;
  }

  function start(intervalMs: number): () => void {
    let sweeping = false;
    const timer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      drainAll()
        .catch((err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, "directory relay: sweep failed"))
        .finally(() => {
          sweeping = false;
        });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  return { drain, drainAll, kick, start };
}
