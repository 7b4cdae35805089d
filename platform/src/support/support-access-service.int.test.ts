import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Actor } from "../access/index.js";
import type { Platform, Tenant } from "../index.js";
import { SupportAccessService } from "./support-access-service.js";

let platform: Platform;
let tenant: Tenant;
let other: Tenant;
let admin: Actor;
let frontDesk: Actor;
let now = new Date();
let service: SupportAccessService;
const pa = { id: "7d1f4c1e-0000-4000-8000-000000000001", email: "ops@platform.example" };

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  tenant = await createTestTenant(provisioning);
  other = await createTestTenant(provisioning);
  const ref = { ...tenant, name: tenant.name };
  const adminId = await platform.identity.createUser(ref, { kind: "staff", email: "admin@t.example", name: "Admin", password: "admin-password-1", roles: [{ role: "tenant_admin" }] });
  const fdId = await platform.identity.createUser(ref, { kind: "staff", email: "fd@t.example", name: "Desk", password: "desk-password-1", roles: [{ role: "front_desk" }] });
  admin = { userId: adminId, tenantId: tenant.id, kind: "staff", roles: ["tenant_admin"], clinicIds: [] };
  frontDesk = { userId: fdId, tenantId: tenant.id, kind: "staff", roles: ["front_desk"], clinicIds: [] };
  service = new SupportAccessService({ db: platform.db, withTenant: platform.withTenant, now: () => now });
});

afterAll(async () => {
  await platform?.close();
});

describe("support access", () => {
  it("shows a platform admin nothing of a tenant until its admin approves, and nothing after expiry", async () => {
    await expect(service.staffDirectory(pa, tenant)).rejects.toMatchObject({ code: "not_found" });
    const req = await service.request(pa, tenant, { purpose: "incident", hours: 2 });
    await expect(service.staffDirectory(pa, tenant)).rejects.toMatchObject({ code: "not_found" });
    await expect(service.decide(tenant, frontDesk, req.id, "grant")).rejects.toMatchObject({ code: "not_found" });
    const granted = await service.decide(tenant, admin, req.id, "grant");
    expect(granted.status).toBe("granted");
    expect(granted.expiresAt!.getTime() - now.getTime()).toBe(2 * 3600_000);
    const { staff } = await service.staffDirectory(pa, tenant);
    expect(staff.map((s) => s.name).sort()).toEqual(["Admin", "Desk"]);
    await expect(service.staffDirectory(pa, other)).rejects.toMatchObject({ code: "not_found" });
    now = new Date(now.getTime() + 2 * 3600_000 + 1000);
    await expect(service.staffDirectory(pa, tenant)).rejects.toMatchObject({ code: "not_found" });
  });

  it("ends access at once when the tenant admin revokes it, and audits each step in both logs", async () => {
    now = new Date();
    const pa = { id: "7d1f4c1e-0000-4000-8000-000000000002", email: "ops2@platform.example" };
    const req = await service.request(pa, tenant, { purpose: "data_fix", hours: 1 });
    await service.decide(tenant, admin, req.id, "grant");
    await service.staffDirectory(pa, tenant);
    await service.decide(tenant, admin, req.id, "revoke");
    await expect(service.staffDirectory(pa, tenant)).rejects.toMatchObject({ code: "not_found" });
    await expect(service.decide(tenant, admin, req.id, "grant")).rejects.toMatchObject({ code: "conflict" });
    const tenantLog = await platform.withTenant(tenant, ({ db }) => db("audit_log").where({ subject_id: req.id }).orderBy("id").pluck("action"));
    expect(tenantLog).toEqual(["support_access.requested", "support_access.granted", "support_access.used", "support_access.revoked"]);
    const platformLog = await platform.db("platform.audit_log").where({ subject_id: req.id }).orderBy("id").pluck("action");
    expect(platformLog).toEqual(["support_access.requested", "support_access.granted", "support_access.revoked"]);
  });

  it("refuses requests outside 1 to 8 hours or with an unknown purpose", async () => {
    await expect(service.request(pa, tenant, { purpose: "incident", hours: 24 })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(service.request(pa, tenant, { purpose: "curiosity", hours: 1 })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
