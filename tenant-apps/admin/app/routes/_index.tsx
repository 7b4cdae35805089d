import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  Badge,
  BuildingIcon,
  Card,
  Container,
  FeatureCard,
  LockIcon,
  PageHeader,
  pageMeta,
  SettingsIcon,
  ShieldIcon,
  StethoscopeIcon,
  TwoStepPrompt,
  useCan,
  useRootData,
  useT,
  UsersIcon,
  WrenchIcon,
} from "@visitnow/ui";
import { requireAdminStaff } from "../access.server";

export const meta = pageMeta("admin.home.metaTitle");

const kpis = ["appointmentsToday", "activeDoctors", "pendingVerifications", "noShowRate"] as const;

const sections = [
  { id: "doctors", to: "/doctors", icon: <ShieldIcon />, can: ["read", "Provider"] as const },
  { id: "clinics", to: "/clinics", icon: <BuildingIcon />, can: ["read", "Clinic"] as const },
  { id: "specialties", to: "/specialties", icon: <StethoscopeIcon />, can: ["read", "Provider"] as const },
  { id: "team", to: "/staff", icon: <UsersIcon />, can: ["read", "StaffUser"] as const },
  { id: "security", to: "/security", icon: <LockIcon />, can: ["read", "SupportGrant"] as const },
  { id: "operations", to: "/operations", icon: <WrenchIcon /> },
  { id: "settings", to: "/settings", icon: <SettingsIcon /> },
] as const;

/** Admin staff only. */
export function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireAdminStaff(context, request);
  return { secondFactorEnabled: user.secondFactorEnabled };
}

export default function AdminHome() {
  const t = useT();
  const root = useRootData();
  const can = useCan();
  const name = root?.tenant?.name ?? "";
  const { secondFactorEnabled } = useLoaderData<typeof loader>();

  return (
    <Container>
      <PageHeader title={t("admin.home.title")} lead={t("admin.home.lead", { name })} />

      <section aria-labelledby="kpi-title">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="kpi-title" className="font-heading text-xl font-semibold">
            {t("admin.kpi.title")}
          </h2>
          <Badge tone="info">{t("layout.comingSoon")}</Badge>
        </div>
        <p className="mt-1 text-muted-foreground">{t("admin.kpi.lead")}</p>
        <dl className="mt-5 grid grid-cols-2 gap-4 lg:grid-cols-4">
          {kpis.map((kpi) => (
            <Card key={kpi} className="flex flex-col justify-between gap-2">
              <dt className="text-sm font-medium text-muted-foreground">{t(`admin.kpi.${kpi}`)}</dt>
              <dd className="flex flex-col gap-0.5">
                <span className="font-heading text-3xl font-bold leading-tight" aria-hidden="true">
                  —
                </span>
                <span className="text-sm text-muted-foreground">{t("admin.kpi.noData")}</span>
              </dd>
            </Card>
          ))}
        </dl>
      </section>

      <section aria-labelledby="sections-title" className="mt-12">
        <h2 id="sections-title" className="font-heading text-xl font-semibold">
          {t("admin.home.sectionsTitle")}
        </h2>
        <ul className="mt-5 grid gap-5 md:grid-cols-3">
          {sections.filter((section) => !("can" in section) || !section.can || can(section.can[0], section.can[1])).map((section) => (
            <li key={section.id}>
              <FeatureCard headingLevel={3} icon={section.icon} title={t(`admin.${section.id}.title`)}>
                <p>{t(`admin.${section.id}.summary`)}</p>
                <p className="mt-3">
                  <Link to={section.to} className="font-semibold text-primary underline underline-offset-4">
                    {t("admin.home.open", { section: t(`admin.${section.id}.title`) })}
                  </Link>
                </p>
              </FeatureCard>
            </li>
          ))}
        </ul>
      </section>
      {secondFactorEnabled ? null : <TwoStepPrompt />}
    </Container>
  );
}
