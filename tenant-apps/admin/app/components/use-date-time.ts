import { intlLocale, useLocale, useRootData } from "@visitnow/ui";

/** Formats an ISO timestamp as a date and time in the tenant's time zone and the page's language. */
export function useDateTime(): (iso: string | null) => string {
  const { locale } = useLocale();
  const timeZone = useRootData()?.tenant?.timeZone;
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone });
  return (iso) => {
    if (!iso) return "";
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** Formats an ISO timestamp as a date only, in the tenant's time zone and the page's language. */
export function useDate(): (iso: string | null) => string {
  const { locale } = useLocale();
  const timeZone = useRootData()?.tenant?.timeZone;
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone });
  return (iso) => {
    if (!iso) return "";
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
