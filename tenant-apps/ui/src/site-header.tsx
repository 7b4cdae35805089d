import type { ReactNode } from "react";
import { Link, NavLink } from "@remix-run/react";
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

/** Brand bar: the tenant's logo and name, the app's name, primary navigation, the account links and the language switcher. */
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
              <nav aria-label={t("layout.nav.label")}>
                <ul className="flex flex-wrap items-center gap-x-0.5 gap-y-1 sm:gap-1">
                  {nav.map((item) => (
                    <li key={item.to}>
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
