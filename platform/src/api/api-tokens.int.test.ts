import express, { type NextFunction, type Request, type Response } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { isDomainError } from "../errors/index.js";
import { requestContext, sessionAndCsrf, tenantInfo, tenantRouter } from "../http/create-app.js";
import { hashToken, type TenantRef } from "../identity/index.js";
import { createLogger, HttpMetrics } from "../observability/index.js";
import { createDoctorsApiRouter } from "./doctors-api.js";
import { createAppointmentsApiRouter } from "./appointments-api.js";
import { API_ROUTES_OUTSIDE_SPEC, apiAuth, createApiRouter, createApiTokenService, listRoutes, openApiDocument } from "./index.js";

let platform: Platform;
let a: Tenant;
let b: Tenant;
let app: express.Express;
let router: express.Router;

const ref = (t: Tenant): TenantRef => ({ id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name });
const host = (t: Tenant) => `${t.slug}.test`;
const email = () => `${randomSlug("u")}@example.com`;

beforeAll(async () => {
  platform = await createTestPlatform();
  const service = createProvisioningService(platform);
  a = await createTestTenant(service);
  b = await createTestTenant(service);
  const apiTokens = createApiTokenService({ withTenant: platform.withTenant, identity: platform.identity, rateLimiter: platform.rateLimiter });
  router = createApiRouter({ apiTokens });
  // The same order as createApp: context, tenant, session and CSRF, then the API.
  app = express();
  app.use(requestContext({ logger: createLogger({ level: "silent" }), metrics: new HttpMetrics() }));
  app.use(tenantRouter({ platformHost: "platform.test", resolver: platform.resolver, themes: platform.themes, catalogues: platform.catalogues }));
  app.use(sessionAndCsrf({ identity: platform.identity, secret: () => platform.secret() }));
  app.use(express.json());
  app.use(apiAuth({ apiTokens }));
  app.get("/api/v1/tenant", tenantInfo);
  app.use(router);
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (isDomainError(err) && err.status < 500) res.status(err.status).json(err.toJSON());
    else res.status(500).json({ error: { code: "internal", message: String(err) } });
  });
});

afterAll(async () => {
  await platform?.close();
});

async function patient(t: Tenant, password = "patient-password-1"): Promise<{ id: string; email: string; password: string }> {
  const e = email();
  const id = await platform.identity.createUser(ref(t), { kind: "patient", email: e, name: "Asha Verma", password, roles: [{ role: "patient" }] });
  return { id, email: e, password };
}

function signIn(t: Tenant, body: Record<string, unknown>) {
  return request(app).post("/api/v1/auth/token").set("Host", host(t)).send(body);
}

