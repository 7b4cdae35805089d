import type { LoaderFunctionArgs } from "@remix-run/node";
import { ButtonLink, CalendarIcon, Container, EmptyState, PageHeader, pageMeta, useT } from "@visitnow/ui";
import { requirePatient } from "@visitnow/ui/server";

export const meta = pageMeta("patient.appointments.metaTitle");

/** Signed-in patients only (signed out: to sign-in, then back here). */
export function loader({ context, request }: LoaderFunctionArgs) {
  requirePatient(context, request);
  return null;
}

/** Placeholder until patient accounts and booking ship. */
export default function MyAppointments() {
  const t = useT();
  return (
    <Container>
      <PageHeader title={t("patient.appointments.title")} lead={t("patient.appointments.lead")} />
      <EmptyState icon={<CalendarIcon />} title={t("patient.appointments.emptyTitle")}>
        <p>{t("patient.appointments.emptyBody")}</p>
        <p className="mt-6">
          <ButtonLink to="/search">{t("patient.appointments.findDoctor")}</ButtonLink>
        </p>
      </EmptyState>
    </Container>
  );
}
