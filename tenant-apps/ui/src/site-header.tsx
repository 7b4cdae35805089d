import { useEffect, useRef, type CSSProperties, type ReactNode } from "react";
import { Link, NavLink, useLocation } from "@remix-run/react";
import { useT } from "./i18n";
import { LanguageSwitcher } from "./language-switcher";

export interface NavItem {
  /** Path inside the app (the app's basename is added by the router). */
  to: string;
  /** Catalogue key of the label. */
  labelKey: string;
  /** Only active on an exact match (use for the app's home). */
  end?: boolean;
  /**
   * Shown only when the signed-in user's ability allows this (action, subject): the same
   * CASL rules the server enforces, so nobody is offered a page that would refuse them.
   */
  can?: readonly [string, string];
}

/*
 * Scroll shadows for the phone nav row, in plain CSS so they work without JavaScript: a
 * shadow at an edge shows only while more items lie beyond it (the surface-coloured covers
 * scroll with the content and hide the shadow once its end is reached).
 */
const scrollShadows: CSSProperties = {
  background: [
    "linear-gradient(to right, var(--vn-color-surface) 30%, transparent) left / 2.5rem 100% no-repeat local",
    "linear-gradient(to left, var(--vn-color-surface) 30%, transparent) right / 2.5rem 100% no-repeat local",
    "radial-gradient(farthest-side at 0 50%, color-mix(in srgb, var(--vn-color-surface-foreground) 30%, transparent), transparent) left / 0.875rem 100% no-repeat scroll",
    "radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, var(--vn-color-surface-foreground) 30%, transparent), transparent) right / 0.875rem 100% no-repeat scroll",
  ].join(", "),
};

/**
 * With JavaScript, brings the current page's item into view in the phone nav row (without
 * it the row starts at the first item, and every item is still a swipe or Tab away).
 */
function useCurrentItemInView() {
  const listRef = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    const box = list.getBoundingClientRect();
    const item = current.getBoundingClientRect();
    list.scrollLeft += item.left - box.left - (box.width - item.width) / 2;
  }, [pathname]);
  return listRef;
}

/**
 * Brand bar: the tenant's logo and name, the app's name, primary navigation, the account links and the language switcher.
 * On phones the navigation is one row that scrolls sideways when its items do not fit
 * (the staff apps have up to eight), instead of wrapping onto several lines.
 */
export function SiteHeader({
  brandName,
  logoUrl,
  appLabel,
  nav,
  account,
}: {
  brandName: string;
  logoUrl?: string;
  /** e.g. "Doctor hub"; omitted on the patient site. */
  appLabel?: string;
  nav: NavItem[];
  /** Sign in, or the signed-in person's name and Sign out. */
  account?: ReactNode;
}) {
  const t = useT();
  const listRef = useCurrentItemInView();
  return (
    <header className="border-t-4 border-primary border-b border-b-border bg-surface text-surface-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link
          to="/"
          className="mr-auto flex min-h-11 items-center gap-3 rounded-brand no-underline"
        >
          {logoUrl ? (
            // The name is the link's text right beside the mark, so the mark is decorative here.
            <img src={logoUrl} alt="" width={40} height={40} className="size-10 shrink-0" />
          ) : null}
          <span className="flex flex-col leading-tight">
            <span className="font-heading text-lg font-bold tracking-tight sm:text-xl">{brandName}</span>
            {appLabel ? <span className="text-sm text-muted-foreground">{appLabel}</span> : null}
          </span>
        </Link>
        <LanguageSwitcher className="sm:order-last" />
        {nav.length > 0 || account ? (
          <div className="-mx-2 flex w-full flex-wrap items-center justify-between gap-x-3 gap-y-1 sm:mx-0 sm:w-auto">
            {nav.length > 0 ? (
              // Phones: the row runs to the screen's edges, and its padding leaves room for the focus ring.
              <nav aria-label={t("layout.nav.label")} className="-mx-2 -my-1.5 w-[calc(100%+1rem)] min-w-0 sm:m-0 sm:w-auto">
                <ul
                  ref={listRef}
                  style={scrollShadows}
                  className="flex items-center gap-x-0.5 overflow-x-auto px-2 py-1.5 [scrollbar-width:thin] sm:flex-wrap sm:gap-1 sm:overflow-visible sm:p-0"
                >
                  {nav.map((item) => (
                    <li key={item.to} className="shrink-0">
                      <NavLink
                        to={item.to}
                        end={item.end}
                        className={({ isActive }) =>
                          [
                            "inline-flex min-h-11 items-center whitespace-nowrap rounded-brand px-2 text-sm font-medium transition-colors sm:px-3 sm:text-[0.9375rem]",
                            isActive
                              ? "bg-secondary text-secondary-foreground"
                              : "text-surface-foreground hover:bg-muted hover:text-muted-foreground",
                          ].join(" ")
                        }
                      >
                        {t(item.labelKey)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {account}
          </div>
        ) : null}
      </div>
    </header>
  );
}
