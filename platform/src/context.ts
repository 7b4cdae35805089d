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

/** Console data: every method requires a platform admin past the second factor. */
export interface ConsoleServices {
  listTenants(): Promise<ConsoleTenant[]>;
  /** Development message channel (codes, resets, invites), newest first. */
  listDevMessages(): Promise<{ id: string; tenantSlug: string | null; channel: "sms" | "email"; recipient: string; subject?: string; body: string; createdAt: string }[]>;
  /** Ask a tenant's admin for time-limited support access (`purpose`, `hours` 1-8). */
  requestSupportAccess(tenantSlug: string, input: Record<string, unknown>): Promise<void>;
  /** This admin's requests on a tenant. */
  listSupportGrants(tenantSlug: string): Promise<SupportGrantView[]>;
  /** Read-only staff directory of a tenant; `not_found` without an approved, unexpired grant. */
  supportStaffDirectory(tenantSlug: string): Promise<{ expiresAt: string; staff: { id: string; name: string; roles: string[]; status: string }[] }>;
}

export interface SupportGrantView {
  id: string;
  requestedBy: string;
  purpose: "incident" | "data_fix" | "onboarding" | "other";
  hours: number;
  status: "requested" | "granted" | "denied" | "revoked";
  requestedAt: string;
  expiresAt: string | null;
}

export interface StaffMemberView {
  id: string;
  name: string;
  email: string | null;
  roles: string[];
  status: "active" | "invited" | "disabled";
  locked: boolean;
  secondFactorEnabled: boolean;
}

export interface InviteSummary {
  id: string;
  email: string;
  name: string | null;
  role: string;
  status: "pending" | "accepted" | "revoked" | "expired";
  expiresAt: string;
}

/** Tenant-admin operations for the admin app; each checks the signed-in user's ability. */
export interface TenantAdminServices {
  listSupportGrants(): Promise<SupportGrantView[]>;
  decideSupportGrant(id: string, decision: "grant" | "deny" | "revoke"): Promise<void>;
  listStaff(): Promise<StaffMemberView[]>;
  /** `{ email, name?, role, clinicIds? }`: emails a link on the tenant's primary domain. */
  invite(input: Record<string, unknown>): Promise<void>;
  listInvites(): Promise<InviteSummary[]>;
  revokeInvite(id: string): Promise<void>;
  /** Replaces the user's roles (role names); ends their sessions when rights shrink. */
  changeRoles(userId: string, roles: string[]): Promise<void>;
  disableUser(userId: string): Promise<void>;
  enableUser(userId: string): Promise<void>;
  unlockUser(userId: string): Promise<void>;
  /** The tenant's OpenID Connect providers for staff sign-in (the client secret is never returned). */
  listSsoProviders(): Promise<SsoProviderView[]>;
  /**
   * Adds (no `id`) or updates a provider: `{ id?, name, issuer, clientId, clientSecret?,
   * allowedEmailDomains, roleMapping: { claim, map: { value: role } }, defaultRole, enabled: boolean }`.
   * A blank secret on edit keeps the stored one. The redirect URI to register at the IdP is
   * `https://<primary host>/auth/sso/callback`.
   */
  saveSsoProvider(input: Record<string, unknown>): Promise<void>;
}

export interface SsoProviderView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedEmailDomains: string[];
  roleMapping: { claim: string; map: Record<string, string> };
  defaultRole: string | null;
  enabled: boolean;
}

/** Platform-admin identity on the platform host. Same error conventions as TenantAuth. */
export interface PlatformAuth {
  readonly admin: { id: string; email: string; name: string } | null;
  readonly secondFactor: "none" | "verify" | "enrol";
  readonly csrfToken: string;
  signIn(input: Record<string, unknown>): Promise<{ cookies: string[]; secondFactor: "none" | "verify" | "enrol" }>;
  verifySecondFactor(input: Record<string, unknown>): Promise<{ cookies: string[] }>;
  beginEnrolment(): Promise<{ secret: string; uri: string }>;
  confirmEnrolment(input: Record<string, unknown>): Promise<{ cookies: string[]; recoveryCodes: string[] }>;
  signOut(): Promise<{ cookies: string[] }>;
}

