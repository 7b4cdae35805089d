import { Writable } from "node:stream";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug, type ProvisioningService } from "@visitnow/provisioning/testing";
import { totpAt, type Platform, type Tenant } from "../index.js";
import { createLogger } from "../observability/index.js";
import { REPO_ROOT } from "../config/index.js";
import { createApp } from "./create-app.js";
import { composeAppDeps } from "../server/compose.js";
import { loadRemixBuilds, remixBuildsExist } from "./remix-apps.js";

const PLATFORM_HOST = "platform.test";
let platform: Platform;
let service: ProvisioningService;
let sunrise: Tenant;
let citycare: Tenant;
let app: ReturnType<typeof createApp>;
const logLines: Record<string, unknown>[] = [];
let readiness: Record<string, string> = { database: "ok" };

beforeAll(async () => {
  platform = await createTestPlatform();
  service = createProvisioningService(platform);
  sunrise = await createTestTenant(service, { slug: randomSlug("sun"), name: "Sunrise Test Hospital", theme: "sunrise" });
  citycare = await createTestTenant(service, { slug: randomSlug("city"), name: "CityCare Test Clinics", theme: "citycare", defaultLocale: "hi" });
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      cb();
    },
  });
  app = createApp({
    ...composeAppDeps(platform, service, {
      platformHost: PLATFORM_HOST,
      metricsToken: "metrics-token-for-tests-0001",
      logger: createLogger({ level: "info", destination: sink }),
    }),
    readiness: async () => readiness,
    remix: remixBuildsExist(REPO_ROOT) ? await loadRemixBuilds(REPO_ROOT) : null,
  });
});

afterAll(async () => {
  await platform?.close();
});

const host = (t: Tenant) => `${t.slug}.test`;

describe("tenant router", () => {
  it("routes each host to its own tenant, normalising case, port and trailing dot", async () => {
    const a = await request(app).get("/api/v1/tenant").set("Host", host(sunrise));
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ slug: sunrise.slug, name: "Sunrise Test Hospital", kind: "hospital" });
    const b = await request(app).get("/api/v1/tenant").set("Host", `${host(citycare).toUpperCase()}.:8443`);
    expect(b.status).toBe(200);
    expect(b.body.slug).toBe(citycare.slug);
  });

  it("answers an unknown host with a 404 page that names no tenant", async () => {
    const res = await request(app).get("/").set("Host", "nobody-here.test");
    expect(res.status).toBe(404);
    expect(res.text).toContain("Site not found");
    for (const t of [sunrise, citycare]) {
      expect(res.text).not.toContain(t.slug);
      expect(res.text).not.toContain(t.name);
    }
    const api = await request(app).get("/api/v1/tenant").set("Host", "nobody-here.test");
    expect(api.status).toBe(404);
    expect(api.body).toEqual({ error: { code: "not_found", message: "Not found" } });
  });

  it("answers a junk or missing Host with the same 404", async () => {
    const res = await request(app).get("/").set("Host", "evil.test/../x");
    expect(res.status).toBe(404);
    expect(res.text).toContain("Site not found");
  });

  it("serves a suspended tenant a 503 page in its own theme, and routes it again on resume", async () => {
    const t = await createTestTenant(service, { slug: randomSlug("susp"), name: "Paused Hospital", theme: "sunrise" });
    expect((await request(app).get("/api/v1/tenant").set("Host", host(t))).status).toBe(200);
    await service.suspend(t.slug);
    platform.resolver.invalidateTenant(t.id);
    const page = await request(app).get("/").set("Host", host(t));
    expect(page.status).toBe(503);
    expect(page.headers["retry-after"]).toBe("3600");
    expect(page.text).toContain("Paused Hospital is temporarily unavailable");
    expect(page.text).toContain(platform.themes.view("sunrise").css);
    expect(page.text).toContain("/_theme/sunrise/logo.svg");
    const api = await request(app).get("/api/v1/tenant").set("Host", host(t));
    expect(api.status).toBe(503);
    expect(api.body.error.code).toBe("unavailable");
    await service.resume(t.slug);
    platform.resolver.invalidateTenant(t.id);
    expect((await request(app).get("/api/v1/tenant").set("Host", host(t))).status).toBe(200);
  });

  it("does not route a tenant that is still provisioning", async () => {
    const slug = randomSlug("prov");
    await platform.db.transaction(async (trx) => {
      const t = await platform.tenants.insert(trx, {
        slug, name: "Half Made", kind: "hospital", schema: `tenant_${slug.replace(/-/g, "_")}`, role: `r_${slug.replace(/-/g, "_")}`,
        theme: "default", themeOverrides: {}, defaultLocale: "en", timeZone: "Asia/Kolkata", cluster: "default",
      });
      await platform.tenants.insertDomains(trx, t.id, [{ hostname: `${slug}.test`, kind: "primary", verified: true }]);
    });
    const res = await request(app).get("/").set("Host", `${slug}.test`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("Half Made");
  });
});

