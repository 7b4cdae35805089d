import type { ReactNode } from "react";
import { AccountNav, type AccountPaths } from "./account-nav";
import { AppShell } from "./app-shell";
import { Document } from "./document";
import { I18nProvider } from "./i18n";
import { brandNameOf, useCan, useRootData } from "./root-data";
import type { NavItem } from "./site-header";
import { translate } from "./i18n";

/**
 * Everything an app's root `Layout` export renders around a page or an error:
 * document, theme, catalogue and the app shell. Reads the root loader's data, so
 * error pages keep the tenant's look and language.
 */
export function RootLayout({
  appLabelKey,
  nav,
  account,
  navNeedsSignIn = false,
  children,
}: {
  /** Catalogue key of the app's name shown under the brand (omit for the patient site). */
  appLabelKey?: string;
  nav: NavItem[];
  /** Sign-in, sign-out and account paths; omit where the app has no sign-in yet. */
  account?: AccountPaths;
  /** Hide the navigation until someone is signed in (staff apps: every page needs it). */
  navNeedsSignIn?: boolean;
  children: ReactNode;
}) {
  const data = useRootData();
  const can = useCan();
  const messages = data?.i18n.messages ?? {};
  const locale = data?.i18n.locale ?? "en";
  const brandName = data ? brandNameOf(data) : translate(messages, "layout.platformName");

  return (
    <Document lang={locale} themeCss={data?.theme.css} faviconUrl={data?.theme.faviconUrl}>
      <I18nProvider locale={locale} locales={data?.i18n.locales ?? [locale]} messages={messages}>
        <AppShell
          brandName={brandName}
          logoUrl={data?.theme.logoUrl}
          appLabel={appLabelKey ? translate(messages, appLabelKey) : undefined}
          nav={navNeedsSignIn && !data?.user ? [] : nav.filter((item) => !item.can || can(item.can[0], item.can[1]))}
          account={account ? <AccountNav paths={account} /> : undefined}
        >
          {children}
        </AppShell>
      </I18nProvider>
    </Document>
  );
}
