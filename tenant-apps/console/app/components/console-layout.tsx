import { Form, useRouteLoaderData } from "@remix-run/react";
import type { PlatformAuth } from "@visitnow/platform/context";
import {
  AppShell,
  brandNameOf,
  CsrfInput,
  Document,
  I18nProvider,
  LinkButton,
  translate,
  useT,
  type NavItem,
  type RootData,
} from "@visitnow/ui";
import type { ReactNode } from "react";

/** The console's root loader data: the shared page chrome plus the signed-in platform admin. */
export type ConsoleRootData = RootData & { admin: PlatformAuth["admin"] };

/** The root loader's data, or undefined when the root loader itself failed. */
export function useConsoleRoot(): ConsoleRootData | undefined {
  return useRouteLoaderData("root") as ConsoleRootData | undefined;
}

/**
 * The header's account corner: the signed-in admin's name and a Sign out button (a
 * POST form, because signing out changes state). Nothing while signed out: every page
 * but sign-in needs an admin, so a "Sign in" link would only point at this page.
 */
function AdminAccount({ admin }: { admin: NonNullable<PlatformAuth["admin"]> }) {
  const t = useT();
  return (
    <nav aria-label={t("console.account.label")} className="sm:border-l sm:border-border sm:pl-3">
      <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
        <li>
          <span className="flex min-h-11 flex-col justify-center px-2 text-sm leading-tight">
            <span className="font-semibold">{admin.name || admin.email}</span>
            <span className="text-muted-foreground">{t("console.account.role")}</span>
          </span>
        </li>
        <li>
          <Form method="post" action="/sign-out">
            <CsrfInput />
            <LinkButton className="text-sm sm:text-[0.9375rem]">{t("console.account.signOut")}</LinkButton>
          </Form>
        </li>
      </ul>
    </nav>
  );
}

/**
 * Document, theme, catalogue and app shell around every console page and error. The
 * navigation and account corner appear only for a fully signed-in admin.
 */
export function ConsoleLayout({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  const data = useConsoleRoot();
  const messages = data?.i18n.messages ?? {};
  const locale = data?.i18n.locale ?? "en";
  const admin = data?.admin ?? null;

  return (
    <Document lang={locale} themeCss={data?.theme.css} faviconUrl={data?.theme.faviconUrl}>
      <I18nProvider locale={locale} locales={data?.i18n.locales ?? [locale]} messages={messages}>
        <AppShell
          brandName={data ? brandNameOf(data) : translate(messages, "layout.platformName")}
          logoUrl={data?.theme.logoUrl}
          appLabel={translate(messages, "layout.app.console")}
          nav={admin ? nav : []}
          account={admin ? <AdminAccount admin={admin} /> : undefined}
        >
          {children}
        </AppShell>
      </I18nProvider>
    </Document>
  );
}
