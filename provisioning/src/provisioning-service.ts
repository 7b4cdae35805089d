import { IANAZone } from "luxon";
import { z } from "zod";
import {
  applyTenantMigrations,
  createPlatformAuditService,
  DomainError,
  mapPgError,
  normaliseHost,
  NotFoundError,
  roleNameFor,
  schemaNameFor,
  slugProblem,
  ValidationError,
  type ConsoleTenant,
  type MigrateAllSummary,
  type MigrationProgress,
  type MigrationService,
  type Tenant,
  type TenantSchemaStore,
  type TenantStore,
  type ThemeService,
} from "@visitnow/platform";
import type { Knex } from "knex";

const DomainInput = z.object({
  hostname: z.string().min(1).max(253),
  kind: z.enum(["primary", "alias", "custom"]).default("alias"),
  verified: z.boolean().optional(),
});

export const CreateTenantInput = z.object({
  slug: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(["hospital", "marketplace"]),
  theme: z.string().default("default"),
  themeOverrides: z.record(z.unknown()).default({}),
  defaultLocale: z.enum(["en", "hi"]).default("en"),
  timeZone: z.string().default("Asia/Kolkata"),
  cluster: z.string().default("default"),
  domains: z.array(DomainInput).min(1, "Give the tenant at least one domain"),
});

export type CreateTenantInput = z.input<typeof CreateTenantInput>;

export type ProvisioningStep = "validated" | "registered" | "schema" | "migrated" | "active";

export interface ProvisioningDeps {
  db: Knex;
  tenants: TenantStore;
  tenantSchemas: TenantSchemaStore;
  migrations: MigrationService;
  themes: ThemeService;
  platformHost: string;
}

/**
 * The tenant lifecycle: create, list, migrate, suspend, resume, delete. One service
 * used by the CLI, the demo seed and the platform console.
 */
export class ProvisioningService {
  constructor(private readonly deps: ProvisioningDeps) {}

  /**
   * Creates a tenant: registers it as `provisioning` (not routable), then in one
   * transaction makes its role, schema and tables and marks it `active`. If that fails,
   * the registration is removed too, so no half tenant is left.
   */
  async create(raw: CreateTenantInput, onStep: (step: ProvisioningStep) => void = () => undefined): Promise<Tenant> {
    const input = this.validate(raw);
    onStep("validated");
    const prefix = await this.deps.tenants.getRolePrefix();
    const schema = schemaNameFor(input.slug);
    const role = roleNameFor(prefix, input.slug);

    let tenant: Tenant;
    try {
      tenant = await this.deps.db.transaction(async (trx) => {
        const t = await this.deps.tenants.insert(trx, { ...input, schema, role });
        await this.deps.tenants.insertDomains(
          trx,
          t.id,
          input.domains.map((d) => ({ hostname: d.hostname, kind: d.kind, verified: d.verified ?? d.kind !== "custom" })),
        );
        return t;
      });
    } catch (err) {
      const mapped = mapPgError(err);
      if (mapped instanceof DomainError && mapped.code === "conflict") {
        throw new DomainError("conflict", `A tenant with slug "${input.slug}" or one of these domains already exists.`);
      }
      throw mapped;
    }
    onStep("registered");

    try {
      const migrations = await this.deps.migrations.loadTenantMigrations();
      await this.deps.db.transaction(async (trx) => {
        await this.deps.tenantSchemas.create(trx, role, schema);
        onStep("schema");
        await this.deps.tenants.setStatus(tenant.id, "active", trx);
        await applyTenantMigrations(trx, this.deps.migrations.migrationStore, tenant, migrations);
        onStep("migrated");
      });
    } catch (err) {
      await this.deps.tenants.delete(tenant.id);
      throw mapPgError(err);
    }
    onStep("active");
    await this.audit("tenant.created", tenant.id);
    return (await this.deps.tenants.findBySlug(input.slug)) as Tenant;
  }

  /** Tenant lifecycle changes go to the platform audit log (the CLI acts as `system`). */
  private async audit(action: "tenant.created" | "tenant.suspended" | "tenant.resumed" | "tenant.deleted", tenantId: string): Promise<void> {
    await createPlatformAuditService(this.deps.db).record({ actorType: "system", action, subjectType: "tenant", subjectId: tenantId, tenantId, outcome: "success" });
  }

