import { z } from "zod";
import { createTenantAuditService, type AuditEntry } from "../audit/index.js";
import type { TenantScope, TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, parseInput } from "../errors/index.js";
import type { LinkedTenantRef } from "./account-admin-service.js";
import { Email, NewPassword } from "./identity-inputs.js";
import { enforceRateLimit } from "./rate-limiter.js";
import { IdentityStore, type UserKind } from "./identity-store.js";
import type { MessageChannel } from "./message-channel.js";
import { hashPassword } from "./passwords.js";
import type { RateLimiter } from "./rate-limiter.js";
import { hashToken, hmac, randomToken, safeEqual } from "./secrets.js";

export interface PasswordResetServiceDeps {
  withTenant: TenantUnitOfWork;
  rateLimiter: RateLimiter;
  messages: MessageChannel;
  /** The installation secret, for hashing the code's target (the user id). */
  secret: () => Promise<string>;
  /** The origin for links on `primaryHost` (see AccountAdminServiceDeps.linkBase). */
  linkBase: (primaryHost: string) => string;
  now?: () => Date;
}

/** The caller of an anonymous request: the tenant it was routed to, and the client IP for rate limits. */
export interface ResetContext {
  tenant: LinkedTenantRef;
  ip: string;
}

export const RESET_TTL_MINUTES = 30;
const RESET_MAX_ATTEMPTS = 5;
const PURPOSE = "password_reset";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const RequestResetInput = z.object({ email: Email, audience: z.enum(["patient", "staff"]) });
export const ResetPasswordInput = z.object({ token: z.string().trim().min(1, "This reset link is incomplete").max(200), password: NewPassword });


/**
 * The app path where an account chooses a new password: patients on the patient app;
 * staff on the doctor hub, unless all their roles belong to the admin console.
 */
export function resetPath(kind: UserKind, roles: string[] = []): string {
  if (kind !== "staff") return "/reset-password";
  const hub = roles.some((r) => r === "doctor" || r === "front_desk" || r === "clinic_admin");
  return hub || roles.length === 0 ? "/doctor/reset-password" : "/admin/reset-password";
}

/**
 * A reset token is `<user id>.<secret>`: the id finds the live code (one indexed lookup
 * on `one_time_codes`, whose target is an HMAC of the id), the whole token's SHA-256 is
 * compared in constant time. Returns null for anything that is not of that shape.
 */
function splitToken(token: string): { userId: string } | null {
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const userId = token.slice(0, dot);
  return UUID.test(userId) && token.length - dot > 20 ? { userId: userId.toLowerCase() } : null;
}

const INVALID_LINK = "This reset link has expired or was already used. Ask for a new one.";

/**
 * "Forgot password" for patients and staff of one tenant. Asking always gets the same
 * answer, whether or not the email has an account; the emailed link is on the tenant's
 * primary host, works once, within 30 minutes, and using it signs the user out everywhere.
 */
export class PasswordResetService {
  constructor(private readonly deps: PasswordResetServiceDeps) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private limit(key: string, limit: number, windowSeconds: number): Promise<void> {
    return enforceRateLimit(this.deps.rateLimiter, key, limit, windowSeconds);
  }

  private audit(scope: TenantScope, entry: AuditEntry): Promise<unknown> {
    return createTenantAuditService(scope, { now: this.deps.now }).record(entry);
  }

  private async target(userId: string): Promise<string> {
    return hmac(await this.deps.secret(), `${PURPOSE}|${userId}`);
  }

