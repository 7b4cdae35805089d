import type { Knex } from "knex";
import { createPlatformAuditService } from "../audit/index.js";
import type { PlatformAuditEntry } from "../audit/index.js";
import { DomainError, ValidationError } from "../errors/index.js";
import { SecondFactorInput, SignInInput } from "./identity-inputs.js";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords.js";
import { PlatformAdminStore, type PlatformAdminRecord } from "./platform-admin-store.js";
import { enforceRateLimit, type RateLimiter } from "./rate-limiter.js";
import { hashToken, randomToken } from "./secrets.js";
import { checkSecondFactor, newRecoveryCodes } from "./second-factor.js";
import { newTotpSecret, totpUri, verifyTotp } from "./totp.js";

const IDLE_SECONDS = 30 * 60;
const ABSOLUTE_SECONDS = 8 * 3600;
const LOCK_AFTER_FAILURES = 5;
const LOCK_SECONDS = 15 * 60;

export interface PlatformAdminView {
  id: string;
  email: string;
  name: string;
}

export interface PlatformSession {
  admin: PlatformAdminView;
  /** Platform admins always owe a second factor: its verification, or its enrolment. */
  secondFactor: "none" | "verify" | "enrol";
}

export interface PlatformIssued {
  token: string;
  secondFactor: "none" | "verify" | "enrol";
  maxAgeSeconds: number;
}

/**
 * Sign-in for platform admins (the console, on the platform host only). TOTP is
 * required: a session is useless until the second factor is verified or enrolled.
 */
export class PlatformAdminService {
  private readonly store: PlatformAdminStore;

