import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { requestContext, sessionAndCsrf, tenantRouter } from "../http/create-app.js";
import { createLogger, HttpMetrics } from "../observability/index.js";
import type { Actor } from "../access/index.js";
import { MemoryRateLimiter, type TenantRef } from "../identity/index.js";
import { createSsoRouter, createSsoService, START_LIMIT, type SsoProviderView, type SsoService } from "./index.js";
import { startLocalIdp, type IdpAccount, type LocalIdp } from "./testing/local-idp.js";
import { TestBrowser } from "./testing/test-browser.js";

const DOMAIN = "sunrise-hospital.example";
const MAPPING = { claim: "groups", map: { doctors: "doctor", "it-admins": "tenant_admin" } };

let platform: Platform;
let tenant: Tenant;
let ref: TenantRef;
let sso: SsoService;
let server: Server;
let appHost: string;
let aliasHost: string;
let idpA: LocalIdp;
let idpB: LocalIdp;
let providerA: SsoProviderView;
let providerB: SsoProviderView;
let adminId: string;
let admin: Actor;

const origin = () => `http://${appHost}`;

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  const slug = randomSlug("sso");
  // A random *.localhost name: unique across parallel test files; the browser below reaches it on 127.0.0.1.
  tenant = await createTestTenant(provisioning, {
    slug,
    domains: [
      { hostname: `${slug}.localhost`, kind: "primary" },
      { hostname: `${slug}-alias.localhost`, kind: "alias" },
    ],
  });
  ref = { id: tenant.id, slug: tenant.slug, schema: tenant.schema, role: tenant.role, cluster: tenant.cluster, name: tenant.name };
  sso = createSsoService({ withTenant: platform.withTenant, allowInsecureIssuers: true });

  const deps = {
    platformHost: "platform.test",
    logger: createLogger({ level: "silent" }),
    metrics: new HttpMetrics(),
    resolver: platform.resolver,
    themes: platform.themes,
    catalogues: platform.catalogues,
    identity: platform.identity,
    secret: () => platform.secret(),
  };
  const app = express();
  app.use(requestContext(deps));
  app.use(tenantRouter(deps));
  app.use(sessionAndCsrf(deps));
  app.use(createSsoRouter({ sso }));
  app.use((_req, res) => void res.status(404).type("text/plain").send("Not found"));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  appHost = `${slug}.localhost:${port}`;
  aliasHost = `${slug}-alias.localhost:${port}`;

  const redirectUris = [`http://${appHost}/auth/sso/callback`];
  [idpA, idpB] = await Promise.all([startLocalIdp({ redirectUris }), startLocalIdp({ redirectUris })]);

  adminId = await platform.identity.createUser(ref, {
    kind: "staff",
    email: `admin-${slug}@${DOMAIN}`,
    name: "IT Admin",
    password: "a-long-admin-password",
    roles: [{ role: "tenant_admin" }],
  });
  admin = { userId: adminId, tenantId: tenant.id, kind: "staff", roles: ["tenant_admin"], clinicIds: [] };
  const save = (idp: LocalIdp, name: string) =>
    sso.saveProvider(ref, admin, {
      name,
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedEmailDomains: [DOMAIN],
      roleMapping: MAPPING,
    });
  providerA = await save(idpA, "Hospital login A");
  providerB = await save(idpB, "Hospital login B");
});

afterAll(async () => {
  await Promise.all([idpA?.close(), idpB?.close()]);
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await platform?.close();
});

/** A fresh IdP account on `idp`, signed in by its next interaction. */
function account(idp: LocalIdp, claims: Partial<IdpAccount> = {}, sub = randomSlug("sub")): { sub: string; email: string } {
  const email = claims.email ?? `${randomSlug("staff")}@${DOMAIN}`;
  idp.accounts.set(sub, { email, email_verified: true, groups: ["doctors"], name: "Dr Test", ...claims });
  idp.loginAs = sub;
  return { sub, email };
}

