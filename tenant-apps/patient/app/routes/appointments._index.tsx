import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { AppointmentDetailView } from "@visitnow/platform/context";
import {
  ButtonLink,
  CalendarIcon,
  Container,
  EmptyState,
  GeneralErrorBoundary,
  intlLocale,
  PageHeader,
  pageMeta,
  useLocale,
  useT,
} from "@visitnow/ui";
import { requirePatient } from "@visitnow/ui/server";
import { requestedZone, requireBooking } from "../booking.server";
import { dateIn, formatDay } from "../components/booking-slots";
import { StatusBadge, useTimeRange } from "../components/booking-summary";

export const meta = pageMeta("patient.appointments.metaTitle");

/** The signed-in patient's visits and their family's: upcoming first, then past (lapsed holds left out). */
export async function loader({ context, request }: LoaderFunctionArgs) {
  requirePatient(context, request);
  const booking = requireBooking(context);
  const { upcoming, past } = await booking.mine();
  return data(
    { upcoming, past: past.filter((a) => a.status !== "expired" && a.status !== "held"), zone: requestedZone(request, context) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function MyAppointments() {
  const t = useT();
  const { upcoming, past, zone } = useLoaderData<typeof loader>();
  const nothing = upcoming.length === 0 && past.length === 0;

  return (
    <Container>
      <PageHeader
        title={t("patient.appointments.title")}
        lead={t("patient.appointments.lead")}
        actions={nothing ? undefined : <ButtonLink to="/search">{t("patient.appointments.bookAnother")}</ButtonLink>}
      />
      {nothing ? (
        <EmptyState icon={<CalendarIcon />} title={t("patient.appointments.emptyTitle")}>
          <p>{t("patient.appointments.emptyBody")}</p>
          <p className="mt-6">
            <ButtonLink to="/search">{t("patient.appointments.findDoctor")}</ButtonLink>
          </p>
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-10 pb-6">
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title" className="font-heading text-xl font-semibold">
              {t("patient.appointments.upcoming")}
            </h2>
            {upcoming.length === 0 ? (
              <p className="mt-3 rounded-brand border border-dashed border-border px-4 py-5 text-muted-foreground">{t("patient.appointments.noUpcoming")}</p>
            ) : (
              <AppointmentList appointments={upcoming} zone={zone} />
            )}
          </section>
          {past.length > 0 ? (
            <section aria-labelledby="past-title">
              <h2 id="past-title" className="font-heading text-xl font-semibold">
                {t("patient.appointments.past")}
              </h2>
              <AppointmentList appointments={past} zone={zone} />
            </section>
          ) : null}
        </div>
      )}
    </Container>
  );
}

function AppointmentList({ appointments, zone }: { appointments: AppointmentDetailView[]; zone: string }) {
  return (
    <ul className="mt-3 grid gap-3 lg:grid-cols-2">
      {appointments.map((appointment) => (
        <li key={appointment.id}>
          <AppointmentRow appointment={appointment} zone={zone} />
        </li>
      ))}
    </ul>
  );
}

function AppointmentRow({ appointment, zone }: { appointment: AppointmentDetailView; zone: string }) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const range = useTimeRange();
  const date = dateIn(appointment.startsAt, zone);
  const [weekday, ...rest] = formatDay(date, tag).split(/,\s*/);
  const held = appointment.status === "held";
  const href = held ? `/book/${appointment.id}` : `/appointments/${appointment.id}`;
  const titleId = `appointment-${appointment.id}`;
  const ended = ["cancelled", "no_show", "rescheduled", "expired"].includes(appointment.status);

  return (
    <article
      aria-labelledby={titleId}
      className={`flex gap-4 rounded-brand border border-border bg-surface p-4 text-surface-foreground shadow-sm sm:p-5 ${ended ? "opacity-90" : ""}`}
    >
      <div aria-hidden="true" className="flex w-16 shrink-0 flex-col items-center justify-center rounded-brand bg-secondary py-2 text-center leading-tight text-secondary-foreground">
        <span className="text-xs font-semibold uppercase">{weekday}</span>
        <span className="font-heading text-lg font-bold">{rest.join(" ")}</span>
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <h3 id={titleId} className="font-heading text-lg font-semibold">
            <Link to={href} className="underline-offset-4 hover:underline">
              {appointment.providerName}
              <span className="sr-only">, {formatDay(date, tag, "long")}</span>
            </Link>
          </h3>
          <StatusBadge status={appointment.status} />
        </div>
        <p className="text-muted-foreground">
          {range(appointment.startsAt, appointment.endsAt, zone)} · {appointment.clinicName}
        </p>
        <p className="text-sm">
          {appointment.visitor.kind === "self"
            ? t("patient.appointments.forYou")
            : t("patient.appointments.forPerson", { name: appointment.visitor.name })}
        </p>
        {held ? (
          <p className="mt-1">
            <Link to={href} className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4 hover:no-underline">
              {t("patient.appointments.finishBooking")}
            </Link>
          </p>
        ) : null}
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
