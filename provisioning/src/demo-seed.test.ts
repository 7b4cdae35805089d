// Integration test (real Postgres). The only test file allowed to use the demo slugs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleNameFor, schemaNameFor, type DirectorySeed, type Platform, type ProviderTenant } from "@visitnow/platform";
import { demoDirectoryFor } from "./demo-doctors.js";
import { DEMO_TENANTS, DEMO_USERS, seedDemo } from "./demo-seed.js";
import { createProvisioningService, createTestPlatform, type ProvisioningService } from "./testing.js";

let platform: Platform;
let service: ProvisioningService;
const DEMO_SLUGS = DEMO_TENANTS.map((t) => t.slug);

beforeAll(async () => {
  platform = await createTestPlatform();
  service = createProvisioningService(platform);
});

afterAll(async () => {
  await platform?.close();
});

async function demoTenants() {
  return (await service.list()).filter((t) => DEMO_SLUGS.includes(t.slug)).sort((a, b) => a.slug.localeCompare(b.slug));
}

describe("seedDemo", () => {
  it("provisions the three demo tenants with their themes and *.localhost primary domains", async () => {
    const logged: string[] = [];
    const created = await seedDemo(service, (m) => logged.push(m));
    expect(created).toEqual(["illajwala", "sunrise", "citycare"]);
    expect(logged).toHaveLength(3);
    expect((await demoTenants()).map((t) => ({ slug: t.slug, kind: t.kind, theme: t.theme, status: t.status, domains: t.domains }))).toEqual([
      { slug: "citycare", kind: "hospital", theme: "citycare", status: "active", domains: [{ hostname: "citycare.localhost", kind: "primary", verified: true }] },
      { slug: "illajwala", kind: "marketplace", theme: "illajwala", status: "active", domains: [{ hostname: "illajwala.localhost", kind: "primary", verified: true }] },
      { slug: "sunrise", kind: "hospital", theme: "sunrise", status: "active", domains: [{ hostname: "sunrise.localhost", kind: "primary", verified: true }] },
    ]);
  });

  it("uses only themes that exist", () => {
    for (const t of DEMO_TENANTS) expect(platform.themes.has(t.theme ?? "default"), t.slug).toBe(true);
  });

  it("routes each demo host to its tenant", async () => {
    for (const slug of DEMO_SLUGS) {
      expect((await platform.tenants.findByHostname(`${slug}.localhost`))?.slug).toBe(slug);
    }
  });

  it("creates nothing the second time and leaves the tenants as they were", async () => {
    const before = await demoTenants();
    const created = await seedDemo(service);
    expect(created).toEqual([]);
    const after = await demoTenants();
    expect(after).toEqual(before);
  });

  it("imports every active demo tenant's directory, then drains the marketplace relay", async () => {
    const calls: string[] = [];
    const imported: { tenant: ProviderTenant; seed: DirectorySeed }[] = [];
    const logged: string[] = [];
    const providers = {
      importDirectory: async (tenant: ProviderTenant, seed: DirectorySeed) => {
        calls.push(`import ${tenant.slug}`);
        imported.push({ tenant, seed });
        return { doctors: seed.doctors.length };
      },
    };
    const directory = {
      drainAll: async () => {
        calls.push("drain");
        return 24;
      },
    };
    await service.suspend("citycare");
    try {
      await seedDemo(service, (m) => logged.push(m), { providers, directory });
    } finally {
      await service.resume("citycare");
    }
    expect(calls).toEqual(["import illajwala", "import sunrise", "drain"]);
    const sunrise = await service.get("sunrise");
    expect(imported[1]!.tenant).toEqual({
      id: sunrise.id,
      slug: "sunrise",
      schema: sunrise.schema,
      role: sunrise.role,
      cluster: sunrise.cluster,
      name: "Sunrise Hospital",
      kind: "hospital",
      primaryHost: "sunrise.localhost",
    });
    expect(imported[0]!.tenant).toMatchObject({ slug: "illajwala", kind: "marketplace", primaryHost: "illajwala.localhost" });
    expect(imported[1]!.seed).toEqual(demoDirectoryFor("sunrise", "hospital"));
    expect(imported[0]!.seed).toEqual(demoDirectoryFor("illajwala", "marketplace"));
    const n = imported[1]!.seed.doctors.length;
    expect(logged).toContain(`sunrise: ${n} doctors (${n} new), 4 clinics, ${imported[1]!.seed.specialties.length} specialties`);
  });

  it("leaves a demo tenant an operator suspended alone", async () => {
    await service.suspend("citycare");
    try {
      expect(await seedDemo(service)).toEqual([]);
      expect((await service.get("citycare")).status).toBe("suspended");
    } finally {
      await service.resume("citycare");
    }
  });

  it("recreates a demo tenant left half-made in `provisioning` by a crash", async () => {
    const old = await service.get("sunrise");
    await service.delete("sunrise", { confirm: "sunrise" });
    // What a crash between registration and schema creation leaves behind.
    const prefix = await platform.tenants.getRolePrefix();
    const spec = DEMO_TENANTS.find((t) => t.slug === "sunrise")!;
    await platform.db.transaction(async (trx) => {
      const stuck = await platform.tenants.insert(trx, {
        slug: "sunrise",
        name: spec.name,
        kind: spec.kind,
        schema: schemaNameFor("sunrise"),
        role: roleNameFor(prefix, "sunrise"),
        theme: spec.theme ?? "default",
        themeOverrides: {},
        defaultLocale: "en",
        timeZone: "Asia/Kolkata",
        cluster: "default",
      });
      await platform.tenants.insertDomains(trx, stuck.id, [{ hostname: "sunrise.localhost", kind: "primary", verified: true }]);
    });
    expect((await service.get("sunrise")).status).toBe("provisioning");

    expect(await seedDemo(service)).toEqual(["sunrise"]);
    const fresh = await service.get("sunrise");
    expect(fresh.status).toBe("active");
    expect(fresh.id).not.toBe(old.id);
    const tables = await platform.withTenant(fresh, async ({ db }) => {
      const { rows } = await db.raw<{ rows: { t: string }[] }>("select tablename as t from pg_tables where schemaname = current_schema() order by 1");
      return rows.map((r) => r.t);
    });
    expect(tables).toEqual(expect.arrayContaining(["outbox", "settings"]));
  });
  it("gives each front desk every clinic and each published doctor weekly availability, once", async () => {
    const opts = { identity: platform.identity, providers: platform.providers, accountAdmin: platform.accountAdmin, scheduling: platform.scheduling };
    const logged: string[] = [];
    await seedDemo(service, (m) => logged.push(m), opts);
    const sunrise = await service.get("sunrise");
    const seed = demoDirectoryFor("sunrise", "hospital");
    const published = seed.doctors.filter((d) => d.published).length;
    expect(logged).toContain(`sunrise: ${published} doctors with weekly availability (${published} new rules)`);
    const read = () =>
      platform.withTenant(sunrise, async ({ db }) => ({
        frontDesk: await db("user_roles").join("users", "users.id", "user_roles.user_id").where({ "users.email": DEMO_USERS.frontDesk.email.replace("<slug>", "sunrise"), role: "front_desk" }).first("clinic_ids"),
        clinics: (await db("clinics").select("id")).map((c: { id: string }) => c.id).sort(),
        rules: await db("availability_rules").count<{ count: string }[]>("* as count").first(),
        mehta: await db("availability_rules")
          .join("providers", "providers.id", "availability_rules.provider_id")
          .join("users", "users.id", "providers.user_id")
          .where("users.email", "dr.mehta@sunrise.example")
          .first(db.raw("to_char(start_time, 'HH24:MI') as start"), db.raw("to_char(end_time, 'HH24:MI') as end"), "slot_minutes", "weekdays"),
      }));
    const first = await read();
    expect([...first.frontDesk.clinic_ids].sort()).toEqual(first.clinics);
    expect(logged).toContain("sunrise: front desk works at 4 of 4 clinics");
    expect(logged).toContain("illajwala: front desk works at 50 of 71 clinics");
    expect(first.clinics).toHaveLength(seed.clinics.length);
    expect(Number(first.rules!.count)).toBe(published);
    expect(first.mehta).toEqual({ start: "10:00", end: "13:00", slot_minutes: 15, weekdays: [1, 2, 3, 4, 5, 6] });

    const again: string[] = [];
    await seedDemo(service, (m) => again.push(m), opts);
    expect(again).toContain(`sunrise: ${published} doctors with weekly availability (0 new rules)`);
    expect(await read()).toEqual(first);
  }, 120_000);
});
