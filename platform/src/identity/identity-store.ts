import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const USERS = "users";
const ROLES = "user_roles";
const DEPENDANTS = "dependants";
const SESSIONS = "sessions";
const CODES = "one_time_codes";

export type UserKind = "patient" | "staff";
export type UserStatus = "active" | "invited" | "disabled";
export type TenantRole = "patient" | "doctor" | "front_desk" | "clinic_admin" | "tenant_admin" | "finance" | "support";

export interface UserRecord {
  id: string;
  kind: UserKind;
  email: string | null;
  phone: string | null;
  name: string;
  passwordHash: string | null;
  status: UserStatus;
  failedSignIns: number;
  lockedUntil: Date | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  recoveryCodeHashes: string[];
  providerId: string | null;
  roles: { role: TenantRole; clinicIds: string[] }[];
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  tenantId: string;
  secondFactorPending: boolean;
  secondFactorAt: Date | null;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export interface DependantRecord {
  id: string;
  patientId: string;
  name: string;
  relationship: "child" | "parent" | "spouse" | "sibling" | "other";
  dateOfBirth: string | null;
  gender: "female" | "male" | "other" | null;
}

interface UserRow {
  id: string;
  kind: UserKind;
  email: string | null;
  phone: string | null;
  name: string;
  password_hash: string | null;
  status: UserStatus;
  failed_sign_ins: number;
  locked_until: Date | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  recovery_code_hashes: string[];
  provider_id: string | null;
  roles: { role: TenantRole; clinic_ids: string[] }[] | null;
}

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id,
    kind: r.kind,
    email: r.email,
    phone: r.phone,
    name: r.name,
    passwordHash: r.password_hash,
    status: r.status,
    failedSignIns: r.failed_sign_ins,
    lockedUntil: r.locked_until,
    totpSecret: r.totp_secret,
    totpEnabledAt: r.totp_enabled_at,
    totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
    recoveryCodeHashes: r.recovery_code_hashes,
    providerId: r.provider_id,
    roles: (r.roles ?? []).map((x) => ({ role: x.role, clinicIds: x.clinic_ids })),
  };
}

