import { Form, Link, useSubmit } from "@remix-run/react";
import type { DiscoveryFacetsView } from "@visitnow/platform/context";
import { Button, SearchIcon, TextField, useT } from "@visitnow/ui";
import { useEffect, useRef, type FormEvent } from "react";
import { GroupedSelect, type OptionGroup } from "./fields";
import { activeFilterCount, cleanSearchParams, SORTS, type SearchParam } from "./search-params";

type Values = Partial<Record<SearchParam, string>>;

const RATINGS = ["4.5", "4", "3.5", "3"] as const;

/** Areas as select options: the chosen city's areas, or every city's areas grouped by city. */
function localityGroups(facets: DiscoveryFacetsView, city: string | undefined, anyLabel: string): OptionGroup[] {
  const any: OptionGroup = { label: null, options: [{ value: "", label: anyLabel }] };
  const chosen = city ? facets.cities.find((c) => c.name.toLowerCase() === city.toLowerCase()) : undefined;
  if (chosen) return [any, { label: null, options: chosen.localities.map((l) => ({ value: l, label: l })) }];
  return [any, ...facets.cities.filter((c) => c.localities.length > 0).map((c) => ({ label: c.name, options: c.localities.map((l) => ({ value: l, label: l })) }))];
}

/** Keeps a value the facets no longer list (an old shared link) selectable, so the form shows what was searched. */
function withCurrent(groups: OptionGroup[], current: string | undefined): OptionGroup[] {
  if (!current || groups.some((g) => g.options.some((o) => o.value === current))) return groups;
  return [...groups, { label: null, options: [{ value: current, label: current }] }];
}

/**
 * The search page's form: a plain GET to /search, so it works without JavaScript and
 * the URL is the search. On phones the filters fold into a "Filters" disclosure; on
 * wide screens the same fields stand open in the sidebar (see app.css).
 */
