import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, type ProvisioningService } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import {
  GENESIS_HASH,
  createPlatformAuditService,
  createTenantAuditService,
  type AuditEntry,
  type AuditMetadata,
  type AuditRecord,
  type TenantAuditService,
} from "./index.js";

let platform: Platform;
let service: ProvisioningService;

beforeAll(async () => {
  platform = await createTestPlatform();
  service = createProvisioningService(platform);
});

afterAll(async () => {
  await platform?.close();
});

function signIn(i: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { actorType: "user", actorId: `user-${i}`, action: "auth.sign_in", outcome: "success", metadata: { method: "password", attempt: i }, ...overrides };
}

function audit<T>(t: Tenant, work: (log: TenantAuditService) => Promise<T>): Promise<T> {
  return platform.withTenant(t, (scope) => work(createTenantAuditService(scope)));
}

async function recordMany(t: Tenant, n: number): Promise<AuditRecord[]> {
  const rows: AuditRecord[] = [];
  for (let i = 0; i < n; i += 1) rows.push(await audit(t, (log) => log.record(signIn(i))));
  return rows;
}

/** Runs `sql` as the superuser with the append-only trigger off, as an attacker with DBA rights would. */
async function tamper(t: Tenant, sql: string, bindings: unknown[] = []): Promise<void> {
  await platform.db.transaction(async (trx) => {
    await trx.raw(`alter table "${t.schema}".audit_log disable trigger audit_log_append_only`);
    await trx.raw(sql.replaceAll("$table", `"${t.schema}".audit_log`), bindings as never[]);
    await trx.raw(`alter table "${t.schema}".audit_log enable trigger audit_log_append_only`);
  });
}

function expectLinear(rows: AuditRecord[]): void {
  const sorted = [...rows].sort((a, b) => Number(a.id) - Number(b.id));
  expect(sorted[0]!.prevHash).toBe(GENESIS_HASH);
  for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]!.prevHash).toBe(sorted[i - 1]!.hash);
}

