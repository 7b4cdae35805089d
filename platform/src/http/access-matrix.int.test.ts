/**
 * The cross-tenant and cross-role matrix: every page and API endpoint that exists so
 * far, requested by every role of one tenant, on its own host, on another tenant's host
 * and on the platform host, with path variants. It asserts that nothing leaks across
 * tenants or roles and that no role reaches what it may not. New routes are added to
 * ROUTES below (a test fails when an app has a route the matrix does not list).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug } from "@visitnow/provisioning/testing";
import { REPO_ROOT } from "../config/index.js";
import { totpAt, type Platform, type Tenant } from "../index.js";
import { composeAppDeps } from "../server/compose.js";
import { createApp } from "./create-app.js";
import { loadRemixBuilds, remixBuildsExist } from "./remix-apps.js";

type Who = "anonymous" | "patient" | "doctor" | "front_desk" | "tenant_admin" | "platform_admin";
const WHO: Who[] = ["anonymous", "patient", "doctor", "front_desk", "tenant_admin", "platform_admin"];
const PLATFORM_HOST = "platform.test";
const TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Protected GET routes and who may open them on their own tenant's host. */
const ROUTES: { app: "patient" | "doctor" | "admin" | "api" | "console"; path: string; allowed: Who[] }[] = [
  { app: "patient", path: "/account", allowed: ["patient"] },
  { app: "patient", path: "/appointments", allowed: ["patient"] },
  { app: "doctor", path: "/doctor", allowed: ["doctor", "front_desk", "tenant_admin"] },
  { app: "doctor", path: "/doctor/availability", allowed: ["doctor", "front_desk", "tenant_admin"] },
  { app: "doctor", path: "/doctor/patients", allowed: ["doctor", "front_desk", "tenant_admin"] },
  { app: "doctor", path: "/doctor/calendar", allowed: ["doctor", "front_desk", "tenant_admin"] },
  { app: "doctor", path: "/doctor/book", allowed: ["doctor", "front_desk", "tenant_admin"] },
  { app: "admin", path: "/admin", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/doctors", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/doctors/new", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/clinics", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/clinics/new", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/specialties", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/document-checklist", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/operations", allowed: ["tenant_admin"] },
  { app: "admin", path: "/admin/settings", allowed: ["tenant_admin"] },
  { app: "api", path: "/api/v1/me", allowed: ["patient", "doctor", "front_desk", "tenant_admin"] },
  { app: "console", path: "/", allowed: ["platform_admin"] },
];

/** Public pages: anyone may open them; they must still leak nothing. */
const PUBLIC = ["/", "/search", "/join", "/sign-in", "/sign-up", "/sign-in/code", "/doctor/sign-in", "/admin/sign-in", "/api/v1/tenant"];

const built = remixBuildsExist(REPO_ROOT);
let platform: Platform;
let app: ReturnType<typeof createApp>;
let a: Tenant;
let b: Tenant;
const names: Record<string, Record<Who, string>> = {};
const cookies: Record<string, Record<Who, string | null>> = {};

async function seedTenant(t: Tenant, tag: string): Promise<void> {
  const ref = { ...t, name: t.name };
  const n = (role: string) => `${tag}-${role}-${randomSlug("n").slice(2)}`;
  names[t.id] = { anonymous: "", patient: n("Patient"), doctor: n("Doctor"), front_desk: n("Desk"), tenant_admin: n("Admin"), platform_admin: "" };
  const id = platform.identity;
  const pw = "matrix-password-1";
  await id.signUpPatient({ tenant: ref, ip: "10.9.0.1" }, { name: names[t.id]!.patient, email: `p-${t.slug}@example.com`, password: pw });
  await id.createUser(ref, { kind: "staff", email: `d-${t.slug}@example.com`, name: names[t.id]!.doctor, password: pw, roles: [{ role: "doctor" }] });
  await id.createUser(ref, { kind: "staff", email: `f-${t.slug}@example.com`, name: names[t.id]!.front_desk, password: pw, roles: [{ role: "front_desk" }] });
  await id.createUser(ref, { kind: "staff", email: `a-${t.slug}@example.com`, name: names[t.id]!.tenant_admin, password: pw, roles: [{ role: "tenant_admin" }], totpSecret: TOTP });
  const ctx = { tenant: ref, ip: `10.9.${Math.floor(Math.random() * 250)}.1` };
  const signIn = async (kind: "patient" | "staff", email: string) => (await id.signInWithPassword(ctx, kind, { email, password: pw })).token;
  const adminPending = await signIn("staff", `a-${t.slug}@example.com`);
  cookies[t.id] = {
    anonymous: null,
    patient: await signIn("patient", `p-${t.slug}@example.com`),
    doctor: await signIn("staff", `d-${t.slug}@example.com`),
    front_desk: await signIn("staff", `f-${t.slug}@example.com`),
    tenant_admin: (await id.verifySecondFactor(ctx, adminPending, { code: totpAt(TOTP, Date.now()) })).token,
    platform_admin: null,
  };
}

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  a = await createTestTenant(provisioning, { slug: randomSlug("mxa"), theme: "sunrise" });
  b = await createTestTenant(provisioning, { slug: randomSlug("mxb"), theme: "citycare" });
  await seedTenant(a, "Alpha");
  await seedTenant(b, "Bravo");
  const email = `${randomSlug("pa")}@platform.example`;
  await platform.platformAdmins.create({ email, name: "Matrix Platform Admin", password: "platform-admin-pass", totpSecret: TOTP });
  const pending = await platform.platformAdmins.signIn("10.9.9.9", { email, password: "platform-admin-pass" });
  const pa = (await platform.platformAdmins.verifySecondFactor("10.9.9.9", pending.token, { code: totpAt(TOTP, Date.now()) })).token;
  cookies[a.id]!.platform_admin = pa;
  cookies[b.id]!.platform_admin = pa;
  app = createApp({
    ...composeAppDeps(platform, provisioning, { platformHost: PLATFORM_HOST }),
    readiness: async () => ({ database: "ok" }),
    remix: built ? await loadRemixBuilds(REPO_ROOT) : null,
  });
});

