import { accessibleWhere, defineAbilityFor, requireCan, type Actor, type Role } from "../access/index.js";

/** Dependant fields used in ability conditions, and their columns. */
const DEPENDANT_COLUMNS = { id: "id", patientId: "patient_id", name: "name", relationship: "relationship", dateOfBirth: "date_of_birth" };
import type { AuditAction } from "../audit/index.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError, parseInput } from "../errors/index.js";
import {
  DependantInput,
  ProfileInput,
  SecondFactorInput,
  SignInInput,
  SignUpInput,
  SmsRequestInput,
  SmsVerifyInput,
} from "./identity-inputs.js";
import { IdentityStore, type DependantRecord, type UserKind, type UserRecord } from "./identity-store.js";
import type { MessageChannel } from "./message-channel.js";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords.js";
import { enforceRateLimit, type RateLimiter } from "./rate-limiter.js";
import { hashToken, hmac, numericCode, randomToken, safeEqual } from "./secrets.js";
import { checkSecondFactor, newRecoveryCodes } from "./second-factor.js";
import { newTotpSecret, totpUri, verifyTotp } from "./totp.js";

/** One audit entry; the sink writes it in the same tenant transaction. */
export interface AuthAuditEntry {
  actorType: "user" | "anonymous" | "system" | "platform_admin";
  actorId?: string | null;
  action: AuditAction;
  subjectType?: string | null;
  subjectId?: string | null;
  outcome: "success" | "failure";
  metadata?: Record<string, string | number | boolean | null>;
}

export interface AuditSink {
  record(scope: TenantScope, entry: AuthAuditEntry): Promise<void>;
}

export interface TenantRef extends TenantDbRef {
  name: string;
}

/** Who is calling, for rate limits and audit: never stored raw beyond the request. */
export interface CallContext {
  tenant: TenantRef;
  ip: string;
}

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
}

export const SESSION_POLICIES: Record<UserKind, SessionPolicy> = {
  patient: { idleSeconds: 7 * 24 * 3600, absoluteSeconds: 30 * 24 * 3600 },
  staff: { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 },
};

/** Roles that may not work without a second factor. */
export const SECOND_FACTOR_REQUIRED_ROLES = new Set(["clinic_admin", "tenant_admin", "finance"]);

const LOCK_AFTER_FAILURES = 5;
const LOCK_SECONDS = 15 * 60;
const CODE_TTL_SECONDS = 10 * 60;
const CODE_MAX_ATTEMPTS = 5;

export type SecondFactorState = "none" | "verify" | "enrol";

export interface IssuedSession {
  token: string;
  userId: string;
  kind: UserKind;
  secondFactor: SecondFactorState;
  maxAgeSeconds: number;
}

export interface SignedInUser {
  id: string;
  kind: UserKind;
  name: string;
  email: string | null;
  phone: string | null;
  roles: { role: string; clinicIds: string[] }[];
  providerId: string | null;
  secondFactorEnabled: boolean;
}

export interface ResolvedSession {
  user: SignedInUser;
  /** A second factor (or its enrolment) is still owed before the user is signed in. */
  secondFactor: SecondFactorState;
  expiresAt: Date;
}

export interface IdentityServiceDeps {
  withTenant: TenantUnitOfWork;
  rateLimiter: RateLimiter;
  messages: MessageChannel;
  audit: AuditSink;
  /** The installation secret, for hashing one-time-code targets. */
  secret: () => Promise<string>;
  now?: () => Date;
}


/** The CASL actor for a signed-in tenant user. */
export function actorFor(tenantId: string, u: SignedInUser): Actor {
  return {
    userId: u.id,
    tenantId,
    kind: u.kind,
    roles: u.roles.map((r) => r.role as Role),
    providerId: u.providerId,
    clinicIds: [...new Set(u.roles.flatMap((r) => r.clinicIds))],
  };
}

