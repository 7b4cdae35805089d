import { useMemo } from "react";
import { useRouteLoaderData, type MetaDescriptor } from "@remix-run/react";
import { abilityFromPacked, type PackedRules } from "@visitnow/platform/access";
import type {
  AppName,
  I18nView,
  SessionUserView,
  TenantAuth,
  TenantView,
  ThemeView,
  VisitNowLoadContext,
} from "@visitnow/platform/context";
import { translate } from "./i18n";

/** What every app's root loader returns: the page chrome's needs, nothing secret. */
export interface RootData {
  app: AppName;
  tenant: TenantView | null;
  theme: ThemeView;
  i18n: I18nView;
  /** The signed-in account, or null (also while a second factor is still owed). */
  user: SessionUserView | null;
  secondFactor: TenantAuth["secondFactor"];
  /** Goes into every form that posts, as the hidden `_csrf` field (see `CsrfInput`). */
  csrfToken: string;
  /** The signed-in user's packed CASL rules (see `useCan`). */
  abilityRules: unknown[];
}

/** Picks the root loader's data out of the server's load context. */
export function toRootData(context: VisitNowLoadContext): RootData {
  const { auth } = context;
  return {
    app: context.app,
    tenant: context.tenant,
    theme: context.theme,
    i18n: context.i18n,
    user: auth.user,
    secondFactor: auth.secondFactor,
    csrfToken: auth.csrfToken,
    abilityRules: auth.abilityRules,
  };
}

/**
 * `can(action, subject)` from the signed-in user's abilities, rebuilt from the packed
 * rules the server sent: the UI hides what the server would refuse. Without a user,
 * nothing is allowed.
 */
export function useCan(): (action: string, subject: string) => boolean {
  const data = useRootData();
  const rules = data?.abilityRules;
  const ability = useMemo(() => (rules && rules.length ? abilityFromPacked(rules as PackedRules) : null), [rules]);
  return (action, subject) => Boolean(ability?.can(action as never, subject as never));
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

/** The root loader's data, or undefined when the root loader itself failed. */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}
