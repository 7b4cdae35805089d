import type { Knex } from "knex";
import pg from "pg";

const SCHEMA_MIGRATIONS = "platform.schema_migrations";
const TENANTS = "platform.tenants";
const TENANT_MIGRATIONS = "platform.tenant_migrations";
const TENANT_MIGRATION_RUNS = "platform.tenant_migration_runs";
const LOCK_KEY = 720_170_001;

export interface MigratableTenant {
  id: string;
  slug: string;
  schema: string;
  role: string;
  cluster: string;
  applied: Set<string>;
}

export interface TenantRunRecord {
  runId: string;
  tenantId: string;
  result: "applied" | "noop" | "failed";
  applied: string[];
  durationMs: number;
  error: string | null;
}

/** Migration bookkeeping in the `platform` schema. */
export class MigrationStore {
  constructor(private readonly db: Knex) {}

  /**
   * Holds the orchestrator's advisory lock for as long as `work` runs. The lock lives on
   * a dedicated connection outside the pool, so a small pool cannot deadlock on it, and
   * Postgres releases it if this process dies.
   */
  async withLock<T>(work: () => Promise<T>, onWait: () => void): Promise<T> {
    const client = new pg.Client(this.db.client.config.connection as pg.ClientConfig);
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [LOCK_KEY]);
      if (!rows[0]?.locked) {
        onWait();
        await client.query("select pg_advisory_lock($1)", [LOCK_KEY]);
      }
      try {
        return await work();
      } finally {
        await client.query("select pg_advisory_unlock($1)", [LOCK_KEY]);
      }
    } finally {
      await client.end();
    }
  }

  async ensurePlatformSchema(): Promise<void> {
    await this.db.raw(`
      create schema if not exists platform;
      create table if not exists platform.schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      );`);
  }

  async appliedPlatformMigrations(): Promise<Set<string>> {
    const rows = await this.db(SCHEMA_MIGRATIONS).select<{ name: string }[]>("name");
    return new Set(rows.map((r) => r.name));
  }

  async recordPlatformMigration(trx: Knex.Transaction, name: string): Promise<void> {
    await trx(SCHEMA_MIGRATIONS).insert({ name });
  }

  /** Every routable-or-suspended tenant with the migrations it has, in one query. */
  async listMigratableTenants(slugs?: string[]): Promise<MigratableTenant[]> {
    const q = this.db(`${TENANTS} as t`)
      .leftJoin(`${TENANT_MIGRATIONS} as m`, "m.tenant_id", "t.id")
      .whereIn("t.status", ["active", "suspended"])
      .groupBy("t.id")
      .orderBy("t.slug")
      .select<
        { id: string; slug: string; schema_name: string; role_name: string; cluster: string; applied: (string | null)[] }[]
      >("t.id", "t.slug", "t.schema_name", "t.role_name", "t.cluster", this.db.raw("array_agg(m.name) as applied"));
    if (slugs?.length) q.whereIn("t.slug", slugs);
    const rows = await q;
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      schema: r.schema_name,
      role: r.role_name,
      cluster: r.cluster,
      applied: new Set(r.applied.filter((n): n is string => n !== null)),
    }));
  }

  /** Records applied tenant migrations; runs as the application role, before the role switch. */
  async recordTenantMigrations(trx: Knex.Transaction, tenantId: string, names: string[]): Promise<void> {
    if (!names.length) return;
    await trx(TENANT_MIGRATIONS).insert(names.map((name) => ({ tenant_id: tenantId, name })));
    await trx(TENANTS)
      .where({ id: tenantId })
      .update({ schema_version: names[names.length - 1], updated_at: trx.fn.now() });
  }

  async recordRuns(records: TenantRunRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += 1000) {
      await this.db(TENANT_MIGRATION_RUNS).insert(
        records.slice(i, i + 1000).map((r) => ({
          run_id: r.runId,
          tenant_id: r.tenantId,
          result: r.result,
          applied: r.applied,
          duration_ms: Math.round(r.durationMs),
          error: r.error,
        })),
      );
    }
  }
}