function toSignedIn(u: UserRecord): SignedInUser {
  return {
    id: u.id,
    kind: u.kind,
    name: u.name,
    email: u.email,
    phone: u.phone,
    roles: u.roles,
    providerId: u.providerId,
    secondFactorEnabled: Boolean(u.totpEnabledAt),
  };
}

const INVALID_CREDENTIALS = "That email and password do not match an account here.";

/**
 * Sign-up, sign-in (password, SMS code, second factor), sessions, profile and
 * dependants for one tenant's patients and staff. Every call runs inside the tenant
 * unit of work; sessions live in the tenant's own schema.
 */
export class IdentityService {
  constructor(private readonly deps: IdentityServiceDeps) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private limit(key: string, limit: number, windowSeconds: number): Promise<void> {
    return enforceRateLimit(this.deps.rateLimiter, key, limit, windowSeconds);
  }

  private secondFactorState(u: UserRecord): SecondFactorState {
    if (u.kind !== "staff") return "none";
    if (u.totpEnabledAt) return "verify";
    return u.roles.some((r) => SECOND_FACTOR_REQUIRED_ROLES.has(r.role)) ? "enrol" : "none";
  }

  private async issue(store: IdentityStore, tenantId: string, u: UserRecord, secondFactor: SecondFactorState): Promise<IssuedSession> {
    const policy = SESSION_POLICIES[u.kind];
    const token = randomToken(32);
    const now = this.now().getTime();
    await store.insertSession({
      tokenHash: hashToken(token),
      userId: u.id,
      tenantId,
      secondFactorPending: secondFactor !== "none",
      secondFactorAt: null,
      idleExpiresAt: new Date(now + policy.idleSeconds * 1000),
      absoluteExpiresAt: new Date(now + policy.absoluteSeconds * 1000),
    });
    return { token, userId: u.id, kind: u.kind, secondFactor, maxAgeSeconds: policy.absoluteSeconds };
  }

  /** Creates a patient account and signs it in. */
  async signUpPatient(ctx: CallContext, raw: unknown): Promise<IssuedSession> {
    const input = parseInput(SignUpInput, raw);
    await this.limit(`signup:ip:${ctx.ip}`, 20, 3600);
    const passwordHash = await hashPassword(input.password);
    return this.deps.withTenant(ctx.tenant, async (scope) => {
      const store = new IdentityStore(scope);
      if (await store.findUserByEmail("patient", input.email)) {
        throw new ValidationError("Please check the highlighted fields.", [
          { field: "email", message: "An account with this email already exists. Sign in instead." },
        ]);
      }
      if (input.phone && (await store.findUserByPhone("patient", input.phone))) {
        throw new ValidationError("Please check the highlighted fields.", [
          { field: "phone", message: "This mobile number already has an account. Sign in with a code instead." },
        ]);
      }
      const id = await store.insertUser({
        kind: "patient",
        email: input.email,
        phone: input.phone ?? null,
        name: input.name,
        passwordHash,
        roles: [{ role: "patient" }],
      });
      const user = (await store.findUserById(id)) as UserRecord;
      await this.deps.audit.record(scope, { actorType: "user", actorId: id, action: "auth.sign_up", outcome: "success", metadata: { method: "password" } });
      return this.issue(store, ctx.tenant.id, user, "none");
    });
  }

