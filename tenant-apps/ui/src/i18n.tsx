import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@visitnow/platform/context";

export type MessageParams = Record<string, string | number>;
export type Translate = (key: string, params?: MessageParams) => string;

/** Looks a key up in a flat catalogue and fills `{name}` placeholders; unknown keys come back as the key. */
export function translate(messages: Record<string, string>, key: string, params?: MessageParams): string {
  const message = messages[key] ?? key;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

interface I18nValue {
  locale: Locale;
  locales: readonly Locale[];
  t: Translate;
}

const I18nContext = createContext<I18nValue>({
  locale: "en",
  locales: ["en"],
  t: (key, params) => translate({}, key, params),
});

/** Makes the request's catalogue available to `useT()` below it. */
export function I18nProvider({
  locale,
  locales,
  messages,
  children,
}: {
  locale: Locale;
  locales: readonly Locale[];
  messages: Record<string, string>;
  children: ReactNode;
}) {
  const value = useMemo<I18nValue>(
    () => ({ locale, locales, t: (key, params) => translate(messages, key, params) }),
    [locale, locales, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function for the current request's locale. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The current locale and the locales this site offers. */
export function useLocale(): { locale: Locale; locales: readonly Locale[] } {
  const { locale, locales } = useContext(I18nContext);
  return { locale, locales };
}

/** BCP 47 tag for Intl formatting (Indian English / Hindi). */
export function intlLocale(locale: Locale): string {
  return locale === "hi" ? "hi-IN" : "en-IN";
}
