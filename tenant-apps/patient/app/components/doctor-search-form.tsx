import { Form, Link } from "@remix-run/react";
import type { DiscoveryFacetsView, TenantKind } from "@visitnow/platform/context";
import { Button, SearchIcon, SelectField, useT } from "@visitnow/ui";
import { searchHref } from "./search-params";

/** How many specialties the "Popular specialties" row shows. */
const POPULAR_COUNT = 8;

/**
 * The home page's doctor search: a plain GET to /search, so it works without
 * JavaScript. The specialty list and cities come from the tenant's own doctors
 * (`facets`); a marketplace, or a hospital in several cities, also asks where.
 */
export function DoctorSearchForm({ kind, facets }: { kind: TenantKind; facets: DiscoveryFacetsView | null }) {
  const t = useT();
  const specialties = facets?.specialties ?? [];
  const cities = facets?.cities ?? [];
  const askCity = cities.length > 1 || (kind === "marketplace" && cities.length > 0);

  return (
    <section
      aria-labelledby="doctor-search-title"
      className="rounded-brand border border-border bg-surface p-5 text-surface-foreground shadow-lg sm:p-7"
    >
      <h2 id="doctor-search-title" className="font-heading text-xl font-semibold sm:text-2xl">
        {t("patient.search.formTitle")}
      </h2>
      <Form method="get" action="/search" role="search" className="mt-5 flex flex-col gap-4">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="home-search-q" className="font-medium">
            {t("patient.search.queryLabel")}
          </label>
          <input
            id="home-search-q"
            name="q"
            type="search"
            enterKeyHint="search"
            placeholder={t("patient.search.queryPlaceholder")}
            autoComplete="off"
            className="min-h-12 w-full rounded-brand border border-muted-foreground bg-surface px-4 text-base text-surface-foreground placeholder:text-muted-foreground"
          />
        </div>
        <div className={`grid gap-4 ${askCity && specialties.length > 0 ? "sm:grid-cols-2" : ""}`}>
          {specialties.length > 0 ? (
            <SelectField
              id="home-search-specialty"
              name="specialty"
              label={t("patient.search.specialtyLabel")}
              defaultValue=""
              options={[{ value: "", label: t("patient.search.anySpecialty") }, ...specialties.map((s) => ({ value: s.slug, label: s.name }))]}
            />
          ) : null}
          {askCity ? (
            <SelectField
              id="home-search-city"
              name="city"
              label={t("patient.search.cityLabel")}
              defaultValue=""
              options={[{ value: "", label: t("patient.search.anyCity") }, ...cities.map((c) => ({ value: c.name, label: c.name }))]}
            />
          ) : null}
        </div>
        <Button type="submit" className="w-full sm:w-auto sm:self-start">
          <SearchIcon />
          {t("patient.search.submit")}
        </Button>
      </Form>
      {specialties.length > 0 ? (
        <div className="mt-6 border-t border-border pt-5">
          <h3 id="popular-specialties" className="text-sm font-medium text-muted-foreground">
            {t("patient.search.popular")}
          </h3>
          <ul aria-labelledby="popular-specialties" className="mt-3 flex flex-wrap gap-2">
            {specialties.slice(0, POPULAR_COUNT).map((specialty) => (
              <li key={specialty.slug}>
                <Link
                  to={searchHref(new URLSearchParams({ specialty: specialty.slug }))}
                  className="inline-flex min-h-9 items-center rounded-full bg-secondary px-3.5 text-sm font-medium text-secondary-foreground hover:underline"
                >
                  {specialty.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
