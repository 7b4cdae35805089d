import { Link } from "@remix-run/react";
import type { AppointmentView, CalendarDayView } from "@visitnow/platform/context";
import { Badge, intlLocale, useLocale, useT } from "@visitnow/ui";
import type { ReactNode } from "react";
import { clockRange, clockTime } from "./availability-format";
import { appointmentLabel, appointmentTimes, isInactive, STATUS_TONES } from "./calendar-labels";

/** The diagonal hatch that marks time off and holidays (theme border colour on the surface). */
export const hatch = "bg-[repeating-linear-gradient(135deg,var(--color-border)_0_2px,transparent_2px_9px)]";

/**
 * One appointment: a disclosure whose summary carries the full accessible name
 * ("10:15 am, Kabir Verma, Booked") and opens to the clinic, mode and reason. Works
 * without JavaScript (`<details>`), and the summary is a focusable button.
 */
export function AppointmentItem({ appointment, compact = false }: { appointment: AppointmentView; compact?: boolean }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const { start, end } = appointmentTimes(appointment);
  const inactive = isInactive(appointment.status);
  const label = appointmentLabel(appointment, t, tag);
  return (
    <details id={`appt-${appointment.id}`} className={`group scroll-mt-24 rounded-brand border border-border bg-surface text-surface-foreground ${inactive ? "opacity-70" : ""}`}>
      <summary
        aria-label={label}
        className="flex min-h-11 cursor-pointer list-none flex-col gap-1 rounded-brand px-3 py-2 hover:bg-muted [&::-webkit-details-marker]:hidden"
      >
        <span className="flex flex-wrap items-baseline justify-between gap-x-2">
          <span className="text-sm font-semibold tabular-nums">{clockTime(start, tag)}</span>
          {compact ? null : <Badge tone={STATUS_TONES[appointment.status]}>{t(`doctor.calendar.status.${appointment.status}`)}</Badge>}
        </span>
        <span className={`break-words font-medium ${inactive ? "line-through" : ""}`}>{appointment.visitor.name}</span>
        {compact ? <Badge tone={STATUS_TONES[appointment.status]}>{t(`doctor.calendar.status.${appointment.status}`)}</Badge> : null}
      </summary>
      <dl className="grid gap-1 border-t border-border px-3 py-2 text-sm">
        <div>
          <dt className="sr-only">{t("doctor.calendar.detail.time")}</dt>
          <dd>{clockRange(start, end, tag)}</dd>
        </div>
        <div>
          <dt className="sr-only">{t("doctor.calendar.detail.where")}</dt>
          <dd>
            {appointment.clinicName} · {t(`doctor.availability.mode.${appointment.mode}`)}
          </dd>
        </div>
        {appointment.visitor.kind === "dependant" ? (
          <div>
            <dt className="sr-only">{t("doctor.calendar.detail.who")}</dt>
            <dd className="text-muted-foreground">{t("doctor.calendar.detail.dependant")}</dd>
          </div>
        ) : null}
        {appointment.reason ? (
          <div>
            <dt className="font-medium">{t("doctor.calendar.detail.reason")}</dt>
            <dd className="break-words text-muted-foreground">{appointment.reason}</dd>
          </div>
        ) : null}
      </dl>
    </details>
  );
}

/** The working windows and closures of a day as short labelled bands (lists and the phone view). */
export function DayBands({ day }: { day: CalendarDayView }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  if (day.windows.length === 0 && day.closures.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("doctor.calendar.notWorking")}</p>;
  }
  return (
    <ul className="flex flex-col gap-1.5" aria-label={t("doctor.calendar.hoursLabel")}>
      {day.windows.map((w, i) => (
        <li key={`w${i}`} className="rounded-brand border-l-4 border-primary bg-secondary px-2.5 py-1.5 text-sm text-secondary-foreground">
          <span className="block font-semibold tabular-nums">{clockRange(w.start, w.end, tag)}</span>
          <span className="block break-words">
            {w.clinicName}
            {w.source === "extra_session" ? ` · ${t("doctor.calendar.extraSession")}` : ""}
          </span>
        </li>
      ))}
      {day.closures.map((c) => (
        <li key={c.id} className={`rounded-brand border border-border px-2.5 py-1.5 text-sm ${hatch}`}>
          <span className="inline-block rounded bg-surface px-1 font-semibold">{t(`doctor.calendar.closure.${c.kind}`)}</span>{" "}
          <span className="inline-block rounded bg-surface px-1 tabular-nums">{c.start && c.end ? clockRange(c.start, c.end, tag) : t("doctor.calendar.wholeDay")}</span>
          {c.note ? <span className="mt-0.5 block break-words rounded bg-surface px-1">{c.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A link styled as a toolbar button; `current` marks the active choice for screen readers. */
export function ToolbarLink({ to, current, children, label }: { to: string; current?: boolean; children: ReactNode; label?: string }) {
  return (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      aria-label={label}
      className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-brand border px-3 font-semibold no-underline ${
        current ? "border-primary bg-primary text-primary-foreground" : "border-border bg-surface text-surface-foreground hover:bg-muted"
      }`}
    >
      {children}
    </Link>
  );
}
