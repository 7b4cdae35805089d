import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError, TENANT_MIGRATIONS_DIR, type Platform, type Tenant } from "@visitnow/platform";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug } from "./testing.js";
import type { CreateTenantInput, ProvisioningService, ProvisioningStep } from "./provisioning-service.js";

let platform: Platform;
let service: ProvisioningService;
let prefix: string;
const tempDirs: string[] = [];

const BASE_MIGRATIONS = readdirSync(TENANT_MIGRATIONS_DIR)
  .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
  .map((f) => f.slice(0, -3))
  .sort();

beforeAll(async () => {
  platform = await createTestPlatform();
  service = createProvisioningService(platform);
  const row = await platform.db("platform.installation").first<{ role_prefix: string }>("role_prefix");
  prefix = row!.role_prefix;
});

afterAll(async () => {
  await platform?.close();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function input(overrides: Partial<CreateTenantInput> = {}): CreateTenantInput {
  const slug = overrides.slug ?? randomSlug();
  return { slug, name: `Test ${slug}`, kind: "hospital", theme: "default", domains: [{ hostname: `${slug}.test`, kind: "primary" }], ...overrides };
}

/** Everything Postgres and the control plane hold for a slug. */
async function footprint(slug: string, role: string, schema: string, hostnames: string[]) {
  const tenant = await platform.db("platform.tenants").where({ slug }).first("id", "status");
  const domains = await platform.db("platform.tenant_domains").whereIn("hostname", hostnames).select("hostname");
  const { rows: roles } = await platform.db.raw<{ rows: { rolcanlogin: boolean }[] }>("select rolcanlogin from pg_roles where rolname = ?", [role]);
  const { rows: schemas } = await platform.db.raw<{ rows: { owner: string }[] }>(
    "select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = ?",
    [schema],
  );
  return { tenant: tenant ?? null, domains: domains.map((d) => d.hostname), role: roles[0] ?? null, schema: schemas[0] ?? null };
}

async function tablesOf(schema: string): Promise<string[]> {
  const { rows } = await platform.db.raw<{ rows: { tablename: string }[] }>(
    "select tablename from pg_tables where schemaname = ? order by tablename",
    [schema],
  );
  return rows.map((r) => r.tablename);
}

/** The DomainError `promise` rejects with. */
async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

function fields(err: DomainError): string[] {
  return (err.details as { field: string }[]).map((d) => d.field);
}

describe("ProvisioningService.create", () => {
  let tenant: Tenant;
  const steps: ProvisioningStep[] = [];
  const slug = randomSlug("create");

  beforeAll(async () => {
    tenant = await service.create(
      input({
        slug,
        theme: "sunrise",
        defaultLocale: "hi",
        timeZone: "Asia/Kathmandu",
        domains: [
          { hostname: `${slug}.test`, kind: "primary" },
          { hostname: `WWW.${slug}.Test.`, kind: "alias" },
          { hostname: `book.${slug}.example`, kind: "custom" },
        ],
      }),
      (s) => steps.push(s),
    );
  });

  it("returns the tenant active, with its settings", () => {
    expect(tenant).toMatchObject({ slug, status: "active", theme: "sunrise", defaultLocale: "hi", timeZone: "Asia/Kathmandu", kind: "hospital" });
  });

  it("reports its steps in order", () => {
    expect(steps).toEqual(["validated", "registered", "schema", "migrated", "active"]);
  });

  it("makes a NOLOGIN role named with the installation's prefix", async () => {
    expect(tenant.role).toBe(`${prefix}_${slug.replace(/-/g, "_")}`);
    expect(prefix).toMatch(/^vn_[a-z0-9]{6}$/);
    const { role } = await footprint(slug, tenant.role, tenant.schema, []);
    expect(role).toEqual({ rolcanlogin: false });
  });

  it("makes the tenant's schema, owned by its role", async () => {
    expect(tenant.schema).toBe(`tenant_${slug.replace(/-/g, "_")}`);
    const { schema } = await footprint(slug, tenant.role, tenant.schema, []);
    expect(schema).toEqual({ owner: tenant.role });
  });

  it("creates the tenant tables in that schema, owned by the tenant's role", async () => {
    expect(await tablesOf(tenant.schema)).toEqual(expect.arrayContaining(["outbox", "settings"]));
    const { rows } = await platform.db.raw<{ rows: { tableowner: string }[] }>(
      "select distinct tableowner from pg_tables where schemaname = ?",
      [tenant.schema],
    );
    expect(rows).toEqual([{ tableowner: tenant.role }]);
  });

  it("records every tenant migration and the schema version", async () => {
    const rows = await platform.db("platform.tenant_migrations").where({ tenant_id: tenant.id }).orderBy("name").select("name");
    expect(rows.map((r) => r.name)).toEqual(BASE_MIGRATIONS);
    expect(tenant.schemaVersion).toBe(BASE_MIGRATIONS.at(-1));
  });

  it("registers the domains normalised, one primary, custom domains unverified", async () => {
    const rows = await platform.db("platform.tenant_domains").where({ tenant_id: tenant.id }).orderBy("hostname").select("hostname", "kind", "verified");
    expect(rows).toEqual([
      { hostname: `book.${slug}.example`, kind: "custom", verified: false },
      { hostname: `${slug}.test`, kind: "primary", verified: true },
      { hostname: `www.${slug}.test`, kind: "alias", verified: true },
    ]);
    const routed = await platform.tenants.findByHostname(`www.${slug}.test`);
    expect(routed).toMatchObject({ id: tenant.id, primaryHost: `${slug}.test` });
  });

  it("lists the tenant with its domains", async () => {
    const listed = (await service.list()).find((t) => t.slug === slug);
    expect(listed).toMatchObject({ slug, status: "active", theme: "sunrise", schemaVersion: BASE_MIGRATIONS.at(-1) });
    expect(listed?.domains.map((d) => d.hostname).sort()).toEqual([`book.${slug}.example`, `${slug}.test`, `www.${slug}.test`]);
  });

  it("makes the first domain primary when none is marked primary", async () => {
    const s = randomSlug();
    const t = await service.create(input({ slug: s, domains: [{ hostname: `${s}.test` }, { hostname: `alt.${s}.test` }] }));
    const rows = await platform.db("platform.tenant_domains").where({ tenant_id: t.id }).orderBy("hostname").select("hostname", "kind");
    expect(rows).toEqual([
      { hostname: `alt.${s}.test`, kind: "alias" },
      { hostname: `${s}.test`, kind: "primary" },
    ]);
  });
});

describe("ProvisioningService.create validation", () => {
  async function expectInvalid(raw: CreateTenantInput, field: string, message?: RegExp): Promise<void> {
    const err = await domainError(service.create(raw));
    expect(err.code).toBe("validation_failed");
    expect(err.status).toBe(422);
    expect(fields(err)).toContain(field);
    if (message) {
      const detail = (err.details as { field: string; message: string }[]).find((d) => d.field === field);
      expect(detail?.message).toMatch(message);
    }
    // Nothing was registered.
    expect(await platform.tenants.findBySlug(raw.slug)).toBeNull();
  }

  it.each(["platform", "www", "api", "admin"])("refuses the reserved slug %s", async (slug) => {
    await expectInvalid(input({ slug, domains: [{ hostname: `${randomSlug()}.test`, kind: "primary" }] }), "slug", /reserved/);
  });

  it.each(["ab", "Upper", "under_score", "double--hyphen", "9lives"])("refuses the malformed slug %s", async (slug) => {
    await expectInvalid(input({ slug, domains: [{ hostname: `${randomSlug()}.test`, kind: "primary" }] }), "slug");
  });

  it("refuses an unknown theme, naming the known ones", async () => {
    await expectInvalid(input({ theme: "no-such-theme" }), "theme", /Unknown theme "no-such-theme".*default/);
  });

  it("refuses a time zone that is not IANA", async () => {
    await expectInvalid(input({ timeZone: "Mars/Olympus_Mons" }), "timeZone", /not an IANA time zone/);
  });

  it("refuses invalid theme overrides", async () => {
    await expectInvalid(input({ themeOverrides: { colors: { primary: "red" } } }), "themeOverrides");
  });

  it("refuses theme overrides that would break WCAG AA contrast", async () => {
    await expectInvalid(input({ themeOverrides: { colors: { primary: "#ffffff" } } }), "themeOverrides", /primaryForeground on primary/);
  });

  it("refuses an unknown cluster", async () => {
    await expectInvalid(input({ cluster: "eu-west" }), "cluster");
  });

  it("refuses the platform host as a tenant domain", async () => {
    const host = platform.config.PLATFORM_HOST;
    await expectInvalid(input({ domains: [{ hostname: host, kind: "primary" }] }), "domains.0.hostname", /platform host/);
    await expectInvalid(input({ domains: [{ hostname: `${host.toUpperCase()}.`, kind: "primary" }] }), "domains.0.hostname", /platform host/);
  });

  it("refuses the same hostname twice, also when spelled differently", async () => {
    const slug = randomSlug();
    await expectInvalid(
      input({ slug, domains: [{ hostname: `${slug}.test`, kind: "primary" }, { hostname: `${slug.toUpperCase()}.TEST`, kind: "alias" }] }),
      "domains.1.hostname",
      /listed twice/,
    );
  });

  it("refuses two primary domains", async () => {
    const slug = randomSlug();
    await expectInvalid(
      input({ slug, domains: [{ hostname: `${slug}.test`, kind: "primary" }, { hostname: `b.${slug}.test`, kind: "primary" }] }),
      "domains",
      /Only one domain can be primary/,
    );
  });

  it.each(["https://x.test", "x.test:3000", "x.test/path", "[::1]", "a..b.test"])("refuses the host name %s", async (hostname) => {
    await expectInvalid(input({ domains: [{ hostname, kind: "primary" }] }), "domains.0.hostname");
  });

  it("refuses a tenant without domains", async () => {
    await expectInvalid(input({ domains: [] }), "domains");
  });

  it("reports every problem at once", async () => {
    const err = await domainError(service.create(input({ slug: "admin", theme: "nope", timeZone: "Nowhere/Land" })));
    expect(fields(err).sort()).toEqual(["slug", "theme", "timeZone"]);
  });
});

describe("ProvisioningService.create conflicts", () => {
  it("refuses a slug that is taken, leaving the existing tenant alone", async () => {
    const existing = await createTestTenant(service);
    const err = await domainError(service.create(input({ slug: existing.slug, domains: [{ hostname: `${randomSlug()}.test`, kind: "primary" }] })));
    expect(err.code).toBe("conflict");
    expect(await platform.tenants.findBySlug(existing.slug)).toMatchObject({ id: existing.id, status: "active" });
    expect(await platform.tenants.findByHostname(`${existing.slug}.test`)).toMatchObject({ id: existing.id });
  });

  it("refuses a domain owned by another tenant and registers nothing", async () => {
    const owner = await createTestTenant(service);
    const slug = randomSlug();
    const err = await domainError(
      service.create(input({ slug, domains: [{ hostname: `${slug}.test`, kind: "primary" }, { hostname: `${owner.slug}.test`, kind: "alias" }] })),
    );
    expect(err.code).toBe("conflict");
    expect(err.status).toBe(409);
    expect(await platform.tenants.findBySlug(slug)).toBeNull();
    expect(await platform.tenants.findByHostname(`${slug}.test`)).toBeNull();
    expect((await platform.tenants.findByHostname(`${owner.slug}.test`))?.id).toBe(owner.id);
  });

  it("lets exactly one of two concurrent creates of the same slug win", async () => {
    const slug = randomSlug();
    const results = await Promise.allSettled([
      service.create(input({ slug, domains: [{ hostname: `${slug}.test`, kind: "primary" }] })),
      service.create(input({ slug, domains: [{ hostname: `other.${slug}.test`, kind: "primary" }] })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "conflict" });
    expect(await platform.tenants.findBySlug(slug)).toMatchObject({ status: "active" });
  });
});

describe("ProvisioningService.create when a tenant migration fails", () => {
  let failing: Platform;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "visitnow-failing-migrations-"));
    tempDirs.push(dir);
    for (const f of readdirSync(TENANT_MIGRATIONS_DIR).filter((f) => f.endsWith(".ts"))) copyFileSync(path.join(TENANT_MIGRATIONS_DIR, f), path.join(dir, f));
    writeFileSync(
      path.join(dir, "20991231000000_explode.ts"),
      `import type { Knex } from "knex";
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("half_done", (t) => t.text("x"));
  throw new Error("migration exploded");
}
`,
    );
    failing = await createTestPlatform({ tenantMigrationsDir: dir });
  });

  afterAll(async () => {
    await failing?.close();
  });

  it("leaves no tenant row, domain, schema or role behind", async () => {
    const slug = randomSlug("fail");
    const role = `${prefix}_${slug.replace(/-/g, "_")}`;
    const schema = `tenant_${slug.replace(/-/g, "_")}`;
    await expect(createProvisioningService(failing).create(input({ slug }))).rejects.toThrow("migration exploded");
    expect(await footprint(slug, role, schema, [`${slug}.test`])).toEqual({ tenant: null, domains: [], role: null, schema: null });
    // The slug is free again.
    const t = await service.create(input({ slug }));
    expect(t.status).toBe("active");
  });
});