async function tokensFor(t: Tenant, u: { email: string; password: string }, extra: Record<string, unknown> = {}) {
  const res = await signIn(t, { grant_type: "password", email: u.email, password: u.password, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { access_token: string; refresh_token: string; token_type: string; expires_in: number };
}

const me = (t: Tenant, access: string) => request(app).get("/api/v1/me").set("Host", host(t)).set("Authorization", `Bearer ${access}`);
const refresh = (t: Tenant, token: string) => request(app).post("/api/v1/auth/refresh").set("Host", host(t)).send({ refresh_token: token });
const revoke = (t: Tenant, token: string) => request(app).post("/api/v1/auth/revoke").set("Host", host(t)).send({ token });

async function auditRows(t: Tenant, action: string) {
  return platform.withTenant(t, ({ db }) => db("audit_log").where({ action }).orderBy("id").select("actor_id", "outcome", "subject_type", "subject_id", "metadata"));
}

describe("password grant", () => {
  it("issues an RFC 6749 token pair, stores only SHA-256 hashes bound to the tenant, and leaves no browser session behind", async () => {
    const u = await patient(a);
    const res = await signIn(a, { grant_type: "password", email: u.email.toUpperCase(), password: u.password, client: "android" });
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^vna_[\w-]{43}$/), token_type: "Bearer", expires_in: 900, refresh_token: expect.stringMatching(/^vnr_[\w-]{43}$/) });
    const rows = await platform.withTenant(a, ({ db }) => db("api_tokens").where({ user_id: u.id }).select());
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(res.body.access_token);
    expect(raw).not.toContain(res.body.refresh_token);
    expect(raw).not.toContain(res.body.access_token.slice(4));
    expect(rows.map((r) => r.token_hash).sort()).toEqual([hashToken(res.body.access_token), hashToken(res.body.refresh_token)].sort());
    expect(rows.every((r) => r.tenant_id === a.id && r.client === "android" && r.family_id === rows[0].family_id)).toBe(true);
    const access = rows.find((r) => r.kind === "access");
    expect(access.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    const sessions = await platform.withTenant(a, ({ db }) => db("sessions").where({ user_id: u.id }).count<{ count: string }[]>("* as count"));
    expect(sessions[0]!.count).toBe("0");
    const audits = await auditRows(a, "auth.sign_in");
    expect(audits).toContainEqual(expect.objectContaining({ actor_id: u.id, outcome: "success", subject_type: "api_token_family", metadata: { method: "api_password", client: "android" } }));
  });

  it("accepts a form-encoded request, as OAuth clients send it", async () => {
    const u = await patient(a);
    const res = await request(app)
      .post("/api/v1/auth/token")
      .set("Host", host(a))
      .type("form")
      .send({ grant_type: "password", email: u.email, password: u.password });
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe("Bearer");
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const u = await patient(a);
    const wrong = await signIn(a, { grant_type: "password", email: u.email, password: "not-the-password" });
    const unknown = await signIn(a, { grant_type: "password", email: email(), password: "not-the-password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("unauthenticated");
    expect(wrong.body).not.toHaveProperty("access_token");
  });

  it("refuses an account that owes a second factor with 403 second_factor_required, issuing nothing", async () => {
    const e = email();
    const id = await platform.identity.createUser(ref(a), { kind: "staff", email: e, name: "Admin", password: "admin-password-1", roles: [{ role: "tenant_admin" }] });
    const res = await signIn(a, { grant_type: "password", audience: "staff", email: e, password: "admin-password-1" });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", details: { reason: "second_factor_required" } });
    const [tokens, sessions] = await platform.withTenant(a, async ({ db }) => [
      await db("api_tokens").where({ user_id: id }).select(),
      await db("sessions").where({ user_id: id }).select(),
    ]);
    expect(tokens).toEqual([]);
    expect(sessions).toEqual([]);
  });

  it("signs in a staff account without a second factor through audience=staff, and keeps it apart from patients", async () => {
    const e = email();
    await platform.identity.createUser(ref(a), { kind: "staff", email: e, name: "Dr Rao", password: "doctor-password-1", roles: [{ role: "doctor" }] });
    expect((await signIn(a, { grant_type: "password", email: e, password: "doctor-password-1" })).status).toBe(401);
    const t = await tokensFor(a, { email: e, password: "doctor-password-1" }, { audience: "staff" });
    const res = await me(a, t.access_token);
    expect(res.body).toMatchObject({ kind: "staff", name: "Dr Rao", roles: ["doctor"] });
  });

  it("answers invalid input with 422 and one problem per field", async () => {
    const empty = await signIn(a, {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe("validation_failed");
    expect(empty.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["email", "grant_type", "password"]);
    const grant = await signIn(a, { grant_type: "client_credentials", email: "x@example.com", password: "p", client: "Bad Label!" });
    expect(grant.status).toBe(422);
    expect(grant.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["client", "grant_type"]);
    const noToken = await request(app).post("/api/v1/auth/refresh").set("Host", host(a)).send({});
    expect(noToken.status).toBe(422);
    expect(noToken.body.error.details).toEqual([{ field: "refresh_token", message: "Send the refresh token" }]);
  });

  it("rate-limits sign-in per account with 429 and Retry-After", async () => {
    const u = await patient(b);
    let limited: request.Response | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await signIn(b, { grant_type: "password", email: u.email, password: `wrong-password-${i}` });
      if (res.status === 429) limited = res;
    }
    expect(limited?.body.error.code).toBe("rate_limited");
    expect(Number(limited?.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("bearer access", () => {
  it("serves /api/v1/me for the access token's user", async () => {
    const u = await patient(a);
    const t = await tokensFor(a, u);
    const res = await me(a, t.access_token);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toEqual({ id: u.id, kind: "patient", name: "Asha Verma", email: u.email, phone: null, roles: ["patient"] });
  });

  it("serves /api/v1/me for a browser session cookie too, and 401 with a Bearer challenge for nobody", async () => {
    const u = await patient(a);
    const session = await platform.identity.signInWithPassword({ tenant: ref(a), ip: "10.9.8.7" }, "patient", { email: u.email, password: u.password });
    const withCookie = await request(app).get("/api/v1/me").set("Host", host(a)).set("Cookie", `vn_session=${session.token}`);
    expect(withCookie.status).toBe(200);
    expect(withCookie.body.id).toBe(u.id);
    const anonymous = await request(app).get("/api/v1/me").set("Host", host(a));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(anonymous.body.error.code).toBe("unauthenticated");
  });

  it("rejects tenant A's token on tenant B's host: it does not exist there", async () => {
    const u = await patient(a);
    const t = await tokensFor(a, u);
    const res = await me(b, t.access_token);
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toContain('error="invalid_token"');
    expect((await refresh(b, t.refresh_token)).status).toBe(401);
    expect((await revoke(b, t.access_token)).status).toBe(200);
    expect((await me(a, t.access_token)).status).toBe(200);
  });

  it("rejects an expired access token with 401 invalid_token", async () => {
    const u = await patient(a);
    const t = await tokensFor(a, u);
    await platform.withTenant(a, ({ db }) => db("api_tokens").where({ token_hash: hashToken(t.access_token) }).update({ expires_at: new Date(Date.now() - 1000) }));
    const res = await me(a, t.access_token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
    expect(res.headers["www-authenticate"]).toBe('Bearer realm="api", error="invalid_token"');
  });

  it("rejects junk and refresh tokens presented as access tokens", async () => {
    const u = await patient(a);
    const t = await tokensFor(a, u);
    expect((await me(a, "vna_not-a-real-token")).status).toBe(401);
    expect((await me(a, t.refresh_token)).status).toBe(401);
  });
});

describe("refresh rotation", () => {
  it("rotates: the new pair works and the old refresh token is used up", async () => {
    const u = await patient(a);
    const first = await tokensFor(a, u);
    const res = await refresh(a, first.refresh_token);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body.refresh_token).not.toBe(first.refresh_token);
    expect(res.body.access_token).not.toBe(first.access_token);
    expect((await me(a, res.body.access_token)).status).toBe(200);
    const rows = await platform.withTenant(a, ({ db }) => db("api_tokens").where({ user_id: u.id }).select());
    expect(new Set(rows.map((r) => r.family_id)).size).toBe(1);
    const old = rows.find((r) => r.token_hash === hashToken(first.refresh_token));
    const fresh = rows.find((r) => r.token_hash === hashToken(res.body.refresh_token));
    expect(old.used_at).toBeInstanceOf(Date);
    expect(fresh.used_at).toBeNull();
    expect(fresh.expires_at.getTime()).toBe(old.expires_at.getTime());
  });

  it("treats reuse of a used refresh token as theft: revokes the whole family, newest access token included", async () => {
    const u = await patient(a);
    const first = await tokensFor(a, u);
    const second = (await refresh(a, first.refresh_token)).body;
    const third = (await refresh(a, second.refresh_token)).body;
    expect((await me(a, third.access_token)).status).toBe(200);

    const reuse = await refresh(a, first.refresh_token);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe("unauthenticated");
    expect((await me(a, third.access_token)).status).toBe(401);
    expect((await refresh(a, third.refresh_token)).status).toBe(401);
    const live = await platform.withTenant(a, ({ db }) => db("api_tokens").where({ user_id: u.id }).whereNull("revoked_at").select());
    expect(live).toEqual([]);
    const audits = await auditRows(a, "auth.session_revoked");
    expect(audits).toContainEqual(expect.objectContaining({ subject_type: "api_token_family", metadata: expect.objectContaining({ cause: "refresh_reuse", user_id: u.id }) }));
  });

  it("refuses an expired refresh token", async () => {
    const u = await patient(a);
    const t = await tokensFor(a, u);
    await platform.withTenant(a, ({ db }) => db("api_tokens").where({ token_hash: hashToken(t.refresh_token) }).update({ expires_at: new Date(Date.now() - 1000) }));
    expect((await refresh(a, t.refresh_token)).status).toBe(401);
  });
});

describe("revocation", () => {
  it("revokes the whole family from either token and always answers 200", async () => {
    const u = await patient(a);
    const t = await tokensFor(a, u);
    const res = await revoke(a, t.access_token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await me(a, t.access_token)).status).toBe(401);
    expect((await refresh(a, t.refresh_token)).status).toBe(401);
    expect((await revoke(a, t.refresh_token)).status).toBe(200);
    expect((await revoke(a, "vnr_unknown")).status).toBe(200);
    expect((await revoke(a, "anything")).status).toBe(200);
    const audits = await auditRows(a, "auth.session_revoked");
    expect(audits.filter((r) => r.actor_id === u.id && r.metadata.cause === "client_revoke")).toHaveLength(1);
  });

  it("leaves the user's other sign-ins alone", async () => {
    const u = await patient(a);
    const phone = await tokensFor(a, u, { client: "android" });
    const tablet = await tokensFor(a, u, { client: "ipad" });
    await revoke(a, phone.refresh_token);
    expect((await me(a, phone.access_token)).status).toBe(401);
    expect((await me(a, tablet.access_token)).status).toBe(200);
  });
});

describe("disabled accounts", () => {
  it("end at once: /me and refresh answer 401, and re-enabling does not bring the tokens back", async () => {
    const u = await patient(a);
    const t = await tokensFor(a, u);
    expect((await me(a, t.access_token)).status).toBe(200);
    await platform.identity.disableUser(ref(a), "admin-id", u.id);
    expect((await me(a, t.access_token)).status).toBe(401);
    expect((await refresh(a, t.refresh_token)).status).toBe(401);
    const live = await platform.withTenant(a, ({ db }) => db("api_tokens").where({ user_id: u.id }).whereNull("revoked_at").select());
    expect(live).toEqual([]);
    await platform.withTenant(a, ({ db }) => db("users").where({ id: u.id }).update({ status: "active" }));
    expect((await me(a, t.access_token)).status).toBe(401);
    expect((await refresh(a, t.refresh_token)).status).toBe(401);
    expect((await signIn(a, { grant_type: "password", email: u.email, password: u.password })).status).toBe(200);
  });
});

describe("OpenAPI document and reference page", () => {
  const documented = () =>
    Object.entries(openApiDocument.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));

  it("is served as parseable OpenAPI 3.1 JSON whose $refs all resolve", async () => {
    const res = await request(app).get("/api/v1/openapi.json").set("Host", host(a));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.description).toMatch(/Host/);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const refs = [...res.text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      const target = r.replace(/^#\//, "").split("/").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc);
      expect(target, r).toBeDefined();
    }
  });

  it("documents every route the API router serves, and nothing it does not", () => {
    // Express writes path parameters as `:slug`, OpenAPI as `{slug}`.
    const unused = () => {
      throw new Error("unused");
    };
    const doctors = listRoutes(createDoctorsApiRouter({ discovery: unused })).map((r) => r.replace(/:(\w+)/g, "{$1}"));
    const booking = listRoutes(createAppointmentsApiRouter({ scheduling: { openSlots: unused }, appointments: {} as never, doctorIdBySlug: unused })).map((r) => r.replace(/:(\w+)/g, "{$1}"));
    const registered = [...listRoutes(router), ...doctors, ...booking];
    expect(registered.length).toBeGreaterThan(0);
    const docs = documented();
    for (const route of registered) if (!API_ROUTES_OUTSIDE_SPEC.includes(route)) expect(docs, `${route} is not in openapi.ts`).toContain(route);
    // /api/v1/tenant is served by createApp itself.
    for (const op of docs) expect([...registered, "GET /api/v1/tenant"], `${op} is documented but not served`).toContain(op);
  });

  it("renders /api/docs as an accessible HTML reference listing every path", async () => {
    const res = await request(app).get("/api/docs").set("Host", host(a));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(res.text).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(res.text).toContain('<a class="skip" href="#main">');
    expect(res.text).toContain('<main id="main"');
    expect(res.text).toMatch(/<h1>Illajwala VisitNow API<\/h1>/);
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!\w[\w.-]*\.test)[^"'\s]*\.(js|css)/);
    for (const op of documented()) {
      const [method, path] = op.split(" ") as [string, string];
      expect(res.text).toContain(`<span class="method method-${method.toLowerCase()}">${method}</span> <code class="path">${path}</code>`);
    }
    expect(res.text).toContain(`http://${host(a)}/api/v1/auth/token`);
  });

  it("keeps the tenant routing: an unknown host gets the plain API 404", async () => {
    const res = await request(app).get("/api/v1/openapi.json").set("Host", "nobody-here.test");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "not_found", message: "Not found" } });
  });
});
