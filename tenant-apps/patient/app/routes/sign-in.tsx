import { Card, Container, LockIcon, PageHeader, pageMeta, useRootData, useT } from "@visitnow/ui";

export const meta = pageMeta("patient.signIn.metaTitle");

/** Placeholder until patient sign-in ships. */
export default function SignIn() {
  const t = useT();
  const root = useRootData();
  const name = root?.tenant?.name ?? "";
  return (
    <Container>
      <PageHeader title={t("patient.signIn.title")} lead={t("patient.signIn.lead", { name })} />
      <Card className="max-w-2xl">
        <div className="flex items-start gap-4">
          <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
            <LockIcon />
          </span>
          <div>
            <h2 className="font-heading text-lg font-semibold">{t("patient.signIn.comingTitle")}</h2>
            <p className="mt-2 text-muted-foreground">{t("patient.signIn.comingBody")}</p>
            <ul className="mt-4 list-disc space-y-1 pl-5 text-muted-foreground">
              <li>{t("patient.signIn.point.appointments")}</li>
              <li>{t("patient.signIn.point.family")}</li>
              <li>{t("patient.signIn.point.reminders")}</li>
            </ul>
          </div>
        </div>
      </Card>
    </Container>
  );
}
