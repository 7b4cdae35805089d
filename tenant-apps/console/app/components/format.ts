import { intlLocale, type Translate } from "@visitnow/ui";
import type { Locale } from "@visitnow/platform/context";

/*
 * Times are always shown in a named zone (the tenant's, or India's for platform-wide
 * lists) with its abbreviation, so the server's render and the browser's agree and an
 * operator never has to guess whose clock it is.
 */

/** The zone for times that belong to no tenant. */
export const PLATFORM_TIME_ZONE = "Asia/Kolkata";

/** `25 Nov 2026, 14:05 IST`. */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  // `dateStyle` cannot be combined with `timeZoneName` (browsers throw), so spell the parts out.
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** `14:05 IST`. */
export function formatTime(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** A catalogue label for a value from the server, or the value itself when the catalogue has none. */
export function labelFor(t: Translate, key: string, fallback: string): string {
  const label = t(key);
  return label === key ? fallback : label;
}
