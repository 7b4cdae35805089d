import { data, redirect, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { DoctorSearchResultView } from "@visitnow/platform/context";
import {
  actionErrors,
  Container,
  EmptyState,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  InfoIcon,
  intlLocale,
  PageHeader,
  pageMeta,
  SearchIcon,
  useLocale,
  useRootData,
  useT,
} from "@visitnow/ui";
import { DoctorCard } from "../components/doctor-card";
import { formatNumber, pluralForm } from "../components/format";
import { Pagination } from "../components/pagination";
import { SearchFilters } from "../components/search-filters";
import { activeFilterCount, cleanSearchParams, differsFromClean, searchHref, searchValues } from "../components/search-params";
import { discoveryCacheHeaders, requireDiscovery } from "../discovery.server";

export const meta = pageMeta("patient.search.metaTitle");

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Searches the tenant's published doctors from the query string; a bad filter comes back as form errors, not a crash. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const discovery = requireDiscovery(context);
  const url = new URL(request.url);
  const params = cleanSearchParams(url.searchParams);
  // A GET form sends every field, empty or not: answer at the short, shareable URL.
  if (differsFromClean(url.searchParams, params)) {
    const query = params.toString();
    throw redirect(query ? `/search?${query}` : "/search");
  }

  const [facets, outcome] = await Promise.all([
    discovery.facets(),
    discovery.search(params).then(
      (result): { result: DoctorSearchResultView | null; errors: FormErrors | null } => ({ result, errors: null }),
      (err: unknown) => ({ result: null, errors: actionErrors(err) }),
    ),
  ]);
  return data(
    { facets, search: params.toString(), ...outcome },
    { status: outcome.errors ? 400 : 200, headers: discoveryCacheHeaders(context) },
  );
}

const fieldIds: Record<string, string> = {
  q: "search-q",
  specialty: "search-specialty",
  city: "search-city",
  locality: "search-locality",
  language: "search-language",
  gender: "search-gender",
  mode: "search-mode",
  fee_min: "search-fee-min",
  feeMin: "search-fee-min",
  fee_max: "search-fee-max",
  feeMax: "search-fee-max",
  min_rating: "search-rating",
  minRating: "search-rating",
  sort: "search-sort",
  near: "search-near",
};

export default function SearchPage() {
  const t = useT();
  const { locale } = useLocale();
  const root = useRootData();
  const { facets, search, result, errors } = useLoaderData<typeof loader>();
  const params = new URLSearchParams(search);
  const values = searchValues(params);
  const kind = root?.tenant?.kind ?? "hospital";
  const tag = intlLocale(locale);
  const filtered = activeFilterCount(values) > 0;

  return (
    <Container>
      <PageHeader title={t("patient.search.title")} lead={t(`patient.search.lead.${kind}`, { name: root?.tenant?.name ?? "" })} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,19rem)_minmax(0,1fr)] lg:items-start lg:gap-10">
        <div>
          <SearchFilters key={search} facets={facets} values={values} fieldErrors={errors?.fieldErrors ?? {}} />
        </div>

        <section aria-labelledby="results-title" className="flex min-w-0 flex-col gap-4">
          {errors ? (
            <>
              <h2 id="results-title" className="sr-only">
                {t("patient.search.resultsTitle")}
              </h2>
              <FormErrorSummary errors={errors} fieldIds={fieldIds} />
            </>
          ) : result ? (
            <>
              <div className="flex flex-col gap-1">
                <h2 id="results-title" className="font-heading text-xl font-semibold sm:text-2xl">
                  {t(`patient.search.count.${pluralForm(result.total, tag)}`, { count: formatNumber(result.total, tag) })}
                </h2>
                {result.pageCount > 1 ? (
                  <p className="text-sm text-muted-foreground">
                    {t("patient.search.pageOf", { page: formatNumber(result.page, tag), count: formatNumber(result.pageCount, tag) })}
                  </p>
                ) : null}
              </div>
              {result.matchedSpecialty && values.q ? (
                <p className="flex items-start gap-2 rounded-brand bg-secondary px-4 py-3 text-secondary-foreground">
                  <InfoIcon className="mt-0.5 shrink-0" />
                  <span>
                    {t("patient.search.matched", { specialty: result.matchedSpecialty.name, query: values.q })}{" "}
                    {values.specialty !== result.matchedSpecialty.slug ? (
                      <Link to={searchHref(params, { q: null, specialty: result.matchedSpecialty.slug, page: null })} className="font-semibold underline underline-offset-4">
                        {t("patient.search.matchedAll", { specialty: result.matchedSpecialty.name })}
                      </Link>
                    ) : null}
                  </span>
                </p>
              ) : null}
              {result.items.length === 0 ? (
                <EmptyState icon={<SearchIcon />} title={t("patient.search.emptyTitle")}>
                  <p>{values.q ? t("patient.search.emptyBodyQuery", { query: values.q }) : t("patient.search.emptyBody")}</p>
                  <ul className="mt-4 flex flex-wrap justify-center gap-3">
                    {filtered ? (
                      <li>
                        <Link to={searchHref(new URLSearchParams(values.q ? { q: values.q } : {}))} className="inline-flex min-h-11 items-center rounded-brand bg-primary px-4 font-semibold text-primary-foreground">
                          {t("patient.search.emptyClearFilters")}
                        </Link>
                      </li>
                    ) : null}
                    {values.q || filtered ? (
                      <li>
                        <Link to="/search" className="inline-flex min-h-11 items-center rounded-brand bg-secondary px-4 font-semibold text-secondary-foreground">
                          {t("patient.search.emptyAll")}
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </EmptyState>
              ) : (
                <ol className="grid gap-4 xl:grid-cols-2">
                  {result.items.map((doctor) => (
                    <li key={doctor.url}>
                      <DoctorCard doctor={doctor} />
                    </li>
                  ))}
                </ol>
              )}
              <Pagination params={params} page={result.page} pageCount={result.pageCount} />
            </>
          ) : null}
        </section>
      </div>
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
