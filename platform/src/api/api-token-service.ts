import { randomUUID } from "node:crypto";
import { createTenantAuditService } from "../audit/index.js";
import type { TenantScope, TenantUnitOfWork } from "../db/index.js";
import { DomainError, parseInput } from "../errors/index.js";
import { enforceRateLimit } from "../identity/rate-limiter.js";
import {
  IdentityStore,
  SESSION_POLICIES,
  hashToken,
  randomToken,
  type CallContext,
  type IdentityService,
  type RateLimiter,
  type TenantRef,
  type UserKind,
} from "../identity/index.js";
import { PasswordGrantInput, RefreshInput, RevokeInput } from "./api-token-inputs.js";
import { ApiTokenStore } from "./api-token-store.js";

export const ACCESS_TOKEN_PREFIX = "vna_";
export const REFRESH_TOKEN_PREFIX = "vnr_";
export const ACCESS_TOKEN_SECONDS = 15 * 60;

/**
 * How long a token family lives after its sign-in. Rotation never extends it: the same
 * absolute limit as a browser session of that kind of account (patients 30 days, staff
 * 12 hours), so the API is never the longer-lived door.
 */
export const REFRESH_FAMILY_SECONDS: Record<UserKind, number> = {
  patient: SESSION_POLICIES.patient.absoluteSeconds,
  staff: SESSION_POLICIES.staff.absoluteSeconds,
};

/** The signed-in user as the API shows it: no hashes, secrets or counters. */
export interface ApiUser {
  id: string;
  kind: UserKind;
  name: string;
  email: string | null;
  phone: string | null;
  roles: string[];
}

/** Who a valid access token speaks for. */
export interface ApiPrincipal {
  user: ApiUser;
  familyId: string;
  client: string | null;
  expiresAt: Date;
  /** What an ability needs beyond `user` (not shown by `/api/v1/me`): the doctor's provider and each role's clinics. */
  access: { providerId: string | null; roles: { role: string; clinicIds: string[] }[] };
}

/** A freshly issued pair; the raw tokens exist only here and in the response. */
export interface IssuedApiTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  refreshExpiresAt: Date;
  userId: string;
  familyId: string;
}

export interface ApiTokenServiceDeps {
  withTenant: TenantUnitOfWork;
  /** Checks passwords, locks, per-account and per-IP limits, and audits the attempt. */
  identity: IdentityService;
  rateLimiter: RateLimiter;
  now?: () => Date;
}

const INVALID_REFRESH = "This refresh token is not valid. Please sign in again.";


/**
 * Bearer tokens for API clients: a password grant that issues a short-lived access token
 * and a rotating refresh token, rotation with reuse detection, revocation, and the
 * access-token check the API edge runs on every call. Tokens live hashed in the
 * tenant's own schema, so a token only ever means something on the tenant that issued it.
 */
export class ApiTokenService {
  constructor(private readonly deps: ApiTokenServiceDeps) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private limit(key: string, limit: number, windowSeconds: number): Promise<void> {
    return enforceRateLimit(this.deps.rateLimiter, key, limit, windowSeconds);
  }

  private async issuePair(
    scope: TenantScope,
    t: { userId: string; familyId: string; client: string | null; refreshExpiresAt: Date },
  ): Promise<IssuedApiTokens> {
    const store = new ApiTokenStore(scope);
    const accessToken = `${ACCESS_TOKEN_PREFIX}${randomToken(32)}`;
    const refreshToken = `${REFRESH_TOKEN_PREFIX}${randomToken(32)}`;
    const common = { userId: t.userId, familyId: t.familyId, tenantId: scope.tenant.id, client: t.client };
    await store.insert({ ...common, tokenHash: hashToken(accessToken), kind: "access", expiresAt: new Date(this.now().getTime() + ACCESS_TOKEN_SECONDS * 1000) });
    await store.insert({ ...common, tokenHash: hashToken(refreshToken), kind: "refresh", expiresAt: t.refreshExpiresAt });
    return { accessToken, refreshToken, expiresInSeconds: ACCESS_TOKEN_SECONDS, refreshExpiresAt: t.refreshExpiresAt, userId: t.userId, familyId: t.familyId };
  }

