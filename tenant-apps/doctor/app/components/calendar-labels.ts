/*
 * Words and links for the calendar: appointment names for screen readers, status tones,
 * the period title and the query strings of the toolbar. Pure; tested in
 * `calendar-labels.test.ts`.
 */
import type { AppointmentStatus, AppointmentView } from "@visitnow/platform/context";
import type { BadgeTone } from "@visitnow/ui";
import { clockTime, type Translate } from "./availability-format";
import { localTimeOf, type CalendarView } from "./calendar-dates";

/** Status -> badge tone: live visits stand out, finished and dropped ones recede. */
export const STATUS_TONES: Record<AppointmentStatus, BadgeTone> = {
  held: "warning",
  booked: "info",
  checked_in: "brand",
  in_consultation: "brand",
  completed: "neutral",
  cancelled: "neutral",
  no_show: "warning",
  rescheduled: "neutral",
  expired: "neutral",
};

/** Appointments that no longer take the slot: drawn faded and struck through. */
export function isInactive(status: AppointmentStatus): boolean {
  return status === "cancelled" || status === "rescheduled" || status === "expired";
}

/** The appointment's wall-clock start and end in its clinic's zone. */
export function appointmentTimes(appointment: Pick<AppointmentView, "startsAt" | "endsAt" | "timeZone">): { start: string; end: string } {
  return { start: localTimeOf(appointment.startsAt, appointment.timeZone), end: localTimeOf(appointment.endsAt, appointment.timeZone) };
}

/** The full accessible name of an appointment: "10:15 am, Kabir Verma, Booked". */
export function appointmentLabel(appointment: Pick<AppointmentView, "startsAt" | "endsAt" | "timeZone" | "visitor" | "status">, t: Translate, localeTag: string): string {
  const { start } = appointmentTimes(appointment);
  return `${clockTime(start, localeTag)}, ${appointment.visitor.name}, ${t(`doctor.calendar.status.${appointment.status}`)}`;
}

/** The period a view shows, as a title: "3 – 9 Mar 2025" or "Monday, 3 March 2025". */
export function periodTitle(view: CalendarView, dates: readonly string[], localeTag: string): string {
  const at = (date: string) => {
    const [y, m, d] = date.split("-").map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  };
  if (view === "day" || dates.length === 1) {
    return new Intl.DateTimeFormat(localeTag, { dateStyle: "full", timeZone: "UTC" }).format(at(dates[0]!));
  }
  const format = new Intl.DateTimeFormat(localeTag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return format.formatRange(at(dates[0]!), at(dates[dates.length - 1]!));
}

/** A calendar URL's query: only the values that differ from the defaults, in a stable order. */
export function calendarQuery(q: { doctor?: string | null; view: CalendarView; date: string }): string {
  const params = new URLSearchParams();
  if (q.doctor) params.set("doctor", q.doctor);
  if (q.view !== "week") params.set("view", q.view);
  params.set("date", q.date);
  return `?${params}`;
}