describe("ProvisioningService suspend and resume", () => {
  it("suspends an active tenant and resumes it", async () => {
    const t = await createTestTenant(service);
    expect((await service.suspend(t.slug)).status).toBe("suspended");
    expect((await service.get(t.slug)).status).toBe("suspended");
    expect((await service.resume(t.slug)).status).toBe("active");
    expect((await service.get(t.slug)).status).toBe("active");
  });

  it("refuses to suspend a tenant that is not active", async () => {
    const t = await createTestTenant(service);
    await service.suspend(t.slug);
    const err = await domainError(service.suspend(t.slug));
    expect(err.code).toBe("conflict");
    expect((await service.get(t.slug)).status).toBe("suspended");
  });

  it("refuses to resume a tenant that is not suspended", async () => {
    const t = await createTestTenant(service);
    const err = await domainError(service.resume(t.slug));
    expect(err.code).toBe("conflict");
    expect((await service.get(t.slug)).status).toBe("active");
  });

  it("answers not_found for an unknown slug", async () => {
    const slug = randomSlug("ghost");
    expect((await domainError(service.suspend(slug))).code).toBe("not_found");
    expect((await domainError(service.resume(slug))).code).toBe("not_found");
    expect((await domainError(service.get(slug))).code).toBe("not_found");
  });
});

