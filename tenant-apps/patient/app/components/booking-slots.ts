/*
 * Pure helpers for the booking pages: which day to show, how to group a day's slots,
 * which zones to offer, how to word a time. No React, no server: unit-tested beside.
 */
import type { AppointmentStatus } from "@visitnow/platform/context";
import type { BadgeTone } from "@visitnow/ui";

export const PARTS_OF_DAY = ["morning", "afternoon", "evening"] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** "09:45" is morning, "12:00"–"16:59" afternoon, from "17:00" evening. */
export function partOfDay(localStart: string): PartOfDay {
  const hour = Number(/^(\d{1,2})/.exec(localStart)?.[1] ?? 0);
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  return "evening";
}

/** A day's slots in morning/afternoon/evening groups, in that order, each sorted by start; empty groups left out. */
export function groupByPartOfDay<T extends { localStart: string; startsAt: string }>(slots: readonly T[]): { part: PartOfDay; slots: T[] }[] {
  const sorted = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return PARTS_OF_DAY.map((part) => ({ part, slots: sorted.filter((slot) => partOfDay(slot.localStart) === part) })).filter(
    (group) => group.slots.length > 0,
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}


/** A day as the platform reports it: slots left, fully booked (the waitlist is open), or nothing bookable. */
export type DayState = "open" | "full" | "closed";

/** The day to show: the requested one when it is in the window, else the first day with slots, else the first day. */
export function chooseDay(days: readonly { date: string; slots: readonly unknown[] }[], requested: string | null | undefined): string | null {
  if (requested && days.some((day) => day.date === requested)) return requested;
  return days.find((day) => day.slots.length > 0)?.date ?? days[0]?.date ?? null;
}

/** The first day after `date` that has open slots, or null. */
export function nextOpenDay(days: readonly { date: string; slots: readonly unknown[] }[], date: string): string | null {
  return days.find((day) => day.date > date && day.slots.length > 0)?.date ?? null;
}

/** Zones a patient is likely to be in; the tenant's and the current choice always included, no duplicates. */
export const COMMON_ZONES = ["Asia/Kolkata", "Asia/Kathmandu", "Asia/Dubai", "Europe/London", "America/New_York"] as const;

export function zoneChoices(current: string, tenantZone: string): string[] {
  return [...new Set([tenantZone, ...COMMON_ZONES, current])];
}

/** True for an IANA zone this runtime knows. */
export function isTimeZone(value: string | null | undefined): value is string {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** "Tue, 9 Dec" for a calendar date (formatted in UTC, so no zone moves the day). */
export function formatDay(date: string, locale: string, style: "short" | "long" = "short"): string {
  const value = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(value.getTime())) return date;
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { weekday: "long", day: "numeric", month: "long", year: "numeric" } : { weekday: "short", day: "numeric", month: "short" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(value);
}

/** The time of an instant in `zone` ("10:15 am"). */
export function formatTimeIn(iso: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: zone }).format(new Date(iso));
}

/** The date of an instant in `zone`, long ("Tuesday, 9 December 2025"). */
export function formatDateIn(iso: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: zone }).format(new Date(iso));
}

/** The calendar date (`YYYY-MM-DD`) of an instant in `zone`. */
export function dateIn(iso: string | Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Seconds left on a hold (never negative). */
export function secondsLeft(expiresAt: string | null, now: number): number {
  if (!expiresAt) return 0;
  return Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000));
}

/** "9:05" for 545 seconds: minutes and two-digit seconds. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The badge colour for an appointment status: live visits stand out, ended ones are quiet. */
export function statusTone(status: AppointmentStatus): BadgeTone {
  switch (status) {
    case "booked":
      return "brand";
    case "checked_in":
    case "in_consultation":
      return "info";
    case "held":
    case "cancelled":
    case "no_show":
      return "warning";
    default:
      return "neutral";
  }
}

/** A path with the given query (empty values dropped) and optional fragment. */
export function withQuery(path: string, query: Record<string, string | null | undefined>, hash?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `${path}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
}

/**
 * After "just taken" the slot list is stale (the taken slot is still on it): reload it.
 * Remix skips revalidation after a 4xx action by default.
 */
export function revalidateAfterTaken({ actionResult, defaultShouldRevalidate }: { actionResult?: unknown; defaultShouldRevalidate: boolean }): boolean {
  if (actionResult && typeof actionResult === "object" && (actionResult as { taken?: unknown }).taken === true) return true;
  return defaultShouldRevalidate;
}
