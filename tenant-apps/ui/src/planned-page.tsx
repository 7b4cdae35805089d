import type { ReactNode } from "react";
import { Container } from "./app-shell";
import { useT } from "./i18n";
import { Badge, Card, PageHeader } from "./primitives";

/**
 * A placeholder page that says what this section will do. Reads `<ns>.title`,
 * `<ns>.lead` and `<ns>.point.<id>` from the catalogue.
 */
export function PlannedPage({
  ns,
  icon,
  points,
  params,
  children,
}: {
  ns: string;
  icon: ReactNode;
  points: string[];
  params?: Record<string, string | number>;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Container>
      <PageHeader title={t(`${ns}.title`, params)} lead={t(`${ns}.lead`, params)} />
      <Card className="max-w-3xl">
        <div className="flex flex-wrap items-center gap-3">
          <span
            aria-hidden="true"
            className="inline-flex size-11 items-center justify-center rounded-brand bg-secondary text-secondary-foreground"
          >
            {icon}
          </span>
          <h2 className="font-heading text-xl font-semibold">{t("layout.planned.title")}</h2>
          <Badge tone="info">{t("layout.comingSoon")}</Badge>
        </div>
        <ul className="mt-5 space-y-3">
          {points.map((point) => (
            <li key={point} className="flex gap-3">
              <span aria-hidden="true" className="mt-2.5 size-2 shrink-0 rounded-full bg-primary" />
              <span>{t(`${ns}.point.${point}`, params)}</span>
            </li>
          ))}
        </ul>
      </Card>
      {children}
    </Container>
  );
}
