/*
 * Pure helpers of the front-desk booking page: its state lives in the URL (`q`, `patient`,
 * `doctor`, `clinic`, `day`, `startsAt`) so every step works without JavaScript.
 */
import type { OpenSlot } from "@visitnow/platform/context";

/** The booking page's state, as read from its URL. */
export interface BookState {
  q: string;
  patient: string;
  doctor: string;
  clinic: string;
  day: string;
  startsAt: string;
}

/** A slot as the page links to it: its instant, clinic and wall-clock time in the clinic's zone (labels formatted on the server). */
export interface SlotChoice {
  startsAt: string;
  clinicId: string;
  clinicName: string;
  date: string;
  dateLabel: string;
  /** The date in a few characters ("Sat, 5 Dec"), for lists of slots over several days. */
  shortDateLabel: string;
  time: string;
}

const KEYS = ["q", "patient", "doctor", "clinic", "day", "startsAt"] as const;

export function readBookState(url: URL): BookState {
  const get = (key: string) => (url.searchParams.get(key) ?? "").trim();
  return { q: get("q"), patient: get("patient"), doctor: get("doctor"), clinic: get("clinic"), day: get("day"), startsAt: get("startsAt") };
}

/** `/book?...` for `state` with `changes` applied (an empty value drops the key). */
export function bookHref(state: Partial<BookState>, changes: Partial<BookState> = {}): string {
  const next = { ...state, ...changes };
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/book?${query}` : "/book";
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** `date` plus `days` (may be negative), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day to show: the asked-for date when it is a real date not before today, else today. */
export function chooseDay(asked: string, today: string): string {
  return isDate(asked) && asked >= today ? asked : today;
}

/** `count` consecutive dates from `from`, each with its open slots (in slot order). */
export function slotsByDay(slots: readonly OpenSlot[], from: string, count: number): { date: string; slots: OpenSlot[] }[] {
  const days = Array.from({ length: count }, (_, i) => ({ date: addDays(from, i), slots: [] as OpenSlot[] }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  for (const slot of slots) byDate.get(slot.localDate)?.slots.push(slot);
  for (const day of days) day.slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.clinicId.localeCompare(b.clinicId));
  return days;
}

/** The slot the URL names (time and clinic), if it is still open. */
export function findSlot(slots: readonly OpenSlot[], startsAt: string, clinicId: string): OpenSlot | null {
  const at = Date.parse(startsAt);
  if (Number.isNaN(at)) return null;
  return slots.find((s) => Date.parse(s.startsAt) === at && (!clinicId || s.clinicId === clinicId)) ?? null;
}

/** What to search for again to find a patient just registered: the most specific contact given. */
export function searchTermFor(input: { name: string; phone?: string | null; email?: string | null }): string {
  return (input.phone || input.email || input.name).trim();
}
