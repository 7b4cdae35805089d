import { timingSafeEqual } from "node:crypto";
import * as oidc from "openid-client";
import { canOn, defineAbilityFor, requireCan, type Actor, type AppAbility } from "../access/index.js";
import { createTenantAuditService, type AuditEntry } from "../audit/index.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError, parseInput } from "../errors/index.js";
import { IdentityStore, SESSION_POLICIES, hashToken, randomToken, type RateLimiter, type TenantRole } from "../identity/index.js";
import { mapRoles } from "./role-mapping.js";
import { safeReturnTo } from "./return-to.js";
import { SsoSignInError, type SsoRefusal } from "./sso-errors.js";
import { SaveProviderInput } from "./sso-inputs.js";
import { SsoStore, type RoleMapping, type SsoProviderRecord, type StaffRole } from "./sso-store.js";

/** How long a started sign-in may take at the IdP. */
export const LOGIN_STATE_TTL_SECONDS = 10 * 60;
/** How long discovered IdP metadata (and its signing keys) is reused. */
export const DISCOVERY_TTL_MS = 10 * 60 * 1000;
/** What we ask the IdP for; `email` for the domain check, `profile` for a display name. */
export const SSO_SCOPE = "openid email profile";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface SsoServiceDeps {
  withTenant: TenantUnitOfWork;
  /** Tests only: accept `http://127.0.0.1|localhost` issuers (openid-client refuses http otherwise). */
  allowInsecureIssuers?: boolean;
  /** Seconds before a call to an IdP (discovery, token, keys) is abandoned. */
  httpTimeoutSeconds?: number;
  discoveryTtlMs?: number;
  /** Limits sign-in starts per IP and tenant (each writes a login state); none in tests. */
  rateLimiter?: RateLimiter | null;
  now?: () => Date;
}

/** Sign-in starts allowed per IP and tenant in `START_LIMIT_WINDOW_SECONDS`. */
export const START_LIMIT = 30;
export const START_LIMIT_WINDOW_SECONDS = 10 * 60;

/** A provider as the admin console sees it: never the client secret. */
export interface SsoProviderView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedEmailDomains: string[];
  roleMapping: RoleMapping;
  defaultRole: StaffRole | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A button on the staff sign-in page. */
export interface SsoSignInOption {
  id: string;
  name: string;
}

export interface SsoStartOptions {
  /** An opaque per-browser value (see `browserBindingOf`); the callback must present the same. */
  browserBinding: string;
  /** Where to land after sign-in: a relative path; anything else is ignored. */
  returnTo?: string | null;
  /** The absolute callback URL on the tenant's primary host, registered at the IdP. */
  redirectUri: string;
  /** The caller's IP, for the rate limit. */
  ip?: string;
}

export interface SsoCallbackOptions {
  /** The callback URL as received (its query carries code, state and iss). */
  currentUrl: URL;
  browserBinding: string;
  /** The browser's current session token, if any: ended, so no session outlives a sign-in as someone else. */
  previousSessionToken?: string | null;
}

export interface SsoSignInResult {
  token: string;
  userId: string;
  maxAgeSeconds: number;
  returnTo: string;
  /** `created`: a new staff account; `linked`: an existing one got this IdP identity; `existing`: signed in before. */
  account: "created" | "linked" | "existing";
}

interface DiscoveryEntry {
  expiresAt: number;
  metadata: Promise<oidc.ServerMetadata>;
  jwks?: oidc.ExportedJWKSCache;
}

type UserRecord = NonNullable<Awaited<ReturnType<IdentityStore["findUserById"]>>>;