describe.skipIf(!remixBuildsExist(REPO_ROOT))("CSRF cookie", () => {
  it("is issued by pages that render forms, never by static asset responses that could race them", async () => {
    const page = await request(app).get("/sign-in").set("Host", host(sunrise));
    expect(String(page.headers["set-cookie"] ?? "")).toContain("vn_csrf=");
    const assetPath = /(\/assets\/[^"]+\.js)/.exec(page.text)?.[1];
    expect(assetPath).toBeTruthy();
    const asset = await request(app).get(assetPath as string).set("Host", host(sunrise));
    expect(asset.status).toBe(200);
    expect(String(asset.headers["set-cookie"] ?? "")).not.toContain("vn_csrf=");
    const api = await request(app).get("/api/v1/tenant").set("Host", host(sunrise));
    expect(String(api.headers["set-cookie"] ?? "")).not.toContain("vn_csrf=");
  });
});

describe("health, readiness and metrics", () => {
  it("answers /healthz and /readyz on every host, known or not", async () => {
    for (const h of [host(sunrise), PLATFORM_HOST, "unknown.test"]) {
      expect((await request(app).get("/healthz").set("Host", h)).body).toEqual({ status: "ok" });
      const ready = await request(app).get("/readyz").set("Host", h);
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toEqual({ database: "ok" });
    }
  });

  it("reports not ready with a 503 when a dependency is down", async () => {
    readiness = { database: "connection refused" };
    try {
      const res = await request(app).get("/readyz").set("Host", host(sunrise));
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: "unavailable", checks: { database: "connection refused" } });
    } finally {
      readiness = { database: "ok" };
    }
  });

  it("serves Prometheus metrics on the platform host, and on tenant hosts only with the token", async () => {
    await request(app).get("/api/v1/tenant").set("Host", host(sunrise));
    const open = await request(app).get("/metrics").set("Host", PLATFORM_HOST);
    expect(open.status).toBe(200);
    expect(open.text).toMatch(/visitnow_http_requests_total\{app="api",method="GET",status="200"\} \d+/);
    expect(open.text).toContain("visitnow_http_request_duration_seconds_bucket");
    expect((await request(app).get("/metrics").set("Host", host(sunrise))).status).toBe(404);
    expect((await request(app).get("/metrics").set("Host", host(sunrise)).set("Authorization", "Bearer wrong")).status).toBe(404);
    const withToken = await request(app).get("/metrics").set("Host", host(sunrise)).set("Authorization", "Bearer metrics-token-for-tests-0001");
    expect(withToken.status).toBe(200);
    expect(withToken.text).toContain(`visitnow_tenant_requests_total{tenant="${sunrise.slug}"}`);
  });
});

