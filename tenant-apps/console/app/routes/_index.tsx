import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, BuildingIcon, Card, Container, EmptyState, PageHeader, pageMeta, useT } from "@visitnow/ui";
import { requireAdmin } from "../auth.server";
import { DomainList, originFor, SchemaVersion, StatusBadge } from "../components/tenant-parts";

export const meta = pageMeta("console.tenants.metaTitle");

/** Every tenant from the control plane, plus how to link to their hosts from this request's origin. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { services } = requireAdmin(context, request);
  const tenants = await services.listTenants();
  tenants.sort((a, b) => a.name.localeCompare(b.name));
  const url = new URL(request.url);
  return { tenants, protocol: url.protocol, port: url.port };
}

const tenantLinkClass = "text-primary underline underline-offset-4 hover:no-underline";

export default function TenantList() {
  const t = useT();
  const { tenants, protocol, port } = useLoaderData<typeof loader>();
  const origin = originFor(protocol, port);
  const active = tenants.filter((tenant) => tenant.status === "active").length;

  return (
    <Container>
      <PageHeader eyebrow={t("console.home.eyebrow")} title={t("console.tenants.title")} lead={t("console.tenants.lead")} />

      <section aria-labelledby="tenant-list-title">
        <div className="mb-5 flex flex-wrap items-center gap-3">
          <h2 id="tenant-list-title" className="font-heading text-xl font-semibold">
            {t("console.tenants.listTitle")}
          </h2>
          <Badge tone="neutral">{t("console.tenants.count", { count: tenants.length })}</Badge>
          {tenants.length > 0 ? <Badge tone="info">{t("console.tenants.activeCount", { count: active })}</Badge> : null}
        </div>

        {tenants.length === 0 ? (
          <EmptyState icon={<BuildingIcon />} title={t("console.tenants.emptyTitle")}>
            <p>{t("console.tenants.emptyBody")}</p>
          </EmptyState>
        ) : (
          <>
            {/* Phones: one card per tenant. */}
            <ul className="grid gap-4 md:hidden">
              {tenants.map((tenant) => (
                <li key={tenant.slug}>
                  <Card>
                    <div className="flex items-start justify-between gap-3">
                      <div>
                        <h3 className="font-heading text-lg font-semibold">
                          <Link to={`/tenants/${tenant.slug}`} className={tenantLinkClass}>
                            {tenant.name}
                          </Link>
                        </h3>
                        <p className="font-mono text-sm text-muted-foreground">{tenant.slug}</p>
                      </div>
                      <StatusBadge status={tenant.status} />
                    </div>
                    <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-3 text-sm">
                      <dt className="whitespace-nowrap text-muted-foreground">{t("console.column.kind")}</dt>
                      <dd>{t(`console.kind.${tenant.kind}`)}</dd>
                      <dt className="whitespace-nowrap text-muted-foreground">{t("console.column.domains")}</dt>
                      <dd>
                        <DomainList tenant={tenant} origin={origin} />
                      </dd>
                      <dt className="whitespace-nowrap text-muted-foreground">{t("console.column.theme")}</dt>
                      <dd>{tenant.theme}</dd>
                      <dt className="whitespace-nowrap text-muted-foreground">{t("console.column.timeZone")}</dt>
                      <dd>{tenant.timeZone}</dd>
                      <dt className="whitespace-nowrap text-muted-foreground">{t("console.column.schemaVersion")}</dt>
                      <dd>
                        <SchemaVersion version={tenant.schemaVersion} className="break-all" />
                      </dd>
                    </dl>
                  </Card>
                </li>
              ))}
            </ul>

            {/* Wider screens: a table. */}
            <div className="hidden overflow-x-auto rounded-brand border border-border bg-surface text-surface-foreground shadow-sm md:block">
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">{t("console.tenants.caption")}</caption>
                <thead className="border-b border-border">
                  <tr>
                    {(["tenant", "kind", "status", "domains", "theme", "timeZone", "schemaVersion"] as const).map((column) => (
                      <th key={column} scope="col" className="whitespace-nowrap px-4 py-3 font-semibold">
                        {t(`console.column.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {tenants.map((tenant) => (
                    <tr key={tenant.slug} className="border-b border-border align-top last:border-b-0">
                      <th scope="row" className="px-4 py-4 font-normal">
                        <Link to={`/tenants/${tenant.slug}`} className={`block whitespace-nowrap font-semibold ${tenantLinkClass}`}>
                          {tenant.name}
                        </Link>
                        <span className="font-mono text-xs text-muted-foreground">{tenant.slug}</span>
                      </th>
                      <td className="px-4 py-4">{t(`console.kind.${tenant.kind}`)}</td>
                      <td className="px-4 py-4">
                        <StatusBadge status={tenant.status} />
                      </td>
                      <td className="px-4 py-4">
                        <DomainList tenant={tenant} origin={origin} />
                      </td>
                      <td className="px-4 py-4">{tenant.theme}</td>
                      <td className="whitespace-nowrap px-4 py-4">{tenant.timeZone}</td>
                      <td className="px-4 py-4">
                        <SchemaVersion version={tenant.schemaVersion} className="whitespace-nowrap" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </Container>
  );
}
