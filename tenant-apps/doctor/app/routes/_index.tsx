import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Card,
  ClockIcon,
  Container,
  EmptyState,
  FeatureCard,
  intlLocale,
  PageHeader,
  pageMeta,
  QueueIcon,
  TwoStepPrompt,
  UsersIcon,
  useT,
} from "@visitnow/ui";
import { requireHubStaff } from "../access.server";

export const meta = pageMeta("doctor.home.metaTitle");

/** Today's date in the tenant's time zone, formatted on the server so the client hydrates the same text. */
export function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireHubStaff(context, request);
  const timeZone = context.tenant?.timeZone ?? "Asia/Kolkata";
  const today = new Intl.DateTimeFormat(intlLocale(context.i18n.locale), { dateStyle: "full", timeZone }).format(new Date());
  return { today, timeZone, secondFactorEnabled: user.secondFactorEnabled };
}

export default function DoctorHome() {
  const t = useT();
  const { today, timeZone, secondFactorEnabled } = useLoaderData<typeof loader>();

  return (
    <Container>
      <PageHeader eyebrow={today} title={t("doctor.home.title")} lead={t("doctor.home.lead")} />
      <div className="grid gap-6 lg:grid-cols-[1.4fr_1fr]">
        <section aria-labelledby="queue-title">
          <Card className="flex h-full flex-col">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="queue-title" className="font-heading text-xl font-semibold">
                {t("doctor.queue.title")}
              </h2>
              <Badge tone="info">{t("layout.comingSoon")}</Badge>
            </div>
            <p className="mt-2 text-muted-foreground">{t("doctor.queue.lead", { timeZone })}</p>
            <div className="mt-6 flex flex-1 flex-col [&>*]:flex-1 [&>*]:justify-center">
              <EmptyState icon={<QueueIcon />} title={t("doctor.queue.emptyTitle")}>
                <p>{t("doctor.queue.emptyBody")}</p>
              </EmptyState>
            </div>
          </Card>
        </section>
        <ul className="grid gap-6">
          <li>
            <FeatureCard icon={<ClockIcon />} title={t("doctor.availability.title")}>
              <p>{t("doctor.availability.summary")}</p>
              <p className="mt-3">
                <Link to="/availability" className="font-semibold text-primary underline underline-offset-4">
                  {t("doctor.home.more", { section: t("doctor.availability.title") })}
                </Link>
              </p>
            </FeatureCard>
          </li>
          <li>
            <FeatureCard icon={<UsersIcon />} title={t("doctor.patients.title")}>
              <p>{t("doctor.patients.summary")}</p>
              <p className="mt-3">
                <Link to="/patients" className="font-semibold text-primary underline underline-offset-4">
                  {t("doctor.home.more", { section: t("doctor.patients.title") })}
                </Link>
              </p>
            </FeatureCard>
          </li>
        </ul>
      </div>
      {secondFactorEnabled ? null : <TwoStepPrompt />}
    </Container>
  );
}