describe("request logs", () => {
  it("write one JSON line per request with request id and tenant slug, and no query string or cookies", async () => {
    logLines.length = 0;
    await request(app)
      .get("/api/v1/tenant?patient=Asha%20Verma")
      .set("Host", host(sunrise))
      .set("X-Request-Id", "req-abc-123")
      .set("Cookie", "session=secret-value");
    const line = logLines.find((l) => l.reqId === "req-abc-123");
    expect(line).toMatchObject({ msg: "request", tenant: sunrise.slug, app: "api", path: "/api/v1/tenant", status: 200 });
    const raw = JSON.stringify(logLines);
    expect(raw).not.toContain("Asha");
    expect(raw).not.toContain("secret-value");
  });
});

describe("locale", () => {
  it("uses the tenant's default locale, and the visitor's ?lang= choice, remembered in a host-only cookie", async () => {
    const hi = await request(app).get("/").set("Host", "nobody.test");
    expect(hi.text).toContain('lang="en"');
    const res = await request(app).get("/api/v1/tenant?lang=hi").set("Host", host(sunrise));
    const cookie = res.headers["set-cookie"]?.[0] ?? "";
    expect(cookie).toMatch(/^vn_lang=hi;/);
    expect(cookie).not.toMatch(/domain=/i);
    expect(cookie).toMatch(/HttpOnly/);
  });
});

describe.skipIf(!remixBuildsExist(REPO_ROOT))("the Remix apps", () => {
  it("render the patient app at / in the tenant's theme and name", async () => {
    const res = await request(app).get("/").set("Host", host(sunrise));
    expect(res.status).toBe(200);
    expect(res.text).toContain("Sunrise Test Hospital");
    expect(res.text).toContain(platform.themes.view("sunrise").css);
    expect(res.text).toMatch(/<html lang="en"/);
  });

  it("render in Hindi on a tenant whose default locale is Hindi", async () => {
    const res = await request(app).get("/").set("Host", host(citycare));
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<html lang="hi"/);
    expect(res.text).toContain(platform.themes.view("citycare").css);
  });

  it("send anonymous visitors of the doctor hub and admin console to their themed sign-in pages", async () => {
    for (const app_ of ["doctor", "admin"]) {
      for (const path of [`/${app_}`, `/${app_}/`]) {
        const res = await request(app).get(path).set("Host", host(sunrise));
        expect(res.status, path).toBe(302);
        expect(res.headers.location).toMatch(new RegExp(`^/${app_}/sign-in`));
        const page = await request(app).get(res.headers.location as string).set("Host", host(sunrise));
        expect(page.status).toBe(200);
        expect(page.text).toContain("Sunrise Test Hospital");
        expect(page.text).toMatch(/<main[^>]*id="main"/);
        expect(page.text).toContain('name="_csrf"');
      }
    }
  });

  it("render the platform console on the platform host, listing tenants with status and domains, only to a platform admin", async () => {
    const email = `${randomSlug("pa")}@platform.example`;
    await platform.platformAdmins.create({ email, name: "PA", password: "platform-admin-pass", totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" });
    const pending = await platform.platformAdmins.signIn("127.0.0.9", { email, password: "platform-admin-pass" });
    const signedIn = await platform.platformAdmins.verifySecondFactor("127.0.0.9", pending.token, { code: totpAt("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", Date.now()) });
    const anonymous = await request(app).get("/").set("Host", PLATFORM_HOST);
    expect(anonymous.text).not.toContain(sunrise.slug);
    const half = await request(app).get("/").set("Host", PLATFORM_HOST).set("Cookie", `vn_session=${pending.token}`);
    expect(half.text).not.toContain(sunrise.slug);
    const res = await request(app).get("/").set("Host", PLATFORM_HOST).set("Cookie", `vn_session=${signedIn.token}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(sunrise.slug);
    expect(res.text).toContain(`${sunrise.slug}.test`);
    expect(res.text).toContain(citycare.slug);
  });

  it("never serves the console on a tenant host nor a tenant app on the platform host", async () => {
    const tenantHome = await request(app).get("/").set("Host", host(sunrise));
    expect(tenantHome.text).not.toContain(citycare.slug);
    const platformDoctor = await request(app).get("/doctor").set("Host", PLATFORM_HOST);
    expect(platformDoctor.text).not.toContain("Sunrise Test Hospital");
  });
});
