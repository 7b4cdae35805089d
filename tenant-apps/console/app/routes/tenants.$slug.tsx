import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { SupportGrantView } from "@visitnow/platform/context";
import {
  actionErrors,
  Badge,
  Button,
  Card,
  ClockIcon,
  Container,
  CsrfInput,
  FormErrorSummary,
  keepValues,
  LockIcon,
  PageHeader,
  pageMeta,
  SelectField,
  ShieldIcon,
  StatusMessage,
  TextField,
  useLocale,
  useT,
  UsersIcon,
  type BadgeTone,
  type FormErrors,
} from "@visitnow/ui";
import type { ReactNode } from "react";
import { redirectTo, requireAdmin } from "../auth.server";
import { formatDateTime, formatTime, labelFor } from "../components/format";
import { ArrowLeftIcon } from "@visitnow/ui";
import { DomainList, originFor, SchemaVersion, StatusBadge } from "../components/tenant-parts";

/** "<tenant name> · Platform console", falling back to the generic title before the tenant is known. */
export function meta(args: MetaArgs<typeof loader>) {
  const base = pageMeta("console.tenant.metaTitle")(args);
  const name = args.data?.tenant.name;
  return name ? base.map((tag) => ("title" in tag ? { title: `${name} · ${tag.title}` } : tag)) : base;
}

const PURPOSES = ["incident", "data_fix", "onboarding", "other"] as const;

/** What a grant means right now: a granted grant past its expiry is no longer active. */
type GrantState = "pending" | "active" | "expired" | "denied" | "revoked";

function grantState(grant: SupportGrantView, now: number): GrantState {
  if (grant.status === "requested") return "pending";
  if (grant.status === "granted") return grant.expiresAt && Date.parse(grant.expiresAt) > now ? "active" : "expired";
  return grant.status;
}

