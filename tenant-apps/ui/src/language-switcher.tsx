import { Link, useLocation } from "@remix-run/react";
import { useLocale, useT } from "./i18n";

/**
 * Links to the current page with `?lang=<locale>`; the server honours the parameter
 * and remembers it in a cookie. Full document loads, so it works without JavaScript
 * and the whole page (including `<html lang>`) is re-rendered in the new language.
 */
export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const t = useT();
  const { locale, locales } = useLocale();
  const location = useLocation();
  if (locales.length < 2) return null;

  return (
    <nav aria-label={t("layout.language.label")} className={className}>
      <ul className="flex items-center gap-1 text-sm">
        {locales.map((code) => {
          const params = new URLSearchParams(location.search);
          params.set("lang", code);
          const current = code === locale;
          return (
            <li key={code}>
              <Link
                reloadDocument
                to={{ pathname: location.pathname, search: `?${params.toString()}` }}
                lang={code}
                hrefLang={code}
                aria-current={current ? "true" : undefined}
                className={
                  current
                    ? "inline-flex min-h-9 items-center rounded-brand bg-secondary px-3 font-semibold text-secondary-foreground"
                    : "inline-flex min-h-9 items-center rounded-brand px-3 text-surface-foreground underline-offset-4 hover:underline"
                }
              >
                {t(`layout.language.${code}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
