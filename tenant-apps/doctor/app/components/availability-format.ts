/*
 * Pure formatting for the availability page and calendar: weekday runs, clock times and a
 * one-line summary of a weekly rule. Words come through `t` so both languages share one
 * shape. Tested in `availability-format.test.ts`.
 */
import type { AvailabilityRuleView } from "@visitnow/platform/context";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Short weekday names, Monday first (`Mon`..`Sun`, `सोम`..`रवि`), from the locale's own calendar data. */
export function weekdayNames(localeTag: string, width: "short" | "long" = "short"): string[] {
  const format = new Intl.DateTimeFormat(localeTag, { weekday: width, timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/**
 * ISO weekdays as runs: [1,2,3,4,5,6] -> "Mon–Sat", [1,3,5] -> "Mon, Wed, Fri",
 * [1,2,3,5] -> "Mon–Wed, Fri". Two neighbours stay a list ("Sat, Sun").
 */
export function weekdayRuns(days: readonly number[], names: readonly string[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  const name = (d: number) => names[d - 1] ?? String(d);
  return runs
    .flatMap(([from, to]) => (to - from >= 2 ? [`${name(from)}–${name(to)}`] : from === to ? [name(from)] : [name(from), name(to)]))
    .join(", ");
}

/** A wall-clock `HH:MM` in the locale's style ("10:00 am", "1:30 pm"); the date part is irrelevant. */
export function clockTime(time: string, localeTag: string): string {
  const [h, m] = time.split(":").map(Number);
  const at = new Date(Date.UTC(2024, 0, 1, h ?? 0, m ?? 0));
  return new Intl.DateTimeFormat(localeTag, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(at);
}

/** "10:00 am–1:00 pm" */
export function clockRange(start: string, end: string, localeTag: string): string {
  return `${clockTime(start, localeTag)}–${clockTime(end, localeTag)}`;
}

/** A calendar date (`YYYY-MM-DD`) in the locale's medium style ("3 Mar 2025"). */
export function shortDate(date: string, localeTag: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(localeTag, { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/**
 * The parts of a weekly rule's one-line summary, in reading order:
 * "Mon–Sat · 10:00 am–1:00 pm · 15-min slots · 1 per slot · In clinic · break 11:00–11:15".
 */
export function ruleSummaryParts(
  rule: Pick<AvailabilityRuleView, "weekdays" | "start" | "end" | "slotMinutes" | "capacity" | "mode" | "breaks" | "bufferBeforeMinutes" | "bufferAfterMinutes">,
  t: Translate,
  localeTag: string,
): string[] {
  const parts = [
    weekdayRuns(rule.weekdays, weekdayNames(localeTag)),
    clockRange(rule.start, rule.end, localeTag),
    t("doctor.availability.rule.slots", { minutes: rule.slotMinutes }),
    t("doctor.availability.rule.perSlot", { count: rule.capacity }),
    t(`doctor.availability.mode.${rule.mode}`),
  ];
  if (rule.breaks.length > 0) {
    parts.push(t("doctor.availability.rule.breaks", { times: rule.breaks.map((b) => clockRange(b.start, b.end, localeTag)).join(", ") }));
  }
  if (rule.bufferBeforeMinutes > 0 || rule.bufferAfterMinutes > 0) {
    parts.push(t("doctor.availability.rule.buffers", { before: rule.bufferBeforeMinutes, after: rule.bufferAfterMinutes }));
  }
  return parts;
}

/** Breaks back into the form's text ("13:00-14:00, 16:00-16:15"). */
export function breaksText(breaks: readonly { start: string; end: string }[]): string {
  return breaks.map((b) => `${b.start}-${b.end}`).join(", ");
}

/** A duration in minutes as the largest whole unit for the policy form: 1440 -> 24 h, 90 -> 90 min. */
export function splitMinutes(minutes: number): { value: number; unit: "minutes" | "hours" } {
  return minutes > 0 && minutes % 60 === 0 ? { value: minutes / 60, unit: "hours" } : { value: minutes, unit: "minutes" };
}

/**
 * A posted number and unit back to minutes for the service; anything that is not a whole
 * number is passed through untouched so the service's own validation names the field.
 */
export function joinMinutes(value: string, unit: string): string {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return trimmed;
  return String(Number(trimmed) * (unit === "hours" ? 60 : 1));
}