/** The tenant's summary, this admin's support requests there and, during an approved grant, its staff directory. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { services } = requireAdmin(context, request);
  const slug = params.slug ?? "";
  const tenant = (await services.listTenants()).find((candidate) => candidate.slug === slug);
  if (!tenant) throw new Response("Not found", { status: 404 });

  // A tenant still being provisioned has no schema to hold requests yet.
  const supportAvailable = tenant.status !== "provisioning";
  const now = Date.now();
  const grants = (supportAvailable ? await services.listSupportGrants(slug) : [])
    .map((grant) => ({ ...grant, state: grantState(grant, now) }))
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));

  let directory: Awaited<ReturnType<typeof services.supportStaffDirectory>> | null = null;
  if (grants.some((grant) => grant.state === "active")) {
    try {
      directory = await services.supportStaffDirectory(slug);
    } catch (err) {
      // Revoked or expired between the two reads: show the page as without a grant.
      if ((err as { code?: unknown }).code !== "not_found") throw err;
    }
  }

  const url = new URL(request.url);
  const sent = url.searchParams.get("sent") === "1";
  return { tenant, grants, directory, supportAvailable, sent, protocol: url.protocol, port: url.port };
}

interface RequestActionData {
  errors: FormErrors;
  values: Record<string, string>;
}

/**
 * Asks the tenant's admin for time-limited, read-only support access, then redirects
 * (post/redirect/get), so reloading the page cannot send the request twice.
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const { services } = requireAdmin(context, request);
  const slug = params.slug ?? "";
  const form = Object.fromEntries(await request.formData());
  try {
    await services.requestSupportAccess(slug, { purpose: form.purpose, hours: form.hours });
  } catch (err) {
    return data<RequestActionData>({ errors: actionErrors(err), values: keepValues(form, ["purpose", "hours"]) }, { status: 400 });
  }
  return redirectTo(`/tenants/${encodeURIComponent(slug)}?sent=1`);
}

const grantTone: Record<GrantState, BadgeTone> = {
  pending: "neutral",
  active: "brand",
  expired: "neutral",
  denied: "warning",
  revoked: "warning",
};

const grantDot: Record<GrantState, string> = {
  pending: "bg-amber-500",
  active: "bg-emerald-600",
  expired: "bg-slate-400",
  denied: "bg-red-600",
  revoked: "bg-red-600",
};

export default function TenantPage() {
  const t = useT();
  const { locale } = useLocale();
  const { tenant, grants, directory, supportAvailable, sent, protocol, port } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RequestActionData | undefined;
  const submitting = useNavigation().state === "submitting";
  const origin = originFor(protocol, port);
  const zone = tenant.timeZone;
  const pending = grants.some((grant) => grant.state === "pending");

  return (
    <Container>
      <p className="pt-6">
        <Link to="/" className="-mx-2 inline-flex min-h-11 items-center gap-2 rounded-brand px-2 font-medium text-primary underline underline-offset-4 hover:no-underline">
          <ArrowLeftIcon width={18} height={18} />
          {t("console.tenant.back")}
        </Link>
      </p>
      <PageHeader
        eyebrow={t(`console.kind.${tenant.kind}`)}
        title={tenant.name}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono text-base">{tenant.slug}</span>
            <StatusBadge status={tenant.status} />
          </span>
        }
      />

      <section aria-labelledby="summary-title">
        <h2 id="summary-title" className="sr-only">
          {t("console.tenant.summaryTitle")}
        </h2>
        <Card>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 text-sm lg:grid-cols-3">
            <SummaryItem label={t("console.column.domains")} wide>
              <DomainList tenant={tenant} origin={origin} />
            </SummaryItem>
            <SummaryItem label={t("console.column.theme")}>{tenant.theme}</SummaryItem>
            <SummaryItem label={t("console.column.timeZone")}>{tenant.timeZone}</SummaryItem>
            <SummaryItem label={t("console.tenant.defaultLocale")}>{t(`console.locale.${tenant.defaultLocale}`)}</SummaryItem>
            <SummaryItem label={t("console.tenant.cluster")}>
              <code className="font-mono">{tenant.cluster}</code>
            </SummaryItem>
            <SummaryItem label={t("console.column.schemaVersion")} wide>
              <SchemaVersion version={tenant.schemaVersion} className="break-all" />
            </SummaryItem>
            <SummaryItem label={t("console.tenant.created")} wide>{formatDateTime(tenant.createdAt, locale, zone)}</SummaryItem>
          </dl>
        </Card>
      </section>

      <section aria-labelledby="support-title" className="mt-10">
        <div className="flex items-start gap-4">
          <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
            <ShieldIcon />
          </span>
          <div>
            <h2 id="support-title" className="font-heading text-2xl font-semibold">
              {t("console.support.title")}
            </h2>
            <p className="mt-1 max-w-3xl text-muted-foreground">{t("console.support.lead")}</p>
          </div>
        </div>

        {!supportAvailable ? (
          <Card className="mt-6">
            <p>{t("console.support.unavailable")}</p>
          </Card>
        ) : (
          <div className="mt-6 grid gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
            <div className="lg:col-span-2">
              {directory ? (
                <StaffDirectory directory={directory} zone={zone} />
              ) : (
                <Card>
                  <div className="flex items-start gap-4">
                    <span aria-hidden="true" className="mt-0.5 text-muted-foreground">
                      <LockIcon />
                    </span>
                    <div>
                      <h3 className="font-heading text-lg font-semibold">
                        {pending ? t("console.support.pendingTitle") : t("console.support.noAccessTitle")}
                      </h3>
                      <p className="mt-1">{t("console.support.noAccessBody", { name: tenant.name })}</p>
                      <p className="mt-2 text-muted-foreground">{t("console.support.audited")}</p>
                    </div>
                  </div>
                </Card>
              )}
            </div>

            {/* Phones: status, then the form, then the history; wide screens: the form in a side column. */}
            <RequestForm tenantName={tenant.name} sent={sent && !actionData} actionData={actionData} submitting={submitting} />

            <section aria-labelledby="requests-title" className="lg:col-span-2">
              <h3 id="requests-title" className="font-heading text-lg font-semibold">
                {t("console.support.requestsTitle")}
              </h3>
              {grants.length === 0 ? (
                <p className="mt-2 text-muted-foreground">{t("console.support.requestsEmpty")}</p>
              ) : (
                <ul className="mt-3 divide-y divide-border rounded-brand border border-border bg-surface text-surface-foreground">
                  {grants.map((grant) => (
                    <li key={grant.id} className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
                      <div>
                        <p className="font-semibold">{t(`console.purpose.${grant.purpose}`)}</p>
                        <p className="text-sm text-muted-foreground">
                          {t("console.support.requestMeta", {
                            time: formatDateTime(grant.requestedAt, locale, zone),
                            hours: t(grant.hours === 1 ? "console.support.hoursOne" : "console.support.hoursMany", { count: grant.hours }),
                          })}
                        </p>
                      </div>
                      <div className="flex flex-wrap items-center gap-2 sm:flex-col sm:items-end sm:gap-1">
                        <Badge tone={grantTone[grant.state]} dotClassName={grantDot[grant.state]}>
                          {t(`console.grant.${grant.state}`)}
                        </Badge>
                        {grant.expiresAt && (grant.state === "active" || grant.state === "expired") ? (
                          <span className="text-sm text-muted-foreground">
                            {t(grant.state === "active" ? "console.grant.until" : "console.grant.ended", {
                              time: formatDateTime(grant.expiresAt, locale, zone),
                            })}
                          </span>
                        ) : null}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
      </section>
    </Container>
  );
}

/** Asks for access: purpose and hours, with the success note after the redirect or the action's errors. */
function RequestForm({
  tenantName,
  sent,
  actionData,
  submitting,
}: {
  tenantName: string;
  /** Just redirected here after a successful request. */
  sent: boolean;
  actionData: RequestActionData | undefined;
  submitting: boolean;
}) {
  const t = useT();
  const failed = actionData ?? null;
  return (
    <Card className="self-start lg:col-start-3 lg:row-span-2 lg:row-start-1">
      <h3 className="font-heading text-lg font-semibold">{t("console.support.formTitle")}</h3>
      <Form method="post" noValidate className="mt-4 flex flex-col gap-5">
        <CsrfInput />
        {sent ? <StatusMessage>{t("console.support.requested", { name: tenantName })}</StatusMessage> : null}
        <FormErrorSummary errors={failed?.errors} fieldIds={{ purpose: "purpose", hours: "hours" }} />
        <SelectField
          id="purpose"
          name="purpose"
          label={t("console.support.purposeLabel")}
          options={PURPOSES.map((purpose) => ({ value: purpose, label: t(`console.purpose.${purpose}`) }))}
          defaultValue={failed?.values.purpose ?? "incident"}
          error={failed?.errors.fieldErrors.purpose}
        />
        <TextField
          id="hours"
          name="hours"
          type="number"
          inputMode="numeric"
          min={1}
          max={8}
          step={1}
          required
          label={t("console.support.hoursLabel")}
          hint={t("console.support.hoursHint")}
          defaultValue={failed?.values.hours ?? "2"}
          className="sm:max-w-32"
          error={failed?.errors.fieldErrors.hours}
        />
        <Button type="submit" className="w-full">
          <ClockIcon />
          {submitting ? t("console.support.submitting") : t("console.support.submit")}
        </Button>
        <p className="text-sm text-muted-foreground">{t("console.support.formNote")}</p>
      </Form>
    </Card>
  );
}

function SummaryItem({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "col-span-2 lg:col-span-1" : ""}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

/** The read-only staff list a live grant opens, with when the access ends. */
function StaffDirectory({
  directory,
  zone,
}: {
  directory: { expiresAt: string; staff: { id: string; name: string; roles: string[]; status: string }[] };
  zone: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-labelledby="directory-title" className="rounded-brand border border-border bg-surface text-surface-foreground shadow-sm">
      <div className="flex flex-wrap items-start gap-3 border-b border-border p-4 sm:p-5">
        <span aria-hidden="true" className="text-muted-foreground">
          <UsersIcon />
        </span>
        <div className="flex-1">
          <h3 id="directory-title" className="font-heading text-lg font-semibold">
            {t("console.directory.title", { time: formatTime(directory.expiresAt, locale, zone) })}
          </h3>
          <p className="mt-1 text-sm text-muted-foreground">{t("console.directory.audited")}</p>
        </div>
      </div>
      {directory.staff.length === 0 ? (
        <p className="p-4 text-muted-foreground sm:p-5">{t("console.directory.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("console.directory.caption")}</caption>
            <thead className="border-b border-border">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold sm:px-5">
                  {t("console.directory.name")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold sm:px-5">
                  {t("console.directory.roles")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold sm:px-5">
                  {t("console.directory.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {directory.staff.map((member) => (
                <tr key={member.id} className="border-b border-border align-top last:border-b-0">
                  <th scope="row" className="px-4 py-3 font-semibold sm:px-5">
                    {member.name}
                  </th>
                  <td className="px-4 py-3 sm:px-5">
                    {member.roles.length > 0
                      ? member.roles.map((role) => labelFor(t, `console.role.${role}`, role)).join(", ")
                      : <span className="text-muted-foreground">{t("console.directory.noRoles")}</span>}
                  </td>
                  <td className="px-4 py-3 sm:px-5">
                    <Badge tone={member.status === "active" ? "info" : "neutral"}>
                      {labelFor(t, `console.staffStatus.${member.status}`, member.status)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