describe("tenant audit log", () => {
  it("chains each appended row to the one before, the first to 64 zeros, and stores what it returned", async () => {
    const t = await createTestTenant(service);
    const recorded = await recordMany(t, 3);

    expect(recorded[0]!.prevHash).toBe(GENESIS_HASH);
    expect(recorded[1]!.prevHash).toBe(recorded[0]!.hash);
    expect(recorded[2]!.prevHash).toBe(recorded[1]!.hash);
    expect(new Set(recorded.map((r) => r.hash)).size).toBe(3);
    const stored = await platform.withTenant(t, ({ db }) => db("audit_log").orderBy("id").select("id", "prev_hash", "hash", "metadata", "actor_id"));
    expect(stored).toEqual(
      recorded.map((r) => ({ id: r.id, prev_hash: r.prevHash, hash: r.hash, metadata: r.metadata, actor_id: r.actorId })),
    );
    // The app sets the time at millisecond precision, so the stored value hashes the same.
    const times = await platform.withTenant(t, ({ db }) =>
      db("audit_log").orderBy("id").select("occurred_at", db.raw("(extract(microseconds from occurred_at)::int % 1000) as sub_ms")),
    );
    expect(times).toEqual(recorded.map((r) => ({ occurred_at: r.occurredAt, sub_ms: 0 })));
  });

  it("verifies an intact chain, and an empty one", async () => {
    const t = await createTestTenant(service);
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: true, count: 0 });
    await recordMany(t, 5);
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: true, count: 5 });
  });

  it("verifies across verification batches (more than 1000 rows) and finds a change past the first batch", async () => {
    const t = await createTestTenant(service);
    const rows = await audit(t, async (log) => {
      const out: AuditRecord[] = [];
      for (let i = 0; i < 1205; i += 1) out.push(await log.record(signIn(i)));
      return out;
    });
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: true, count: 1205 });
    const target = rows[1100]!;
    await tamper(t, `update $table set actor_id = 'someone-else' where id = ?`, [target.id]);
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: false, count: 1100, firstBroken: { id: target.id, reason: "hash_mismatch" } });
  });

  it("is append-only in the database itself: UPDATE, DELETE and TRUNCATE by the owning tenant role are refused", async () => {
    const t = await createTestTenant(service);
    const [row] = await recordMany(t, 1);
    await expect(platform.withTenant(t, ({ db }) => db("audit_log").where({ id: row!.id }).update({ outcome: "failure" }))).rejects.toThrow(
      /audit_log is append-only: UPDATE refused/,
    );
    await expect(platform.withTenant(t, ({ db }) => db("audit_log").where({ id: row!.id }).delete())).rejects.toThrow(
      /audit_log is append-only: DELETE refused/,
    );
    await expect(platform.withTenant(t, ({ db }) => db.raw("truncate audit_log"))).rejects.toThrow(/audit_log is append-only: TRUNCATE refused/);
    // Even an update that matches no row is refused: the trigger is per statement.
    await expect(platform.withTenant(t, ({ db }) => db("audit_log").where({ id: "-1" }).update({ outcome: "failure" }))).rejects.toThrow(
      /append-only/,
    );
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: true, count: 1 });
  });

  it("keeps the trigger function in the tenant schema, owned by the tenant role, without security definer", async () => {
    const t = await createTestTenant(service);
    const { rows } = await platform.db.raw<{ rows: { schema: string; owner: string; secdef: boolean }[] }>(
      `select p.pronamespace::regnamespace::text as schema, pg_get_userbyid(p.proowner) as owner, p.prosecdef as secdef
         from pg_trigger g join pg_proc p on p.oid = g.tgfoid
        where g.tgrelid = ?::regclass and g.tgname = 'audit_log_append_only'`,
      [`"${t.schema}".audit_log`],
    );
    expect(rows).toEqual([{ schema: t.schema, owner: t.role, secdef: false }]);
  });

  it("reports exactly the changed row as the first broken one (hash_mismatch)", async () => {
    const t = await createTestTenant(service);
    const rows = await recordMany(t, 5);
    await tamper(t, `update $table set metadata = '{"method":"sso","attempt":2}' where id = ?`, [rows[2]!.id]);
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: false, count: 2, firstBroken: { id: rows[2]!.id, reason: "hash_mismatch" } });
  });

  it("reports the row after a removed middle row (prev_hash_mismatch)", async () => {
    const t = await createTestTenant(service);
    const rows = await recordMany(t, 5);
    await tamper(t, `delete from $table where id = ?`, [rows[2]!.id]);
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: false, count: 2, firstBroken: { id: rows[3]!.id, reason: "prev_hash_mismatch" } });
  });

  it("detects a first row that no longer starts from the genesis hash", async () => {
    const t = await createTestTenant(service);
    const rows = await recordMany(t, 3);
    await tamper(t, `delete from $table where id = ?`, [rows[0]!.id]);
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: false, count: 0, firstBroken: { id: rows[1]!.id, reason: "prev_hash_mismatch" } });
  });

  it("keeps one linear chain under 20 concurrent appends from separate units of work", async () => {
    const t = await createTestTenant(service);
    const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => audit(t, (log) => log.record(signIn(i)))));
    expectLinear(rows);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(20);
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: true, count: 20 });
  });

  it("refuses a row that would fork the chain, even from a writer that skipped the lock", async () => {
    const t = await createTestTenant(service);
    const [first] = await recordMany(t, 1);
    await expect(
      platform.withTenant(t, ({ db }) =>
        db("audit_log").insert({
          occurred_at: new Date(),
          actor_type: "system",
          action: "auth.sign_in",
          outcome: "success",
          prev_hash: first!.prevHash,
          hash: "a".repeat(64),
        }),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("writes an entry with the unit of work it belongs to: a rolled-back request leaves no row", async () => {
    const t = await createTestTenant(service);
    await expect(
      audit(t, async (log) => {
        await log.record(signIn(1));
        throw new Error("request failed");
      }),
    ).rejects.toThrow("request failed");
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: true, count: 0 });
  });

  it("refuses PHI-looking metadata keys and writes nothing", async () => {
    const t = await createTestTenant(service);
    const unsafe: AuditMetadata[] = [{ email: "x" }, { otpCode: "123456" }, { reason: "patient said…" }, { sso: { name: "Asha" } }];
    for (const metadata of unsafe) {
      await expect(audit(t, (log) => log.record(signIn(1, { metadata })))).rejects.toMatchObject({ code: "validation_failed" });
    }
    await expect(audit(t, (log) => log.record(signIn(1, { actorType: "anonymous", actorId: null, subjectId: "asha@example.com", subjectType: "user" })))).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(await audit(t, (log) => log.verifyChain())).toEqual({ ok: true, count: 0 });
  });

  it("refuses entries that do not describe a known event", async () => {
    const t = await createTestTenant(service);
    const bad: unknown[] = [
      signIn(1, { action: "auth.whatever" as never }),
      signIn(1, { outcome: "maybe" as never }),
      signIn(1, { actorId: null }),
      signIn(1, { actorType: "anonymous" }),
      { ...signIn(1), tenantId: t.id },
    ];
    for (const entry of bad) {
      await expect(audit(t, (log) => log.record(entry as AuditEntry))).rejects.toMatchObject({ code: "validation_failed" });
    }
  });

  it("is out of a tenant role's reach when it tries the platform audit log", async () => {
    const t = await createTestTenant(service);
    await expect(platform.withTenant(t, ({ db }) => db.raw("select * from platform.audit_log"))).rejects.toThrow(/permission denied for schema platform/);
    await expect(
      platform.withTenant(t, ({ db }) => createPlatformAuditService(db).record({ actorType: "system", action: "tenant.created", outcome: "success" })),
    ).rejects.toThrow(/permission denied/);
  });
});