const isCallback = (u: URL) => u.host === appHost && u.pathname === "/auth/sso/callback";
const isIdp = (idp: LocalIdp) => (u: URL) => u.origin === idp.issuer && u.pathname === "/auth";

/** Starts at our start URL and runs the IdP side; returns the callback URL the IdP sent the browser to. */
async function throughIdp(browser: TestBrowser, provider: SsoProviderView, next = "/doctor"): Promise<URL> {
  const { stoppedAt, last } = await browser.follow(`${origin()}/auth/sso/${provider.id}/start?next=${encodeURIComponent(next)}`, isCallback);
  if (!stoppedAt) throw new Error(`The flow stopped at ${last.url.href} with ${last.status}: ${last.body.slice(0, 300)}`);
  return stoppedAt;
}

/** Starts a sign-in and stops at the IdP's authorization URL (to read its `state`). */
async function startOnly(browser: TestBrowser, provider: SsoProviderView, idp: LocalIdp): Promise<URL> {
  const { stoppedAt } = await browser.follow(`${origin()}/auth/sso/${provider.id}/start`, isIdp(idp));
  if (!stoppedAt) throw new Error("did not reach the IdP");
  return stoppedAt;
}

function withParams(url: URL, change: Record<string, string | null>): URL {
  const u = new URL(url);
  for (const [k, v] of Object.entries(change)) {
    if (v === null) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return u;
}

async function userIdForIdentity(issuer: string, subject: string): Promise<string | undefined> {
  const row = await platform.withTenant(ref, ({ db }) => db("sso_identities").where({ issuer, subject }).first());
  return row?.user_id;
}

async function auditRows(action: string): Promise<{ outcome: string; metadata: Record<string, unknown>; actor_id: string | null }[]> {
  return platform.withTenant(ref, ({ db }) => db("audit_log").where({ action }).orderBy("id").select("outcome", "metadata", "actor_id"));
}

async function staffByEmail(email: string) {
  return platform.withTenant(ref, ({ db }) => db("users").where({ kind: "staff", email }).first());
}

describe("staff SSO round trip against a real OpenID provider", () => {
  it("signs in a new staff member keyed on iss + sub, with the mapped role and a working session", async () => {
    const { sub, email } = account(idpA, { groups: ["doctors", "unrelated"], name: "Dr Asha Rao" });
    const browser = new TestBrowser();
    const authorize = await startOnly(browser, providerA, idpA);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toBeTruthy();
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("scope")).toBe("openid email profile");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`http://${appHost}/auth/sso/callback`);

    const callback = await throughIdp(browser, providerA, "/doctor/availability?week=2");
    expect(callback.searchParams.get("iss")).toBe(idpA.issuer);
    const res = await browser.get(callback);
    expect(res.status).toBe(303);
    expect(res.location).toBe("/doctor/availability?week=2");
    const token = browser.cookie(appHost, "vn_session");
    expect(token).toBeTruthy();
    expect(res.setCookies.find((c) => c.startsWith("vn_session="))).toMatch(/HttpOnly; SameSite=Lax; Max-Age=43200/);

    const session = await platform.identity.resolveSession(ref, decodeURIComponent(token as string));
    expect(session?.secondFactor).toBe("none");
    expect(session?.user).toMatchObject({ kind: "staff", email, name: "Dr Asha Rao", roles: [{ role: "doctor", clinicIds: [] }] });
    expect(await userIdForIdentity(idpA.issuer, sub)).toBe(session?.user.id);
    const linked = await auditRows("auth.sso_linked");
    expect(linked.at(-1)).toMatchObject({ outcome: "success", actor_id: session?.user.id, metadata: { method: "sso", provider_id: providerA.id, account: "created" } });
    const signIns = await auditRows("auth.sso_sign_in");
    expect(signIns.at(-1)).toMatchObject({ outcome: "success", actor_id: session?.user.id });
  });

  it("maps a later sign-in with a changed email to the same account (keyed on sub, not email)", async () => {
    const { sub } = account(idpA);
    const first = new TestBrowser();
    expect((await first.get(await throughIdp(first, providerA))).status).toBe(303);
    const userId = await userIdForIdentity(idpA.issuer, sub);

    const renamed = `${randomSlug("renamed")}@${DOMAIN}`;
    account(idpA, { email: renamed }, sub);
    const second = new TestBrowser();
    expect((await second.get(await throughIdp(second, providerA))).status).toBe(303);
    const session = await platform.identity.resolveSession(ref, decodeURIComponent(second.cookie(appHost, "vn_session") as string));
    expect(session?.user.id).toBe(userId);
    expect(await staffByEmail(renamed)).toBeUndefined();
  });

  it("treats the same sub at two issuers as two different people", async () => {
    const sub = randomSlug("shared-sub");
    account(idpA, {}, sub);
    account(idpB, {}, sub);
    const a = new TestBrowser();
    expect((await a.get(await throughIdp(a, providerA))).status).toBe(303);
    const b = new TestBrowser();
    expect((await b.get(await throughIdp(b, providerB))).status).toBe(303);
    const userA = await userIdForIdentity(idpA.issuer, sub);
    const userB = await userIdForIdentity(idpB.issuer, sub);
    expect(userA).toBeTruthy();
    expect(userB).toBeTruthy();
    expect(userA).not.toBe(userB);
  });

  it("links an existing staff account with the same verified email, keeping its roles", async () => {
    const email = `${randomSlug("existing")}@${DOMAIN}`;
    const existingId = await platform.identity.createUser(ref, { kind: "staff", email, name: "Front Desk", password: "front-desk-password-1", roles: [{ role: "front_desk" }] });
    const { sub } = account(idpA, { email, groups: ["doctors"] });
    const browser = new TestBrowser();
    const res = await browser.get(await throughIdp(browser, providerA, ""));
    expect(res.status).toBe(303);
    expect(res.location).toBe("/doctor");
    expect(await userIdForIdentity(idpA.issuer, sub)).toBe(existingId);
    const session = await platform.identity.resolveSession(ref, decodeURIComponent(browser.cookie(appHost, "vn_session") as string));
    expect(session?.user.roles).toEqual([{ role: "front_desk", clinicIds: [] }]);
    expect((await auditRows("auth.sso_linked")).at(-1)).toMatchObject({ actor_id: existingId, metadata: { account: "linked" } });
  });

  it("never redirects off-site after sign-in, whatever `next` says", async () => {
    for (const next of ["https://evil.example/x", "//evil.example/x", "/\\evil.example"]) {
      account(idpA, { groups: ["it-admins"] });
      const browser = new TestBrowser();
      const res = await browser.get(await throughIdp(browser, providerA, next));
      expect(res.status).toBe(303);
      expect(res.location).toBe("/admin");
    }
  });

  it("starts on the primary host when asked on an alias, so the callback sees the same cookies", async () => {
    const browser = new TestBrowser();
    const res = await browser.get(`http://${aliasHost}/auth/sso/${providerA.id}/start?next=/doctor`);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`http://${appHost}/auth/sso/${providerA.id}/start?next=/doctor`);
  });
});