  /**
   * Email + password sign-in for `kind` accounts. Wrong passwords count towards a lock;
   * a locked, disabled or unknown account gets the same answer as a wrong password.
   */
  async signInWithPassword(ctx: CallContext, kind: UserKind, raw: unknown): Promise<IssuedSession> {
    const input = parseInput(SignInInput, raw);
    await this.limit(`signin:ip:${ctx.tenant.slug}:${ctx.ip}`, 50, 15 * 60);
    await this.limit(`signin:acct:${ctx.tenant.slug}:${kind}:${hashToken(input.email)}`, 10, 15 * 60);
    const user = await this.deps.withTenant(ctx.tenant, (scope) => new IdentityStore(scope).findUserByEmail(kind, input.email));
    if (!user?.passwordHash) {
      await burnPasswordCheck(input.password);
      await this.deps.withTenant(ctx.tenant, (scope) =>
        this.deps.audit.record(scope, { actorType: "anonymous", action: "auth.sign_in", outcome: "failure", metadata: { method: "password", cause: "unknown_account" } }),
      );
      throw new DomainError("unauthenticated", INVALID_CREDENTIALS);
    }
    const ok = await verifyPassword(user.passwordHash, input.password);
    // Failures are recorded (counter, lock, audit) and committed before the error is thrown.
    const outcome = await this.deps.withTenant(ctx.tenant, async (scope): Promise<IssuedSession | DomainError> => {
      const store = new IdentityStore(scope);
      const locked = user.lockedUntil && user.lockedUntil > this.now();
      if (!ok || locked || user.status !== "active") {
        const cause = locked ? "locked" : user.status !== "active" ? user.status : "wrong_password";
        if (!ok && !locked) {
          const failures = await store.incrementFailedSignIns(user.id);
          if (failures >= LOCK_AFTER_FAILURES) {
            await store.updateUser(user.id, { lockedUntil: new Date(this.now().getTime() + LOCK_SECONDS * 1000), failedSignIns: 0 });
            await this.deps.audit.record(scope, { actorType: "system", action: "auth.locked", subjectType: "user", subjectId: user.id, outcome: "success", metadata: { minutes: LOCK_SECONDS / 60 } });
          }
        }
        await this.deps.audit.record(scope, { actorType: "user", actorId: user.id, action: "auth.sign_in", outcome: "failure", metadata: { method: "password", cause } });
        if (locked) return new DomainError("unauthenticated", "This account is locked after too many attempts. Try again in 15 minutes, or ask an administrator to unlock it.");
        return new DomainError("unauthenticated", INVALID_CREDENTIALS);
      }
      if (user.failedSignIns || user.lockedUntil) await store.updateUser(user.id, { failedSignIns: 0, lockedUntil: null });
      const secondFactor = this.secondFactorState(user);
      await this.deps.audit.record(scope, {
        actorType: "user",
        actorId: user.id,
        action: "auth.sign_in",
        outcome: "success",
        metadata: { method: "password", second_factor: secondFactor },
      });
      return this.issue(store, ctx.tenant.id, user, secondFactor);
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  private async codeTarget(purpose: string, value: string): Promise<string> {
    return hmac(await this.deps.secret(), `${purpose}|${value}`);
  }

  /** Sends a sign-in code by SMS. The answer is the same whether or not the number has an account. */
  async requestSmsCode(ctx: CallContext, raw: unknown): Promise<{ phone: string }> {
    const { phone } = parseInput(SmsRequestInput, raw);
    await this.limit(`otp-send:ip:${ctx.ip}`, 20, 3600);
    await this.limit(`otp-send:phone:${ctx.tenant.slug}:${hashToken(phone)}`, 3, 10 * 60);
    const code = numericCode(6);
    const target = await this.codeTarget("sms_sign_in", phone);
    const codeHash = await this.codeTarget("code", `${target}|${code}`);
    await this.deps.withTenant(ctx.tenant, async (scope) => {
      await new IdentityStore(scope).insertCode({
        purpose: "sms_sign_in",
        targetHash: target,
        codeHash,
        expiresAt: new Date(this.now().getTime() + CODE_TTL_SECONDS * 1000),
      });
      await this.deps.audit.record(scope, { actorType: "anonymous", action: "auth.otp_sent", outcome: "success", metadata: { channel: "sms" } });
    });
    await this.deps.messages.send({
      tenantSlug: ctx.tenant.slug,
      channel: "sms",
      recipient: phone,
      body: `${code} is your ${ctx.tenant.name} sign-in code. It expires in 10 minutes. Never share it.`,
    });
    return { phone };
  }

  /** Verifies an SMS code; signs in the patient with that number, creating the account on first use. */
  async signInWithSmsCode(ctx: CallContext, raw: unknown): Promise<IssuedSession & { created: boolean }> {
    const { phone, code } = parseInput(SmsVerifyInput, raw);
    await this.limit(`otp-verify:ip:${ctx.ip}`, 30, 15 * 60);
    const target = await this.codeTarget("sms_sign_in", phone);
    const expected = await this.codeTarget("code", `${target}|${code}`);
    const wrong = () => new ValidationError("That code is not right or has expired.", [{ field: "code", message: "That code is not right or has expired. Ask for a new one." }]);
    const outcome = await this.deps.withTenant(ctx.tenant, async (scope): Promise<(IssuedSession & { created: boolean }) | DomainError> => {
      const store = new IdentityStore(scope);
      const live = await store.latestLiveCode("sms_sign_in", target);
      if (!live || live.attempts >= CODE_MAX_ATTEMPTS) return wrong();
      if (!safeEqual(live.codeHash, expected)) {
        await store.countCodeAttempt(live.id);
        await this.deps.audit.record(scope, { actorType: "anonymous", action: "auth.otp_verified", outcome: "failure", metadata: { channel: "sms" } });
        return wrong();
      }
      if (!(await store.consumeCode(live.id))) return wrong();
      let user = await store.findUserByPhone("patient", phone);
      const created = !user;
      if (!user) {
        const id = await store.insertUser({ kind: "patient", email: null, phone, name: "New patient", passwordHash: null, roles: [{ role: "patient" }] });
        user = (await store.findUserById(id)) as UserRecord;
        await this.deps.audit.record(scope, { actorType: "user", actorId: id, action: "auth.sign_up", outcome: "success", metadata: { method: "sms" } });
      }
      if (user.status !== "active") return new DomainError("unauthenticated", "This account is disabled. Please contact the hospital.");
      await this.deps.audit.record(scope, { actorType: "user", actorId: user.id, action: "auth.sign_in", outcome: "success", metadata: { method: "sms" } });
      return { ...(await this.issue(store, ctx.tenant.id, user, "none")), created };
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /**
   * Looks up a session by its cookie token. Expired, disabled-user or unknown sessions
   * are null; a live one slides its idle expiry (written at most once a minute).
   */
  async resolveSession(tenant: TenantRef, token: string): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const s = await store.findSession(tokenHash);
      const now = this.now();
      if (!s || s.tenantId !== tenant.id) return null;
      if (s.idleExpiresAt <= now || s.absoluteExpiresAt <= now) {
        await store.deleteSession(tokenHash);
        return null;
      }
      const user = await store.findUserById(s.userId);
      if (!user || user.status !== "active") return null;
      const policy = SESSION_POLICIES[user.kind];
      if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
        await store.touchSession(tokenHash, new Date(Math.min(now.getTime() + policy.idleSeconds * 1000, s.absoluteExpiresAt.getTime())));
      }
      const secondFactor: SecondFactorState = s.secondFactorPending ? (user.totpEnabledAt ? "verify" : "enrol") : "none";
      return { user: toSignedIn(user), secondFactor, expiresAt: s.absoluteExpiresAt };
    });
  }

  /** Ends one session. */
  async signOut(tenant: TenantRef, token: string): Promise<void> {
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const s = await store.findSession(hashToken(token));
      if (!s) return;
      await store.deleteSession(s.tokenHash);
      await this.deps.audit.record(scope, { actorType: "user", actorId: s.userId, action: "auth.sign_out", outcome: "success" });
    });
  }

