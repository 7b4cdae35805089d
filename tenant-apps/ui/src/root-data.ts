import type { MetaDescriptor } from "@remix-run/react";
import type { AppName, I18nView, TenantView, ThemeView, VisitNowLoadContext } from "@visitnow/platform/context";
import { translate } from "./i18n";

/** What every app's root loader returns: the page chrome's needs, nothing secret. */
export interface RootData {
  app: AppName;
  tenant: TenantView | null;
  theme: ThemeView;
  i18n: I18nView;
}

/** Picks the root loader's data out of the server's load context. */
export function toRootData(context: VisitNowLoadContext): RootData {
  return { app: context.app, tenant: context.tenant, theme: context.theme, i18n: context.i18n };
}

/** The name shown next to the logo: the tenant's, or the platform's on the console host. */
export function brandNameOf(data: Pick<RootData, "tenant" | "i18n">): string {
  return data.tenant?.name ?? translate(data.i18n.messages, "layout.platformName");
}

interface MetaMatch {
  id: string;
  data: unknown;
}

/**
 * A `meta` export that titles the page `<page> · <brand>` from the root loader's
 * catalogue (meta functions cannot use hooks, so they read the root match).
 */
export function pageMeta(titleKey?: string) {
  return ({ matches }: { matches: readonly MetaMatch[] }): MetaDescriptor[] => {
    const root = matches.find((match) => match.id === "root")?.data as RootData | undefined;
    if (!root) return [];
    const brand = brandNameOf(root);
    const title = titleKey ? `${translate(root.i18n.messages, titleKey)} · ${brand}` : brand;
    return [{ title }];
  };
}
