import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug, type ProvisioningService } from "@visitnow/provisioning/testing";
import { PLATFORM_MIGRATIONS_DIR, TENANT_MIGRATIONS_DIR, type Platform, type Tenant } from "../index.js";
import { MigrationService } from "./migration-service.js";

/** Shared with the temp migrations below, which run in this process. */
interface Probe {
  running: number;
  max: number;
  slowStarted?: () => void;
}
const PROBE_KEY = "__visitnowMigrationProbe";
const probe: Probe = { running: 0, max: 0 };
(globalThis as Record<string, unknown>)[PROBE_KEY] = probe;

let platform: Platform;
let service: ProvisioningService;
const tempDirs: string[] = [];

/** A tenant migrations dir: the real ones plus `extra` (file name -> source). */
function migrationsDir(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "visitnow-tenant-migrations-"));
  tempDirs.push(dir);
  for (const f of readdirSync(TENANT_MIGRATIONS_DIR).filter((f) => f.endsWith(".ts"))) {
    copyFileSync(path.join(TENANT_MIGRATIONS_DIR, f), path.join(dir, f));
  }
  for (const [name, source] of Object.entries(extra)) writeFileSync(path.join(dir, name), source);
  return dir;
}

function migrationService(tenantDir: string, concurrency = 4): MigrationService {
  return new MigrationService({ db: platform.db, clusters: platform.clusters, platformDir: PLATFORM_MIGRATIONS_DIR, tenantDir, concurrency });
}

async function columnsOf(t: Tenant, table: string): Promise<string[]> {
  return platform.withTenant(t, async ({ db }) => {
    const { rows } = await db.raw<{ rows: { column_name: string }[] }>(
      "select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? order by column_name",
      [table],
    );
    return rows.map((r) => r.column_name);
  });
}

async function appliedNames(t: Tenant): Promise<string[]> {
  const rows = await platform.db("platform.tenant_migrations").where({ tenant_id: t.id }).orderBy("name").select<{ name: string }[]>("name");
  return rows.map((r) => r.name);
}

async function schemaVersion(t: Tenant): Promise<string | null> {
  return (await platform.tenants.findBySlug(t.slug))!.schemaVersion;
}

const BASE_MIGRATIONS = readdirSync(TENANT_MIGRATIONS_DIR)
  .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
  .map((f) => f.slice(0, -3))
  .sort();

beforeAll(async () => {
  platform = await createTestPlatform();
  service = createProvisioningService(platform);
});

