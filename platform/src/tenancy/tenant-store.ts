import type { Knex } from "knex";
import type { Locale, TenantKind, TenantStatus } from "../context.js";
import type { DomainKind, RoutedTenant, Tenant, TenantDomain } from "./tenant-types.js";

const TENANTS = "platform.tenants";
const DOMAINS = "platform.tenant_domains";
const INSTALLATION = "platform.installation";

interface TenantRow {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
  schema_name: string;
  role_name: string;
  theme: string;
  theme_overrides: Record<string, unknown>;
  default_locale: Locale;
  time_zone: string;
  feature_flags: Record<string, boolean>;
  plan: string;
  cluster: string;
  schema_version: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = [
  "t.id", "t.slug", "t.name", "t.kind", "t.status", "t.schema_name", "t.role_name", "t.theme",
  "t.theme_overrides", "t.default_locale", "t.time_zone", "t.feature_flags", "t.plan", "t.cluster",
  "t.schema_version", "t.created_at", "t.updated_at",
];

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    status: row.status,
    schema: row.schema_name,
    role: row.role_name,
    theme: row.theme,
    themeOverrides: row.theme_overrides,
    defaultLocale: row.default_locale,
    timeZone: row.time_zone,
    featureFlags: row.feature_flags,
    plan: row.plan,
    cluster: row.cluster,
    schemaVersion: row.schema_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewTenant {
  slug: string;
  name: string;
  kind: TenantKind;
  schema: string;
  role: string;
  theme: string;
  themeOverrides: Record<string, unknown>;
  defaultLocale: Locale;
  timeZone: string;
  cluster: string;
}

/** The control plane's tenants and domains (schema `platform`). */
export class TenantStore {
  constructor(private readonly db: Knex) {}

  async getRolePrefix(): Promise<string> {
    const row = await this.db(INSTALLATION).first<{ role_prefix: string } | undefined>("role_prefix");
    if (!row) throw new Error("platform.installation is empty: run the platform migrations first");
    return row.role_prefix;
  }

  async getInstallationSecret(): Promise<string> {
    const row = await this.db(INSTALLATION).first<{ secret: string } | undefined>("secret");
    if (!row) throw new Error("platform.installation is empty: run the platform migrations first");
    return row.secret;
  }

  /** The tenant a hostname routes to, whatever its status, with its primary host. */
  async findByHostname(hostname: string): Promise<RoutedTenant | null> {
    const row = await this.db(`${DOMAINS} as d`)
      .join(`${TENANTS} as t`, "t.id", "d.tenant_id")
      .where("d.hostname", hostname)
      .first<(TenantRow & { primary_host: string | null }) | undefined>(
        ...COLUMNS,
        this.db.raw(`(select p.hostname from ${DOMAINS} p where p.tenant_id = t.id and p.kind = 'primary') as primary_host`),
      );
    if (!row) return null;
    return { ...toTenant(row), primaryHost: row.primary_host ?? hostname };
  }

  async findBySlug(slug: string, db: Knex = this.db): Promise<Tenant | null> {
    const row = await db(`${TENANTS} as t`).where("t.slug", slug).first<TenantRow | undefined>(...COLUMNS);
    return row ? toTenant(row) : null;
  }

  async list(): Promise<(Tenant & { domains: TenantDomain[] })[]> {
    const rows = await this.db(`${TENANTS} as t`).orderBy("t.slug").select<TenantRow[]>(...COLUMNS);
    const domains = await this.db(DOMAINS)
      .orderBy([{ column: "kind", order: "desc" }, "hostname"])
      .select<{ tenant_id: string; hostname: string; kind: DomainKind; verified: boolean }[]>("tenant_id", "hostname", "kind", "verified");
    const byTenant = new Map<string, TenantDomain[]>();
    for (const d of domains) {
      const list = byTenant.get(d.tenant_id) ?? [];
      list.push({ hostname: d.hostname, kind: d.kind, verified: d.verified });
      byTenant.set(d.tenant_id, list);
    }
    return rows.map((r) => ({ ...toTenant(r), domains: byTenant.get(r.id) ?? [] }));
  }

  async insert(trx: Knex.Transaction, t: NewTenant): Promise<Tenant> {
    const [row] = await trx(TENANTS)
      .insert({
        slug: t.slug,
        name: t.name,
        kind: t.kind,
        status: "provisioning",
        schema_name: t.schema,
        role_name: t.role,
        theme: t.theme,
        theme_overrides: JSON.stringify(t.themeOverrides),
        default_locale: t.defaultLocale,
        time_zone: t.timeZone,
        cluster: t.cluster,
      })
      .returning<TenantRow[]>(COLUMNS.map((c) => c.slice(2)));
    return toTenant(row as TenantRow);
  }

  async insertDomains(trx: Knex.Transaction, tenantId: string, domains: TenantDomain[]): Promise<void> {
    if (!domains.length) return;
    await trx(DOMAINS).insert(domains.map((d) => ({ tenant_id: tenantId, hostname: d.hostname, kind: d.kind, verified: d.verified })));
  }

  async findDomainOwner(hostnames: string[]): Promise<{ hostname: string; slug: string } | null> {
    const row = await this.db(`${DOMAINS} as d`)
      .join(`${TENANTS} as t`, "t.id", "d.tenant_id")
      .whereIn("d.hostname", hostnames)
      .first<{ hostname: string; slug: string } | undefined>("d.hostname", "t.slug");
    return row ?? null;
  }

  async setStatus(id: string, status: TenantStatus, db: Knex = this.db): Promise<void> {
    await db(TENANTS).where({ id }).update({ status, updated_at: db.fn.now() });
  }

  async update(
    id: string,
    patch: Partial<Pick<Tenant, "name" | "theme" | "themeOverrides" | "defaultLocale" | "timeZone">>,
  ): Promise<void> {
    const row: Record<string, unknown> = { updated_at: this.db.fn.now() };
    if (patch.name !== undefined) row.name = patch.name;
    if (patch.theme !== undefined) row.theme = patch.theme;
    if (patch.themeOverrides !== undefined) row.theme_overrides = JSON.stringify(patch.themeOverrides);
    if (patch.defaultLocale !== undefined) row.default_locale = patch.defaultLocale;
    if (patch.timeZone !== undefined) row.time_zone = patch.timeZone;
    await this.db(TENANTS).where({ id }).update(row);
  }

  async delete(id: string, db: Knex = this.db): Promise<void> {
    await db(TENANTS).where({ id }).delete();
  }
}