  constructor(private readonly deps: { db: Knex; rateLimiter: RateLimiter; now?: () => Date }) {
    this.store = new PlatformAdminStore(deps.db);
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private audit(db: Knex, entry: Omit<PlatformAuditEntry, "actorType"> & { actorType?: PlatformAuditEntry["actorType"] }): Promise<unknown> {
    return createPlatformAuditService(db).record({ actorType: "platform_admin", ...entry } as PlatformAuditEntry);
  }

  private async issue(db: Knex, admin: PlatformAdminRecord, pending: boolean): Promise<PlatformIssued> {
    const token = randomToken(32);
    const now = this.now().getTime();
    await this.store.insertSession(
      {
        tokenHash: hashToken(token),
        adminId: admin.id,
        secondFactorPending: pending,
        idleExpiresAt: new Date(now + IDLE_SECONDS * 1000),
        absoluteExpiresAt: new Date(now + ABSOLUTE_SECONDS * 1000),
      },
      db,
    );
    return { token, secondFactor: pending ? (admin.totpEnabledAt ? "verify" : "enrol") : "none", maxAgeSeconds: ABSOLUTE_SECONDS };
  }

  private limit(key: string, limit: number, windowSeconds: number): Promise<void> {
    return enforceRateLimit(this.deps.rateLimiter, key, limit, windowSeconds);
  }

  /** Creates a platform admin (seed and operations tooling); existing emails are kept. */
  async create(a: { email: string; name: string; password: string; totpSecret?: string }): Promise<string> {
    return this.store.insert({ email: a.email.toLowerCase(), name: a.name, passwordHash: await hashPassword(a.password), totpSecret: a.totpSecret });
  }

  async signIn(ip: string, raw: unknown): Promise<PlatformIssued> {
    const parsed = SignInInput.safeParse(raw);
    if (!parsed.success) throw new ValidationError("Please check the highlighted fields.", parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
    const { email, password } = parsed.data;
    await this.limit(`platform-signin:ip:${ip}`, 30, 15 * 60);
    await this.limit(`platform-signin:acct:${hashToken(email)}`, 10, 15 * 60);
    const admin = await this.store.findByEmail(email);
    const invalid = new DomainError("unauthenticated", "That email and password do not match a platform admin.");
    if (!admin) {
      await burnPasswordCheck(password);
      await this.audit(this.deps.db, { actorType: "anonymous", action: "platform_admin.sign_in", outcome: "failure", metadata: { cause: "unknown_account" } });
      throw invalid;
    }
    const ok = await verifyPassword(admin.passwordHash, password);
    const locked = admin.lockedUntil && admin.lockedUntil > this.now();
    if (!ok || locked || admin.status !== "active") {
      await this.deps.db.transaction(async (trx) => {
        if (!ok && !locked) {
          const failures = admin.failedSignIns + 1;
          await this.store.update(admin.id, failures >= LOCK_AFTER_FAILURES ? { failedSignIns: 0, lockedUntil: new Date(this.now().getTime() + LOCK_SECONDS * 1000) } : { failedSignIns: failures }, trx);
        }
        await this.audit(trx, { actorId: admin.id, action: "platform_admin.sign_in", outcome: "failure", metadata: { cause: locked ? "locked" : ok ? admin.status : "wrong_password" } });
      });
      if (locked) throw new DomainError("unauthenticated", "This account is locked after too many attempts. Try again in 15 minutes.");
      throw invalid;
    }
    return this.deps.db.transaction(async (trx) => {
      await this.store.update(admin.id, { failedSignIns: 0, lockedUntil: null }, trx);
      await this.audit(trx, { actorId: admin.id, action: "platform_admin.sign_in", outcome: "success", metadata: { step: "password" } });
      return this.issue(trx, admin, true);
    });
  }

  async resolveSession(token: string): Promise<PlatformSession | null> {
    if (!token || token.length > 100) return null;
    const s = await this.store.findSession(hashToken(token));
    const now = this.now();
    if (!s) return null;
    if (s.idleExpiresAt <= now || s.absoluteExpiresAt <= now) {
      await this.store.deleteSession(s.tokenHash);
      return null;
    }
    const admin = await this.store.findById(s.adminId);
    if (!admin || admin.status !== "active") return null;
    if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
      await this.store.touchSession(s.tokenHash, new Date(Math.min(now.getTime() + IDLE_SECONDS * 1000, s.absoluteExpiresAt.getTime())));
    }
    return {
      admin: { id: admin.id, email: admin.email, name: admin.name },
      secondFactor: s.secondFactorPending ? (admin.totpEnabledAt ? "verify" : "enrol") : "none",
    };
  }

  async verifySecondFactor(ip: string, token: string, raw: unknown): Promise<PlatformIssued> {
    const parsed = SecondFactorInput.safeParse(raw);
    if (!parsed.success) throw new ValidationError("Enter the 6-digit code.", [{ field: "code", message: "Enter the 6-digit code" }]);
    await this.limit(`platform-2fa:ip:${ip}`, 30, 15 * 60);
    const s = await this.store.findSession(hashToken(token));
    if (!s || !s.secondFactorPending || s.absoluteExpiresAt <= this.now()) throw new DomainError("unauthenticated", "Your sign-in expired. Please sign in again.");
    await this.limit(`platform-2fa:admin:${s.adminId}`, 10, 15 * 60);
    const admin = (await this.store.findById(s.adminId)) as PlatformAdminRecord;
    if (!admin.totpSecret || !admin.totpEnabledAt) throw new DomainError("unauthenticated", "Set up two-step verification first.");
    const match = checkSecondFactor({ ...admin, totpSecret: admin.totpSecret }, parsed.data.code, this.now().getTime());
    if (!match) {
      await this.audit(this.deps.db, { actorId: admin.id, action: "auth.second_factor", outcome: "failure" });
      throw new ValidationError("That code is not right.", [{ field: "code", message: "That code is not right. Use the current code from your authenticator app." }]);
    }
    return this.deps.db.transaction(async (trx) => {
      await this.store.update(admin.id, match.patch, trx);
      await this.store.deleteSession(s.tokenHash, trx);
      await this.audit(trx, { actorId: admin.id, action: match.method === "totp" ? "auth.second_factor" : "auth.recovery_code_used", outcome: "success" });
      return this.issue(trx, admin, false);
    });
  }

  async beginEnrolment(token: string): Promise<{ secret: string; uri: string }> {
    const s = await this.store.findSession(hashToken(token));
    if (!s) throw new DomainError("unauthenticated", "Please sign in again.");
    const admin = (await this.store.findById(s.adminId)) as PlatformAdminRecord;
    if (admin.totpEnabledAt) throw new DomainError("conflict", "Two-step verification is already on.");
    const secret = newTotpSecret();
    await this.store.update(admin.id, { totpSecret: secret });
    return { secret, uri: totpUri({ secret, issuer: "VisitNow platform", account: admin.email }) };
  }

  async confirmEnrolment(token: string, raw: unknown): Promise<{ session: PlatformIssued; recoveryCodes: string[] }> {
    const parsed = SecondFactorInput.safeParse(raw);
    if (!parsed.success) throw new ValidationError("Enter the 6-digit code.", [{ field: "code", message: "Enter the 6-digit code" }]);
    const s = await this.store.findSession(hashToken(token));
    if (!s) throw new DomainError("unauthenticated", "Please sign in again.");
    const admin = (await this.store.findById(s.adminId)) as PlatformAdminRecord;
    if (!admin.totpSecret || admin.totpEnabledAt) throw new DomainError("conflict", "Start the set-up again.");
    const step = verifyTotp(admin.totpSecret, parsed.data.code.replace(/\s/g, ""), this.now().getTime());
    if (step === null) throw new ValidationError("That code is not right.", [{ field: "code", message: "That code is not right." }]);
    const { codes: recoveryCodes, hashes } = newRecoveryCodes(admin.id);
    return this.deps.db.transaction(async (trx) => {
      await this.store.update(admin.id, { totpEnabledAt: this.now(), totpLastStep: step, recoveryCodeHashes: hashes }, trx);
      await this.store.deleteSession(s.tokenHash, trx);
      await this.audit(trx, { actorId: admin.id, action: "auth.second_factor_enrolled", outcome: "success", metadata: { method: "totp" } });
      const fresh = (await this.store.findById(admin.id, trx)) as PlatformAdminRecord;
      return { session: await this.issue(trx, fresh, false), recoveryCodes };
    });
  }

  async signOut(token: string): Promise<void> {
    const s = await this.store.findSession(hashToken(token));
    if (!s) return;
    await this.deps.db.transaction(async (trx) => {
      await this.store.deleteSession(s.tokenHash, trx);
      await this.audit(trx, { actorId: s.adminId, action: "auth.sign_out", outcome: "success" });
    });
  }
}
