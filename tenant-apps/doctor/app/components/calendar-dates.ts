/*
 * Pure date and layout maths for the calendar (no React, no server): dates are plain
 * `YYYY-MM-DD` strings in the clinic's or tenant's zone, so week arithmetic never meets a
 * DST change or the server's own zone. Tested in `calendar-dates.test.ts`.
 */

export type CalendarView = "day" | "week";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function toUtc(date: string): Date {
  const [, y, m, d] = ISO_DATE.exec(date) ?? [];
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

function fromUtc(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The date if `value` is a real calendar date written `YYYY-MM-DD`, else null (`2025-02-30` is null). */
export function parseIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const date = value.trim();
  return fromUtc(toUtc(date)) === date && Number(match[1]) >= 1900 ? date : null;
}

/** `date` moved by `days` (negative goes back); month and year ends roll over. */
export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** ISO weekday of a date: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week that holds `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates (Monday first) of the week that holds `date`. */
export function weekDates(date: string): string[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Today's date in an IANA zone (the server's clock, read in that zone). */
export function todayInZone(zone: string, now: Date = new Date()): string {
  return localDateOf(now.toISOString(), zone);
}

/** The first date and number of days a view shows for `date`. */
export function calendarRange(view: CalendarView, date: string): { from: string; days: number; dates: string[] } {
  if (view === "day") return { from: date, days: 1, dates: [date] };
  const dates = weekDates(date);
  return { from: dates[0]!, days: 7, dates };
}

/** Where Previous (-1) / Next (+1) go: a day or a week away. */
export function shiftDate(view: CalendarView, date: string, direction: -1 | 1): string {
  return addDays(date, direction * (view === "day" ? 1 : 7));
}

/** Minutes since midnight of an `HH:MM` (or `HH:MM:SS`) wall-clock time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** `HH:MM` for minutes since midnight (24:00 for the end of the day). */
export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

function zonedParts(iso: string, zone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** The wall-clock `HH:MM` of an instant in a zone. */
export function localTimeOf(iso: string, zone: string): string {
  const parts = zonedParts(iso, zone);
  return `${parts.hour}:${parts.minute}`;
}

/** The calendar date of an instant in a zone. */
export function localDateOf(iso: string, zone: string): string {
  const parts = zonedParts(iso, zone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

// ---------------------------------------------------------------------------
// Day layout: where windows, closures and appointments sit on a time grid.
// ---------------------------------------------------------------------------

export interface Span {
  start: number;
  end: number;
}

export interface PlacedItem<T> extends Span {
  item: T;
  /** Minutes from the top of the grid. */
  offset: number;
  /** Minutes tall (at least `minLength`). */
  length: number;
  /** Side-by-side column among overlapping items (0-based) and how many share the row. */
  lane: number;
  lanes: number;
}

export interface DayLayout<W, C, A> {
  /** The grid's first and last minute (whole hours). */
  start: number;
  end: number;
  /** Each whole hour the grid shows, in minutes since midnight. */
  hours: number[];
  windows: PlacedItem<W>[];
  closures: PlacedItem<C>[];
  appointments: PlacedItem<A>[];
}

/** What `layoutDay` needs of each thing: its clinic-local span (`null` start/end = all day). */
export interface DayInput<W, C, A> {
  windows: { item: W; start: string; end: string }[];
  closures: { item: C; start: string | null; end: string | null }[];
  appointments: { item: A; start: string; end: string }[];
}

/**
 * Lays out one day on a vertical time grid. The grid runs from the hour before the earliest
 * thing to the hour after the latest (default 09:00-17:00 for an empty day); whole-day
 * closures fill it; appointments that overlap share the row in lanes.
 */
export function layoutDay<W, C, A>(day: DayInput<W, C, A>, { minLength = 15, fallback = { start: 9 * 60, end: 17 * 60 } } = {}): DayLayout<W, C, A> {
  const spans: Span[] = [
    ...day.windows.map((w) => ({ start: minutesOf(w.start), end: minutesOf(w.end) })),
    ...day.closures.filter((c) => c.start && c.end).map((c) => ({ start: minutesOf(c.start!), end: minutesOf(c.end!) })),
    ...day.appointments.map((a) => ({ start: minutesOf(a.start), end: endMinutes(a.start, a.end) })),
  ];
  const start = spans.length ? Math.floor(Math.min(...spans.map((s) => s.start)) / 60) * 60 : fallback.start;
  const end = spans.length ? Math.min(24 * 60, Math.ceil(Math.max(...spans.map((s) => s.end)) / 60) * 60) : fallback.end;
  const hours: number[] = [];
  for (let m = start; m <= end; m += 60) hours.push(m);

  const place = <T>(item: T, span: Span): PlacedItem<T> => ({
    item,
    ...span,
    offset: span.start - start,
    length: Math.max(minLength, span.end - span.start),
    lane: 0,
    lanes: 1,
  });

  const windows = day.windows.map((w) => place(w.item, { start: minutesOf(w.start), end: minutesOf(w.end) }));
  const closures = day.closures.map((c) =>
    place(c.item, c.start && c.end ? { start: minutesOf(c.start), end: minutesOf(c.end) } : { start, end }),
  );
  const appointments = assignLanes(
    day.appointments
      .map((a) => place(a.item, { start: minutesOf(a.start), end: endMinutes(a.start, a.end) }))
      .sort((a, b) => a.start - b.start || a.end - b.end),
  );
  return { start, end, hours, windows, closures, appointments };
}

/** An end time that is not after its start (past midnight) counts as the end of the day. */
function endMinutes(start: string, end: string): number {
  const s = minutesOf(start);
  const e = minutesOf(end);
  return e > s ? e : 24 * 60;
}

/**
 * Interval partitioning: each item takes the first lane free at its start; items in one
 * cluster of overlaps all report that cluster's lane count, so they share its width evenly.
 * Overlap is judged on the drawn length, so a short item never hides under the next.
 */
export function assignLanes<T extends { start: number; length: number; lane: number; lanes: number }>(items: T[]): T[] {
  const out = items.map((item) => ({ ...item }));
  let cluster: T[] = [];
  let clusterEnd = -Infinity;
  let laneEnds: number[] = [];
  const close = () => {
    for (const item of cluster) item.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
    clusterEnd = -Infinity;
  };
  for (const item of out) {
    const drawnEnd = item.start + item.length;
    if (item.start >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(drawnEnd);
    } else laneEnds[lane] = drawnEnd;
    item.lane = lane;
    cluster.push(item);
    clusterEnd = Math.max(clusterEnd, drawnEnd);
  }
  close();
  return out;
}
