import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { DiscoveryFacetsView } from "@visitnow/platform/context";
import {
  Badge,
  CalendarIcon,
  Container,
  FamilyIcon,
  FeatureCard,
  pageMeta,
  StethoscopeIcon,
  useRootData,
  useT,
} from "@visitnow/ui";
import { DoctorSearchForm } from "../components/doctor-search-form";
import { discoveryCacheHeaders } from "../discovery.server";

export const meta = pageMeta("patient.home.metaTitle");

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** The specialties and cities the hero search offers, from the tenant's published doctors. */
export async function loader({ context }: LoaderFunctionArgs) {
  let facets: DiscoveryFacetsView | null = null;
  try {
    facets = context.discovery ? await context.discovery.facets() : null;
  } catch (err) {
    // The front door stays up when discovery is down: the form still searches by text.
    console.error("home: facets failed", err);
  }
  return data({ facets }, { headers: discoveryCacheHeaders(context) });
}

const features = [
  { id: "find", icon: <StethoscopeIcon />, live: true },
  { id: "book", icon: <CalendarIcon />, live: false },
  { id: "family", icon: <FamilyIcon />, live: false },
] as const;

export default function PatientHome() {
  const t = useT();
  const root = useRootData();
  const { facets } = useLoaderData<typeof loader>();
  const name = root?.tenant?.name ?? "";
  // A marketplace talks about partner hospitals; a hospital about its own doctors.
  const kind = root?.tenant?.kind ?? "hospital";

  return (
    <>
      <section aria-labelledby="hero-title" className="vn-on-primary bg-primary text-primary-foreground">
        <Container className="grid gap-10 py-10 sm:py-14 lg:grid-cols-[1.05fr_1fr] lg:items-center lg:gap-14 lg:py-20">
          <div>
            <div className="flex items-center gap-4">
              {root?.theme.logoUrl ? (
                <span className="inline-flex shrink-0 rounded-brand bg-surface p-2 shadow-sm">
                  <img
                    src={root.theme.logoUrl}
                    alt={t("layout.logoAlt", { name })}
                    width={56}
                    height={56}
                    className="size-12 sm:size-14"
                  />
                </span>
              ) : null}
              <p className="text-sm font-semibold uppercase tracking-wider">{t(`patient.home.eyebrow.${kind}`)}</p>
            </div>
            <h1 id="hero-title" className="mt-6 font-heading text-4xl font-bold tracking-tight sm:text-5xl">
              {name}
            </h1>
            <p className="mt-4 max-w-xl text-lg leading-relaxed sm:text-xl">{t(`patient.home.lead.${kind}`, { name })}</p>
          </div>
          <DoctorSearchForm kind={kind} facets={facets} />
        </Container>
      </section>

      <Container className="py-12 sm:py-16">
        <section aria-labelledby="features-title">
          <div className="max-w-2xl">
            <h2 id="features-title" className="font-heading text-2xl font-bold tracking-tight sm:text-3xl">
              {t("patient.home.features.title")}
            </h2>
            <p className="mt-3 text-lg text-muted-foreground">{t(`patient.home.features.lead.${kind}`, { name })}</p>
          </div>
          <ul className="mt-8 grid gap-5 md:grid-cols-3">
            {features.map((feature) => (
              <li key={feature.id}>
                <FeatureCard
                  headingLevel={3}
                  icon={feature.icon}
                  badge={feature.live ? undefined : <Badge tone="info">{t("layout.comingSoon")}</Badge>}
                  title={t(`patient.home.features.${feature.id}.title`)}
                >
                  <p>{t(`patient.home.features.${feature.id}.body.${kind}`, { name })}</p>
                </FeatureCard>
              </li>
            ))}
          </ul>
        </section>

        <section
          aria-labelledby="join-title"
          className="vn-on-primary mt-12 flex flex-col gap-4 rounded-brand bg-primary p-6 text-primary-foreground sm:flex-row sm:items-center sm:justify-between"
        >
          <div>
            <h2 id="join-title" className="font-heading text-lg font-semibold">
              {t(`patient.home.join.title.${kind}`, { name })}
            </h2>
            <p className="mt-1">{t("patient.home.join.body")}</p>
          </div>
          <Link
            to="/join"
            className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-brand bg-surface px-4 font-semibold text-surface-foreground"
          >
            {t("patient.home.join.cta")}
          </Link>
        </section>

        <section
          aria-labelledby="staff-title"
          className="mt-6 flex flex-col gap-4 rounded-brand border border-border bg-surface p-6 text-surface-foreground sm:flex-row sm:items-center sm:justify-between"
        >
          <div>
            <h2 id="staff-title" className="font-heading text-lg font-semibold">
              {t("patient.home.staff.title", { name })}
            </h2>
            <p className="mt-1 text-muted-foreground">{t("patient.home.staff.body")}</p>
          </div>
          <ul className="flex flex-wrap gap-3">
            <li>
              {/* Other apps on this host: full page loads, not client routes. */}
              <a href="/doctor" className="inline-flex min-h-11 items-center rounded-brand bg-secondary px-4 font-semibold text-secondary-foreground">
                {t("patient.home.staff.doctorHub")}
              </a>
            </li>
            <li>
              <a href="/admin" className="inline-flex min-h-11 items-center rounded-brand bg-secondary px-4 font-semibold text-secondary-foreground">
                {t("patient.home.staff.admin")}
              </a>
            </li>
          </ul>
        </section>
      </Container>
    </>
  );
}