/** The signed-in account as pages may show it. */
export interface SessionUserView {
  id: string;
  kind: "patient" | "staff";
  name: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  secondFactorEnabled: boolean;
}

export interface DependantView {
  id: string;
  name: string;
  relationship: "child" | "parent" | "spouse" | "sibling" | "other";
  dateOfBirth: string | null;
  gender: "female" | "male" | "other" | null;
}

/**
 * Identity for one request on a tenant host. Methods that change who is signed in
 * return the `Set-Cookie` values the response must carry. Failures throw errors with a
 * stable `code` (`validation_failed` with `details: {field, message}[]`,
 * `unauthenticated`, `rate_limited`, `not_found`, `conflict`) and a user-facing message.
 */
export interface TenantAuth {
  /** Null until fully signed in (a pending second factor is not signed in). */
  readonly user: SessionUserView | null;
  /** What the current session still owes: nothing, a code, or setting up two-step verification. */
  readonly secondFactor: "none" | "verify" | "enrol";
  /** Put in every form as a hidden `_csrf` field (or send as `X-CSRF-Token`). */
  readonly csrfToken: string;
  /**
   * The signed-in user's CASL rules, packed (`abilityFromPacked` from
   * `@visitnow/platform/access` rebuilds the ability in the browser). The UI uses them
   * to hide what the user may not do; the server checks every request regardless.
   */
  readonly abilityRules: unknown[];
  /** Checked for every action by the platform; apps need not call it. */
  verifyCsrf(submitted: string | null | undefined): boolean;
  signUpPatient(input: Record<string, unknown>): Promise<{ cookies: string[] }>;
  signInWithPassword(
    audience: "patient" | "staff",
    input: Record<string, unknown>,
  ): Promise<{ cookies: string[]; secondFactor: "none" | "verify" | "enrol" }>;
  requestSmsCode(input: Record<string, unknown>): Promise<{ phone: string }>;
  signInWithSmsCode(input: Record<string, unknown>): Promise<{ cookies: string[]; created: boolean }>;
  verifySecondFactor(input: Record<string, unknown>): Promise<{ cookies: string[] }>;
  beginTotpEnrolment(): Promise<{ secret: string; uri: string }>;
  confirmTotpEnrolment(input: Record<string, unknown>): Promise<{ cookies: string[]; recoveryCodes: string[] }>;
  signOut(): Promise<{ cookies: string[] }>;
  signOutEverywhere(): Promise<{ cookies: string[] }>;
  updateProfile(input: Record<string, unknown>): Promise<void>;
  listDependants(): Promise<DependantView[]>;
  addDependant(input: Record<string, unknown>): Promise<void>;
  removeDependant(id: string): Promise<void>;
  /** For the invite page: `not_found` for unknown, used or revoked links. */
  describeInvite(token: string): Promise<{ role: string; emailMasked: string; name: string | null; expired: boolean }>;
  /** `{ token, name, password }`: creates the staff account; then sign in normally. */
  acceptInvite(input: Record<string, unknown>): Promise<void>;
  /** `{ email }`: the same answer whether or not the account exists. */
  requestPasswordReset(audience: "patient" | "staff", input: Record<string, unknown>): Promise<void>;
  describeResetToken(token: string): Promise<{ kind: "patient" | "staff" }>;
  /** `{ token, password }`: sets the password and ends every session of the account. */
  resetPassword(input: Record<string, unknown>): Promise<{ kind: "patient" | "staff" }>;
  /** Enabled SSO providers for the staff sign-in pages: link to `/auth/sso/<id>/start?next=/doctor`. */
  listSsoSignInOptions(): Promise<{ id: string; name: string }[]>;
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
  /** Identity for this request; on the platform host only `csrfToken`/`verifyCsrf` apply. */
  auth: TenantAuth;
  /** Platform-admin identity: only on the platform host. */
  platformAuth: PlatformAuth | null;
  /** Tenant-admin operations: only in the admin app, for a signed-in staff user. */
  tenantAdmin: TenantAdminServices | null;
}
