import type { ConsoleTenant, TenantStatus } from "@visitnow/platform/context";
import { Badge, useT, type BadgeTone } from "@visitnow/ui";

/* Pieces of a tenant shown by both the tenant list and a tenant's page. */

const statusStyle: Record<TenantStatus, { tone: BadgeTone; dot: string }> = {
  active: { tone: "info", dot: "bg-emerald-600" },
  provisioning: { tone: "neutral", dot: "bg-amber-500" },
  suspended: { tone: "warning", dot: "bg-red-600" },
};

/** The tenant's lifecycle status as a badge with a coloured dot. */
export function StatusBadge({ status }: { status: TenantStatus }) {
  const t = useT();
  const style = statusStyle[status] ?? statusStyle.provisioning;
  return (
    <Badge tone={style.tone} dotClassName={style.dot}>
      {t(`console.status.${status}`)}
    </Badge>
  );
}

/** The tenant's hostnames, primary first, each linking to the site on this request's port. */
export function DomainList({ tenant, origin }: { tenant: ConsoleTenant; origin: (host: string) => string }) {
  const t = useT();
  if (tenant.domains.length === 0) {
    return <p className="text-muted-foreground">{t("console.tenants.noDomains")}</p>;
  }
  const domains = [...tenant.domains].sort((a, b) => Number(b.kind === "primary") - Number(a.kind === "primary"));
  return (
    <ul className="flex flex-col gap-1.5">
      {domains.map((domain) => (
        <li key={domain.hostname} className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <a href={origin(domain.hostname)} className="break-all font-medium text-primary underline underline-offset-4">
            {domain.hostname}
          </a>
          {domain.kind === "primary" ? <Badge tone="brand">{t("console.domain.primary")}</Badge> : null}
          <span className="text-xs text-muted-foreground">
            {domain.verified ? (
              <>
                <span aria-hidden="true">✓ </span>
                {t("console.domain.verified")}
              </>
            ) : (
              t("console.domain.unverified")
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The tenant schema's migration version, or "Not migrated". */
export function SchemaVersion({ version, className = "" }: { version: string | null; className?: string }) {
  const t = useT();
  return version ? (
    <code className={`font-mono text-sm ${className}`}>{version}</code>
  ) : (
    <span className="text-muted-foreground">{t("console.tenants.notMigrated")}</span>
  );
}

/** Builds `protocol//host:port/` links to tenant hosts from this request's origin. */
export function originFor(protocol: string, port: string): (host: string) => string {
  return (host) => `${protocol}//${host}${port ? `:${port}` : ""}/`;
}
