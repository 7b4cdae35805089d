/**
 * The contract between the platform server and the Remix apps: what every loader
 * receives as `context`. Apps import these types only, never platform internals.
 */

export type AppName = "patient" | "doctor" | "admin" | "console";
export type Locale = "en" | "hi";
export type TenantKind = "hospital" | "marketplace";
export type TenantStatus = "provisioning" | "active" | "suspended";

/** Public facts about the tenant the request was routed to (never secrets). */
export interface TenantView {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
  defaultLocale: Locale;
  timeZone: string;
  primaryHost: string;
}

/** A resolved theme: tokens plus asset URLs, ready for the page head. */
export interface ThemeView {
  name: string;
  displayName: string;
  colors: Record<string, string>;
  fonts: { heading: string; body: string };
  radius: string;
  logoUrl: string;
  faviconUrl: string;
  /** `:root{--vn-color-primary:...}` — CSS custom properties for a `<style>` tag. */
  css: string;
}

export interface I18nView {
  locale: Locale;
  locales: readonly Locale[];
  /** Flat catalogue: key -> message with `{name}` placeholders. */
  messages: Record<string, string>;
}

/** One row of the platform console's tenant list. */
export interface ConsoleTenant {
  slug: string;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
  theme: string;
  timeZone: string;
  defaultLocale: Locale;
  cluster: string;
  schemaVersion: string | null;
  createdAt: string;
  domains: { hostname: string; kind: "primary" | "alias" | "custom"; verified: boolean }[];
}

export interface ConsoleServices {
  listTenants(): Promise<ConsoleTenant[]>;
}

export interface VisitNowLoadContext {
  requestId: string;
  app: AppName;
  /** The tenant for tenant apps; null on the platform console. */
  tenant: TenantView | null;
  theme: ThemeView;
  i18n: I18nView;
  /** Only on the platform host. */
  console: ConsoleServices | null;
}
