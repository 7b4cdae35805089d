import { Form, Link } from "@remix-run/react";
import type { TenantKind } from "@visitnow/platform/context";
import { Button, SearchIcon, useT } from "@visitnow/ui";

export const popularSpecialties = ["generalPhysician", "paediatrics", "gynaecology", "cardiology", "dermatology"] as const;

/** True for the specialty ids the catalogue has labels for. */
export function isKnownSpecialty(value: string): value is (typeof popularSpecialties)[number] {
  return (popularSpecialties as readonly string[]).includes(value);
}

/**
 * The doctor search form: a plain GET to /search, so it works without JavaScript.
 * A marketplace also asks where; a hospital searches its own doctors only.
 */
export function DoctorSearchForm({
  kind,
  defaultQuery = "",
  defaultCity = "",
  headingLevel = 2,
  titleKey = "patient.search.formTitle",
}: {
  kind: TenantKind;
  defaultQuery?: string;
  defaultCity?: string;
  headingLevel?: 2 | 3;
  /** Catalogue key of the form's heading. */
  titleKey?: string;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby="doctor-search-title"
      className="rounded-brand border border-border bg-surface p-5 text-surface-foreground shadow-lg sm:p-7"
    >
      <Heading id="doctor-search-title" className="font-heading text-xl font-semibold sm:text-2xl">
        {t(titleKey)}
      </Heading>
      <Form method="get" action="/search" className="mt-5 flex flex-col gap-4">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="search-q" className="font-medium">
            {t("patient.search.queryLabel")}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={defaultQuery}
            placeholder={t("patient.search.queryPlaceholder")}
            autoComplete="off"
            className="min-h-12 w-full rounded-brand border border-muted-foreground bg-surface px-4 text-base text-surface-foreground placeholder:text-muted-foreground"
          />
        </div>
        {kind === "marketplace" ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor="search-city" className="font-medium">
              {t("patient.search.cityLabel")}
            </label>
            <input
              id="search-city"
              name="city"
              type="text"
              defaultValue={defaultCity}
              placeholder={t("patient.search.cityPlaceholder")}
              autoComplete="address-level2"
              className="min-h-12 w-full rounded-brand border border-muted-foreground bg-surface px-4 text-base text-surface-foreground placeholder:text-muted-foreground"
            />
          </div>
        ) : null}
        <Button type="submit" className="w-full sm:w-auto sm:self-start">
          <SearchIcon />
          {t("patient.search.submit")}
        </Button>
      </Form>
      <div className="mt-6 border-t border-border pt-5">
        <p id="popular-specialties" className="text-sm font-medium text-muted-foreground">
          {t("patient.search.popular")}
        </p>
        <ul aria-labelledby="popular-specialties" className="mt-3 flex flex-wrap gap-2">
          {popularSpecialties.map((specialty) => (
            <li key={specialty}>
              <Link
                to={`/search?specialty=${specialty}`}
                className="inline-flex min-h-9 items-center rounded-full bg-secondary px-3.5 text-sm font-medium text-secondary-foreground hover:underline"
              >
                {t(`patient.specialty.${specialty}`)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
