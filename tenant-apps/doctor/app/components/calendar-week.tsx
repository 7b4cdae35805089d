import { Link } from "@remix-run/react";
import type { CalendarDayView } from "@visitnow/platform/context";
import { intlLocale, useLocale, useT } from "@visitnow/ui";
import type { KeyboardEvent } from "react";
import { shortDate } from "./availability-format";
import { calendarQuery } from "./calendar-labels";
import { AppointmentItem, DayBands } from "./calendar-parts";

/**
 * Arrow keys move between the links marked `data-day-nav` that are visible (the day strip
 * on phones, the day headings on wide screens); Home and End jump to the ends. A shortcut
 * on top of Tab, which still reaches every link.
 */
export function moveBetweenDays(event: KeyboardEvent<HTMLElement>) {
  const keys = ["ArrowLeft", "ArrowRight", "Home", "End"];
  const target = event.target as HTMLElement;
  if (!keys.includes(event.key) || !target.matches("[data-day-nav]")) return;
  const group = target.getAttribute("data-day-nav");
  const links = [...event.currentTarget.querySelectorAll<HTMLElement>(`[data-day-nav="${group}"]`)].filter((el) => el.offsetParent !== null);
  const at = links.indexOf(target);
  const next =
    event.key === "Home" ? 0 : event.key === "End" ? links.length - 1 : Math.min(links.length - 1, Math.max(0, at + (event.key === "ArrowRight" ? 1 : -1)));
  event.preventDefault();
  links[next]?.focus();
}

/**
 * A week: seven day columns on wide screens; on phones a strip of the seven days and only
 * the chosen day below it. Each day is a section with a heading, so a screen reader can
 * jump day to day; every appointment is a focusable disclosure.
 */
export function CalendarWeek({ days, selected, today, doctorId }: { days: CalendarDayView[]; selected: string; today: string; doctorId: string }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const shown = days.some((d) => d.date === selected) ? selected : (days[0]?.date ?? selected);

  return (
    <div onKeyDown={moveBetweenDays}>
      <p id="calendar-keys" className="sr-only">
        {t("doctor.calendar.keysHint")}
      </p>
      <nav aria-label={t("doctor.calendar.dayStrip")} className="lg:hidden">
        <ul className="grid grid-cols-7 gap-1">
          {days.map((day) => {
            const current = day.date === shown;
            const [weekday, number] = [shortDate(day.date, tag, { weekday: "narrow" }), shortDate(day.date, tag, { day: "numeric" })];
            return (
              <li key={day.date}>
                <Link
                  to={`${calendarQuery({ doctor: doctorId, view: "week", date: day.date })}#day-${day.date}`}
                  preventScrollReset
                  data-day-nav="strip"
                  aria-current={current ? "date" : undefined}
                  aria-describedby="calendar-keys"
                  aria-label={`${shortDate(day.date, tag, { weekday: "long", day: "numeric", month: "long" })}${day.appointments.length ? `, ${t("doctor.calendar.count", { count: day.appointments.length })}` : ""}`}
                  className={`flex min-h-14 flex-col items-center justify-center rounded-brand border text-sm no-underline ${
                    current ? "border-primary bg-primary text-primary-foreground" : "border-border bg-surface text-surface-foreground hover:bg-muted"
                  }`}
                >
                  <span aria-hidden="true" className="text-xs uppercase">
                    {weekday}
                  </span>
                  <span aria-hidden="true" className={`font-semibold ${day.date === today && !current ? "text-primary underline underline-offset-4" : ""}`}>
                    {number}
                  </span>
                  {day.appointments.length ? (
                    <span aria-hidden="true" className={`mt-0.5 size-1.5 rounded-full ${current ? "bg-primary-foreground" : "bg-primary"}`} />
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <ol className="mt-4 grid gap-4 lg:mt-0 lg:grid-cols-7 lg:gap-2">
        {days.map((day) => (
          <li key={day.date} className={day.date === shown ? "" : "hidden lg:block"}>
            <DayColumn day={day} today={today} doctorId={doctorId} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function DayColumn({ day, today, doctorId }: { day: CalendarDayView; today: string; doctorId: string }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const isToday = day.date === today;
  const headingId = `day-${day.date}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`flex h-full flex-col gap-3 rounded-brand border bg-surface p-3 text-surface-foreground ${isToday ? "border-primary border-2" : "border-border"}`}
    >
      <h2 id={headingId} className="scroll-mt-24 font-heading font-semibold">
        <Link
          to={calendarQuery({ doctor: doctorId, view: "day", date: day.date })}
          data-day-nav="heading"
          aria-describedby="calendar-keys"
          className="flex min-h-11 flex-wrap items-baseline gap-x-1.5 rounded-brand no-underline hover:underline"
        >
          <span>{shortDate(day.date, tag, { weekday: "long" })}</span>
          <span className="text-muted-foreground">{shortDate(day.date, tag, { day: "numeric", month: "short" })}</span>
          {isToday ? <span className="text-sm text-primary">· {t("doctor.calendar.today")}</span> : null}
        </Link>
      </h2>
      <DayBands day={day} />
      {day.appointments.length ? (
        <>
          <h3 className="sr-only">{t("doctor.calendar.count", { count: day.appointments.length })}</h3>
          <ol className="flex flex-col gap-2">
            {day.appointments.map((appointment) => (
              <li key={appointment.id}>
                <AppointmentItem appointment={appointment} compact />
              </li>
            ))}
          </ol>
        </>
      ) : day.windows.length ? (
        <p className="text-sm text-muted-foreground">{t("doctor.calendar.noAppointments")}</p>
      ) : null}
    </section>
  );
}