  /**
   * Completes a pending second factor with a TOTP code or a recovery code. The session
   * is replaced: the pre-second-factor token stops working.
   */
  async verifySecondFactor(ctx: CallContext, token: string, raw: unknown): Promise<IssuedSession> {
    const { code } = parseInput(SecondFactorInput, raw);
    await this.limit(`2fa:ip:${ctx.ip}`, 30, 15 * 60);
    const outcome = await this.deps.withTenant(ctx.tenant, async (scope): Promise<IssuedSession | DomainError> => {
      const store = new IdentityStore(scope);
      const s = await store.findSession(hashToken(token));
      if (!s || !s.secondFactorPending || s.absoluteExpiresAt <= this.now()) throw new DomainError("unauthenticated", "Your sign-in expired. Please sign in again.");
      await this.limit(`2fa:user:${ctx.tenant.slug}:${s.userId}`, 10, 15 * 60);
      const user = await store.findUserById(s.userId);
      if (!user?.totpSecret || !user.totpEnabledAt) throw new DomainError("unauthenticated", "Your sign-in expired. Please sign in again.");
      const match = checkSecondFactor({ ...user, totpSecret: user.totpSecret }, code, this.now().getTime());
      if (match) await store.updateUser(user.id, match.patch);
      const method = match?.method ?? null;
      if (!method) {
        await this.deps.audit.record(scope, { actorType: "user", actorId: user.id, action: "auth.second_factor", outcome: "failure" });
        return new ValidationError("That code is not right.", [{ field: "code", message: "That code is not right. Use the current code from your authenticator app, or a recovery code." }]);
      }
      await store.deleteSession(s.tokenHash);
      await this.deps.audit.record(scope, { actorType: "user", actorId: user.id, action: method === "totp" ? "auth.second_factor" : "auth.recovery_code_used", outcome: "success" });
      return this.issue(store, ctx.tenant.id, user, "none");
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Starts TOTP enrolment for the session's user; returns the secret to show as a QR/URI. */
  async beginTotpEnrolment(tenant: TenantRef, token: string): Promise<{ secret: string; uri: string }> {
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const s = await store.findSession(hashToken(token));
      if (!s) throw new DomainError("unauthenticated", "Please sign in again.");
      const user = (await store.findUserById(s.userId)) as UserRecord;
      if (user.totpEnabledAt) throw new DomainError("conflict", "Two-step verification is already on.");
      const secret = newTotpSecret();
      await store.updateUser(user.id, { totpSecret: secret });
      return { secret, uri: totpUri({ secret, issuer: tenant.name, account: user.email ?? user.phone ?? user.id }) };
    });
  }

  /** Confirms enrolment with a first code; returns one-time recovery codes and a fresh session. */
  async confirmTotpEnrolment(ctx: CallContext, token: string, raw: unknown): Promise<{ session: IssuedSession; recoveryCodes: string[] }> {
    const { code } = parseInput(SecondFactorInput, raw);
    await this.limit(`2fa:ip:${ctx.ip}`, 30, 15 * 60);
    return this.deps.withTenant(ctx.tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const s = await store.findSession(hashToken(token));
      if (!s) throw new DomainError("unauthenticated", "Please sign in again.");
      const user = (await store.findUserById(s.userId)) as UserRecord;
      if (!user.totpSecret || user.totpEnabledAt) throw new DomainError("conflict", "Start the set-up again.");
      const step = verifyTotp(user.totpSecret, code.replace(/\s/g, ""), this.now().getTime());
      if (step === null) throw new ValidationError("That code is not right.", [{ field: "code", message: "That code is not right. Check your authenticator app's clock and try the newest code." }]);
      const { codes: recoveryCodes, hashes } = newRecoveryCodes(user.id);
      await store.updateUser(user.id, { totpEnabledAt: this.now(), totpLastStep: step, recoveryCodeHashes: hashes });
      await store.deleteSession(s.tokenHash);
      await this.deps.audit.record(scope, { actorType: "user", actorId: user.id, action: "auth.second_factor_enrolled", outcome: "success", metadata: { method: "totp" } });
      const fresh = (await store.findUserById(user.id)) as UserRecord;
      return { session: await this.issue(store, ctx.tenant.id, fresh, "none"), recoveryCodes };
    });
  }