afterAll(async () => {
  await platform?.close();
});

const hostOf = (t: Tenant) => `${t.slug}.test`;
const get = (host: string, p: string, token: string | null, method: "get" | "head" = "get") => {
  const r = request(app)[method](p).set("Host", host);
  return token ? r.set("Cookie", `vn_session=${token}`) : r;
};

/** Every name that must not appear in a response for `viewer` of tenant `t`. */
function foreignNames(t: Tenant, viewer: Who): string[] {
  const other = t.id === a.id ? b : a;
  const own = Object.entries(names[t.id]!).filter(([who, n]) => n && who !== viewer).map(([, n]) => n);
  return [...Object.values(names[other.id]!).filter(Boolean), ...own];
}

describe.skipIf(!built)("access matrix", () => {
  it("lists every route the apps have, so a new route cannot skip the matrix", () => {
    const listed = new Set([...ROUTES.map((r) => r.path), ...PUBLIC]);
    const missing: string[] = [];
    for (const [appName, prefix] of [["patient", ""], ["doctor", "/doctor"], ["admin", "/admin"]] as const) {
      for (const file of readdirSync(path.join(REPO_ROOT, "tenant-apps", appName, "app/routes"))) {
        const route = file.replace(/\.tsx?$/, "");
        if (route === "$" || route.endsWith("sign-out") || route.includes("$")) continue;
        const p = route === "_index" ? prefix || "/" : `${prefix}/${route.replace(/_\./g, "/").replace(/\./g, "/").replace(/_$/, "").replace(/\/_index$/, "")}`;
        if (!listed.has(p) && !/two-step|forgot-password|invite|reset-password|staff|security/.test(p)) missing.push(p);
      }
    }
    expect(missing).toEqual([]);
  });

  for (const route of ROUTES) {
    for (const who of WHO) {
      it(`${route.path} for ${who}: allowed only where it should be, on its own host only, leaking nothing`, async () => {
        for (const t of [a, b]) {
          const token = cookies[t.id]![who];
          const ownHost = route.app === "console" ? PLATFORM_HOST : hostOf(t);
          const own = await get(ownHost, route.path, token);
          const myName = names[t.id]![who] || (who === "platform_admin" ? "Matrix Platform Admin" : "");
          if (route.allowed.includes(who)) {
            expect(own.status, `${who} ${route.path}`).toBe(200);
            if (myName) expect(own.text).toContain(myName);
          } else {
            expect([302, 401, 403, 404], `${who} ${route.path} -> ${own.status}`).toContain(own.status);
          }
          for (const n of foreignNames(t, who)) expect(own.text, `${route.path} leaked ${n} to ${who}`).not.toContain(n);

          // The same cookie on the other tenant's host (or, for the console, on a tenant
          // host) is treated as signed out.
          const other = t.id === a.id ? b : a;
          const elsewhereHost = hostOf(other);
          const elsewhere = await get(elsewhereHost, route.path, token);
          if (route.app === "console") expect(elsewhere.text, "console data on a tenant host").not.toContain(`${t.slug}.test`);
          else if (token) expect(elsewhere.status, `${who} on foreign host ${route.path}`).not.toBe(200);
          for (const n of Object.values(names[t.id]!).filter(Boolean)) expect(elsewhere.text).not.toContain(n);
        }
      });
    }
  }

  it("serves public pages to every role without leaking other tenants' or other users' names", async () => {
    for (const t of [a, b]) {
      for (const who of WHO) {
        for (const p of PUBLIC) {
          const res = await get(hostOf(t), p, cookies[t.id]![who]);
          expect([200, 302], `${who} ${p} -> ${res.status}`).toContain(res.status);
          for (const n of foreignNames(t, who)) expect(res.text, `${p} leaked ${n} to ${who}`).not.toContain(n);
        }
      }
    }
  });

  it("shows a signed-in user on their own tenant's home page and a signed-out header elsewhere", async () => {
    const mine = await get(hostOf(a), "/", cookies[a.id]!.patient);
    expect(mine.text).toContain(names[a.id]!.patient.split(" ")[0] as string);
    const foreign = await get(hostOf(b), "/", cookies[a.id]!.patient);
    expect(foreign.text).not.toContain(names[a.id]!.patient.split(" ")[0] as string);
    const onPlatform = await get(PLATFORM_HOST, "/", cookies[a.id]!.tenant_admin);
    expect(onPlatform.text).not.toContain(a.slug);
  });

  it("never lets path variants or HEAD reach the admin console without an admin role", async () => {
    const variants = ["/admin", "/admin/", "/ADMIN", "/Admin/settings", "//admin", "/admin//settings", "/%61dmin", "/admin/%2e%2e/admin", "/admin.data", "/admin/settings.data"];
    for (const who of ["anonymous", "patient", "doctor", "front_desk"] as const) {
      for (const p of variants) {
        for (const method of ["get", "head"] as const) {
          const res = await get(hostOf(a), p, cookies[a.id]![who], method);
          expect(res.status === 200 && /Admin|admin/.test(res.text) && res.text.includes(names[a.id]!.tenant_admin), `${who} ${method} ${p}`).toBe(false);
          if (method === "get" && res.status === 200) {
            expect(res.text, `${who} ${p} reached admin data`).not.toContain('href="/admin/settings"');
          }
        }
      }
    }
  });

  it("refuses every mutation without a valid CSRF token, including one minted for another tenant's host", async () => {
    const token = cookies[a.id]!.patient as string;
    const noToken = await request(app).post("/account").set("Host", hostOf(a)).set("Cookie", `vn_session=${token}`).type("form").send({ intent: "profile", name: "Changed" });
    expect(noToken.status).toBe(403);
    const page = await get(hostOf(b), "/sign-in", null);
    const bCsrf = /vn_csrf=([^;]+)/.exec(String(page.headers["set-cookie"]))?.[1] as string;
    const foreign = await request(app)
      .post("/account")
      .set("Host", hostOf(a))
      .set("Cookie", `vn_session=${token}; vn_csrf=${bCsrf}`)
      .type("form")
      .send({ intent: "profile", name: "Changed", _csrf: decodeURIComponent(bCsrf) });
    expect(foreign.status).toBe(403);
    const crossOrigin = await request(app).post("/account").set("Host", hostOf(a)).set("Origin", "http://evil.test").set("Cookie", `vn_session=${token}`).type("form").send({});
    expect(crossOrigin.status).toBe(403);
    const me = await platform.withTenant(a, ({ db }) => db("users").where({ email: `p-${a.slug}@example.com` }).first("name"));
    expect(me.name).toBe(names[a.id]!.patient);
  });

  it("never changes state on GET: visiting the sign-out URL does not sign out", async () => {
    const token = cookies[a.id]!.doctor as string;
    await get(hostOf(a), "/doctor/sign-out", token);
    await get(hostOf(a), "/sign-out", token);
    expect((await get(hostOf(a), "/doctor", token)).status).toBe(200);
  });
});

