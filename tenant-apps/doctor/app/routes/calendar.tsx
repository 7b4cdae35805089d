import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CalendarIcon, Container, EmptyState, GeneralErrorBoundary, intlLocale, PageHeader, pageMeta, useLocale, useT } from "@visitnow/ui";
import { DoctorPicker } from "../components/availability-doctor-picker";
import { calendarRange, parseIsoDate, shiftDate, todayInZone, type CalendarView } from "../components/calendar-dates";
import { CalendarDay } from "../components/calendar-day";
import { calendarQuery, periodTitle } from "../components/calendar-labels";
import { ToolbarLink } from "../components/calendar-parts";
import { CalendarWeek } from "../components/calendar-week";
import { chooseDoctor, requireHub } from "../hub.server";

export const meta = pageMeta("doctor.calendar.title");

/** `?doctor=&view=day|week&date=YYYY-MM-DD`: the chosen doctor's week (default) or day, today in the tenant's zone by default. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { hub } = requireHub(context, request);
  const url = new URL(request.url);
  const zone = context.tenant?.timeZone ?? "Asia/Kolkata";
  const today = todayInZone(zone);
  const view: CalendarView = url.searchParams.get("view") === "day" ? "day" : "week";
  const date = parseIsoDate(url.searchParams.get("date")) ?? today;
  const doctors = await hub.doctors();
  const doctor = chooseDoctor(doctors, url);
  const range = calendarRange(view, date);
  const days = doctor ? await hub.calendar({ providerId: doctor.id, from: range.from, days: range.days }) : [];
  return { doctors, doctor, view, date, today, dates: range.dates, days, zone };
}

export default function Calendar() {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const { doctors, doctor, view, date, today, dates, days, zone } = useLoaderData<typeof loader>();

  if (!doctor) {
    return (
      <Container className="pb-16">
        <PageHeader title={t("doctor.calendar.title")} />
        <EmptyState icon={<CalendarIcon />} title={t("doctor.availability.noDoctorsTitle")}>
          <p>{t("doctor.availability.noDoctorsBody")}</p>
        </EmptyState>
      </Container>
    );
  }

  const link = (q: { view?: CalendarView; date?: string }) => calendarQuery({ doctor: doctor.id, view: q.view ?? view, date: q.date ?? date });
  const title = periodTitle(view, dates, tag);
  const day = days[0];

  return (
    <Container className="pb-16">
      <PageHeader title={t("doctor.calendar.title")} lead={t("doctor.calendar.lead", { zone })} />
      <div className="mb-6">
        <DoctorPicker doctors={doctors} current={doctor} keep={{ view, date }} />
      </div>

      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="font-heading text-xl font-semibold sm:text-2xl" aria-live="polite">
          {title}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label={t("doctor.calendar.periodNav")} className="flex gap-2">
            <ToolbarLink to={link({ date: shiftDate(view, date, -1) })} label={t(view === "day" ? "doctor.calendar.prevDay" : "doctor.calendar.prevWeek")}>
              <span aria-hidden="true">‹</span>
            </ToolbarLink>
            <ToolbarLink to={link({ date: today })}>
              {t("doctor.calendar.today")}
            </ToolbarLink>
            <ToolbarLink to={link({ date: shiftDate(view, date, 1) })} label={t(view === "day" ? "doctor.calendar.nextDay" : "doctor.calendar.nextWeek")}>
              <span aria-hidden="true">›</span>
            </ToolbarLink>
          </nav>
          <nav aria-label={t("doctor.calendar.viewNav")} className="flex gap-2 sm:ml-2">
            <ToolbarLink to={link({ view: "day" })} current={view === "day"}>
              {t("doctor.calendar.viewDay")}
            </ToolbarLink>
            <ToolbarLink to={link({ view: "week" })} current={view === "week"}>
              {t("doctor.calendar.viewWeek")}
            </ToolbarLink>
          </nav>
        </div>
      </div>

      {view === "week" ? (
        <CalendarWeek days={days} selected={date} today={today} doctorId={doctor.id} />
      ) : day ? (
        <CalendarDay day={day} />
      ) : null}
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
