import type { Locale, TenantKind, TenantStatus } from "../context.js";

export type DomainKind = "primary" | "alias" | "custom";

/** A tenant as the control plane knows it. */
export interface Tenant {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
  schema: string;
  role: string;
  theme: string;
  themeOverrides: Record<string, unknown>;
  defaultLocale: Locale;
  timeZone: string;
  featureFlags: Record<string, boolean>;
  plan: string;
  cluster: string;
  schemaVersion: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TenantDomain {
  hostname: string;
  kind: DomainKind;
  verified: boolean;
}

/** What the router needs for one request: the tenant and its primary host. */
export interface RoutedTenant extends Tenant {
  primaryHost: string;
}
