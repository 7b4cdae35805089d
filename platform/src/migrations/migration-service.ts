import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Knex } from "knex";
import { tenantPreamble, type ClusterRegistry, type TenantDbRef } from "../db/index.js";
import { loadMigrations, type Migration } from "./migration-loader.js";
import { MigrationStore, type TenantRunRecord } from "./migration-store.js";

export interface TenantMigrationResult {
  slug: string;
  result: "applied" | "noop" | "failed";
  applied: string[];
  durationMs: number;
  error?: string;
}

export interface MigrateAllSummary {
  runId: string;
  platformApplied: string[];
  tenants: TenantMigrationResult[];
  counts: { total: number; applied: number; noop: number; failed: number };
  durationMs: number;
}

export interface MigrationProgress {
  done: number;
  total: number;
  last: TenantMigrationResult;
}

export interface MigrationServiceDeps {
  db: Knex;
  clusters: ClusterRegistry;
  platformDir: string;
  tenantDir: string;
  concurrency: number;
}

/** Runs `items` through `fn` with at most `limit` in flight. */
export async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Applies `pending` to one tenant inside a single transaction: the bookkeeping rows are
 * written first as the application role, then the transaction switches to the tenant's
 * role and schema and runs each `up`. Any failure rolls everything back.
 */
export async function applyTenantMigrations(
  trx: Knex.Transaction,
  store: MigrationStore,
  tenant: Pick<TenantDbRef, "id" | "schema" | "role">,
  pending: Migration[],
): Promise<void> {
  await store.recordTenantMigrations(
    trx,
    tenant.id,
    pending.map((m) => m.name),
  );
  await trx.raw(tenantPreamble(tenant, 10 * 60_000));
  for (const m of pending) await m.up(trx);
}

/** Platform-then-tenants migration orchestration (see docs/decisions/ADR-0004). */
export class MigrationService {
  private readonly store: MigrationStore;
  private tenantMigrations?: Promise<Migration[]>;

  constructor(private readonly deps: MigrationServiceDeps) {
    this.store = new MigrationStore(deps.db);
  }

  /** The tenant migrations on disk, loaded once. */
  loadTenantMigrations(): Promise<Migration[]> {
    this.tenantMigrations ??= loadMigrations(this.deps.tenantDir);
    return this.tenantMigrations;
  }

  get migrationStore(): MigrationStore {
    return this.store;
  }

  /**
   * Migrates the platform schema (stopping on failure), then every tenant with bounded
   * parallelism, going on past a failed tenant. One orchestrator at a time.
   */
  async migrateAll(
    opts: { slugs?: string[]; onProgress?: (p: MigrationProgress) => void; onWait?: () => void } = {},
  ): Promise<MigrateAllSummary> {
    const started = performance.now();
    const runId = randomUUID();
    return this.store.withLock(
      async () => {
        await this.store.ensurePlatformSchema();
        const platformApplied = await this.migratePlatform();
        const tenants = await this.migrateTenants(runId, opts.slugs, opts.onProgress);
        const counts = { total: tenants.length, applied: 0, noop: 0, failed: 0 };
        for (const t of tenants) counts[t.result] += 1;
        return { runId, platformApplied, tenants, counts, durationMs: performance.now() - started };
      },
      opts.onWait ?? (() => undefined),
    );
  }

  /** Migrates the platform schema only (what every command needs before it starts). */
  async migratePlatformOnly(): Promise<string[]> {
    return this.store.withLock(async () => {
      await this.store.ensurePlatformSchema();
      return this.migratePlatform();
    }, () => undefined);
  }

  private async migratePlatform(): Promise<string[]> {
    const migrations = await loadMigrations(this.deps.platformDir);
    const applied = await this.store.appliedPlatformMigrations();
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await this.deps.db.transaction(async (trx) => {
        await m.up(trx);
        await this.store.recordPlatformMigration(trx, m.name);
      });
      done.push(m.name);
    }
    return done;
  }

  private async migrateTenants(
    runId: string,
    slugs: string[] | undefined,
    onProgress?: (p: MigrationProgress) => void,
  ): Promise<TenantMigrationResult[]> {
    const migrations = await this.loadTenantMigrations();
    const tenants = await this.store.listMigratableTenants(slugs);
    const records: TenantRunRecord[] = [];
    let done = 0;
    const results = await mapWithConcurrency(tenants, this.deps.concurrency, async (tenant) => {
      const pending = migrations.filter((m) => !tenant.applied.has(m.name));
      const t0 = performance.now();
      let result: TenantMigrationResult;
      if (!pending.length) {
        result = { slug: tenant.slug, result: "noop", applied: [], durationMs: performance.now() - t0 };
      } else {
        try {
          await this.deps.clusters
            .get(tenant.cluster)
            .transaction((trx) => applyTenantMigrations(trx, this.store, tenant, pending));
          result = { slug: tenant.slug, result: "applied", applied: pending.map((m) => m.name), durationMs: performance.now() - t0 };
        } catch (err) {
          result = {
            slug: tenant.slug,
            result: "failed",
            applied: [],
            durationMs: performance.now() - t0,
            error: err instanceof Error ? err.message : String(err),
          };
        }
      }
      records.push({
        runId,
        tenantId: tenant.id,
        result: result.result,
        applied: result.applied,
        durationMs: result.durationMs,
        error: result.error ?? null,
      });
      done += 1;
      onProgress?.({ done, total: tenants.length, last: result });
      return result;
    });
    await this.store.recordRuns(records);
    return results;
  }
}