describe("refusals", () => {
  it("refuses a wrong state with a 400 page and no session", async () => {
    account(idpA);
    const browser = new TestBrowser();
    const callback = await throughIdp(browser, providerA);
    const res = await browser.get(withParams(callback, { state: "not-the-state-we-issued" }));
    expect(res.status).toBe(400);
    expect(res.body).toContain("Sign-in did not complete");
    expect(res.body).toContain(tenant.name);
    expect(browser.cookie(appHost, "vn_session")).toBeUndefined();
    const missing = await browser.get(withParams(callback, { state: null }));
    expect(missing.status).toBe(400);
    expect(browser.cookie(appHost, "vn_session")).toBeUndefined();
  });

  it("refuses a replayed callback (same code and state), leaving one session only", async () => {
    const { sub } = account(idpA);
    const browser = new TestBrowser();
    const callback = await throughIdp(browser, providerA);
    expect((await browser.get(callback)).status).toBe(303);
    const replay = await browser.get(callback);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain("already been used");
    const elsewhere = await new TestBrowser().get(callback);
    expect(elsewhere.status).toBe(400);
    const userId = await userIdForIdentity(idpA.issuer, sub);
    const sessions = await platform.withTenant(ref, ({ db }) => db("sessions").where({ user_id: userId }).count<{ count: string }[]>("* as count"));
    expect(Number(sessions[0]?.count)).toBe(1);
    expect((await auditRows("auth.sso_sign_in")).some((r) => r.outcome === "failure" && r.metadata.cause === "replayed")).toBe(true);
  });

  it("refuses provider B's response delivered to a sign-in started with provider A (mix-up), whatever `iss` says", async () => {
    const { sub } = account(idpB);
    const browser = new TestBrowser();
    const stateA1 = (await startOnly(browser, providerA, idpA)).searchParams.get("state") as string;
    const stateA2 = (await startOnly(browser, providerA, idpA)).searchParams.get("state") as string;
    const stateA3 = (await startOnly(browser, providerA, idpA)).searchParams.get("state") as string;
    const callbackB = await throughIdp(browser, providerB);
    const codeB = callbackB.searchParams.get("code") as string;

    // B's code and issuer under A's state: openid-client sees iss != A before any exchange.
    const withIss = await browser.get(withParams(new URL(`${origin()}/auth/sso/callback`), { code: codeB, state: stateA1, iss: idpB.issuer }));
    expect(withIss.status).toBe(400);
    // Without `iss` (A advertises it, so it is required): refused as well.
    const withoutIss = await browser.get(withParams(new URL(`${origin()}/auth/sso/callback`), { code: codeB, state: stateA2 }));
    expect(withoutIss.status).toBe(400);
    // A forged `iss` naming A: the code goes to A's token endpoint, which never issued it.
    const forgedIss = await browser.get(withParams(new URL(`${origin()}/auth/sso/callback`), { code: codeB, state: stateA3, iss: idpA.issuer }));
    expect(forgedIss.status).toBe(400);
    expect(browser.cookie(appHost, "vn_session")).toBeUndefined();
    expect(await userIdForIdentity(idpA.issuer, sub)).toBeUndefined();
    expect(await userIdForIdentity(idpB.issuer, sub)).toBeUndefined();
    const failures = (await auditRows("auth.sso_sign_in")).filter((r) => r.outcome === "failure" && r.metadata.provider_id === providerA.id);
    expect(failures.slice(-3).map((r) => r.metadata.cause)).toEqual(["response_rejected", "response_rejected", "response_rejected"]);

    // B's own sign-in, untouched by the attempts, still completes.
    expect((await browser.get(callbackB)).status).toBe(303);
    expect(await userIdForIdentity(idpB.issuer, sub)).toBeTruthy();
  });

  it("refuses a callback opened in another browser, and the starting browser can still finish", async () => {
    account(idpA);
    const owner = new TestBrowser();
    const callback = await throughIdp(owner, providerA);
    const other = new TestBrowser();
    const res = await other.get(callback);
    expect(res.status).toBe(400);
    expect(res.body).toContain("another browser");
    expect(other.cookie(appHost, "vn_session")).toBeUndefined();
    expect((await owner.get(callback)).status).toBe(303);
  });

  it("refuses an email outside the allowed domains", async () => {
    const { email } = account(idpA, { email: `${randomSlug("eve")}@evil.example` });
    const browser = new TestBrowser();
    const res = await browser.get(await throughIdp(browser, providerA));
    expect(res.status).toBe(400);
    expect(res.body).toContain("not allowed to sign in");
    expect(await staffByEmail(email)).toBeUndefined();
    expect(browser.cookie(appHost, "vn_session")).toBeUndefined();
  });

  it("refuses an unverified email", async () => {
    const { email, sub } = account(idpA, { email_verified: false });
    const browser = new TestBrowser();
    const res = await browser.get(await throughIdp(browser, providerA));
    expect(res.status).toBe(400);
    expect(res.body).toContain("did not confirm your email");
    expect(await staffByEmail(email)).toBeUndefined();
    expect(await userIdForIdentity(idpA.issuer, sub)).toBeUndefined();
  });

  it("refuses someone whose groups map to no role (and there is no default role)", async () => {
    const { email } = account(idpA, { groups: ["visitors"] });
    const browser = new TestBrowser();
    const res = await browser.get(await throughIdp(browser, providerA));
    expect(res.status).toBe(400);
    expect(res.body).toContain("no staff role");
    expect(await staffByEmail(email)).toBeUndefined();
  });

  it("never links by email an account that already has an IdP identity (reassigned address, or another provider)", async () => {
    const email = `${randomSlug("taken")}@${DOMAIN}`;
    const { sub } = account(idpA, { email });
    const first = new TestBrowser();
    expect((await first.get(await throughIdp(first, providerA))).status).toBe(303);
    const owner = await userIdForIdentity(idpA.issuer, sub);

    // The IdP gave the address to someone new (another sub): not the old owner's account.
    const { sub: newcomer } = account(idpA, { email });
    const second = new TestBrowser();
    const reassigned = await second.get(await throughIdp(second, providerA));
    expect(reassigned.status).toBe(400);
    expect(reassigned.body).toContain("already linked");
    expect(await userIdForIdentity(idpA.issuer, newcomer)).toBeUndefined();

    // Provider B asserting the same address cannot take the account either.
    const { sub: atB } = account(idpB, { email });
    const third = new TestBrowser();
    expect((await third.get(await throughIdp(third, providerB))).status).toBe(400);
    expect(await userIdForIdentity(idpB.issuer, atB)).toBeUndefined();
    expect((await auditRows("auth.sso_sign_in")).at(-1)).toMatchObject({ outcome: "failure", metadata: { cause: "account_conflict", provider_id: providerB.id } });
    expect(owner).toBeTruthy();
  });

  it("refuses a disabled account even with a valid IdP sign-in", async () => {
    const { sub } = account(idpA);
    const first = new TestBrowser();
    expect((await first.get(await throughIdp(first, providerA))).status).toBe(303);
    await platform.identity.disableUser(ref, adminId, (await userIdForIdentity(idpA.issuer, sub)) as string);
    const again = new TestBrowser();
    const res = await again.get(await throughIdp(again, providerA));
    expect(res.status).toBe(400);
    expect(res.body).toContain("disabled");
    expect(again.cookie(appHost, "vn_session")).toBeUndefined();
  });

  it("rate-limits sign-in starts per IP", async () => {
    const limited = createSsoService({ withTenant: platform.withTenant, allowInsecureIssuers: true, rateLimiter: new MemoryRateLimiter() });
    const opts = { browserBinding: "b", redirectUri: `http://${appHost}/auth/sso/callback`, ip: "10.9.8.7" };
    for (let i = 0; i < START_LIMIT; i++) await limited.start(ref, providerA.id, opts);
    await expect(limited.start(ref, providerA.id, opts)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(limited.start(ref, providerA.id, { ...opts, ip: "10.9.8.6" })).resolves.toBeTruthy();
  });

  it("answers 404 for an unknown or disabled provider's start", async () => {
    const browser = new TestBrowser();
    expect((await browser.get(`${origin()}/auth/sso/00000000-0000-4000-8000-000000000000/start`)).status).toBe(404);
    expect((await browser.get(`${origin()}/auth/sso/not-a-uuid/start`)).status).toBe(404);
    const idp = await startLocalIdp({ redirectUris: [`http://${appHost}/auth/sso/callback`] });
    try {
      const off = await sso.saveProvider(ref, admin, { name: "Off", issuer: idp.issuer, clientId: idp.clientId, clientSecret: "x", allowedEmailDomains: DOMAIN, enabled: false });
      expect((await browser.get(`${origin()}/auth/sso/${off.id}/start`)).status).toBe(404);
      expect((await sso.listSignInOptions(ref)).map((o) => o.id)).not.toContain(off.id);
    } finally {
      await idp.close();
    }
  });
});

describe("provider configuration", () => {
  it("lists providers without their secret, keeps the secret when left empty, and audits each save", async () => {
    const list = await sso.listProviders(ref, admin);
    const a = list.find((p) => p.id === providerA.id);
    expect(a).toMatchObject({ issuer: idpA.issuer, clientId: idpA.clientId, hasClientSecret: true, allowedEmailDomains: [DOMAIN], roleMapping: MAPPING, enabled: true });
    expect(JSON.stringify(list)).not.toContain(idpA.clientSecret);

    await sso.saveProvider(ref, admin, { id: providerA.id, name: "Renamed A", issuer: idpA.issuer, clientId: idpA.clientId, clientSecret: "", allowedEmailDomains: `${DOMAIN}, staff.${DOMAIN}`, roleMapping: MAPPING });
    const row = await platform.withTenant(ref, ({ db }) => db("sso_providers").where({ id: providerA.id }).first());
    expect(row).toMatchObject({ name: "Renamed A", client_secret: idpA.clientSecret, allowed_email_domains: [DOMAIN, `staff.${DOMAIN}`] });
    const saved = await auditRows("sso.provider_saved");
    expect(saved.at(-1)).toMatchObject({ outcome: "success", actor_id: adminId, metadata: { created: false, enabled: true } });

    // Sign-in still works with the kept secret.
    account(idpA);
    const browser = new TestBrowser();
    expect((await browser.get(await throughIdp(browser, providerA))).status).toBe(303);
  });

  it("lets only tenant admins configure providers, and an actor of another tenant learns nothing", async () => {
    const doctor: Actor = { userId: adminId, tenantId: tenant.id, kind: "staff", roles: ["doctor"], clinicIds: [] };
    const input = { name: "X", issuer: idpA.issuer, clientId: "x", clientSecret: "y", allowedEmailDomains: [DOMAIN] };
    await expect(sso.saveProvider(ref, doctor, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(sso.saveProvider(ref, doctor, { ...input, id: providerA.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(sso.listProviders(ref, doctor)).rejects.toMatchObject({ code: "forbidden" });
    const elsewhere: Actor = { ...admin, tenantId: "00000000-0000-4000-8000-000000000000" };
    await expect(sso.listProviders(ref, elsewhere)).rejects.toMatchObject({ code: "not_found" });
    await expect(sso.saveProvider(ref, elsewhere, input)).rejects.toMatchObject({ code: "not_found" });
  });

  it("validates the input: https issuers only (outside tests), known roles, at least one domain, a secret when adding", async () => {
    const strict = createSsoService({ withTenant: platform.withTenant });
    const base = { name: "X", issuer: "https://login.example.com", clientId: "x", clientSecret: "y", allowedEmailDomains: [DOMAIN], enabled: false };
    await expect(strict.saveProvider(ref, admin, { ...base, issuer: idpA.issuer })).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "issuer" }] });
    await expect(sso.saveProvider(ref, admin, { ...base, issuer: "http://login.example.com" })).rejects.toMatchObject({ details: [{ field: "issuer" }] });
    await expect(sso.saveProvider(ref, admin, { ...base, roleMapping: { claim: "groups", map: { x: "patient" } } })).rejects.toMatchObject({ details: [{ field: "roleMapping.map.x" }] });
    await expect(sso.saveProvider(ref, admin, { ...base, allowedEmailDomains: [] })).rejects.toMatchObject({ details: [{ field: "allowedEmailDomains" }] });
    await expect(sso.saveProvider(ref, admin, { ...base, clientSecret: "" })).rejects.toMatchObject({ details: [{ field: "clientSecret" }] });
    await expect(sso.saveProvider(ref, admin, { ...base, enabled: true, issuer: "https://127.0.0.1:1" })).rejects.toMatchObject({ details: [{ field: "issuer" }] });
  });
});
