import type { CalendarDayView } from "@visitnow/platform/context";
import { intlLocale, useLocale, useT } from "@visitnow/ui";
import { clockTime } from "./availability-format";
import { layoutDay, timeOf } from "./calendar-dates";
import { appointmentTimes, isInactive, STATUS_TONES } from "./calendar-labels";
import { AppointmentItem, DayBands, hatch } from "./calendar-parts";

/** Pixels per minute on the time grid: a 15-minute slot is 30 px, room for one line. */
const PX = 2;
const GUTTER = "4.5rem";

const toneBlock: Record<string, string> = {
  brand: "bg-primary text-primary-foreground border-primary",
  info: "bg-surface text-surface-foreground border-primary",
  warning: "bg-accent text-accent-foreground border-accent",
  neutral: "bg-muted text-muted-foreground border-border",
};

/**
 * One day: the time grid (a picture: working hours shaded, closures hatched, appointments
 * placed by time, each a shortcut to its entry) beside the day's agenda, which is the
 * structure assistive technology reads.
 */
export function CalendarDay({ day }: { day: CalendarDayView }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const layout = layoutDay(
    {
      windows: day.windows.map((w) => ({ item: w, start: w.start, end: w.end })),
      closures: day.closures.map((c) => ({ item: c, start: c.start, end: c.end })),
      appointments: day.appointments.map((a) => ({ item: a, ...appointmentTimes(a) })),
    },
    { minLength: 15 },
  );
  const height = (layout.end - layout.start) * PX;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] lg:items-start">
      <div aria-hidden="true" className="rounded-brand border border-border bg-surface p-3 text-surface-foreground">
        <div className="relative my-2" style={{ height }}>
          {layout.windows.map((w, i) => (
            <div
              key={`w${i}`}
              className="absolute right-0 rounded-brand border-l-4 border-primary bg-secondary/60 px-2 pt-1 text-xs font-medium text-secondary-foreground"
              style={{ top: w.offset * PX, height: w.length * PX, left: GUTTER }}
            >
              <span className="float-right">{w.item.clinicName}</span>
            </div>
          ))}
          {layout.closures.map((c) => (
            <div
              key={c.item.id}
              className={`absolute right-0 rounded-brand border border-border ${hatch}`}
              style={{ top: c.offset * PX, height: c.length * PX, left: GUTTER }}
            >
              <span className="m-1 inline-block rounded bg-surface px-1.5 text-xs font-semibold">{t(`doctor.calendar.closure.${c.item.kind}`)}</span>
            </div>
          ))}
          {/* Hour lines over the shading, under the appointments. */}
          {layout.hours.map((minute) => (
            <div key={minute} className="pointer-events-none absolute inset-x-0 flex items-start" style={{ top: (minute - layout.start) * PX }}>
              <span className="-mt-2 w-[4.5rem] shrink-0 whitespace-nowrap pr-2 text-right text-xs tabular-nums text-muted-foreground">{clockTime(timeOf(minute % 1440), tag)}</span>
              <span className="flex-1 border-t border-border" />
            </div>
          ))}
          {layout.appointments.map((a) => {
            const inactive = isInactive(a.item.status);
            return (
              <a
                key={a.item.id}
                href={`#appt-${a.item.id}`}
                tabIndex={-1}
                onClick={() => {
                  const entry = document.getElementById(`appt-${a.item.id}`);
                  if (entry instanceof HTMLDetailsElement) entry.open = true;
                }}
                className={`absolute overflow-hidden rounded-brand border-l-4 px-2 text-xs leading-[26px] no-underline shadow-sm ${toneBlock[STATUS_TONES[a.item.status]]} ${inactive ? "line-through opacity-70" : ""}`}
                style={{
                  top: a.offset * PX + 1,
                  height: a.length * PX - 2,
                  left: `calc(${GUTTER} + 0.5rem + (100% - ${GUTTER} - 0.5rem) * ${a.lane / a.lanes})`,
                  width: `calc((100% - ${GUTTER} - 0.5rem) / ${a.lanes} - 4px)`,
                }}
              >
                <span className="font-semibold tabular-nums">{clockTime(timeOf(a.start), tag)}</span> {a.item.visitor.name}
              </a>
            );
          })}
        </div>
      </div>

      <section aria-labelledby="agenda-title" className="flex flex-col gap-3">
        <h2 id="agenda-title" className="font-heading text-xl font-semibold">
          {t("doctor.calendar.agenda")}
        </h2>
        <DayBands day={day} />
        {day.appointments.length ? (
          <ol className="flex flex-col gap-2" aria-label={t("doctor.calendar.count", { count: day.appointments.length })}>
            {day.appointments.map((appointment) => (
              <li key={appointment.id}>
                <AppointmentItem appointment={appointment} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-muted-foreground">{t("doctor.calendar.noAppointments")}</p>
        )}
      </section>
    </div>
  );
}