/** Accounts, roles, dependants, sessions and one-time codes of one tenant. */
export class IdentityStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  private userQuery() {
    return this.db(`${USERS} as u`).select(
      "u.*",
      this.db.raw(
        `(select coalesce(json_agg(json_build_object('role', r.role, 'clinic_ids', r.clinic_ids) order by r.role), '[]'::json)
           from ${ROLES} r where r.user_id = u.id) as roles`,
      ),
    );
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const row = await this.userQuery().where("u.id", id).first<UserRow | undefined>();
    return row ? toUser(row) : null;
  }

  async findUserByEmail(kind: UserKind, email: string): Promise<UserRecord | null> {
    const row = await this.userQuery().where({ "u.kind": kind, "u.email": email }).first<UserRow | undefined>();
    return row ? toUser(row) : null;
  }

  async findUserByPhone(kind: UserKind, phone: string): Promise<UserRecord | null> {
    const row = await this.userQuery().where({ "u.kind": kind, "u.phone": phone }).first<UserRow | undefined>();
    return row ? toUser(row) : null;
  }

  async insertUser(u: {
    kind: UserKind;
    email: string | null;
    phone: string | null;
    name: string;
    passwordHash: string | null;
    roles: { role: TenantRole; clinicIds?: string[] }[];
    providerId?: string | null;
  }): Promise<string> {
    const [row] = await this.db(USERS)
      .insert({ kind: u.kind, email: u.email, phone: u.phone, name: u.name, password_hash: u.passwordHash, provider_id: u.providerId ?? null })
      .returning<{ id: string }[]>("id");
    const id = (row as { id: string }).id;
    if (u.roles.length) await this.db(ROLES).insert(u.roles.map((r) => ({ user_id: id, role: r.role, clinic_ids: r.clinicIds ?? [] })));
    return id;
  }

  async updateUser(
    id: string,
    patch: Partial<{
      name: string;
      email: string | null;
      phone: string | null;
      passwordHash: string;
      status: UserStatus;
      failedSignIns: number;
      lockedUntil: Date | null;
      totpSecret: string | null;
      totpEnabledAt: Date | null;
      totpLastStep: number | null;
      recoveryCodeHashes: string[];
    }>,
  ): Promise<void> {
    const map: Record<string, string> = {
      name: "name",
      email: "email",
      phone: "phone",
      passwordHash: "password_hash",
      status: "status",
      failedSignIns: "failed_sign_ins",
      lockedUntil: "locked_until",
      totpSecret: "totp_secret",
      totpEnabledAt: "totp_enabled_at",
      totpLastStep: "totp_last_step",
      recoveryCodeHashes: "recovery_code_hashes",
    };
    const row: Record<string, unknown> = { updated_at: this.db.fn.now() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) row[map[k] as string] = v;
    await this.db(USERS).where({ id }).update(row);
  }

  /** Counts a failed sign-in atomically and returns the new count. */
  async incrementFailedSignIns(id: string): Promise<number> {
    const [row] = await this.db(USERS)
      .where({ id })
      .increment("failed_sign_ins", 1)
      .returning<{ failed_sign_ins: number }[]>("failed_sign_ins");
    return row?.failed_sign_ins ?? 0;
  }

  // Sessions

  async insertSession(s: Omit<SessionRecord, "lastSeenAt">): Promise<void> {
    await this.db(SESSIONS).insert({
      token_hash: s.tokenHash,
      user_id: s.userId,
      tenant_id: s.tenantId,
      second_factor_pending: s.secondFactorPending,
      second_factor_at: s.secondFactorAt,
      idle_expires_at: s.idleExpiresAt,
      absolute_expires_at: s.absoluteExpiresAt,
    });
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = await this.db(SESSIONS).where({ token_hash: tokenHash }).first<
      | {
          token_hash: string;
          user_id: string;
          tenant_id: string;
          second_factor_pending: boolean;
          second_factor_at: Date | null;
          last_seen_at: Date;
          idle_expires_at: Date;
          absolute_expires_at: Date;
        }
      | undefined
    >();
    if (!r) return null;
    return {
      tokenHash: r.token_hash,
      userId: r.user_id,
      tenantId: r.tenant_id,
      secondFactorPending: r.second_factor_pending,
      secondFactorAt: r.second_factor_at,
      lastSeenAt: r.last_seen_at,
      idleExpiresAt: r.idle_expires_at,
      absoluteExpiresAt: r.absolute_expires_at,
    };
  }

  async touchSession(tokenHash: string, idleExpiresAt: Date): Promise<void> {
    await this.db(SESSIONS).where({ token_hash: tokenHash }).update({ last_seen_at: this.db.fn.now(), idle_expires_at: idleExpiresAt });
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db(SESSIONS).where({ token_hash: tokenHash }).delete();
  }

  async deleteSessionsOfUser(userId: string): Promise<number> {
    return this.db(SESSIONS).where({ user_id: userId }).delete();
  }

  // Dependants

  /** Dependants of `patientId`, further narrowed by `visible` (the actor's ability as SQL) when given. */
  async listDependants(patientId: string, visible?: (qb: Knex.QueryBuilder) => void): Promise<DependantRecord[]> {
    const q = this.db(DEPENDANTS).where({ patient_id: patientId }).orderBy("created_at");
    if (visible) q.where(visible);
    const rows = await q;
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      patientId: r.patient_id as string,
      name: r.name as string,
      relationship: r.relationship as DependantRecord["relationship"],
      dateOfBirth: r.date_of_birth ? new Date(r.date_of_birth as string).toISOString().slice(0, 10) : null,
      gender: (r.gender as DependantRecord["gender"]) ?? null,
    }));
  }

  async findDependant(id: string): Promise<DependantRecord | null> {
    const r = await this.db(DEPENDANTS).where({ id }).first();
    if (!r) return null;
    return {
      id: r.id,
      patientId: r.patient_id,
      name: r.name,
      relationship: r.relationship,
      dateOfBirth: r.date_of_birth ? new Date(r.date_of_birth).toISOString().slice(0, 10) : null,
      gender: r.gender ?? null,
    };
  }

  async insertDependant(d: Omit<DependantRecord, "id">): Promise<string> {
    const [row] = await this.db(DEPENDANTS)
      .insert({ patient_id: d.patientId, name: d.name, relationship: d.relationship, date_of_birth: d.dateOfBirth, gender: d.gender })
      .returning<{ id: string }[]>("id");
    return (row as { id: string }).id;
  }

  async deleteDependant(id: string): Promise<void> {
    await this.db(DEPENDANTS).where({ id }).delete();
  }

  // One-time codes

  async insertCode(c: { purpose: "sms_sign_in" | "password_reset"; targetHash: string; codeHash: string; expiresAt: Date }): Promise<void> {
    // A new code replaces any earlier unused one for the same target.
    await this.db(CODES).where({ purpose: c.purpose, target_hash: c.targetHash }).whereNull("consumed_at").update({ consumed_at: this.db.fn.now() });
    await this.db(CODES).insert({ purpose: c.purpose, target_hash: c.targetHash, code_hash: c.codeHash, expires_at: c.expiresAt });
  }

  async latestLiveCode(purpose: string, targetHash: string): Promise<{ id: string; codeHash: string; attempts: number } | null> {
    const r = await this.db(CODES)
      .where({ purpose, target_hash: targetHash })
      .whereNull("consumed_at")
      .where("expires_at", ">", this.db.fn.now())
      .orderBy("created_at", "desc")
      .first<{ id: string; code_hash: string; attempts: number } | undefined>("id", "code_hash", "attempts");
    return r ? { id: r.id, codeHash: r.code_hash, attempts: r.attempts } : null;
  }

  async countCodeAttempt(id: string): Promise<void> {
    await this.db(CODES).where({ id }).increment("attempts", 1);
  }

  async consumeCode(id: string): Promise<boolean> {
    const n = await this.db(CODES).where({ id }).whereNull("consumed_at").update({ consumed_at: this.db.fn.now() });
    return n === 1;
  }
}
