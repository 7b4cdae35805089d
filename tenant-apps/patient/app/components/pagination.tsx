import { Link } from "@remix-run/react";
import { intlLocale, useLocale, useT } from "@visitnow/ui";
import { formatNumber } from "./format";
import { searchHref } from "./search-params";

/** Page numbers to show: the first, the last, and two either side of the current one, with gaps as null. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const pages = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous > 1) out.push(null);
    out.push(p);
  });
  return out;
}

const itemClass = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-brand px-3 font-medium";

/** Links between result pages that keep every other search parameter. */
export function Pagination({ params, page, pageCount }: { params: URLSearchParams; page: number; pageCount: number }) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  if (pageCount <= 1) return null;
  const href = (p: number) => searchHref(params, { page: String(p) });

  return (
    <nav aria-label={t("patient.search.pagination.label")} className="mt-4">
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev" className={`${itemClass} border border-border bg-surface text-surface-foreground hover:bg-muted`}>
              <span aria-hidden="true">←&nbsp;</span>
              {t("patient.search.pagination.previous")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted-foreground">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={t("patient.search.pagination.page", { page: formatNumber(p, tag) })}
                className={`${itemClass} ${p === page ? "bg-primary text-primary-foreground" : "border border-border bg-surface text-surface-foreground hover:bg-muted"}`}
              >
                {formatNumber(p, tag)}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1)} rel="next" className={`${itemClass} border border-border bg-surface text-surface-foreground hover:bg-muted`}>
              {t("patient.search.pagination.next")}
              <span aria-hidden="true">&nbsp;→</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
