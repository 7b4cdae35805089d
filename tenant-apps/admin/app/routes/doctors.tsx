import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ProviderStatus, ProviderSummaryView } from "@visitnow/platform/context";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  Container,
  EmptyState,
  PageHeader,
  pageMeta,
  SearchIcon,
  ShieldIcon,
  textLinkClass,
  useCan,
  useRootData,
  useT,
} from "@visitnow/ui";
import { isProviderStatus, PROVIDER_STATUSES, ProviderStatusBadge, VisibilityBadges } from "../components/provider-status";
import { useDate } from "../components/use-date-time";
import { loadOrThrow, requireProviderAdmin } from "../provider-admin.server";

export const meta = pageMeta("admin.doctors.title");

/** The onboarding queue: one status (or all), an optional search, one page. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const params = new URL(request.url).searchParams;
  const wanted = params.get("status");
  const status: ProviderStatus | null = isProviderStatus(wanted) ? wanted : null;
  const q = (params.get("q") ?? "").trim().slice(0, 120);
  const page = Math.max(1, Math.floor(Number(params.get("page")) || 1));
  const result = await loadOrThrow(() => admin.listProviders({ status, q: q || null, page }));
  return { ...result, status, q };
}

/** A link to the queue with these filters (empty ones left out, so URLs stay short and shareable). */
function queueHref({ status, q, page }: { status: ProviderStatus | null; q: string; page?: number }): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (q) params.set("q", q);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/doctors?${query}` : "/doctors";
}

export default function Doctors() {
  const t = useT();
  const can = useCan();
  const root = useRootData();
  const { items, total, page, pageCount, counts, status, q } = useLoaderData<typeof loader>();
  const all = PROVIDER_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);

  return (
    <Container className="pb-16">
      <PageHeader
        title={t("admin.doctors.title")}
        lead={t("admin.doctors.lead", { name: root?.tenant?.name ?? "" })}
        actions={
          <>
            {can("update", "Provider") ? (
              <ButtonLink to="/document-checklist" variant="secondary">
                {t("admin.doctors.checklistLink")}
              </ButtonLink>
            ) : null}
            {can("create", "Provider") ? <ButtonLink to="/doctors/new">{t("admin.doctors.add")}</ButtonLink> : null}
          </>
        }
      />

      <nav aria-label={t("admin.doctors.tabsLabel")} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-border">
          <StatusTab label={t("admin.doctors.tab.all")} count={all} to={queueHref({ status: null, q })} current={status === null} />
          {PROVIDER_STATUSES.map((s) => (
            <StatusTab key={s} label={t(`admin.provider.status.${s}`)} count={counts[s] ?? 0} to={queueHref({ status: s, q })} current={status === s} />
          ))}
        </ul>
      </nav>

      <Form method="get" role="search" className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <div className="flex flex-1 flex-col gap-1.5">
          <label htmlFor="doctor-search" className="font-medium">
            {t("admin.doctors.searchLabel")}
          </label>
          <input
            id="doctor-search"
            type="search"
            name="q"
            defaultValue={q}
            autoComplete="off"
            placeholder={t("admin.doctors.searchPlaceholder")}
            className="min-h-12 w-full rounded-brand border border-muted-foreground bg-surface px-4 text-base text-surface-foreground placeholder:text-muted-foreground"
          />
        </div>
        <Button type="submit" variant="secondary" className="sm:min-h-12">
          <SearchIcon aria-hidden="true" className="size-5" />
          {t("admin.doctors.search")}
        </Button>
        {q ? (
          <Link to={queueHref({ status, q: "" })} className={`${textLinkClass} inline-flex min-h-12 items-center`}>
            {t("admin.doctors.clearSearch")}
          </Link>
        ) : null}
      </Form>

      <p className="mt-6 text-muted-foreground" aria-live="polite">
        {q ? t("admin.doctors.countMatching", { count: total, q }) : t("admin.doctors.count", { count: total })}
      </p>

      {items.length === 0 ? (
        <div className="mt-4">
          <EmptyState icon={<ShieldIcon />} title={q ? t("admin.doctors.emptySearch") : t("admin.doctors.empty")}>
            {!q && status === null ? <p>{t("admin.doctors.emptyLead")}</p> : null}
          </EmptyState>
        </div>
      ) : (
        <>
          <ul className="mt-4 flex flex-col gap-4 md:hidden">
            {items.map((provider) => (
              <li key={provider.id}>
                <ProviderCard provider={provider} />
              </li>
            ))}
          </ul>
          <div className="mt-4 hidden overflow-x-auto rounded-brand border border-border bg-surface text-surface-foreground md:block">
            <table className="w-full text-left">
              <caption className="sr-only">
                {status ? t("admin.doctors.captionStatus", { status: t(`admin.provider.status.${status}`) }) : t("admin.doctors.caption")}
              </caption>
              <thead className="border-b border-border bg-muted text-sm text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.doctors.col.doctor")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.doctors.col.status")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.doctors.col.reviewer")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.doctors.col.submitted")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.doctors.col.documents")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border align-top">
                {items.map((provider) => (
                  <ProviderRow key={provider.id} provider={provider} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} status={status} q={q} /> : null}
    </Container>
  );
}

function StatusTab({ label, count, to, current }: { label: string; count: number; to: string; current: boolean }) {
  return (
    <li>
      <Link
        to={to}
        aria-current={current ? "page" : undefined}
        className={`-mb-px inline-flex min-h-11 items-center gap-2 border-b-4 px-3 py-2 font-medium no-underline ${
          current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground"
        }`}
      >
        {label}
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${current ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground"}`}>
          {count}
        </span>
      </Link>
    </li>
  );
}