  /**
   * The password grant. Credentials, lock-out, rate limits and the attempt's audit entry
   * are IdentityService's; the browser session it opens on success is deleted in the
   * same transaction that issues the tokens (its token never leaves this process).
   * Accounts that owe a second factor are refused: they use the web sign-in for now.
   */
  async signInWithPassword(ctx: CallContext, raw: unknown): Promise<IssuedApiTokens> {
    const input = parseInput(PasswordGrantInput, raw, "body");
    const session = await this.deps.identity.signInWithPassword(ctx, input.audience, { email: input.email, password: input.password });
    const outcome = await this.deps.withTenant(ctx.tenant, async (scope): Promise<IssuedApiTokens | DomainError> => {
      await new IdentityStore(scope).deleteSession(hashToken(session.token));
      const audit = createTenantAuditService(scope, { now: this.deps.now });
      if (session.secondFactor !== "none") {
        await audit.record({
          actorType: "user",
          actorId: session.userId,
          action: "auth.sign_in",
          outcome: "failure",
          metadata: { method: "api_password", cause: "second_factor_required" },
        });
        return new DomainError(
          "forbidden",
          "This account uses two-step verification, which API sign-in does not support yet. Sign in on the website instead.",
          { reason: "second_factor_required" },
        );
      }
      const familyId = randomUUID();
      const issued = await this.issuePair(scope, {
        userId: session.userId,
        familyId,
        client: input.client ?? null,
        refreshExpiresAt: new Date(this.now().getTime() + REFRESH_FAMILY_SECONDS[session.kind] * 1000),
      });
      await audit.record({
        actorType: "user",
        actorId: session.userId,
        action: "auth.sign_in",
        subjectType: "api_token_family",
        subjectId: familyId,
        outcome: "success",
        metadata: { method: "api_password", client: input.client ?? null },
      });
      return issued;
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /**
   * Rotates a refresh token: marks it used and issues a new pair in the same family,
   * expiring when the family does. A refresh token presented a second time means two
   * parties hold it, so the whole family is revoked (committed) before answering 401.
   */
  async refresh(ctx: CallContext, raw: unknown): Promise<IssuedApiTokens> {
    const { refresh_token: token } = parseInput(RefreshInput, raw, "body");
    await this.limit(`api-refresh:ip:${ctx.tenant.slug}:${ctx.ip}`, 120, 15 * 60);
    const invalid = () => new DomainError("unauthenticated", INVALID_REFRESH);
    if (!token.startsWith(REFRESH_TOKEN_PREFIX)) throw invalid();
    const outcome = await this.deps.withTenant(ctx.tenant, async (scope): Promise<IssuedApiTokens | DomainError> => {
      const store = new ApiTokenStore(scope);
      const now = this.now();
      const t = await store.findForUpdate(hashToken(token));
      if (!t || t.kind !== "refresh" || t.tenantId !== ctx.tenant.id || t.revokedAt) return invalid();
      if (t.usedAt) {
        const revoked = await store.revokeFamily(t.familyId, now);
        await createTenantAuditService(scope, { now: this.deps.now }).record({
          actorType: "system",
          action: "auth.session_revoked",
          subjectType: "api_token_family",
          subjectId: t.familyId,
          outcome: "success",
          metadata: { cause: "refresh_reuse", user_id: t.userId, revoked_count: revoked },
        });
        return invalid();
      }
      if (t.expiresAt <= now) return invalid();
      const user = await new IdentityStore(scope).findUserById(t.userId);
      if (!user || user.status !== "active") return invalid();
      if (!(await store.markUsed(t.tokenHash, now))) return invalid();
      return this.issuePair(scope, { userId: t.userId, familyId: t.familyId, client: t.client, refreshExpiresAt: t.expiresAt });
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /**
   * RFC 7009 revocation: ends the whole family of the given access or refresh token.
   * Unknown, foreign or already revoked tokens are not an error, so the answer reveals nothing.
   */
  async revoke(ctx: CallContext, raw: unknown): Promise<void> {
    const { token } = parseInput(RevokeInput, raw, "body");
    await this.limit(`api-revoke:ip:${ctx.tenant.slug}:${ctx.ip}`, 120, 15 * 60);
    if (!token.startsWith(ACCESS_TOKEN_PREFIX) && !token.startsWith(REFRESH_TOKEN_PREFIX)) return;
    await this.deps.withTenant(ctx.tenant, async (scope) => {
      const store = new ApiTokenStore(scope);
      const t = await store.find(hashToken(token));
      if (!t || t.tenantId !== ctx.tenant.id) return;
      const revoked = await store.revokeFamily(t.familyId, this.now());
      if (!revoked) return;
      await createTenantAuditService(scope, { now: this.deps.now }).record({
        actorType: "user",
        actorId: t.userId,
        action: "auth.session_revoked",
        subjectType: "api_token_family",
        subjectId: t.familyId,
        outcome: "success",
        metadata: { cause: "client_revoke", revoked_count: revoked },
      });
    });
  }

  /**
   * Resolves an access token presented on `tenant`. Unknown (including another
   * tenant's), expired or revoked tokens, and tokens of accounts that are no longer
   * active, are null. Read-only: safe on GET.
   */
  async authenticate(tenant: TenantRef, token: string): Promise<ApiPrincipal | null> {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX) || token.length > 100) return null;
    return this.deps.withTenant(tenant, async (scope) => {
      const t = await new ApiTokenStore(scope).find(hashToken(token));
      if (!t || t.kind !== "access" || t.tenantId !== tenant.id || t.revokedAt || t.expiresAt <= this.now()) return null;
      const u = await new IdentityStore(scope).findUserById(t.userId);
      if (!u || u.status !== "active") return null;
      return {
        user: { id: u.id, kind: u.kind, name: u.name, email: u.email, phone: u.phone, roles: u.roles.map((r) => r.role) },
        familyId: t.familyId,
        client: t.client,
        expiresAt: t.expiresAt,
        access: { providerId: u.providerId, roles: u.roles.map((r) => ({ role: r.role, clinicIds: r.clinicIds })) },
      };
    });
  }
}
