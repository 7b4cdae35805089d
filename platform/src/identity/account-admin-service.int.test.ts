import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug, type ProvisioningService } from "@visitnow/provisioning/testing";
import type { Platform } from "../index.js";
import type { Actor, Role } from "../access/index.js";
import { AccountAdminService, type LinkedTenantRef } from "./account-admin-service.js";

let platform: Platform;
let provisioning: ProvisioningService;
let admin: AccountAdminService;

const PORT = 3000;
const linkBase = (host: string) => `http://${host}:${PORT}`;
const email = () => `${randomSlug("u")}@example.com`;
const ctx = (tenant: LinkedTenantRef) => ({ tenant, ip: `10.1.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}` });

beforeAll(async () => {
  platform = await createTestPlatform();
  provisioning = createProvisioningService(platform);
  admin = new AccountAdminService({ withTenant: platform.withTenant, messages: platform.devMessages, linkBase });
});

afterAll(async () => {
  await platform?.close();
});

/**
 * A fresh tenant with a primary and an alias domain, as the router sees it when a request
 * arrives on the alias: `primaryHost` is the registered primary, not the request's host.
 */
async function tenantViaAlias(): Promise<LinkedTenantRef & { alias: string }> {
  const slug = randomSlug();
  const alias = `${slug}-alias.test`;
  await createTestTenant(provisioning, {
    slug,
    domains: [
      { hostname: `${slug}.test`, kind: "primary" },
      { hostname: alias, kind: "alias" },
    ],
  });
  const routed = await platform.tenants.findByHostname(alias);
  if (!routed) throw new Error("tenant not routed");
  const { id, name, schema, role, cluster, primaryHost } = routed;
  return { id, slug, name, schema, role, cluster, primaryHost, alias };
}

interface StaffAccount {
  id: string;
  email: string;
  password: string;
  actor: Actor;
}

async function staff(tenant: LinkedTenantRef, roles: Role[], clinicIds: string[] = []): Promise<StaffAccount> {
  const e = email();
  const password = `pw-${randomSlug("p")}`;
  const id = await platform.identity.createUser(tenant, { kind: "staff", email: e, name: `Staff ${roles.join("+")}`, password, roles: roles.map((role) => ({ role, clinicIds })) });
  return { id, email: e, password, actor: { userId: id, tenantId: tenant.id, kind: "staff", roles, clinicIds, providerId: null, supportGrant: null } };
}

async function lastMessage(recipient: string) {
  const [m] = await platform.devMessages.list({ recipient, limit: 1 });
  return m ?? null;
}

async function inviteToken(recipient: string): Promise<string> {
  const m = await lastMessage(recipient);
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(m?.body ?? "")?.[1];
  if (!token) throw new Error(`no invite link in ${JSON.stringify(m?.body)}`);
  return token;
}

async function auditRows(tenant: LinkedTenantRef, action: string) {
  return platform.withTenant(tenant, ({ db }) => db("audit_log").where({ action }).orderBy("id").select("actor_id", "subject_type", "subject_id", "outcome", "metadata"));
}