afterAll(async () => {
  await platform?.close();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

describe("MigrationService.migrateAll", () => {
  it("is a no-op for tenants that already have every migration", async () => {
    const a = await createTestTenant(service);
    const b = await createTestTenant(service);
    const before = await Promise.all([a, b].map(appliedNames));
    expect(before).toEqual([BASE_MIGRATIONS, BASE_MIGRATIONS]);

    const summary = await platform.migrations.migrateAll({ slugs: [a.slug, b.slug] });

    expect(summary.platformApplied).toEqual([]);
    expect(summary.counts).toEqual({ total: 2, applied: 0, noop: 2, failed: 0 });
    expect(summary.tenants.map((t) => [t.slug, t.result, t.applied])).toEqual(
      [a, b].map((t) => [t.slug, "noop", []]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await Promise.all([a, b].map(appliedNames))).toEqual(before);
    const runs = await platform.db("platform.tenant_migration_runs").where({ run_id: summary.runId }).select("tenant_id", "result");
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.result === "noop")).toBe(true);
  });

  it("only migrates the tenants it is given", async () => {
    const mine = await createTestTenant(service);
    const bystander = await createTestTenant(service);
    const dir = migrationsDir({
      "20991231000000_add_scope_marker.ts": `import type { Knex } from "knex";
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("scope_marker", (t) => t.text("x"));
}
`,
    });
    const summary = await migrationService(dir).migrateAll({ slugs: [mine.slug] });
    expect(summary.tenants.map((t) => t.slug)).toEqual([mine.slug]);
    expect(await appliedNames(bystander)).toEqual(BASE_MIGRATIONS);
    expect(await columnsOf(bystander, "scope_marker")).toEqual([]);
    expect(await columnsOf(mine, "scope_marker")).toEqual(["x"]);
  });

  it("applies a new migration to each tenant once and records schema_version", async () => {
    const a = await createTestTenant(service);
    const b = await createTestTenant(service);
    const name = "20991231000000_add_column";
    const dir = migrationsDir({
      [`${name}.ts`]: `import type { Knex } from "knex";
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("settings", (t) => {
    t.text("note");
  });
}
`,
    });
    expect(await columnsOf(a, "settings")).not.toContain("note");
    const migrations = migrationService(dir);

    const first = await migrations.migrateAll({ slugs: [a.slug, b.slug] });
    expect(first.counts).toEqual({ total: 2, applied: 2, noop: 0, failed: 0 });
    for (const r of first.tenants) expect(r.applied).toEqual([name]);
    for (const t of [a, b]) {
      expect(await columnsOf(t, "settings")).toContain("note");
      expect(await schemaVersion(t)).toBe(name);
      expect(await appliedNames(t)).toEqual([...BASE_MIGRATIONS, name]);
    }

    // A second run (even from a fresh service) finds nothing to do; the column is not re-added.
    const second = await migrationService(dir).migrateAll({ slugs: [a.slug, b.slug] });
    expect(second.counts).toEqual({ total: 2, applied: 0, noop: 2, failed: 0 });
    for (const t of [a, b]) expect(await appliedNames(t)).toEqual([...BASE_MIGRATIONS, name]);
  });

  it("records a tenant whose migration fails as failed, rolls its schema back, and goes on with the others", async () => {
    // Sorted first, and concurrency 1: the others only run after the failure.
    const broken = await createTestTenant(service, { slug: randomSlug("a") });
    const fine1 = await createTestTenant(service, { slug: randomSlug("m") });
    const fine2 = await createTestTenant(service, { slug: randomSlug("n") });
    // The conflicting table only exists in `broken`.
    await platform.withTenant(broken, ({ db }) => db.schema.createTable("reports", (t) => t.text("pre_existing")));
    const name = "20991231000000_add_reports";
    const dir = migrationsDir({
      [`${name}.ts`]: `import type { Knex } from "knex";
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("settings", (t) => {
    t.text("extra");
  });
  await knex.schema.createTable("reports", (t) => {
    t.bigIncrements("id");
    t.text("title");
  });
}
`,
    });
    const versionBefore = await schemaVersion(broken);

    const summary = await migrationService(dir, 1).migrateAll({ slugs: [fine2.slug, broken.slug, fine1.slug] });

    expect(summary.counts).toEqual({ total: 3, applied: 2, noop: 0, failed: 1 });
    const bySlug = new Map(summary.tenants.map((t) => [t.slug, t]));
    expect(bySlug.get(broken.slug)).toMatchObject({ result: "failed", applied: [], error: expect.stringMatching(/already exists/) });
    expect(bySlug.get(fine1.slug)).toMatchObject({ result: "applied", applied: [name] });
    expect(bySlug.get(fine2.slug)).toMatchObject({ result: "applied", applied: [name] });

    const runs = await platform.db("platform.tenant_migration_runs").where({ run_id: summary.runId }).select("tenant_id", "result", "error", "applied");
    const runOf = (t: Tenant) => runs.find((r) => r.tenant_id === t.id);
    expect(runOf(broken)).toMatchObject({ result: "failed", applied: [], error: expect.stringMatching(/reports.*already exists/) });
    expect(runOf(fine1)).toMatchObject({ result: "applied", applied: [name], error: null });
    expect(runOf(fine2)).toMatchObject({ result: "applied", applied: [name], error: null });

    // The failed tenant is exactly as it was: no half-applied column, no bookkeeping.
    expect(await columnsOf(broken, "settings")).not.toContain("extra");
    expect(await columnsOf(broken, "reports")).toEqual(["pre_existing"]);
    expect(await appliedNames(broken)).toEqual(BASE_MIGRATIONS);
    expect(await schemaVersion(broken)).toBe(versionBefore);
    for (const t of [fine1, fine2]) {
      expect(await columnsOf(t, "settings")).toContain("extra");
      expect(await columnsOf(t, "reports")).toEqual(["id", "title"]);
      expect(await schemaVersion(t)).toBe(name);
    }

    // Once the conflict is gone, the next run retries only the failed tenant.
    await platform.withTenant(broken, ({ db }) => db.schema.dropTable("reports"));
    const retry = await migrationService(dir, 1).migrateAll({ slugs: [broken.slug, fine1.slug, fine2.slug] });
    expect(retry.tenants.map((t) => [t.slug, t.result])).toEqual([
      [broken.slug, "applied"],
      [fine1.slug, "noop"],
      [fine2.slug, "noop"],
    ]);
  });

  it("runs the tenant migration as the tenant's role, in the tenant's schema", async () => {
    const t = await createTestTenant(service);
    const dir = migrationsDir({
      "20991231000000_whoami.ts": `import type { Knex } from "knex";
export async function up(knex: Knex): Promise<void> {
  await knex.raw("create table whoami as select current_user::text as role, current_schema()::text as schema");
}
`,
    });
    await migrationService(dir).migrateAll({ slugs: [t.slug] });
    const rows = await platform.withTenant(t, ({ db }) => db("whoami").select("role", "schema"));
    expect(rows).toEqual([{ role: t.role, schema: t.schema }]);
    const { rows: owner } = await platform.db.raw<{ rows: { owner: string }[] }>(
      "select tableowner as owner from pg_tables where schemaname = ? and tablename = 'whoami'",
      [t.schema],
    );
    expect(owner).toEqual([{ owner: t.role }]);
  });

  it("serialises two concurrent runs through the advisory lock: the second waits, then finds nothing to do", async () => {
    const t = await createTestTenant(service);
    const name = "20991231000000_slow";
    const dir = migrationsDir({
      [`${name}.ts`]: `import type { Knex } from "knex";
export async function up(knex: Knex): Promise<void> {
  const probe = (globalThis as any)["${PROBE_KEY}"];
  probe?.slowStarted?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await knex.schema.createTable("slow_marker", (t) => t.text("x"));
}
`,
    });
    const started = new Promise<void>((resolve) => (probe.slowStarted = resolve));
    const events: string[] = [];
    const first = migrationService(dir)
      .migrateAll({ slugs: [t.slug] })
      .finally(() => events.push("first done"));
    await started; // the first run holds the lock and is inside the slow migration
    const second = migrationService(dir)
      .migrateAll({ slugs: [t.slug], onWait: () => events.push("second waits") })
      .finally(() => events.push("second done"));
    const [a, b] = await Promise.all([first, second]);
    probe.slowStarted = undefined;

    expect(events).toEqual(["second waits", "first done", "second done"]);
    expect(a.tenants).toMatchObject([{ slug: t.slug, result: "applied", applied: [name] }]);
    expect(b.tenants).toMatchObject([{ slug: t.slug, result: "noop", applied: [] }]);
    expect(await appliedNames(t)).toEqual([...BASE_MIGRATIONS, name]);
  });

  it("runs at most `concurrency` tenant migrations at once", async () => {
    const tenants: Tenant[] = [];
    for (let i = 0; i < 5; i += 1) tenants.push(await createTestTenant(service));
    const name = "20991231000000_count_parallel";
    const dir = migrationsDir({
      [`${name}.ts`]: `import type { Knex } from "knex";
export async function up(knex: Knex): Promise<void> {
  const probe = (globalThis as any)["${PROBE_KEY}"];
  probe.running += 1;
  probe.max = Math.max(probe.max, probe.running);
  try {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await knex.raw("select 1");
  } finally {
    probe.running -= 1;
  }
}
`,
    });
    probe.running = 0;
    probe.max = 0;
    const progress: number[] = [];
    const summary = await migrationService(dir, 2).migrateAll({
      slugs: tenants.map((t) => t.slug),
      onProgress: (p) => progress.push(p.done),
    });
    expect(summary.counts).toEqual({ total: 5, applied: 5, noop: 0, failed: 0 });
    expect(probe.max).toBe(2); // parallel, but never more than 2
    expect(probe.running).toBe(0);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it("skips tenants still being provisioned", async () => {
    const t = await createTestTenant(service);
    await platform.tenants.setStatus(t.id, "provisioning");
    const summary = await platform.migrations.migrateAll({ slugs: [t.slug] });
    expect(summary.tenants).toEqual([]);
    await platform.tenants.setStatus(t.id, "suspended");
    const again = await platform.migrations.migrateAll({ slugs: [t.slug] });
    expect(again.tenants.map((r) => r.slug)).toEqual([t.slug]);
  });
});
