import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug, type ProvisioningService } from "@visitnow/provisioning/testing";
import type { Platform } from "../index.js";
import type { LinkedTenantRef } from "./account-admin-service.js";
import { PasswordResetService } from "./password-reset-service.js";

let platform: Platform;
let provisioning: ProvisioningService;
let resets: PasswordResetService;

const linkBase = (host: string) => `http://${host}:3000`;
const email = () => `${randomSlug("u")}@example.com`;
const randomIp = () => `10.2.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
const ctx = (tenant: LinkedTenantRef, ip = randomIp()) => ({ tenant, ip });

beforeAll(async () => {
  platform = await createTestPlatform();
  provisioning = createProvisioningService(platform);
  resets = new PasswordResetService({
    withTenant: platform.withTenant,
    rateLimiter: platform.rateLimiter,
    messages: platform.devMessages,
    secret: () => platform.secret(),
    linkBase,
  });
});

afterAll(async () => {
  await platform?.close();
});

/** A fresh tenant as routed from its alias domain: `primaryHost` is the registered primary. */
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

async function messagesTo(recipient: string) {
  return platform.devMessages.list({ recipient });
}

async function resetToken(recipient: string): Promise<string> {
  const [m] = await messagesTo(recipient);
  const token = /reset-password\/([0-9a-f-]+\.[A-Za-z0-9_-]+)/.exec(m?.body ?? "")?.[1];
  if (!token) throw new Error(`no reset link in ${JSON.stringify(m?.body)}`);
  return token;
}

async function auditActions(tenant: LinkedTenantRef): Promise<string[]> {
  return platform.withTenant(tenant, async ({ db }) =>
    (await db("audit_log").where("action", "like", "auth.password_reset%").orderBy("id").select("action", "outcome")).map((r: { action: string; outcome: string }) => `${r.action}:${r.outcome}`),
  );
}

describe("password reset", () => {
  it("answers the same for an unknown email and a known one, and emails only the known one, on the primary host", async () => {
    const t = await tenantViaAlias();
    const known = email();
    await platform.identity.signUpPatient(ctx(t), { name: "Asha", email: known, password: "the-old-password" });
    const unknown = email();
    const answers = await Promise.all([
      resets.requestReset(ctx(t), { email: unknown, audience: "patient" }),
      resets.requestReset(ctx(t), { email: known.toUpperCase(), audience: "patient" }),
      // A patient's email asked for as staff is an unknown staff account.
      resets.requestReset(ctx(t), { email: known, audience: "staff" }),
    ]);
    expect(answers).toEqual([undefined, undefined, undefined]);
    expect(await messagesTo(unknown)).toEqual([]);
    const sent = await messagesTo(known);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ tenantSlug: t.slug, channel: "email" });
    expect(sent[0]?.body).toContain(`http://${t.slug}.test:3000/reset-password/`);
    expect(sent[0]?.body).not.toContain(t.alias);
    const token = await resetToken(known);
    const codes = await platform.withTenant(t, ({ db }) => db("one_time_codes").where({ purpose: "password_reset" }).select("target_hash", "code_hash", "expires_at"));
    expect(codes).toHaveLength(1);
    expect(JSON.stringify(codes)).not.toContain(token.split(".")[1]);
    expect(JSON.stringify(codes)).not.toContain(token.split(".")[0]);
    expect(codes[0].expires_at.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
    expect((await auditActions(t)).sort()).toEqual(["auth.password_reset_requested:failure", "auth.password_reset_requested:failure", "auth.password_reset_requested:success"]);
  });

  it("sends staff to the doctor hub's reset page", async () => {
    const t = await tenantViaAlias();
    const e = email();
    await platform.identity.createUser(t, { kind: "staff", email: e, name: "Dr X", password: "doctor-password-1", roles: [{ role: "doctor" }] });
    await resets.requestReset(ctx(t), { email: e, audience: "staff" });
    expect((await messagesTo(e))[0]?.body).toContain(`http://${t.slug}.test:3000/doctor/reset-password/`);
    expect(await resets.describeResetToken(t, await resetToken(e))).toEqual({ kind: "staff" });
  });

  it("sends staff whose roles are all in the admin console to the admin console's reset page", async () => {
    const t = await tenantViaAlias();
    const e = email();
    await platform.identity.createUser(t, { kind: "staff", email: e, name: "Fin", password: "finance-password-1", roles: [{ role: "finance" }] });
    await resets.requestReset(ctx(t), { email: e, audience: "staff" });
    expect((await messagesTo(e))[0]?.body).toContain(`http://${t.slug}.test:3000/admin/reset-password/`);
  });

  it("sets the new password, clears a lock, ends every session, and works only once", async () => {
    const t = await tenantViaAlias();
    const e = email();
    const signedUp = await platform.identity.signUpPatient(ctx(t), { name: "Asha", email: e, password: "the-old-password" });
    for (let i = 0; i < 5; i++) {
      await expect(platform.identity.signInWithPassword(ctx(t), "patient", { email: e, password: `wrong-${i}-password` })).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await resets.requestReset(ctx(t), { email: e, audience: "patient" });
    const token = await resetToken(e);
    expect(await resets.resetPassword(ctx(t), { token, password: "a-brand-new-password" })).toEqual({ userId: signedUp.userId, kind: "patient" });

    expect(await platform.identity.resolveSession(t, signedUp.token)).toBeNull();
    await expect(platform.identity.signInWithPassword(ctx(t), "patient", { email: e, password: "the-old-password" })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(platform.identity.signInWithPassword(ctx(t), "patient", { email: e, password: "a-brand-new-password" })).resolves.toMatchObject({ userId: signedUp.userId });

    await expect(resets.resetPassword(ctx(t), { token, password: "yet-another-password" })).rejects.toMatchObject({ code: "not_found" });
    await expect(resets.describeResetToken(t, token)).rejects.toMatchObject({ code: "not_found" });
    expect(await auditActions(t)).toEqual(["auth.password_reset_requested:success", "auth.password_reset:success"]);
  });

  it("refuses an expired link and a tampered one", async () => {
    const t = await tenantViaAlias();
    const e = email();
    await platform.identity.signUpPatient(ctx(t), { name: "Asha", email: e, password: "the-old-password" });
    await resets.requestReset(ctx(t), { email: e, audience: "patient" });
    const token = await resetToken(e);
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    await expect(resets.resetPassword(ctx(t), { token: tampered, password: "a-brand-new-password" })).rejects.toMatchObject({ code: "not_found" });
    await expect(resets.resetPassword(ctx(t), { token: "garbage", password: "a-brand-new-password" })).rejects.toMatchObject({ code: "not_found" });
    await platform.withTenant(t, ({ db }) => db("one_time_codes").where({ purpose: "password_reset" }).update({ expires_at: new Date(Date.now() - 1000) }));
    await expect(resets.resetPassword(ctx(t), { token, password: "a-brand-new-password" })).rejects.toMatchObject({ code: "not_found" });
    await expect(platform.identity.signInWithPassword(ctx(t), "patient", { email: e, password: "the-old-password" })).resolves.toBeTruthy();
  });

  it("refuses a weak password and leaves the link usable", async () => {
    const t = await tenantViaAlias();
    const e = email();
    await platform.identity.signUpPatient(ctx(t), { name: "Asha", email: e, password: "the-old-password" });
    await resets.requestReset(ctx(t), { email: e, audience: "patient" });
    const token = await resetToken(e);
    await expect(resets.resetPassword(ctx(t), { token, password: "short" })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ field: "password", message: "Use at least 10 characters" }],
    });
    await expect(resets.resetPassword(ctx(t), { token, password: "aaaaaaaaaaaa" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(resets.resetPassword(ctx(t), { token, password: "a-good-new-password" })).resolves.toMatchObject({ kind: "patient" });
  });

  it("makes an earlier link useless once a new one is asked for", async () => {
    const t = await tenantViaAlias();
    const e = email();
    await platform.identity.signUpPatient(ctx(t), { name: "Asha", email: e, password: "the-old-password" });
    await resets.requestReset(ctx(t), { email: e, audience: "patient" });
    const first = await resetToken(e);
    await resets.requestReset(ctx(t), { email: e, audience: "patient" });
    const second = await resetToken(e);
    expect(second).not.toBe(first);
    await expect(resets.resetPassword(ctx(t), { token: first, password: "a-brand-new-password" })).rejects.toMatchObject({ code: "not_found" });
    await expect(resets.resetPassword(ctx(t), { token: second, password: "a-brand-new-password" })).resolves.toBeTruthy();
  });

  it("rate-limits requests per email across IPs and per IP across emails, the same for unknown emails", async () => {
    const t = await tenantViaAlias();
    const unknown = email();
    for (let i = 0; i < 3; i++) await resets.requestReset(ctx(t), { email: unknown, audience: "patient" });
    await expect(resets.requestReset(ctx(t), { email: unknown, audience: "patient" })).rejects.toMatchObject({ code: "rate_limited" });
    const ip = randomIp();
    for (let i = 0; i < 10; i++) await resets.requestReset(ctx(t, ip), { email: email(), audience: "patient" });
    await expect(resets.requestReset(ctx(t, ip), { email: email(), audience: "patient" })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
