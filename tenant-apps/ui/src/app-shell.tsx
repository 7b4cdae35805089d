import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader, type NavItem } from "./site-header";
import { SkipLink } from "./skip-link";

/** Skip link, header, `<main id="main">` and footer: the frame of every page. */
export function AppShell({
  brandName,
  logoUrl,
  appLabel,
  nav,
  account,
  children,
}: {
  brandName: string;
  logoUrl?: string;
  appLabel?: string;
  nav: NavItem[];
  account?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <SiteHeader brandName={brandName} logoUrl={logoUrl} appLabel={appLabel} nav={nav} account={account} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter brandName={brandName} />
    </div>
  );
}

/** Centred content column with the standard page padding. */
export function Container({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`mx-auto w-full max-w-6xl px-4 sm:px-6 ${className}`}>{children}</div>;
}
