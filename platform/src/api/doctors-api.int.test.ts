import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { createApp } from "../http/create-app.js";
import { composeAppDeps } from "../server/compose.js";
import { discoveryTenant, seedDoctors } from "../search/test-fixtures.js";
import { createDoctorsApiRouter } from "./doctors-api.js";
import { listRoutes } from "./api-router.js";
import { openApiDocument } from "./openapi.js";

let platform: Platform;
let app: ReturnType<typeof createApp>;
let a: Tenant;
let b: Tenant;
const host = (t: Tenant) => `${t.slug}.test`;

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  a = await createTestTenant(provisioning);
  b = await createTestTenant(provisioning);
  await seedDoctors(platform, a, [
    { slug: "asha-rao", name: "Asha Rao", gender: "female", specialties: ["cardiology"], clinics: ["indiranagar"], feeRupees: 800, years: 20, languages: ["Hindi"] },
    { slug: "vikram-shah", name: "Vikram Shah", gender: "male", specialties: ["cardiology"], clinics: ["whitefield"], feeRupees: 1200, years: 8 },
    { slug: "meera-iyer", name: "Meera Iyer", gender: "female", specialties: ["dermatology"], clinics: ["koramangala"], feeRupees: 600, years: 12 },
  ]);
  await seedDoctors(platform, b, [{ slug: "zara-khan", name: "Zara Khan", specialties: ["cardiology"], clinics: ["andheri"] }]);
  app = createApp({ ...composeAppDeps(platform, provisioning, { platformHost: "platform.test" }), readiness: async () => ({ database: "ok" }) });
});

afterAll(async () => {
  await platform?.close();
});

describe("GET /api/v1/doctors", () => {
  it("answers the same results as the discovery service, without signing in", async () => {
    const qs = "q=cardiolgist&sort=fee_desc&fee_max=1500";
    const res = await request(app).get(`/api/v1/doctors?${qs}`).set("Host", host(a));
    expect(res.status).toBe(200);
    const direct = await platform.search.discovery(discoveryTenant(a)).search(new URLSearchParams(qs));
    expect(res.body).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(res.body.items.map((i: { slug: string }) => i.slug)).toEqual(["vikram-shah", "asha-rao"]);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 10, pageCount: 1, matchedSpecialty: { slug: "cardiology" } });
    expect(res.body.query).toMatchObject({ feeMax: 150000, sort: "fee_desc" });
  });

  it("filters by snake_case parameters with fees in rupees", async () => {
    const res = await request(app).get("/api/v1/doctors").query({ gender: "female", fee_min: 700, language: "hindi" }).set("Host", host(a));
    expect(res.body.items.map((i: { slug: string }) => i.slug)).toEqual(["asha-rao"]);
  });

  it("serves only the host's tenant", async () => {
    const res = await request(app).get("/api/v1/doctors?q=Zara+Khan").set("Host", host(a));
    expect(res.body.items).toEqual([]);
    const other = await request(app).get("/api/v1/doctors?q=Zara+Khan").set("Host", host(b));
    expect(other.body.items.map((i: { slug: string }) => i.slug)).toEqual(["zara-khan"]);
    expect((await request(app).get("/api/v1/doctors").set("Host", "nobody.test")).status).toBe(404);
  });

  it("answers bad parameters with validation_failed and field details", async () => {
    const res = await request(app).get("/api/v1/doctors?sort=distance&page_size=500").set("Host", host(a));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["near", "page_size"]);
  });
});

describe("GET /api/v1/doctors/{slug} and /api/v1/specialties", () => {
  it("answers a published doctor's profile, and not_found for another tenant's", async () => {
    const res = await request(app).get("/api/v1/doctors/asha-rao").set("Host", host(a));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slug: "asha-rao", url: "/doctors/asha-rao", registration: { number: "REG-asha-rao" } });
    expect(res.body.clinicDetails[0]).toMatchObject({ name: "Indiranagar Clinic" });
    const other = await request(app).get("/api/v1/doctors/zara-khan").set("Host", host(a));
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("lists specialties that have published doctors", async () => {
    const res = await request(app).get("/api/v1/specialties").set("Host", host(a));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [{ slug: "cardiology", name: "Cardiology" }, { slug: "dermatology", name: "Dermatology" }] });
  });

  it("documents every discovery route in the OpenAPI document with its parameters", () => {
    const routes = listRoutes(createDoctorsApiRouter({ discovery: () => { throw new Error("unused"); } })).map((r) => r.replace(/:(\w+)/g, "{$1}"));
    for (const r of routes) {
      const [method, path] = r.split(" ") as [string, string];
      const op = openApiDocument.paths[path]?.[method.toLowerCase() as "get"];
      expect(op, `${r} is not in openapi.ts`).toBeDefined();
      expect(op?.security).toEqual([]);
    }
    const names = openApiDocument.paths["/api/v1/doctors"]?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["q", "specialty", "city", "locality", "language", "gender", "fee_min", "fee_max", "mode", "min_rating", "sort", "near", "page", "page_size"]));
  });
});
