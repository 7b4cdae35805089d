import type { IdentityService, Platform, PlatformAdminService, ProviderTenant, Tenant } from "@visitnow/platform";
import { demoDirectoryFor } from "./demo-doctors.js";
import type { CreateTenantInput, ProvisioningService } from "./provisioning-service.js";

/** The demo's shared TOTP secret for every demo admin (development only; see README). */
export const DEMO_ADMIN_TOTP_SECRET = "VISITNOWDEMOADMIN2FASECRETKEY234";

/** Sign-in details the README lists; `<slug>` is the tenant's slug. Development only. */
export const DEMO_USERS = {
  patient: { email: "asha@example.com", password: "patient-demo-1", name: "Asha Verma" },
  doctor: { email: "dr.mehta@<slug>.example", password: "doctor-demo-1", name: "Dr Rohan Mehta" },
  frontDesk: { email: "frontdesk@<slug>.example", password: "frontdesk-demo-1", name: "Priya Nair" },
  admin: { email: "admin@<slug>.example", password: "admin-demo-1", name: "Anita Rao" },
  platformAdmin: { email: "admin@platform.example", password: "platform-demo-1", name: "Vikram Shah" },
} as const;

/**
 * Per tenant: a patient with a dependant, a doctor, a front-desk user and a tenant admin
 * (TOTP on, with the demo secret). Existing accounts are left as they are.
 */
export async function seedDemoUsers(identity: IdentityService, tenant: Tenant): Promise<void> {
  const ref = { id: tenant.id, slug: tenant.slug, schema: tenant.schema, role: tenant.role, cluster: tenant.cluster, name: tenant.name };
  const email = (e: string) => e.replace("<slug>", tenant.slug);
  const p = DEMO_USERS.patient;
  const patientId = await identity.createUser(ref, { kind: "patient", email: p.email, name: p.name, password: p.password, roles: [{ role: "patient" }] });
  if ((await identity.listDependants(ref, patientId)).length === 0) {
    await identity.addDependant(ref, patientId, { name: "Kabir Verma", relationship: "child", dateOfBirth: "2016-05-12", gender: "male" });
  }
  for (const [u, role] of [
    [DEMO_USERS.doctor, "doctor"],
    [DEMO_USERS.frontDesk, "front_desk"],
  ] as const) {
    await identity.createUser(ref, { kind: "staff", email: email(u.email), name: u.name, password: u.password, roles: [{ role }] });
  }
  const a = DEMO_USERS.admin;
  await identity.createUser(ref, {
    kind: "staff",
    email: email(a.email),
    name: a.name,
    password: a.password,
    roles: [{ role: "tenant_admin" }],
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  });
}

/** The demo's tenants; every `*.localhost` name reaches the loopback in a browser. */
export const DEMO_TENANTS: CreateTenantInput[] = [
  {
    slug: "illajwala",
    name: "Illajwala",
    kind: "marketplace",
    theme: "illajwala",
    domains: [{ hostname: "illajwala.localhost", kind: "primary" }],
  },
  {
    slug: "sunrise",
    name: "Sunrise Hospital",
    kind: "hospital",
    theme: "sunrise",
    domains: [{ hostname: "sunrise.localhost", kind: "primary" }],
  },
  {
    slug: "citycare",
    name: "CityCare Clinics",
    kind: "hospital",
    theme: "citycare",
    domains: [{ hostname: "citycare.localhost", kind: "primary" }],
  },
];

/** What seeding the demo directory needs from the platform (`platform.providers`, `platform.directory`). */
export interface DemoSeedOptions {
  identity?: IdentityService;
  platformAdmins?: PlatformAdminService;
  /** Imports each tenant's demo doctors, clinics and specialties (after the users, so the demo doctor links). */
  providers?: Pick<Platform["providers"], "importDirectory">;
  /** Drained after the imports so the marketplace lists the hospitals' opted-in doctors at once. */
  directory?: Pick<Platform["directory"], "drainAll">;
}

/**
 * Provisions the demo tenants that are missing; existing ones are left as they are, so
 * running it again is a no-op. A tenant stuck in `provisioning` (a crash mid-create) is
 * removed and made again. With `providers`, each active tenant also gets its demo
 * directory (imported by slug, so again a no-op the second time).
 */
export async function seedDemo(service: ProvisioningService, log: (msg: string) => void = () => undefined, opts: DemoSeedOptions = {}): Promise<string[]> {
  const existing = new Map((await service.list()).map((t) => [t.slug, t.status]));
  const created: string[] = [];
  for (const tenant of DEMO_TENANTS) {
    const status = existing.get(tenant.slug);
    if (status === "provisioning") await service.delete(tenant.slug, { confirm: tenant.slug });
    else if (status) continue;
    await service.create(tenant);
    created.push(tenant.slug);
    log(`demo tenant ${tenant.slug} provisioned`);
  }
  if (opts.platformAdmins) {
    const p = DEMO_USERS.platformAdmin;
    await opts.platformAdmins.create({ email: p.email, name: p.name, password: p.password, totpSecret: DEMO_ADMIN_TOTP_SECRET });
  }
  if (opts.identity) {
    for (const tenant of DEMO_TENANTS) {
      const t = await service.get(tenant.slug);
      if (t.status === "active") await seedDemoUsers(opts.identity, t);
    }
  }
  if (opts.providers) await seedDemoDirectory(service, opts.providers, log);
  if (opts.directory) {
    const moved = await opts.directory.drainAll();
    if (moved) log(`marketplace directory: ${moved} updates from partner hospitals`);
  }
  return created;
}

/** Imports each active demo tenant's doctors, clinics and specialties. */
async function seedDemoDirectory(service: ProvisioningService, providers: NonNullable<DemoSeedOptions["providers"]>, log: (msg: string) => void): Promise<void> {
  const hosts = new Map((await service.list()).map((t) => [t.slug, t.domains.find((d) => d.kind === "primary")?.hostname]));
  for (const spec of DEMO_TENANTS) {
    const t = await service.get(spec.slug);
    const primaryHost = hosts.get(t.slug);
    if (t.status !== "active" || !primaryHost) continue;
    const tenant: ProviderTenant = { id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name, kind: t.kind, primaryHost };
    const seed = demoDirectoryFor(t.slug, t.kind);
    const { doctors } = await providers.importDirectory(tenant, seed);
    log(`${t.slug}: ${seed.doctors.length} doctors (${doctors} new), ${seed.clinics.length} clinics, ${seed.specialties.length} specialties`);
  }
}