  /**
   * Emails a reset link when `email` has an active `audience` account. Resolves the same
   * way either way (rate limits apply to both), so the answer reveals no account.
   */
  async requestReset(ctx: ResetContext, raw: unknown): Promise<void> {
    const { email, audience } = parseInput(RequestResetInput, raw);
    await this.limit(`reset:ip:${ctx.ip}`, 10, 3600);
    await this.limit(`reset:acct:${ctx.tenant.slug}:${audience}:${hashToken(email)}`, 3, 3600);
    const expiresAt = new Date(this.now().getTime() + RESET_TTL_MINUTES * 60 * 1000);
    let path = resetPath(audience);
    const token = await this.deps.withTenant(ctx.tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const user = await store.findUserByEmail(audience, email);
      if (!user || user.status !== "active") {
        await this.audit(scope, { actorType: "anonymous", action: "auth.password_reset_requested", outcome: "failure", metadata: { audience, cause: user ? user.status : "unknown_account" } });
        return null;
      }
      const t = `${user.id}.${randomToken(32)}`;
      path = resetPath(user.kind, user.roles.map((r) => r.role));
      // Replaces any earlier unused reset code of this user.
      await store.insertCode({ purpose: PURPOSE, targetHash: await this.target(user.id), codeHash: hashToken(t), expiresAt });
      await this.audit(scope, { actorType: "anonymous", action: "auth.password_reset_requested", subjectType: "user", subjectId: user.id, outcome: "success", metadata: { audience } });
      return t;
    });
    if (!token) return;
    // After commit, so the link never names a code that rolled back. The extra time this
    // takes is a timing signal until sending moves to the outbox and a queue.
    const link = `${this.deps.linkBase(ctx.tenant.primaryHost)}${path}/${token}`;
    await this.deps.messages.send({
      tenantSlug: ctx.tenant.slug,
      channel: "email",
      recipient: email,
      subject: `Reset your ${ctx.tenant.name} password`,
      body:
        `Someone asked to reset the password of your ${ctx.tenant.name} account.\n\nChoose a new password: ${link}\n\n` +
        `The link works once and expires in ${RESET_TTL_MINUTES} minutes. If this was not you, ignore this email: your password stays the same.`,
    });
  }

  /** Whether a reset link is still good, for the page that shows the form; else `not_found`. */
  async describeResetToken(tenant: LinkedTenantRef, token: string): Promise<{ kind: UserKind }> {
    const parts = token && token.length <= 200 ? splitToken(token) : null;
    if (!parts) throw new NotFoundError(INVALID_LINK);
    const target = await this.target(parts.userId);
    const kind = await this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const live = await store.latestLiveCode(PURPOSE, target);
      if (!live || live.attempts >= RESET_MAX_ATTEMPTS || !safeEqual(live.codeHash, hashToken(token))) return null;
      const user = await store.findUserById(parts.userId);
      return user?.status === "active" ? user.kind : null;
    });
    if (!kind) throw new NotFoundError(INVALID_LINK);
    return { kind };
  }

  /**
   * Sets a new password from a reset link: uses the link up, clears any lock, and ends
   * every session of the account. Returns the account, for the page to send it to the
   * right sign-in.
   */
  async resetPassword(ctx: ResetContext, raw: unknown): Promise<{ userId: string; kind: UserKind }> {
    const input = parseInput(ResetPasswordInput, raw);
    await this.limit(`reset-verify:ip:${ctx.ip}`, 30, 15 * 60);
    const parts = splitToken(input.token);
    if (!parts) throw new NotFoundError(INVALID_LINK);
    const target = await this.target(parts.userId);
    const passwordHash = await hashPassword(input.password);
    // Failures are counted and audited, and committed, before the error is thrown.
    const outcome = await this.deps.withTenant(ctx.tenant, async (scope): Promise<{ userId: string; kind: UserKind } | DomainError> => {
      const store = new IdentityStore(scope);
      const live = await store.latestLiveCode(PURPOSE, target);
      if (!live || live.attempts >= RESET_MAX_ATTEMPTS) return new NotFoundError(INVALID_LINK);
      if (!safeEqual(live.codeHash, hashToken(input.token))) {
        await store.countCodeAttempt(live.id);
        await this.audit(scope, { actorType: "anonymous", action: "auth.password_reset", subjectType: "user", subjectId: parts.userId, outcome: "failure", metadata: { cause: "wrong_link" } });
        return new NotFoundError(INVALID_LINK);
      }
      if (!(await store.consumeCode(live.id))) return new NotFoundError(INVALID_LINK);
      const user = await store.findUserById(parts.userId);
      if (!user || user.status !== "active") return new NotFoundError(INVALID_LINK);
      await store.updateUser(user.id, { passwordHash, failedSignIns: 0, lockedUntil: null });
      const sessionsEnded = await store.deleteSessionsOfUser(user.id);
      await this.audit(scope, { actorType: "user", actorId: user.id, action: "auth.password_reset", subjectType: "user", subjectId: user.id, outcome: "success", metadata: { sessions_ended: sessionsEnded } });
      return { userId: user.id, kind: user.kind };
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }
}
