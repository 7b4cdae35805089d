import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ClinicView } from "@visitnow/platform/context";
import {
  Badge,
  BuildingIcon,
  ButtonLink,
  Card,
  Container,
  EmptyState,
  PageHeader,
  pageMeta,
  StatusMessage,
  textLinkClass,
  useCan,
  useRootData,
  useT,
} from "@visitnow/ui";
import { loadOrThrow, requireProviderAdmin } from "../provider-admin.server";

export const meta = pageMeta("admin.clinics.title");

/** Every clinic of the tenant, active or not. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const clinics = await loadOrThrow(() => admin.listClinics());
  const done = new URL(request.url).searchParams.get("done");
  return { clinics, done: done === "created" || done === "saved" ? done : null };
}

function address(clinic: ClinicView): string {
  return [clinic.addressLine, clinic.locality, clinic.city, clinic.postcode].filter(Boolean).join(", ");
}

function ActiveBadge({ active }: { active: boolean }) {
  const t = useT();
  return <Badge tone={active ? "info" : "neutral"}>{active ? t("admin.clinics.active") : t("admin.clinics.inactive")}</Badge>;
}

export default function Clinics() {
  const t = useT();
  const can = useCan();
  const root = useRootData();
  const { clinics, done } = useLoaderData<typeof loader>();
  const canEdit = can("update", "Clinic");

  return (
    <Container className="pb-16">
      <PageHeader
        title={t("admin.clinics.title")}
        lead={t("admin.clinics.lead", { name: root?.tenant?.name ?? "" })}
        actions={can("create", "Clinic") ? <ButtonLink to="/clinics/new">{t("admin.clinics.add")}</ButtonLink> : null}
      />
      {done ? (
        <div className="mb-6">
          <StatusMessage>{t(`admin.clinics.done.${done}`)}</StatusMessage>
        </div>
      ) : null}

      {clinics.length === 0 ? (
        <EmptyState icon={<BuildingIcon />} title={t("admin.clinics.empty")}>
          <p>{t("admin.clinics.emptyLead")}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="flex flex-col gap-4 md:hidden">
            {clinics.map((clinic) => (
              <li key={clinic.id}>
                <Card className="flex flex-col gap-2">
                  <p className="flex flex-wrap items-center gap-2">
                    {canEdit ? (
                      <Link to={`/clinics/${encodeURIComponent(clinic.id)}`} className={`${textLinkClass} text-lg break-words`}>
                        {clinic.name}
                      </Link>
                    ) : (
                      <span className="text-lg font-semibold break-words">{clinic.name}</span>
                    )}
                    <ActiveBadge active={clinic.active} />
                  </p>
                  <p className="text-muted-foreground">{address(clinic)}</p>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="text-muted-foreground">{t("admin.clinics.col.timeZone")}</dt>
                    <dd>{clinic.timeZone}</dd>
                    {clinic.phone ? (
                      <>
                        <dt className="text-muted-foreground">{t("admin.clinics.col.phone")}</dt>
                        <dd>{clinic.phone}</dd>
                      </>
                    ) : null}
                  </dl>
                </Card>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-brand border border-border bg-surface text-surface-foreground md:block">
            <table className="w-full text-left">
              <caption className="sr-only">{t("admin.clinics.title")}</caption>
              <thead className="border-b border-border bg-muted text-sm text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.clinics.col.name")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.clinics.col.address")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.clinics.col.timeZone")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.clinics.col.phone")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.clinics.col.status")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border align-top">
                {clinics.map((clinic) => (
                  <tr key={clinic.id}>
                    <th scope="row" className="px-4 py-3 text-left font-normal">
                      {canEdit ? (
                        <Link to={`/clinics/${encodeURIComponent(clinic.id)}`} className={`${textLinkClass} break-words`}>
                          {clinic.name}
                          <span className="sr-only"> {t("admin.clinics.editHint")}</span>
                        </Link>
                      ) : (
                        <span className="font-semibold break-words">{clinic.name}</span>
                      )}
                    </th>
                    <td className="px-4 py-3">{address(clinic)}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{clinic.timeZone}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{clinic.phone ?? ""}</td>
                    <td className="px-4 py-3">
                      <ActiveBadge active={clinic.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Container>
  );
}