describe.skipIf(!built)("abilities drive the UI", () => {
  it("lets only a tenant admin see and save the hospital's default booking rules in the doctor hub", async () => {
    const host = hostOf(a);
    const form = '<input type="hidden" name="intent" value="saveDefaultPolicy"/>';
    const asAdmin = await get(host, "/doctor/availability", cookies[a.id]!.tenant_admin);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.text).toContain(form);
    for (const who of ["doctor", "front_desk"] as const) {
      const page = await get(host, "/doctor/availability", cookies[a.id]![who]);
      expect(page.status, who).toBe(200);
      expect(page.text, who).not.toContain(form);
    }

    const csrf = /vn_csrf=([^;]+)/.exec(String((await get(host, "/doctor/sign-in", null)).headers["set-cookie"]))?.[1] as string;
    const save = (token: string | null, maxAdvanceDays: string) =>
      request(app)
        .post("/doctor/availability")
        .set("Host", host)
        .set("Cookie", `vn_session=${token}; vn_csrf=${csrf}`)
        .type("form")
        .send({
          _csrf: decodeURIComponent(csrf),
          intent: "saveDefaultPolicy",
          providerId: "",
          minNotice: "2",
          minNoticeUnit: "hours",
          maxAdvanceDays,
          cancelCutoff: "3",
          cancelCutoffUnit: "hours",
          rescheduleCutoff: "90",
          rescheduleCutoffUnit: "minutes",
          maxActivePerProvider: "2",
          holdMinutes: "7",
        });
    const tenantDefault = () => platform.withTenant(a, ({ db }) => db("booking_policies").whereNull("provider_id").first());

    // The same CSRF token lets the admin through below, so these refusals are the ability's.
    for (const who of ["doctor", "front_desk"] as const) expect((await save(cookies[a.id]![who], "45")).status, who).toBe(403);
    expect((await tenantDefault())?.max_advance_days).not.toBe(45);

    const invalid = await save(cookies[a.id]!.tenant_admin, "999");
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('id="default-policy-max-advance-error"');

    const saved = await save(cookies[a.id]!.tenant_admin, "45");
    expect(saved.status).toBe(302);
    expect(saved.headers.location).toContain("done=saveDefaultPolicy");
    expect(await tenantDefault()).toMatchObject({ min_notice_minutes: 120, max_advance_days: 45, cancel_cutoff_minutes: 180, reschedule_cutoff_minutes: 90, max_active_per_provider: 2, hold_minutes: 7 });
  });

  it("offers the Team and Security pages only to roles whose ability can read them", async () => {
    const ref = { ...a, name: a.name };
    const email = `support-${a.slug}@example.com`;
    await platform.identity.createUser(ref, { kind: "staff", email, name: "Support Person", password: "support-password-1", roles: [{ role: "support" }] });
    const support = (await platform.identity.signInWithPassword({ tenant: ref, ip: "10.9.7.7" }, "staff", { email, password: "support-password-1" })).token;
    const asSupport = await get(hostOf(a), "/admin", support);
    expect(asSupport.status).toBe(200);
    expect(asSupport.text).not.toContain('href="/admin/staff"');
    expect(asSupport.text).not.toContain('href="/admin/security"');
    const asAdmin = await get(hostOf(a), "/admin", cookies[a.id]!.tenant_admin);
    expect(asAdmin.text).toContain('href="/admin/staff"');
    expect(asAdmin.text).toContain('href="/admin/security"');
  });
});
