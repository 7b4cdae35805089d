import type { Actor, IdentityService, Platform, PlatformAdminService, ProviderTenant, Tenant } from "@visitnow/platform";
import { demoDirectoryFor } from "./demo-doctors.js";
import { demoFrontDeskClinics, demoWeeklyRules, localDateIn, seedDemoFrontDeskClinics, seedDemoSchedules } from "./demo-schedules.js";
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

/** The ids of one tenant's demo accounts. */
export interface DemoUserIds {
  patient: string;
  doctor: string;
  frontDesk: string;
  admin: string;
}

/**
 * Per tenant: a patient with a dependant, a doctor, a front-desk user and a tenant admin
 * (TOTP on, with the demo secret). Existing accounts are left as they are. Returns their ids.
 */
export async function seedDemoUsers(identity: IdentityService, tenant: Tenant): Promise<DemoUserIds> {
  const ref = { id: tenant.id, slug: tenant.slug, schema: tenant.schema, role: tenant.role, cluster: tenant.cluster, name: tenant.name };
  const email = (e: string) => e.replace("<slug>", tenant.slug);
  const p = DEMO_USERS.patient;
  const patientId = await identity.createUser(ref, { kind: "patient", email: p.email, name: p.name, password: p.password, roles: [{ role: "patient" }] });
  if ((await identity.listDependants(ref, patientId)).length === 0) {
    await identity.addDependant(ref, patientId, { name: "Kabir Verma", relationship: "child", dateOfBirth: "2016-05-12", gender: "male" });
  }
  const staff = async (u: { email: string; name: string; password: string }, role: "doctor" | "front_desk") =>
    identity.createUser(ref, { kind: "staff", email: email(u.email), name: u.name, password: u.password, roles: [{ role }] });
  const doctorId = await staff(DEMO_USERS.doctor, "doctor");
  const frontDeskId = await staff(DEMO_USERS.frontDesk, "front_desk");
  const a = DEMO_USERS.admin;
  const adminId = await identity.createUser(ref, {
    kind: "staff",
    email: email(a.email),
    name: a.name,
    password: a.password,
    roles: [{ role: "tenant_admin" }],
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  });
  return { patient: patientId, doctor: doctorId, frontDesk: frontDeskId, admin: adminId };
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
  /**
   * Imports each tenant's demo doctors, clinics and specialties (after the users, so the demo
   * doctor links). With `admin` (and `identity`), the ids of the imported doctors and clinics
   * are looked up as the demo tenant admin for `accountAdmin` and `scheduling`.
   */
  providers?: Pick<Platform["providers"], "importDirectory"> & Partial<Pick<Platform["providers"], "admin">>;
  /** Gives each demo front desk every clinic of their tenant (needs `identity` and `providers.admin`). */
  accountAdmin?: Pick<Platform["accountAdmin"], "changeRoles">;
  /** Adds weekly availability for each published demo doctor lacking a current rule (needs `identity` and `providers.admin`). */
  scheduling?: Pick<Platform["scheduling"], "listRules" | "saveRule">;
  /** The seeding day's clock (rules run from today in the clinic's zone for 90 days). */
  now?: () => Date;
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
  const users = new Map<string, DemoUserIds>();
  if (opts.identity) {
    for (const tenant of DEMO_TENANTS) {
      const t = await service.get(tenant.slug);
      if (t.status === "active") users.set(t.slug, await seedDemoUsers(opts.identity, t));
    }
  }
  if (opts.providers) await seedDemoDirectory(service, opts.providers, log, { ...opts, users });
  if (opts.directory) {
    const moved = await opts.directory.drainAll();
    if (moved) log(`marketplace directory: ${moved} updates from partner hospitals`);
  }
  return created;
}

/**
 * Imports each active demo tenant's doctors, clinics and specialties; then, as the demo
 * tenant admin, gives the front desk every clinic and the doctors weekly availability.
 */
async function seedDemoDirectory(
  service: ProvisioningService,
  providers: NonNullable<DemoSeedOptions["providers"]>,
  log: (msg: string) => void,
  opts: DemoSeedOptions & { users: Map<string, DemoUserIds> },
): Promise<void> {
  const hosts = new Map((await service.list()).map((t) => [t.slug, t.domains.find((d) => d.kind === "primary")?.hostname]));
  for (const spec of DEMO_TENANTS) {
    const t = await service.get(spec.slug);
    const primaryHost = hosts.get(t.slug);
    if (t.status !== "active" || !primaryHost) continue;
    const tenant: ProviderTenant = { id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name, kind: t.kind, primaryHost };
    const seed = demoDirectoryFor(t.slug, t.kind);
    const { doctors } = await providers.importDirectory(tenant, seed);
    log(`${t.slug}: ${seed.doctors.length} doctors (${doctors} new), ${seed.clinics.length} clinics, ${seed.specialties.length} specialties`);
    const ids = opts.users.get(t.slug);
    if (!ids || !providers.admin || (!opts.accountAdmin && !opts.scheduling)) continue;
    const actor: Actor = { userId: ids.admin, tenantId: t.id, kind: "staff", roles: ["tenant_admin"], clinicIds: [], providerId: null, supportGrant: null };
    if (opts.accountAdmin) {
      const n = await seedDemoFrontDeskClinics({ accountAdmin: opts.accountAdmin, providers: { admin: providers.admin } }, tenant, actor, ids.frontDesk, demoFrontDeskClinics(t.slug, seed));
      log(`${t.slug}: front desk works at ${n} of ${seed.clinics.length} clinics`);
    }
    if (opts.scheduling) {
      const today = localDateIn((opts.now ?? (() => new Date()))(), t.timeZone);
      const rules = demoWeeklyRules(t.slug, seed, today);
      const { doctors: withRules, added } = await seedDemoSchedules({ scheduling: opts.scheduling, providers: { admin: providers.admin } }, tenant, actor, rules, today);
      log(`${t.slug}: ${withRules} doctors with weekly availability (${added} new rules)`);
    }
  }
}