describe("invites", () => {
  it("emails a link on the tenant's primary host even when the request came through an alias, and stores only the token's hash", async () => {
    const t = await tenantViaAlias();
    expect(t.primaryHost).toBe(`${t.slug}.test`);
    const owner = await staff(t, ["tenant_admin"]);
    const doctorEmail = email();
    const result = await admin.invite(t, owner.actor, { email: doctorEmail.toUpperCase(), name: "Dr Meera Rao", role: "doctor" });
    expect(result).not.toHaveProperty("token");

    const msg = await lastMessage(doctorEmail);
    expect(msg).toMatchObject({ tenantSlug: t.slug, channel: "email" });
    expect(msg?.body).toContain(`http://${t.slug}.test:${PORT}/doctor/invite/`);
    expect(msg?.body).not.toContain(t.alias);
    const token = await inviteToken(doctorEmail);
    const row = await platform.withTenant(t, ({ db }) => db("invites").where({ id: result.id }).first());
    expect(row).toMatchObject({ email: doctorEmail, role: "doctor", invited_by: owner.id });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const adminEmail = email();
    await admin.invite(t, owner.actor, { email: adminEmail, role: "finance" });
    expect((await lastMessage(adminEmail))?.body).toContain(`http://${t.slug}.test:${PORT}/admin/invite/`);

    const audits = await auditRows(t, "user.invited");
    expect(audits.map((a) => a.metadata)).toEqual([{ role: "doctor" }, { role: "finance" }]);
    expect(audits[0]).toMatchObject({ actor_id: owner.id, subject_type: "invite", subject_id: result.id, outcome: "success" });
  });

  it("creates the account once on accept: the invitee signs in with the invited role, and a second accept is not_found", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const e = email();
    await admin.invite(t, owner.actor, { email: e, name: "Dr Meera Rao", role: "doctor" });
    const token = await inviteToken(e);

    const described = await admin.describeInvite(t, token);
    expect(described).toMatchObject({ role: "doctor", name: "Dr Meera Rao", expired: false });
    expect(described.emailMasked).toMatch(/^u\*\*\*.@example\.com$/);
    expect(described.emailMasked).not.toBe(e);

    const userId = await admin.acceptInvite(t, { token, name: "Dr Meera Rao", password: "a-new-doctor-password" });
    const session = await platform.identity.signInWithPassword(ctx(t), "staff", { email: e, password: "a-new-doctor-password" });
    expect(session.userId).toBe(userId);
    const resolved = await platform.identity.resolveSession(t, session.token);
    expect(resolved?.user.roles.map((r) => r.role)).toEqual(["doctor"]);

    await expect(admin.acceptInvite(t, { token, name: "Someone Else", password: "another-password-1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.describeInvite(t, token)).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.describeInvite(t, "not-a-token")).rejects.toMatchObject({ code: "not_found" });
    expect(await auditRows(t, "user.invite_accepted")).toEqual([expect.objectContaining({ actor_id: userId, subject_type: "invite", metadata: { role: "doctor" } })]);
  });

  it("refuses a weak password on accept without using up the invite", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const e = email();
    await admin.invite(t, owner.actor, { email: e, role: "front_desk" });
    const token = await inviteToken(e);
    await expect(admin.acceptInvite(t, { token, name: "Desk", password: "short" })).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "password" }] });
    await expect(admin.acceptInvite(t, { token, name: "Desk", password: "long-enough-password" })).resolves.toEqual(expect.any(String));
  });

  it("treats an expired invite as not_found on accept, and says it expired on the accept page", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const e = email();
    const { id } = await admin.invite(t, owner.actor, { email: e, role: "doctor" });
    const token = await inviteToken(e);
    await platform.withTenant(t, ({ db }) => db("invites").where({ id }).update({ expires_at: new Date(Date.now() - 1000) }));
    expect(await admin.describeInvite(t, token)).toMatchObject({ expired: true });
    await expect(admin.acceptInvite(t, { token, name: "Late", password: "a-late-password-1" })).rejects.toMatchObject({ code: "not_found" });
    expect(await platform.withTenant(t, ({ db }) => db("users").where({ email: e }).first())).toBeUndefined();
    expect((await admin.listInvites(t, owner.actor)).find((i) => i.id === id)?.status).toBe("expired");
  });

  it("lets a clinic admin invite doctors and front desk to their own clinics only, never a tenant admin; front desk may not invite at all", async () => {
    const t = await tenantViaAlias();
    const clinic = randomUUID();
    const clinicAdmin = await staff(t, ["clinic_admin"], [clinic]);
    const desk = await staff(t, ["front_desk"], [clinic]);

    const ok = await admin.invite(t, clinicAdmin.actor, { email: email(), role: "doctor" });
    expect(await platform.withTenant(t, ({ db }) => db("invites").where({ id: ok.id }).first())).toMatchObject({ clinic_ids: [clinic] });
    await expect(admin.invite(t, clinicAdmin.actor, { email: email(), role: "tenant_admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(admin.invite(t, clinicAdmin.actor, { email: email(), role: "front_desk", clinicIds: [randomUUID()] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(admin.invite(t, desk.actor, { email: email(), role: "front_desk" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(admin.invite(t, desk.actor, { email: email(), role: "doctor" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses an email that already has a staff account, with a field error", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const existing = await staff(t, ["doctor"]);
    await expect(admin.invite(t, owner.actor, { email: existing.email, role: "front_desk" })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ field: "email" }],
    });
  });

  it("replaces an open invite for the same email, and a revoked invite's link stops working", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const e = email();
    await admin.invite(t, owner.actor, { email: e, role: "doctor" });
    const first = await inviteToken(e);
    const second = await admin.invite(t, owner.actor, { email: e, role: "front_desk" });
    const secondToken = await inviteToken(e);
    await expect(admin.describeInvite(t, first)).rejects.toMatchObject({ code: "not_found" });
    expect(await admin.describeInvite(t, secondToken)).toMatchObject({ role: "front_desk" });
    expect((await admin.listInvites(t, owner.actor)).map((i) => i.status)).toEqual(["pending", "revoked"]);

    await admin.revokeInvite(t, owner.actor, second.id);
    await expect(admin.describeInvite(t, secondToken)).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.revokeInvite(t, owner.actor, second.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(admin.revokeInvite(t, owner.actor, randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("roles", () => {
  it("audits a role change and ends the user's sessions on a downgrade, but not on an upgrade", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const member = await staff(t, ["doctor"]);
    const s1 = await platform.identity.signInWithPassword(ctx(t), "staff", { email: member.email, password: member.password });

    const up = await admin.changeRoles(t, owner.actor, member.id, ["doctor", "front_desk"]);
    expect(up).toEqual({ added: ["front_desk"], removed: [], sessionsEnded: 0 });
    expect(await platform.identity.resolveSession(t, s1.token)).not.toBeNull();

    const s2 = await platform.identity.signInWithPassword(ctx(t), "staff", { email: member.email, password: member.password });
    const down = await admin.changeRoles(t, owner.actor, member.id, [{ role: "doctor" }]);
    expect(down).toEqual({ added: [], removed: ["front_desk"], sessionsEnded: 2 });
    expect(await platform.identity.resolveSession(t, s1.token)).toBeNull();
    expect(await platform.identity.resolveSession(t, s2.token)).toBeNull();

    const audits = await auditRows(t, "user.role_changed");
    expect(audits.map((a) => [a.actor_id, a.subject_type, a.subject_id, a.metadata.added, a.metadata.removed])).toEqual([
      [owner.id, "user", member.id, ["front_desk"], []],
      [owner.id, "user", member.id, [], ["front_desk"]],
    ]);
  });

  it("ends the sessions of a user promoted to a role that needs a second factor they have not set up", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const member = await staff(t, ["doctor"]);
    const s = await platform.identity.signInWithPassword(ctx(t), "staff", { email: member.email, password: member.password });
    expect(await admin.changeRoles(t, owner.actor, member.id, ["doctor", "finance"])).toMatchObject({ sessionsEnded: 1 });
    expect(await platform.identity.resolveSession(t, s.token)).toBeNull();
  });

  it("never removes the last active tenant admin, by a role change or by disabling", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    await expect(admin.changeRoles(t, owner.actor, owner.id, ["doctor"])).rejects.toMatchObject({ code: "conflict" });
    await expect(admin.disable(t, owner.actor, owner.id)).rejects.toMatchObject({ code: "forbidden" });

    const second = await staff(t, ["tenant_admin"]);
    await admin.disable(t, owner.actor, second.id);
    await expect(admin.changeRoles(t, owner.actor, owner.id, ["doctor"])).rejects.toMatchObject({ code: "conflict" });
    await admin.enable(t, owner.actor, second.id);
    await expect(admin.changeRoles(t, owner.actor, owner.id, ["doctor"])).resolves.toMatchObject({ removed: ["tenant_admin"] });
    await expect(admin.changeRoles(t, second.actor, second.id, ["support"])).rejects.toMatchObject({ code: "conflict" });
    await expect(admin.disable(t, { ...owner.actor, roles: ["tenant_admin"], userId: randomUUID() }, second.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses role changes to those who may see staff but not change them (forbidden) and to those who may not see them (not_found)", async () => {
    const t = await tenantViaAlias();
    const clinic = randomUUID();
    const member = await staff(t, ["front_desk"], [clinic]);
    const clinicAdmin = await staff(t, ["clinic_admin"], [clinic]);
    const doctor = await staff(t, ["doctor"]);
    await expect(admin.changeRoles(t, clinicAdmin.actor, member.id, ["front_desk", "tenant_admin"])).rejects.toMatchObject({ code: "forbidden" });
    await expect(admin.changeRoles(t, doctor.actor, member.id, ["doctor"])).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.unlock(t, doctor.actor, member.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.changeRoles(t, clinicAdmin.actor, member.id, ["patient"])).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("answers not_found for a user of another tenant, and for an actor of another tenant", async () => {
    const a = await tenantViaAlias();
    const b = await tenantViaAlias();
    const ownerA = await staff(a, ["tenant_admin"]);
    const ownerB = await staff(b, ["tenant_admin"]);
    const memberB = await staff(b, ["doctor"]);
    await expect(admin.changeRoles(a, ownerA.actor, memberB.id, ["front_desk"])).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.disable(a, ownerA.actor, memberB.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.enable(a, ownerA.actor, memberB.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.unlock(a, ownerA.actor, memberB.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.disable(a, ownerA.actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.changeRoles(a, ownerB.actor, ownerA.id, ["doctor"])).rejects.toMatchObject({ code: "not_found" });
    await expect(admin.listStaff(a, ownerB.actor)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("account state", () => {
  it("lists staff with roles, status, lock and second-factor flags, and no patients", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const member = await staff(t, ["doctor", "front_desk"]);
    const desk = await staff(t, ["front_desk"]);
    await platform.identity.signUpPatient(ctx(t), { name: "A Patient", email: email(), password: "patient-password-1" });
    await platform.withTenant(t, ({ db }) => db("users").where({ id: member.id }).update({ locked_until: new Date(Date.now() + 60_000) }));
    const list = await admin.listStaff(t, owner.actor);
    expect(list.map((m) => m.id).sort()).toEqual([owner.id, member.id, desk.id].sort());
    expect(list.find((m) => m.id === member.id)).toMatchObject({
      status: "active",
      locked: true,
      secondFactorEnabled: false,
      roles: [{ role: "doctor" }, { role: "front_desk" }],
    });
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
    await expect(admin.listStaff(t, desk.actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("unlocks an account locked by wrong passwords, so it can sign in again", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const member = await staff(t, ["doctor"]);
    const c = ctx(t);
    for (let i = 0; i < 5; i++) {
      await expect(platform.identity.signInWithPassword(c, "staff", { email: member.email, password: `wrong-${i}-password` })).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await expect(platform.identity.signInWithPassword(c, "staff", { email: member.email, password: member.password })).rejects.toThrow(/locked/);
    await admin.unlock(t, owner.actor, member.id);
    const s = await platform.identity.signInWithPassword(c, "staff", { email: member.email, password: member.password });
    expect(s.userId).toBe(member.id);
    expect(await auditRows(t, "auth.unlocked")).toEqual([expect.objectContaining({ actor_id: owner.id, subject_id: member.id, metadata: { was_locked: true } })]);
  });

  it("ends every session when an account is disabled, and lets it sign in again once enabled", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const member = await staff(t, ["front_desk"]);
    const s1 = await platform.identity.signInWithPassword(ctx(t), "staff", { email: member.email, password: member.password });
    const s2 = await platform.identity.signInWithPassword(ctx(t), "staff", { email: member.email, password: member.password });
    expect(await admin.disable(t, owner.actor, member.id)).toEqual({ sessionsEnded: 2 });
    expect(await platform.identity.resolveSession(t, s1.token)).toBeNull();
    expect(await platform.identity.resolveSession(t, s2.token)).toBeNull();
    await expect(platform.identity.signInWithPassword(ctx(t), "staff", { email: member.email, password: member.password })).rejects.toMatchObject({ code: "unauthenticated" });

    await admin.enable(t, owner.actor, member.id);
    await expect(platform.identity.signInWithPassword(ctx(t), "staff", { email: member.email, password: member.password })).resolves.toMatchObject({ userId: member.id });
    expect((await auditRows(t, "user.disabled"))[0]).toMatchObject({ actor_id: owner.id, subject_id: member.id, metadata: { sessions_ended: 2 } });
    expect(await auditRows(t, "user.enabled")).toHaveLength(1);
  });

  it("lets a tenant admin disable a patient, ending their sessions", async () => {
    const t = await tenantViaAlias();
    const owner = await staff(t, ["tenant_admin"]);
    const clinicAdmin = await staff(t, ["clinic_admin"], [randomUUID()]);
    const p = await platform.identity.signUpPatient(ctx(t), { name: "A Patient", email: email(), password: "patient-password-1" });
    await expect(admin.disable(t, clinicAdmin.actor, p.userId)).rejects.toMatchObject({ code: "forbidden" });
    await admin.disable(t, owner.actor, p.userId);
    expect(await platform.identity.resolveSession(t, p.token)).toBeNull();
  });
});
