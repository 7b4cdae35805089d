import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, type ProvisioningService } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { createPlatformAuditService, createTenantAuditService, runAuditCommand } from "./index.js";

let platform: Platform;
let service: ProvisioningService;

beforeAll(async () => {
  platform = await createTestPlatform();
  service = createProvisioningService(platform);
});

afterAll(async () => {
  await platform?.close();
});

async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runAuditCommand(argv, { platform, out: (l) => lines.push(l) });
  return { code, lines };
}

async function tenantWithEntries(n: number): Promise<Tenant> {
  const t = await createTestTenant(service);
  for (let i = 0; i < n; i += 1) {
    await platform.withTenant(t, (scope) =>
      createTenantAuditService(scope).record({ actorType: "user", actorId: `u-${i}`, action: "user.role_changed", outcome: "success", metadata: { from: "staff", to: "admin" } }),
    );
  }
  return t;
}

async function breakRow(t: Tenant, position: number): Promise<string> {
  return platform.db.transaction(async (trx) => {
    const row = await trx(`${t.schema}.audit_log`).orderBy("id").offset(position).first<{ id: string }>("id");
    await trx.raw(`alter table "${t.schema}".audit_log disable trigger audit_log_append_only`);
    await trx(`${t.schema}.audit_log`).where({ id: row.id }).update({ outcome: "failure" });
    await trx.raw(`alter table "${t.schema}".audit_log enable trigger audit_log_append_only`);
    return row.id;
  });
}

describe("audit verify", () => {
  it("prints OK with the row count for an intact tenant chain and exits 0", async () => {
    const t = await tenantWithEntries(3);
    expect(await run("verify", "--tenant", t.slug)).toEqual({ code: 0, lines: [`${t.slug}: OK (3 rows)`] });
  });

  it("prints the first broken row and its reason, and exits 2", async () => {
    const t = await tenantWithEntries(4);
    const id = await breakRow(t, 1);
    expect(await run("verify", "--tenant", t.slug)).toEqual({ code: 2, lines: [`${t.slug}: BROKEN at row ${id} (hash_mismatch)`] });
  });

  it("verifies several tenants in one run; any broken chain makes it exit 2", async () => {
    const ok = await tenantWithEntries(1);
    const bad = await tenantWithEntries(2);
    const id = await breakRow(bad, 0);
    expect(await run("verify", "--tenant", ok.slug, "--tenant", bad.slug)).toEqual({
      code: 2,
      lines: [`${ok.slug}: OK (1 row)`, `${bad.slug}: BROKEN at row ${id} (hash_mismatch)`],
    });
  });

  it("names an unknown tenant and exits 1", async () => {
    expect(await run("verify", "--tenant", "no-such-tenant-here")).toEqual({ code: 1, lines: ["no-such-tenant-here: ERROR (no such tenant)"] });
  });

  it("verifies the platform chain", async () => {
    await createPlatformAuditService(platform.db).record({ actorType: "platform_admin", actorId: "a-1", action: "platform_admin.sign_in", outcome: "success" });
    const { code, lines } = await run("verify", "--platform");
    expect(code).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^platform: OK \(\d+ rows\)$/)]);
  });

  it("--all verifies the platform chain and every tenant", async () => {
    const ok = await tenantWithEntries(2);
    const bad = await tenantWithEntries(2);
    const id = await breakRow(bad, 1);
    const { code, lines } = await run("verify", "--all");
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^platform: OK \(\d+ rows\)$/);
    expect(lines).toContain(`${ok.slug}: OK (2 rows)`);
    expect(lines).toContain(`${bad.slug}: BROKEN at row ${id} (hash_mismatch)`);
  });

  it("prints usage and exits 1 without a target or with an unknown command", async () => {
    for (const argv of [[], ["verify"], ["check", "--all"], ["verify", "--bogus"]]) {
      const { code, lines } = await run(...argv);
      expect(code).toBe(1);
      expect(lines.join("\n")).toContain("Usage: npm run audit -- verify");
    }
  });
});