function sameString(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function toView(p: SsoProviderRecord): SsoProviderView {
  return {
    id: p.id,
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    hasClientSecret: p.clientSecret.length > 0,
    allowedEmailDomains: p.allowedEmailDomains,
    roleMapping: p.roleMapping,
    defaultRole: p.defaultRole,
    enabled: p.enabled,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** The verified, lower-cased email of an ID token, or a refusal. */
function verifiedEmail(claims: Record<string, unknown>): { email: string } | { refusal: SsoRefusal } {
  const raw = claims.email;
  // Some IdPs (e.g. Cognito) send the boolean as a string.
  const verified = claims.email_verified === true || claims.email_verified === "true";
  if (typeof raw !== "string" || !verified) return { refusal: "email_unverified" };
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { refusal: "email_unverified" };
  return { email };
}

function displayName(claims: Record<string, unknown>, email: string): string {
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const name = str(claims.name) || [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ") || email.split("@")[0] || "Staff member";
  return name.slice(0, 120);
}

/** Where staff land when they did not ask for a page: their hub. */
export function landingPathFor(roles: readonly string[]): string {
  return roles.some((r) => r === "doctor" || r === "front_desk") ? "/doctor" : "/admin";
}

/**
 * Staff single sign-on with each tenant's own OpenID Connect providers: the admin
 * configuration, the authorization-code flow with PKCE, `state` and `nonce` (bound to
 * the browser and used once), and the link from an IdP identity (`iss` + `sub`, never
 * the email) to a staff account and a session.
 */
export class SsoService {
  private readonly discovered = new Map<string, DiscoveryEntry>();

  constructor(private readonly deps: SsoServiceDeps) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private audit(scope: TenantScope, entry: AuditEntry): Promise<unknown> {
    return createTenantAuditService(scope).record(entry);
  }

  // Admin configuration

  private ability(tenant: TenantDbRef, actor: Actor): AppAbility {
    // An actor of another tenant learns nothing about this one.
    if (actor.tenantId !== tenant.id) throw new NotFoundError();
    return defineAbilityFor(actor, { now: this.now() });
  }

  /** `https://` only (loopback `http://` when `allowInsecureIssuers`); no credentials, query or fragment. */
  private checkIssuer(value: string): string {
    const problem = (message: string) => new ValidationError("Please check the highlighted fields.", [{ field: "issuer", message }]);
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      throw problem("Enter the issuer URL, e.g. https://login.example.com");
    }
    if (u.username || u.password || u.search || u.hash) throw problem("The issuer URL cannot carry a user name, query or fragment.");
    const insecureOk = this.deps.allowInsecureIssuers === true && u.protocol === "http:" && LOOPBACK_HOSTS.has(u.hostname);
    if (u.protocol !== "https:" && !insecureOk) throw problem("The issuer must be an https:// URL.");
    return value;
  }

  /**
   * Adds or changes a provider (zod-validated; the secret is kept when left empty on a
   * change). An enabled provider's discovery document must load, so a typo fails here
   * rather than at a doctor's first sign-in. Needs `create` or `update` on `SsoProvider`
   * (tenant admins).
   */
  async saveProvider(tenant: TenantDbRef, actor: Actor, raw: unknown): Promise<SsoProviderView> {
    const input = parseInput(SaveProviderInput, raw);
    const issuer = this.checkIssuer(input.issuer);
    const ability = this.ability(tenant, actor);
    const authorise = async (store: SsoStore): Promise<SsoProviderRecord | null> => {
      if (!input.id) {
        requireCan(ability, "create", "SsoProvider", {});
        return null;
      }
      const existing = await store.findProvider(input.id);
      if (!existing) throw new NotFoundError("No such sign-in provider.");
      requireCan(ability, "update", "SsoProvider", existing);
      return existing;
    };
    // Checked before any outbound request: only an admin may make us fetch a URL.
    await this.deps.withTenant(tenant, (scope) => authorise(new SsoStore(scope)));
    if (!input.id && !input.clientSecret) {
      throw new ValidationError("Please check the highlighted fields.", [{ field: "clientSecret", message: "Enter the client secret" }]);
    }
    if (input.enabled) {
      this.discovered.delete(issuer);
      try {
        await this.metadataFor(issuer, input.clientId);
      } catch {
        throw new ValidationError("Please check the highlighted fields.", [
          { field: "issuer", message: "We could not load the OpenID configuration from this issuer. Check the URL, or save the provider disabled for now." },
        ]);
      }
    }
    const saved = await this.deps.withTenant(tenant, async (scope) => {
      const store = new SsoStore(scope);
      const existing = await authorise(store);
      const row = {
        name: input.name,
        issuer,
        clientId: input.clientId,
        clientSecret: input.clientSecret ?? existing?.clientSecret ?? "",
        allowedEmailDomains: input.allowedEmailDomains,
        roleMapping: input.roleMapping as RoleMapping,
        defaultRole: input.defaultRole,
        enabled: input.enabled,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        await store.updateProvider(id, row);
        this.discovered.delete(existing.issuer);
      } else {
        id = await store.insertProvider(row);
      }
      await this.audit(scope, {
        actorType: actor.kind === "platform_admin" ? "platform_admin" : "user",
        actorId: actor.userId,
        action: "sso.provider_saved",
        subjectType: "sso_provider",
        subjectId: id,
        outcome: "success",
        metadata: { created: !existing, enabled: input.enabled, mapped_values: Object.keys(input.roleMapping.map).length },
      });
      return (await store.findProvider(id)) as SsoProviderRecord;
    });
    return toView(saved);
  }

  /** The providers the actor may read (tenant admins: all), for the admin console; never a secret. */
  async listProviders(tenant: TenantDbRef, actor: Actor): Promise<SsoProviderView[]> {
    const ability = this.ability(tenant, actor);
    if (!ability.can("read", "SsoProvider")) throw new DomainError("forbidden", "You may not read SsoProvider", { action: "read", subject: "SsoProvider" });
    return this.deps.withTenant(tenant, async (scope) =>
      (await new SsoStore(scope).listProviders()).filter((p) => canOn(ability, "read", "SsoProvider", p)).map(toView),
    );
  }

  /** The enabled providers, for "Sign in with …" buttons on the staff sign-in pages. Public. */
  async listSignInOptions(tenant: TenantDbRef): Promise<SsoSignInOption[]> {
    return this.deps.withTenant(tenant, async (scope) =>
      (await new SsoStore(scope).listProviders()).filter((p) => p.enabled).map((p) => ({ id: p.id, name: p.name })),
    );
  }

  // Discovery

  private metadataFor(issuer: string, clientId: string, clientSecret?: string): Promise<oidc.ServerMetadata> {
    const now = this.now().getTime();
    const hit = this.discovered.get(issuer);
    if (hit && hit.expiresAt > now) return hit.metadata;
    const entry: DiscoveryEntry = {
      expiresAt: now + (this.deps.discoveryTtlMs ?? DISCOVERY_TTL_MS),
      metadata: oidc
        .discovery(new URL(issuer), clientId, clientSecret, undefined, {
          execute: this.deps.allowInsecureIssuers ? [oidc.allowInsecureRequests] : [],
          timeout: this.deps.httpTimeoutSeconds ?? 10,
        })
        .then((c) => ({ ...c.serverMetadata() })),
    };
    // A failed discovery is not cached: the next attempt tries again.
    entry.metadata.catch(() => {
      if (this.discovered.get(issuer) === entry) this.discovered.delete(issuer);
    });
    this.discovered.set(issuer, entry);
    return entry.metadata;
  }

  /** A client configuration for `provider`, from metadata discovered at most 10 minutes ago. */
  private async configFor(provider: SsoProviderRecord): Promise<oidc.Configuration> {
    let metadata: oidc.ServerMetadata;
    try {
      metadata = await this.metadataFor(provider.issuer, provider.clientId, provider.clientSecret);
    } catch (err) {
      throw new DomainError("unavailable", "We could not reach your organisation's sign-in service. Please try again in a few minutes.", undefined, { cause: err });
    }
    const methods = metadata.token_endpoint_auth_methods_supported;
    // client_secret_basic is the OpenID Connect default; use post only where basic is not offered.
    const auth = !methods || methods.includes("client_secret_basic") ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.ClientSecretPost(provider.clientSecret);
    const config = new oidc.Configuration(metadata, provider.clientId, { client_secret: provider.clientSecret }, auth);
    config.timeout = this.deps.httpTimeoutSeconds ?? 10;
    if (this.deps.allowInsecureIssuers) oidc.allowInsecureRequests(config);
    const jwks = this.discovered.get(provider.issuer)?.jwks;
    if (jwks) oidc.setJwksCache(config, jwks);
    return config;
  }

  private rememberJwks(issuer: string, config: oidc.Configuration): void {
    const entry = this.discovered.get(issuer);
    const jwks = oidc.getJwksCache(config);
    if (entry && jwks) entry.jwks = jwks;
  }

  // The sign-in flow

  /**
   * Starts a sign-in with `providerId`: stores a single-use login state (hash of
   * `state`, PKCE verifier, nonce, browser binding) and returns the IdP's
   * authorization URL. A missing or disabled provider is `not_found`.
   */
  async start(tenant: TenantDbRef, providerId: string, opts: SsoStartOptions): Promise<{ authorizationUrl: URL }> {
    if (!opts.browserBinding) throw new DomainError("validation_failed", "A browser binding is required.");
    if (this.deps.rateLimiter && opts.ip) {
      const d = await this.deps.rateLimiter.hit(`sso-start:${tenant.slug}:${opts.ip}`, START_LIMIT, START_LIMIT_WINDOW_SECONDS);
      if (!d.allowed) {
        const minutes = Math.ceil(d.retryAfterSeconds / 60);
        throw new DomainError("rate_limited", `Too many sign-in attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, { retryAfterSeconds: d.retryAfterSeconds });
      }
    }
    const provider = await this.deps.withTenant(tenant, (scope) => new SsoStore(scope).findProvider(providerId));
    if (!provider || !provider.enabled) throw new NotFoundError("This sign-in option is not available.");
    const config = await this.configFor(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const now = this.now();
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new SsoStore(scope);
      await store.deleteExpiredLoginStates(now);
      await store.insertLoginState({
        stateHash: hashToken(state),
        providerId: provider.id,
        codeVerifier,
        nonce,
        browserBinding: opts.browserBinding,
        redirectUri: opts.redirectUri,
        returnTo: safeReturnTo(opts.returnTo, ""),
        expiresAt: new Date(now.getTime() + LOGIN_STATE_TTL_SECONDS * 1000),
      });
    });
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: opts.redirectUri,
      scope: SSO_SCOPE,
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { authorizationUrl };
  }

  /**
   * Completes a sign-in from the IdP's redirect. The login state must exist, belong to
   * this browser, be unexpired and unused; it is marked used (and committed) before the
   * code is exchanged. openid-client then checks `iss` (response and ID token), `aud`,
   * `nonce`, PKCE and the signature. The account is found by `iss` + `sub`; a first
   * sign-in needs a verified email in an allowed domain and a mapped role, and creates
   * the staff account or links the one with that email. Refusals throw
   * `SsoSignInError` and are audited.
   */
  async callback(tenant: TenantDbRef, opts: SsoCallbackOptions): Promise<SsoSignInResult> {
    const state = opts.currentUrl.searchParams.get("state");
    // An unknown state is not audited: anyone can make one up, and it names no sign-in.
    if (!state || state.length > 512) throw new SsoSignInError("invalid_state");
    const now = this.now();
    const claimed = await this.deps.withTenant(tenant, async (scope) => {
      const store = new SsoStore(scope);
      const row = await store.findLoginState(hashToken(state));
      if (!row) return new SsoSignInError("invalid_state");
      const refuse = (reason: SsoRefusal) => this.refusal(scope, reason, row.providerId);
      // Not consumed on a foreign browser: a leaked callback URL cannot burn the owner's sign-in.
      if (!opts.browserBinding || !sameString(row.browserBinding, opts.browserBinding)) return refuse("browser_mismatch");
      if (row.consumedAt) return refuse("replayed");
      if (row.expiresAt <= now) return refuse("expired");
      if (!(await store.consumeLoginState(row.id))) return refuse("replayed");
      const provider = await store.findProvider(row.providerId);
      if (!provider || !provider.enabled) return refuse("provider_unavailable");
      return { row, provider };
    });
    if (claimed instanceof SsoSignInError) throw claimed;
    const { row, provider } = claimed;

    let claims: Record<string, unknown>;
    try {
      const config = await this.configFor(provider);
      // The exchange uses the exact redirect_uri of the authorization request.
      const callbackUrl = new URL(row.redirectUri);
      callbackUrl.search = opts.currentUrl.search;
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: row.codeVerifier,
        expectedState: state,
        expectedNonce: row.nonce,
        idTokenExpected: true,
      });
      this.rememberJwks(provider.issuer, config);
      const idClaims = tokens.claims();
      if (!idClaims) throw new SsoSignInError("response_rejected");
      claims = idClaims as Record<string, unknown>;
    } catch (err) {
      const failure =
        err instanceof SsoSignInError || (err instanceof DomainError && err.code === "unavailable")
          ? err
          : err instanceof oidc.AuthorizationResponseError
            ? new SsoSignInError("idp_error", { cause: err })
            : isNetworkError(err)
              ? new DomainError("unavailable", "We could not reach your organisation's sign-in service. Please try again in a few minutes.", undefined, { cause: err })
              : new SsoSignInError("response_rejected", { cause: err });
      const cause = failure instanceof SsoSignInError ? failure.reason : "idp_unreachable";
      await this.deps.withTenant(tenant, (scope) => this.refusal(scope, cause, provider.id));
      throw failure;
    }

    const outcome = await this.deps.withTenant(tenant, (scope) => this.signIn(scope, tenant, provider, claims, row.returnTo, opts.previousSessionToken ?? null));
    if (outcome instanceof SsoSignInError) throw outcome;
    return outcome;
  }

  /** Records a refused sign-in (in a unit of work that commits) and returns the error to throw. */
  private async refusal(scope: TenantScope, reason: SsoRefusal | "idp_unreachable", providerId: string, userId?: string): Promise<SsoSignInError> {
    await this.audit(scope, {
      actorType: "anonymous",
      action: "auth.sso_sign_in",
      subjectType: userId ? "user" : null,
      subjectId: userId ?? null,
      outcome: "failure",
      metadata: { method: "sso", provider_id: providerId, cause: reason },
    });
    return new SsoSignInError(reason === "idp_unreachable" ? "idp_error" : reason);
  }

  private async signIn(
    scope: TenantScope,
    tenant: TenantDbRef,
    provider: SsoProviderRecord,
    claims: Record<string, unknown>,
    returnTo: string,
    previousSessionToken: string | null,
  ): Promise<SsoSignInResult | SsoSignInError> {
    const refuse = (reason: SsoRefusal, userId?: string) => this.refusal(scope, reason, provider.id, userId);
    // Validated by openid-client against the discovered issuer and our client id.
    const issuer = claims.iss as string;
    const subject = claims.sub as string;
    const sso = new SsoStore(scope);
    const identities = new IdentityStore(scope);

    // Checked on every sign-in, so narrowing the domains or the mapping takes effect at once.
    const checked = verifiedEmail(claims);
    if ("refusal" in checked) return refuse(checked.refusal);
    const domain = checked.email.slice(checked.email.lastIndexOf("@") + 1);
    if (!provider.allowedEmailDomains.includes(domain)) return refuse("email_domain");
    const roles = mapRoles(provider.roleMapping, provider.defaultRole, claims);
    if (!roles.length) return refuse("no_role");

    let user: UserRecord | null;
    let account: SsoSignInResult["account"];
    const identity = await sso.findIdentity(issuer, subject);
    if (identity) {
      user = await identities.findUserById(identity.userId);
      account = "existing";
      if (!user || user.kind !== "staff" || user.status !== "active") return refuse("account_disabled", user?.id);
    } else {
      user = await identities.findUserByEmail("staff", checked.email);
      if (user) {
        if (user.status === "disabled") return refuse("account_disabled", user.id);
        // Email links an account once, when it first meets SSO. An account already linked to
        // an IdP identity never gains another by email: a reassigned address at the same IdP,
        // or a second provider asserting it, must not take the account over.
        if ((await sso.countIdentitiesOfUser(user.id)) > 0) return refuse("account_conflict", user.id);
        // The IdP vouches for the mailbox (verified, in a domain the admin allows), which is what accepting the invite proves.
        if (user.status === "invited") await identities.updateUser(user.id, { status: "active" });
        account = "linked";
      } else {
        const id = await identities.insertUser({
          kind: "staff",
          email: checked.email,
          phone: null,
          name: displayName(claims, checked.email),
          passwordHash: null,
          roles: roles.map((role) => ({ role: role as TenantRole })),
        });
        user = (await identities.findUserById(id)) as UserRecord;
        account = "created";
      }
      await sso.insertIdentity({ issuer, subject, userId: user.id, providerId: provider.id });
      await this.audit(scope, {
        actorType: "user",
        actorId: user.id,
        action: "auth.sso_linked",
        subjectType: "user",
        subjectId: user.id,
        outcome: "success",
        metadata: { method: "sso", provider_id: provider.id, account },
      });
    }

    if (previousSessionToken && previousSessionToken.length <= 100) await identities.deleteSession(hashToken(previousSessionToken));
    // The IdP is the second factor (see CONTEXT.md): the session is complete at once.
    const policy = SESSION_POLICIES.staff;
    const token = randomToken(32);
    const at = this.now().getTime();
    await identities.insertSession({
      tokenHash: hashToken(token),
      userId: user.id,
      tenantId: tenant.id,
      secondFactorPending: false,
      secondFactorAt: null,
      idleExpiresAt: new Date(at + policy.idleSeconds * 1000),
      absoluteExpiresAt: new Date(at + policy.absoluteSeconds * 1000),
    });
    await this.audit(scope, {
      actorType: "user",
      actorId: user.id,
      action: "auth.sso_sign_in",
      outcome: "success",
      metadata: { method: "sso", provider_id: provider.id },
    });
    return {
      token,
      userId: user.id,
      maxAgeSeconds: policy.absoluteSeconds,
      returnTo: returnTo || landingPathFor(user.roles.map((r) => r.role)),
      account,
    };
  }
}

function isNetworkError(err: unknown): boolean {
  // fetch() reports a refused or reset connection as a TypeError without a `code`.
  if (err instanceof TypeError && (err as { code?: string }).code === undefined) return true;
  const name = (err as { name?: string } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}
