import type { MoneyView } from "@visitnow/platform/context";

/** Money from integer minor units, in the page's locale ("₹800", "₹1,250.50"). */
export function formatMoney(money: MoneyView, locale: string): string {
  try {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const major = money.amountMinor / 10 ** digits;
    const whole = Number.isInteger(major);
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: money.currency,
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    // An unknown currency code: still show the amount rather than fail the page.
    return `${money.currency} ${(money.amountMinor / 100).toFixed(2)}`;
  }
}

/** Major units of an amount in minor units, as a form value ("800"). */
export function majorUnits(money: MoneyView): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // keep 2
  }
  return String(money.amountMinor / 10 ** digits);
}

/** A whole number in the page's locale ("1,234"). */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** `one` or `other`, the two plural forms our English and Hindi catalogues carry. */
export function pluralForm(count: number, locale: string): "one" | "other" {
  return new Intl.PluralRules(locale).select(count) === "one" ? "one" : "other";
}

/** Up to two initials for an avatar, skipping a "Dr" title. */
export function initials(name: string): string {
  const words = name
    .replace(/^(dr\.?|prof\.?)\s+/i, "")
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** The week in display order, as opening hours key it. */
export const WEEK_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** The day's name in the page's locale (3 Jan 2000 was a Monday). */
export function weekdayName(day: (typeof WEEK_DAYS)[number], locale: string): string {
  const date = new Date(Date.UTC(2000, 0, 3 + WEEK_DAYS.indexOf(day)));
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(date);
}

/** "14:30" as the locale writes a time of day ("2:30 pm"); anything unparseable as given. */
export function formatClock(value: string, locale: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2])));
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(date);
}

/** True when a link leaves this site (a partner hospital's own domain). */
export function isExternalUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
