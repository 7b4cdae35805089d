import { useSearchParams } from "@remix-run/react";
import { Container, EmptyState, PageHeader, pageMeta, SearchIcon, useRootData, useT } from "@visitnow/ui";
import { DoctorSearchForm, isKnownSpecialty } from "../components/doctor-search-form";

export const meta = pageMeta("patient.search.metaTitle");

/** Placeholder until doctor discovery ships: keeps the query and says what will appear. */
export default function SearchPage() {
  const t = useT();
  const root = useRootData();
  const [params] = useSearchParams();
  const kind = root?.tenant?.kind ?? "hospital";
  const query = params.get("q")?.trim() ?? "";
  const city = params.get("city")?.trim() ?? "";
  const specialty = params.get("specialty")?.trim() ?? "";
  const specialtyLabel = isKnownSpecialty(specialty) ? t(`patient.specialty.${specialty}`) : "";
  const searched = query || specialtyLabel;

  return (
    <Container>
      <PageHeader
        title={t("patient.search.title")}
        lead={t(`patient.search.lead.${kind}`, { name: root?.tenant?.name ?? "" })}
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,22rem)_1fr] lg:items-start">
        <DoctorSearchForm kind={kind} titleKey="patient.search.refineTitle" defaultQuery={query || specialtyLabel} defaultCity={city} />
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="sr-only">
            {t("patient.search.resultsTitle")}
          </h2>
          <EmptyState icon={<SearchIcon />} title={t("patient.search.comingTitle")}>
            <p>{searched ? t("patient.search.comingBodyQuery", { query: searched }) : t("patient.search.comingBody")}</p>
          </EmptyState>
        </section>
      </div>
    </Container>
  );
}