  private validate(raw: CreateTenantInput): z.output<typeof CreateTenantInput> {
    const parsed = CreateTenantInput.safeParse(raw);
    if (!parsed.success) {
      throw new ValidationError("The tenant details are not valid.", parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
    }
    const input = parsed.data;
    const problems: { field: string; message: string }[] = [];
    const slugIssue = slugProblem(input.slug);
    if (slugIssue) problems.push({ field: "slug", message: slugIssue });
    if (!this.deps.themes.has(input.theme)) problems.push({ field: "theme", message: `Unknown theme "${input.theme}". Known: ${this.deps.themes.names().join(", ")}` });
    if (!IANAZone.isValidZone(input.timeZone)) problems.push({ field: "timeZone", message: `"${input.timeZone}" is not an IANA time zone` });
    for (const message of this.deps.themes.overrideProblems(input.theme, input.themeOverrides)) {
      problems.push({ field: "themeOverrides", message });
    }
    if (input.cluster !== "default") problems.push({ field: "cluster", message: `Unknown cluster "${input.cluster}"` });
    const seen = new Set<string>();
    input.domains.forEach((d, i) => {
      const host = normaliseHost(d.hostname);
      if (!host || host !== d.hostname.trim().toLowerCase().replace(/\.+$/, "")) {
        problems.push({ field: `domains.${i}.hostname`, message: `"${d.hostname}" is not a valid host name (no scheme, port or path)` });
        return;
      }
      if (host === this.deps.platformHost) problems.push({ field: `domains.${i}.hostname`, message: "The platform host cannot belong to a tenant" });
      if (seen.has(host)) problems.push({ field: `domains.${i}.hostname`, message: `"${host}" is listed twice` });
      seen.add(host);
      d.hostname = host;
    });
    const primaries = input.domains.filter((d) => d.kind === "primary").length;
    if (primaries === 0 && input.domains[0]) input.domains[0].kind = "primary";
    if (primaries > 1) problems.push({ field: "domains", message: "Only one domain can be primary" });
    if (problems.length) throw new ValidationError("The tenant details are not valid.", problems);
    return input;
  }

  /** Every tenant with its domains, for the CLI and the console. */
  async list(): Promise<ConsoleTenant[]> {
    const rows = await this.deps.tenants.list();
    return rows.map((t) => ({
      slug: t.slug,
      name: t.name,
      kind: t.kind,
      status: t.status,
      theme: t.theme,
      timeZone: t.timeZone,
      defaultLocale: t.defaultLocale,
      cluster: t.cluster,
      schemaVersion: t.schemaVersion,
      createdAt: t.createdAt.toISOString(),
      domains: t.domains,
    }));
  }

  async get(slug: string): Promise<Tenant> {
    const t = await this.deps.tenants.findBySlug(slug);
    if (!t) throw new NotFoundError(`No tenant "${slug}"`);
    return t;
  }

  /** Platform schema first, then every tenant (or the given ones). */
  migrate(opts: { slugs?: string[]; onProgress?: (p: MigrationProgress) => void; onWait?: () => void } = {}): Promise<MigrateAllSummary> {
    return this.deps.migrations.migrateAll(opts);
  }

  /** Stops routing to a tenant: its hosts answer 503 in its own theme. */
  async suspend(slug: string): Promise<Tenant> {
    const t = await this.get(slug);
    if (t.status !== "active") throw new DomainError("conflict", `"${slug}" is ${t.status}, not active`);
    await this.deps.tenants.setStatus(t.id, "suspended");
    await this.audit("tenant.suspended", t.id);
    return { ...t, status: "suspended" };
  }

  async resume(slug: string): Promise<Tenant> {
    const t = await this.get(slug);
    if (t.status !== "suspended") throw new DomainError("conflict", `"${slug}" is ${t.status}, not suspended`);
    await this.deps.tenants.setStatus(t.id, "active");
    await this.audit("tenant.resumed", t.id);
    return { ...t, status: "active" };
  }

  /** Removes a tenant's schema, role, domains and registration. `confirm` must repeat the slug. */
  async delete(slug: string, opts: { confirm?: string }): Promise<void> {
    if (opts.confirm !== slug) {
      throw new ValidationError(`Deleting destroys every record of "${slug}". Repeat the slug to confirm (--confirm ${slug}).`);
    }
    const t = await this.get(slug);
    await this.deps.db.transaction(async (trx) => {
      await this.deps.tenantSchemas.drop(trx, t.role, t.schema);
      await this.deps.tenants.delete(t.id, trx);
    });
    await this.audit("tenant.deleted", t.id);
  }
}