export function SearchFilters({
  facets,
  values,
  fieldErrors,
}: {
  facets: DiscoveryFacetsView;
  values: Values;
  fieldErrors: Record<string, string>;
}) {
  const t = useT();
  const submit = useSubmit();
  const details = useRef<HTMLDetailsElement>(null);
  const active = activeFilterCount(values);
  const error = (name: SearchParam, camel?: string) => fieldErrors[name] ?? (camel ? fieldErrors[camel] : undefined);

  // Browsers without `::details-content` cannot be forced open by CSS: open the panel on wide screens.
  useEffect(() => {
    const el = details.current;
    if (!el || typeof CSS === "undefined" || CSS.supports("selector(::details-content)")) return;
    if (window.matchMedia("(min-width: 64rem)").matches) el.open = true;
  }, []);

  // With JavaScript, leave empty fields out of the URL (the loader does the same without it, by redirecting).
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget).entries()) if (typeof value === "string") raw.append(name, value);
    submit(cleanSearchParams(raw), { method: "get", action: "/search" });
  }

  const sortOptions = SORTS.map((sort) => ({ value: sort, label: t(`patient.search.sort.${sort}`) }));
  const anyLocality = t("patient.search.anyLocality");

  return (
    <Form method="get" action="/search" role="search" aria-label={t("patient.search.formLabel")} onSubmit={onSubmit} className="flex flex-col gap-4">
      <TextField
        id="search-q"
        name="q"
        type="search"
        label={t("patient.search.queryLabel")}
        placeholder={t("patient.search.queryPlaceholder")}
        defaultValue={values.q ?? ""}
        autoComplete="off"
        enterKeyHint="search"
        error={error("q")}
      />

      {/* Open when a filter is in error, so the message (and the summary's link to it) is visible on phones. */}
      <details ref={details} open={Object.keys(fieldErrors).some((name) => name !== "q") || undefined} className="vn-filters group rounded-brand border border-border bg-surface text-surface-foreground lg:border-0 lg:bg-transparent">
        <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-3 px-4 font-semibold [&::-webkit-details-marker]:hidden">
          <span>
            {t("patient.search.filters")}
            {active > 0 ? <span className="ml-2 rounded-full bg-primary px-2 py-0.5 text-xs text-primary-foreground">{t("patient.search.filtersActive", { count: active })}</span> : null}
          </span>
          <span aria-hidden="true" className="transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="flex flex-col gap-4 border-t border-border px-4 pb-4 pt-4 lg:border-0 lg:p-0">
          <p className="vn-filters-title font-heading text-lg font-semibold">
            {t("patient.search.filters")}
          </p>
          <GroupedSelect
            id="search-specialty"
            name="specialty"
            label={t("patient.search.specialtyLabel")}
            defaultValue={values.specialty ?? ""}
            error={error("specialty")}
            groups={withCurrent(
              [{ label: null, options: [{ value: "", label: t("patient.search.anySpecialty") }, ...facets.specialties.map((s) => ({ value: s.slug, label: s.name }))] }],
              values.specialty,
            )}
          />
          {facets.cities.length > 1 || values.city ? (
            <GroupedSelect
              id="search-city"
              name="city"
              label={t("patient.search.cityLabel")}
              defaultValue={values.city ?? ""}
              error={error("city")}
              groups={withCurrent(
                [{ label: null, options: [{ value: "", label: t("patient.search.anyCity") }, ...facets.cities.map((c) => ({ value: c.name, label: c.name }))] }],
                values.city,
              )}
            />
          ) : null}
          <GroupedSelect
            id="search-locality"
            name="locality"
            label={t("patient.search.localityLabel")}
            defaultValue={values.locality ?? ""}
            error={error("locality")}
            groups={withCurrent(localityGroups(facets, values.city, anyLocality), values.locality)}
          />
          {facets.languages.length > 0 ? (
            <GroupedSelect
              id="search-language"
              name="language"
              label={t("patient.search.languageLabel")}
              defaultValue={values.language ?? ""}
              error={error("language")}
              groups={withCurrent(
                [{ label: null, options: [{ value: "", label: t("patient.search.anyLanguage") }, ...facets.languages.map((l) => ({ value: l, label: l }))] }],
                values.language,
              )}
            />
          ) : null}
          <GroupedSelect
            id="search-gender"
            name="gender"
            label={t("patient.search.genderLabel")}
            defaultValue={values.gender ?? ""}
            error={error("gender")}
            groups={[
              {
                label: null,
                options: [
                  { value: "", label: t("patient.search.anyGender") },
                  { value: "female", label: t("patient.search.gender.female") },
                  { value: "male", label: t("patient.search.gender.male") },
                ],
              },
            ]}
          />
          <GroupedSelect
            id="search-mode"
            name="mode"
            label={t("patient.search.modeLabel")}
            defaultValue={values.mode ?? ""}
            error={error("mode")}
            groups={[
              {
                label: null,
                options: [
                  { value: "", label: t("patient.search.anyMode") },
                  { value: "in_clinic", label: t("patient.doctor.mode.in_clinic") },
                  { value: "video", label: t("patient.doctor.mode.video") },
                ],
              },
            ]}
          />
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 font-medium">{t("patient.search.feeLegend")}</legend>
            <div className="grid grid-cols-2 gap-3">
              <TextField
                id="search-fee-min"
                name="fee_min"
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                label={<span className="text-sm font-normal">{t("patient.search.feeMin")}</span>}
                defaultValue={values.fee_min ?? ""}
                error={error("fee_min", "feeMin")}
              />
              <TextField
                id="search-fee-max"
                name="fee_max"
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                label={<span className="text-sm font-normal">{t("patient.search.feeMax")}</span>}
                defaultValue={values.fee_max ?? ""}
                error={error("fee_max", "feeMax")}
              />
            </div>
          </fieldset>
          <GroupedSelect
            id="search-rating"
            name="min_rating"
            label={t("patient.search.ratingLabel")}
            defaultValue={values.min_rating ?? ""}
            error={error("min_rating", "minRating")}
            groups={withCurrent(
              [{ label: null, options: [{ value: "", label: t("patient.search.anyRating") }, ...RATINGS.map((r) => ({ value: r, label: t("patient.search.ratingAtLeast", { rating: r }) }))] }],
              values.min_rating,
            )}
          />
          <div className="flex flex-col gap-4 border-t border-border pt-4">
            <GroupedSelect
              id="search-sort"
              name="sort"
              label={t("patient.search.sortLabel")}
              defaultValue={values.sort ?? "relevance"}
              error={error("sort")}
              groups={[{ label: null, options: sortOptions }]}
            />
            <GroupedSelect
              id="search-near"
              name="near"
              label={t("patient.search.nearLabel")}
              hint={t("patient.search.nearHint")}
              defaultValue={values.near ?? ""}
              error={error("near")}
              groups={withCurrent(localityGroups(facets, values.city, t("patient.search.anyNear")), values.near)}
            />
          </div>
        </div>
      </details>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" className="w-full sm:w-auto lg:w-full">
          <SearchIcon />
          {t("patient.search.submit")}
        </Button>
        {active > 0 || values.q || values.sort ? (
          <Link to="/search" className="inline-flex min-h-11 items-center font-medium underline underline-offset-4 hover:no-underline">
            {t("patient.search.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
