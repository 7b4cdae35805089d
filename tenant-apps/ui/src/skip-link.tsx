import { useT } from "./i18n";

/** First focusable element on every page: jumps past the header to `#main`. */
export function SkipLink() {
  const t = useT();
  return (
    <a
      href="#main"
      className="sr-only rounded-brand bg-primary px-4 py-3 font-semibold text-primary-foreground focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:shadow-lg"
    >
      {t("layout.skipToContent")}
    </a>
  );
}