describe("platform audit log", () => {
  const admin = { actorType: "platform_admin", actorId: "admin-1", outcome: "success" } as const;

  it("chains console actions, keeps the tenant they concern, and verifies", async () => {
    const t = await createTestTenant(service);
    const log = createPlatformAuditService(platform.db);
    const created = await log.record({ ...admin, action: "tenant.created", tenantId: t.id, subjectType: "tenant", subjectId: t.id });
    const suspended = await log.record({ ...admin, action: "tenant.suspended", tenantId: t.id, metadata: { via: "console" } });
    const signedIn = await log.record({ ...admin, action: "platform_admin.sign_in" });

    expect(created.tenantId).toBe(t.id);
    expect(signedIn.tenantId).toBeNull();
    // Other test files may append between these; each row still follows its id predecessor.
    for (const row of [created, suspended, signedIn]) {
      const prev = await platform.db("platform.audit_log").where("id", "<", row.id).orderBy("id", "desc").first("hash");
      expect(row.prevHash).toBe(prev?.hash ?? GENESIS_HASH);
    }
    const result = await log.verifyChain();
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThanOrEqual(3);
  });

  it("keeps one linear chain under concurrent appends", async () => {
    const log = createPlatformAuditService(platform.db);
    const rows = await Promise.all(Array.from({ length: 10 }, (_, i) => log.record({ ...admin, action: "platform_admin.sign_in", metadata: { attempt: i } })));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(10);
    expect((await log.verifyChain()).ok).toBe(true);
  });

  it("refuses UPDATE, DELETE and TRUNCATE, even by the role that owns it", async () => {
    const row = await createPlatformAuditService(platform.db).record({ ...admin, action: "platform_admin.sign_in" });
    await expect(platform.db("platform.audit_log").where({ id: row.id }).update({ outcome: "failure" })).rejects.toThrow(
      /platform.audit_log is append-only: UPDATE refused/,
    );
    await expect(platform.db("platform.audit_log").where({ id: row.id }).delete()).rejects.toThrow(/append-only: DELETE refused/);
    await expect(platform.db.raw("truncate platform.audit_log")).rejects.toThrow(/append-only: TRUNCATE refused/);
  });

  it("reports a changed row, including a changed tenant_id (checked inside a transaction that is rolled back)", async () => {
    const t = await createTestTenant(service);
    const log = createPlatformAuditService(platform.db);
    const target = await log.record({ ...admin, action: "support_access.granted", tenantId: t.id, subjectType: "user", subjectId: "u-9" });
    await log.record({ ...admin, action: "support_access.revoked", tenantId: t.id });
    const rollback = new Error("rollback");
    await expect(
      platform.db.transaction(async (trx) => {
        await trx.raw("alter table platform.audit_log disable trigger audit_log_append_only");
        await trx("platform.audit_log").where({ id: target.id }).update({ tenant_id: null });
        const result = await createPlatformAuditService(trx).verifyChain();
        expect(result).toMatchObject({ ok: false, firstBroken: { id: target.id, reason: "hash_mismatch" } });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await log.verifyChain()).ok).toBe(true);
  });

  it("refuses PHI-looking metadata keys", async () => {
    await expect(
      createPlatformAuditService(platform.db).record({ ...admin, action: "tenant.created", metadata: { contactEmail: "ops@example.com" } }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});