describe("ProvisioningService.delete", () => {
  it.each([
    ["without confirm", undefined],
    ["with a wrong confirm", "someone-else"],
    ["with an empty confirm", ""],
  ])("refuses %s and changes nothing", async (_label, confirm) => {
    const t = await createTestTenant(service);
    const before = await footprint(t.slug, t.role, t.schema, [`${t.slug}.test`]);
    const err = await domainError(service.delete(t.slug, { confirm }));
    expect(err.code).toBe("validation_failed");
    expect(err.message).toContain(t.slug);
    expect(await footprint(t.slug, t.role, t.schema, [`${t.slug}.test`])).toEqual(before);
    expect(before.tenant).not.toBeNull();
    expect(before.role).not.toBeNull();
    expect(before.schema).not.toBeNull();
    expect(before.domains).toEqual([`${t.slug}.test`]);
  });

  it("with confirm removes the schema, role, domains, migration records and registration", async () => {
    const t = await createTestTenant(service, {});
    await platform.withTenant(t, ({ db }) => db("settings").insert({ key: "k", value: JSON.stringify({ a: 1 }) }));
    await service.delete(t.slug, { confirm: t.slug });
    expect(await footprint(t.slug, t.role, t.schema, [`${t.slug}.test`])).toEqual({ tenant: null, domains: [], role: null, schema: null });
    expect(await platform.db("platform.tenant_migrations").where({ tenant_id: t.id }).count<{ count: string }[]>("* as count")).toEqual([{ count: "0" }]);
    // The slug and its host can be used again.
    const again = await createTestTenant(service, { slug: t.slug });
    expect(again.id).not.toBe(t.id);
  });

  it("leaves other tenants untouched", async () => {
    const doomed = await createTestTenant(service);
    const keeper = await createTestTenant(service);
    await service.delete(doomed.slug, { confirm: doomed.slug });
    expect(await footprint(keeper.slug, keeper.role, keeper.schema, [`${keeper.slug}.test`])).toEqual({
      tenant: { id: keeper.id, status: "active" },
      domains: [`${keeper.slug}.test`],
      role: { rolcanlogin: false },
      schema: { owner: keeper.role },
    });
    expect(await tablesOf(keeper.schema)).toEqual(expect.arrayContaining(["outbox", "settings"]));
  });

  it("answers not_found for an unknown slug", async () => {
    const slug = randomSlug("ghost");
    expect((await domainError(service.delete(slug, { confirm: slug }))).code).toBe("not_found");
  });
});

describe("tenant lifecycle audit", () => {
  it("writes create, suspend, resume and delete to the platform audit log", async () => {
    const t = await createTestTenant(service);
    await service.suspend(t.slug);
    await service.resume(t.slug);
    await service.delete(t.slug, { confirm: t.slug });
    const actions = await platform.db("platform.audit_log").where({ tenant_id: t.id }).orderBy("id").pluck("action");
    expect(actions).toEqual(["tenant.created", "tenant.suspended", "tenant.resumed", "tenant.deleted"]);
  });
});
