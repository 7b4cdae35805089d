import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { totpAt } from "./totp.js";
import type { TenantRef } from "./identity-service.js";

let platform: Platform;
let a: TenantRef;
let b: TenantRef;

const ref = (t: Tenant): TenantRef => ({ id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name });
const ctx = (tenant: TenantRef, ip = `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`) => ({ tenant, ip });
const email = () => `${randomSlug("u")}@example.com`;

beforeAll(async () => {
  platform = await createTestPlatform();
  const service = createProvisioningService(platform);
  a = ref(await createTestTenant(service));
  b = ref(await createTestTenant(service));
});

afterAll(async () => {
  await platform?.close();
});

async function auditActions(tenant: TenantRef): Promise<string[]> {
  return platform.withTenant(tenant, async ({ db }) => (await db("audit_log").orderBy("id").select("action", "outcome")).map((r: { action: string; outcome: string }) => `${r.action}:${r.outcome}`));
}

describe("patient accounts", () => {
  it("signs up with email and password, stores only an argon2id hash, and resolves the session", async () => {
    const e = email();
    const issued = await platform.identity.signUpPatient(ctx(a), { name: "Asha Verma", email: e.toUpperCase(), password: "correct horse battery" });
    const stored = await platform.withTenant(a, ({ db }) => db("users").where({ email: e }).first());
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const session = await platform.identity.resolveSession(a, issued.token);
    expect(session?.user).toMatchObject({ email: e, kind: "patient", name: "Asha Verma" });
    expect(session?.secondFactor).toBe("none");
    const row = await platform.withTenant(a, ({ db }) => db("sessions").first());
    expect(row.token_hash).not.toBe(issued.token);
  });

  it("treats the same email on two tenants as two unrelated accounts, and a session as meaningless on the other tenant", async () => {
    const e = email();
    const onA = await platform.identity.signUpPatient(ctx(a), { name: "On A", email: e, password: "password-on-a-1" });
    const onB = await platform.identity.signUpPatient(ctx(b), { name: "On B", email: e, password: "password-on-b-1" });
    expect((await platform.identity.resolveSession(a, onA.token))?.user.name).toBe("On A");
    expect(await platform.identity.resolveSession(b, onA.token)).toBeNull();
    expect(await platform.identity.resolveSession(a, onB.token)).toBeNull();
    await expect(platform.identity.signInWithPassword(ctx(b), "patient", { email: e, password: "password-on-a-1" })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses a duplicate email with a field error and weak passwords with a clear message", async () => {
    const e = email();
    await platform.identity.signUpPatient(ctx(a), { name: "X", email: e, password: "long-enough-pass" });
    await expect(platform.identity.signUpPatient(ctx(a), { name: "Y", email: e, password: "long-enough-pass" })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ field: "email" }],
    });
    await expect(platform.identity.signUpPatient(ctx(a), { name: "Y", email: email(), password: "short" })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ field: "password", message: "Use at least 10 characters" }],
    });
  });

  it("answers a wrong password and an unknown email the same way, and audits both", async () => {
    const e = email();
    await platform.identity.signUpPatient(ctx(a), { name: "X", email: e, password: "the-right-password" });
    const wrong = platform.identity.signInWithPassword(ctx(a), "patient", { email: e, password: "not-the-password" });
    const unknown = platform.identity.signInWithPassword(ctx(a), "patient", { email: email(), password: "not-the-password" });
    const [w, u] = await Promise.allSettled([wrong, unknown]);
    expect(w.status).toBe("rejected");
    expect(u.status).toBe("rejected");
    expect((w as PromiseRejectedResult).reason.message).toBe((u as PromiseRejectedResult).reason.message);
    const actions = await auditActions(a);
    expect(actions.filter((x) => x === "auth.sign_in:failure").length).toBeGreaterThanOrEqual(2);
  });

  it("locks an account after 5 wrong passwords, even against the right one, until the lock expires", async () => {
    const e = email();
    await platform.identity.signUpPatient(ctx(a), { name: "X", email: e, password: "the-right-password" });
    for (let i = 0; i < 5; i++) {
      await expect(platform.identity.signInWithPassword(ctx(a), "patient", { email: e, password: `wrong-${i}-password` })).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await expect(platform.identity.signInWithPassword(ctx(a), "patient", { email: e, password: "the-right-password" })).rejects.toThrow(/locked/);
    await platform.withTenant(a, ({ db }) => db("users").where({ email: e }).update({ locked_until: new Date(Date.now() - 1000) }));
    const ok = await platform.identity.signInWithPassword(ctx(a), "patient", { email: e, password: "the-right-password" });
    expect(ok.token).toBeTruthy();
    expect(await auditActions(a)).toContain("auth.locked:success");
  });

  it("rate-limits sign-in attempts per account across IPs with a clear message", async () => {
    const e = email();
    let limited: { code?: string; message?: string } | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      try {
        await platform.identity.signInWithPassword(ctx(a), "patient", { email: e, password: "whatever-pass" });
      } catch (err) {
        if ((err as { code?: string }).code === "rate_limited") limited = err as { code: string; message: string };
      }
    }
    expect(limited?.message).toMatch(/Too many attempts\. Please try again in \d+ minutes?\./);
  });

  it("signs in with an SMS code read from the development channel, creating the account on first use", async () => {
    const phone = `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    await platform.identity.requestSmsCode(ctx(a), { phone: phone.slice(3) });
    const [msg] = await platform.devMessages.list({ recipient: phone, limit: 1 });
    expect(msg?.tenantSlug).toBe(a.slug);
    const code = /(\d{6})/.exec(msg?.body ?? "")?.[1] as string;
    await expect(platform.identity.signInWithSmsCode(ctx(a), { phone, code: code === "000000" ? "111111" : "000000" })).rejects.toMatchObject({ code: "validation_failed" });
    const issued = await platform.identity.signInWithSmsCode(ctx(a), { phone, code });
    expect(issued.created).toBe(true);
    expect((await platform.identity.resolveSession(a, issued.token))?.user.phone).toBe(phone);
    await expect(platform.identity.signInWithSmsCode(ctx(a), { phone, code })).rejects.toMatchObject({ code: "validation_failed" });
    const codes = await platform.withTenant(a, ({ db }) => db("one_time_codes").select("code_hash", "target_hash"));
    expect(JSON.stringify(codes)).not.toContain(code);
    expect(JSON.stringify(codes)).not.toContain(phone);
  });

  it("manages only the patient's own dependants", async () => {
    const p1 = await platform.identity.signUpPatient(ctx(a), { name: "Parent One", email: email(), password: "parent-one-pass" });
    const p2 = await platform.identity.signUpPatient(ctx(a), { name: "Parent Two", email: email(), password: "parent-two-pass" });
    await platform.identity.addDependant(a, p1.userId, { name: "Kid", relationship: "child", dateOfBirth: "2016-02-29", gender: "female" });
    const actor = (userId: string) => ({ userId, tenantId: a.id, kind: "patient" as const, roles: ["patient" as const], clinicIds: [] });
    const [kid] = await platform.identity.listDependants(a, p1.userId);
    expect(kid).toMatchObject({ name: "Kid", relationship: "child", dateOfBirth: "2016-02-29" });
    expect(await platform.identity.listDependants(a, p2.userId)).toEqual([]);
    // Asking for p1's dependants with p2's ability yields nothing: the ability is applied as SQL.
    expect(await platform.identity.listDependants(a, p1.userId, actor(p2.userId))).toEqual([]);
    expect(await platform.identity.listDependants(a, p1.userId, actor(p1.userId))).toHaveLength(1);
    await expect(platform.identity.removeDependant(a, actor(p2.userId), kid!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(platform.identity.addDependant(a, p1.userId, { name: "X", relationship: "cousin" })).rejects.toMatchObject({ code: "validation_failed" });
    await platform.identity.removeDependant(a, actor(p1.userId), kid!.id);
    expect(await platform.identity.listDependants(a, p1.userId)).toEqual([]);
  });
});

describe("staff and the second factor", () => {
  it("makes an admin enrol TOTP before signing in, then requires the code, replacing the session each time", async () => {
    const e = email();
    await platform.identity.createUser(a, { kind: "staff", email: e, name: "Admin", password: "admin-password-1", roles: [{ role: "tenant_admin" }] });
    const first = await platform.identity.signInWithPassword(ctx(a), "staff", { email: e, password: "admin-password-1" });
    expect(first.secondFactor).toBe("enrol");
    expect((await platform.identity.resolveSession(a, first.token))?.secondFactor).toBe("enrol");
    const { secret, uri } = await platform.identity.beginTotpEnrolment(a, first.token);
    expect(uri).toContain(`secret=${secret}`);
    const enrolled = await platform.identity.confirmTotpEnrolment(ctx(a), first.token, { code: totpAt(secret, Date.now()) });
    expect(enrolled.recoveryCodes).toHaveLength(8);
    expect(await platform.identity.resolveSession(a, first.token)).toBeNull();
    expect((await platform.identity.resolveSession(a, enrolled.session.token))?.secondFactor).toBe("none");

    const second = await platform.identity.signInWithPassword(ctx(a), "staff", { email: e, password: "admin-password-1" });
    expect(second.secondFactor).toBe("verify");
    await expect(platform.identity.verifySecondFactor(ctx(a), second.token, { code: "123456" })).rejects.toMatchObject({ code: "validation_failed" });
    const recovered = await platform.identity.verifySecondFactor(ctx(a), second.token, { code: enrolled.recoveryCodes[0] });
    expect(await platform.identity.resolveSession(a, second.token)).toBeNull();
    expect((await platform.identity.resolveSession(a, recovered.token))?.user.email).toBe(e);

    const third = await platform.identity.signInWithPassword(ctx(a), "staff", { email: e, password: "admin-password-1" });
    await expect(platform.identity.verifySecondFactor(ctx(a), third.token, { code: enrolled.recoveryCodes[0] })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await auditActions(a)).toEqual(expect.arrayContaining(["auth.second_factor_enrolled:success", "auth.recovery_code_used:success", "auth.second_factor:failure"]));
  });

  it("keeps a doctor's sessions from outliving a disabled account", async () => {
    const e = email();
    const id = await platform.identity.createUser(a, { kind: "staff", email: e, name: "Dr X", password: "doctor-password-1", roles: [{ role: "doctor" }] });
    const s1 = await platform.identity.signInWithPassword(ctx(a), "staff", { email: e, password: "doctor-password-1" });
    const s2 = await platform.identity.signInWithPassword(ctx(a), "staff", { email: e, password: "doctor-password-1" });
    expect(s1.secondFactor).toBe("none");
    await platform.identity.disableUser(a, "admin-id", id);
    expect(await platform.identity.resolveSession(a, s1.token)).toBeNull();
    expect(await platform.identity.resolveSession(a, s2.token)).toBeNull();
    await expect(platform.identity.signInWithPassword(ctx(a), "staff", { email: e, password: "doctor-password-1" })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("expires sessions after the idle timeout", async () => {
    const issued = await platform.identity.signUpPatient(ctx(a), { name: "Idle", email: email(), password: "idle-password-1" });
    await platform.withTenant(a, ({ db }) => db("sessions").where({ user_id: issued.userId }).update({ idle_expires_at: new Date(Date.now() - 1) }));
    expect(await platform.identity.resolveSession(a, issued.token)).toBeNull();
  });

  it("keeps a staff account and a patient account with the same email apart", async () => {
    const e = email();
    await platform.identity.signUpPatient(ctx(a), { name: "Patient", email: e, password: "patient-password" });
    await expect(platform.identity.signInWithPassword(ctx(a), "staff", { email: e, password: "patient-password" })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