  /** Disables an account and ends all its sessions at once. */
  async disableUser(tenant: TenantRef, actorId: string, userId: string): Promise<void> {
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const user = await store.findUserById(userId);
      if (!user) throw new NotFoundError();
      await store.updateUser(userId, { status: "disabled" });
      const ended = await store.deleteSessionsOfUser(userId);
      await this.deps.audit.record(scope, { actorType: "user", actorId, action: "user.disabled", subjectType: "user", subjectId: userId, outcome: "success", metadata: { sessions_ended: ended } });
    });
  }

  /** Ends every session of a user (sign out everywhere). */
  async signOutEverywhere(tenant: TenantRef, userId: string): Promise<number> {
    return this.deps.withTenant(tenant, async (scope) => {
      const n = await new IdentityStore(scope).deleteSessionsOfUser(userId);
      await this.deps.audit.record(scope, { actorType: "user", actorId: userId, action: "auth.session_revoked", outcome: "success", metadata: { sessions_ended: n } });
      return n;
    });
  }

  async updateProfile(tenant: TenantRef, userId: string, raw: unknown): Promise<void> {
    const input = parseInput(ProfileInput, raw);
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const me = await store.findUserById(userId);
      if (!me) throw new NotFoundError();
      if (input.phone && input.phone !== me.phone) {
        const other = await store.findUserByPhone(me.kind, input.phone);
        if (other && other.id !== userId) throw new ValidationError("Please check the highlighted fields.", [{ field: "phone", message: "This number belongs to another account." }]);
      }
      await store.updateUser(userId, { name: input.name, phone: input.phone ?? me.phone });
    });
  }

  /**
   * A patient's dependants. With an `actor`, only the rows the actor's ability may read
   * (translated to SQL by `accessibleWhere`): another patient gets none.
   */
  async listDependants(tenant: TenantRef, patientId: string, actor?: Actor): Promise<DependantRecord[]> {
    const visible = actor ? accessibleWhere(defineAbilityFor(actor), "read", "Dependant", DEPENDANT_COLUMNS) : undefined;
    return this.deps.withTenant(tenant, (scope) => new IdentityStore(scope).listDependants(patientId, visible));
  }

  async addDependant(tenant: TenantRef, patientId: string, raw: unknown): Promise<string> {
    const input = parseInput(DependantInput, raw);
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      if ((await store.listDependants(patientId)).length >= 12) throw new ValidationError("You can add up to 12 family members.");
      return store.insertDependant({ patientId, name: input.name, relationship: input.relationship, dateOfBirth: input.dateOfBirth ?? null, gender: input.gender ?? null });
    });
  }

  /**
   * Removes a dependant, checked by the actor's ability against the loaded record:
   * another patient's dependant is `not_found`.
   */
  async removeDependant(tenant: TenantRef, actor: Actor, dependantId: string): Promise<void> {
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const d = await store.findDependant(dependantId);
      if (!d) throw new NotFoundError("No such family member.");
      requireCan(defineAbilityFor(actor), "delete", "Dependant", d);
      await store.deleteDependant(dependantId);
    });
  }

  /** Creates an account directly (demo seed, admin tooling). */
  async createUser(
    tenant: TenantRef,
    u: { kind: UserKind; email: string; name: string; password: string; phone?: string; roles: { role: string; clinicIds?: string[] }[]; totpSecret?: string },
  ): Promise<string> {
    const passwordHash = await hashPassword(u.password);
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new IdentityStore(scope);
      const existing = await store.findUserByEmail(u.kind, u.email);
      if (existing) return existing.id;
      const id = await store.insertUser({
        kind: u.kind,
        email: u.email,
        phone: u.phone ?? null,
        name: u.name,
        passwordHash,
        roles: u.roles as { role: "patient" }[],
      });
      if (u.totpSecret) await store.updateUser(id, { totpSecret: u.totpSecret, totpEnabledAt: this.now() });
      return id;
    });
  }
}