/** Missing documents matter while an application is open; once decided (e.g. an imported doctor) they are only a reminder. */
function Documents({ provider }: { provider: ProviderSummaryView }) {
  const t = useT();
  if (provider.documentsComplete) return <span>{t("admin.doctors.documentsComplete")}</span>;
  const decided = provider.status === "approved" || provider.status === "rejected";
  return <Badge tone={decided ? "neutral" : "warning"}>{t("admin.doctors.documentsMissing")}</Badge>;
}

function Reviewer({ provider }: { provider: ProviderSummaryView }) {
  const t = useT();
  return provider.reviewer ? <span>{provider.reviewer.name}</span> : <span className="text-muted-foreground">{t("admin.doctors.unassigned")}</span>;
}

function Specialties({ provider }: { provider: ProviderSummaryView }) {
  const t = useT();
  return (
    <span className="block text-sm text-muted-foreground">
      {provider.specialties.length ? provider.specialties.join(", ") : t("admin.doctors.noSpecialty")}
    </span>
  );
}

function ProviderRow({ provider }: { provider: ProviderSummaryView }) {
  const date = useDate();
  return (
    <tr>
      <th scope="row" className="px-4 py-3 text-left font-normal">
        <Link to={`/doctors/${provider.id}`} className={`${textLinkClass} break-words`}>
          {provider.name}
        </Link>
        <Specialties provider={provider} />
      </th>
      <td className="px-4 py-3">
        <span className="flex flex-wrap gap-1.5">
          <ProviderStatusBadge status={provider.status} />
          <VisibilityBadges published={provider.published} marketplaceListed={provider.marketplaceListed} />
        </span>
      </td>
      <td className="px-4 py-3">
        <Reviewer provider={provider} />
      </td>
      <td className="px-4 py-3 whitespace-nowrap">{date(provider.submittedAt)}</td>
      <td className="px-4 py-3">
        <Documents provider={provider} />
      </td>
    </tr>
  );
}

function ProviderCard({ provider }: { provider: ProviderSummaryView }) {
  const t = useT();
  const date = useDate();
  return (
    <Card className="flex flex-col gap-3">
      <div>
        <Link to={`/doctors/${provider.id}`} className={`${textLinkClass} text-lg break-words`}>
          {provider.name}
        </Link>
        <Specialties provider={provider} />
      </div>
      <p className="flex flex-wrap gap-1.5">
        <ProviderStatusBadge status={provider.status} />
        <VisibilityBadges published={provider.published} marketplaceListed={provider.marketplaceListed} />
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted-foreground">{t("admin.doctors.col.reviewer")}</dt>
        <dd>
          <Reviewer provider={provider} />
        </dd>
        <dt className="text-muted-foreground">{t("admin.doctors.col.submitted")}</dt>
        <dd>{date(provider.submittedAt)}</dd>
        <dt className="text-muted-foreground">{t("admin.doctors.col.documents")}</dt>
        <dd>
          <Documents provider={provider} />
        </dd>
      </dl>
    </Card>
  );
}

function Pagination({ page, pageCount, status, q }: { page: number; pageCount: number; status: ProviderStatus | null; q: string }) {
  const t = useT();
  const linkClass = "inline-flex min-h-11 items-center rounded-brand border border-border bg-surface px-4 font-semibold text-surface-foreground no-underline hover:bg-muted";
  return (
    <nav aria-label={t("admin.doctors.pagination")} className="mt-6 flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link to={queueHref({ status, q, page: page - 1 })} rel="prev" className={linkClass}>
          {t("admin.doctors.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-muted-foreground">{t("admin.doctors.pageOf", { page, pages: pageCount })}</p>
      {page < pageCount ? (
        <Link to={queueHref({ status, q, page: page + 1 })} rel="next" className={linkClass}>
          {t("admin.doctors.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
