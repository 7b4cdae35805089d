import { ButtonLink, CalendarIcon, Container, EmptyState, PageHeader, pageMeta, useT } from "@visitnow/ui";

export const meta = pageMeta("patient.appointments.metaTitle");

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
