import type { Knex } from "knex";

const ADMINS = "platform.platform_admins";
const SESSIONS = "platform.platform_sessions";

export interface PlatformAdminRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  status: "active" | "disabled";
  failedSignIns: number;
  lockedUntil: Date | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  recoveryCodeHashes: string[];
}

export interface PlatformSessionRecord {
  tokenHash: string;
  adminId: string;
  secondFactorPending: boolean;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

/** Platform admins and their sessions, in the control plane. */
export class PlatformAdminStore {
  constructor(private readonly db: Knex) {}

  private toAdmin(r: Record<string, unknown>): PlatformAdminRecord {
    return {
      id: r.id as string,
      email: r.email as string,
      name: r.name as string,
      passwordHash: r.password_hash as string,
      status: r.status as "active" | "disabled",
      failedSignIns: r.failed_sign_ins as number,
      lockedUntil: (r.locked_until as Date) ?? null,
      totpSecret: (r.totp_secret as string) ?? null,
      totpEnabledAt: (r.totp_enabled_at as Date) ?? null,
      totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
      recoveryCodeHashes: (r.recovery_code_hashes as string[]) ?? [],
    };
  }

  async findByEmail(email: string, db: Knex = this.db): Promise<PlatformAdminRecord | null> {
    const r = await db(ADMINS).where({ email }).first();
    return r ? this.toAdmin(r) : null;
  }

  async findById(id: string, db: Knex = this.db): Promise<PlatformAdminRecord | null> {
    const r = await db(ADMINS).where({ id }).first();
    return r ? this.toAdmin(r) : null;
  }

  async insert(a: { email: string; name: string; passwordHash: string; totpSecret?: string | null }): Promise<string> {
    const [row] = await this.db(ADMINS)
      .insert({
        email: a.email,
        name: a.name,
        password_hash: a.passwordHash,
        totp_secret: a.totpSecret ?? null,
        totp_enabled_at: a.totpSecret ? this.db.fn.now() : null,
      })
      .onConflict("email")
      .ignore()
      .returning<{ id: string }[]>("id");
    return row?.id ?? ((await this.findByEmail(a.email)) as PlatformAdminRecord).id;
  }

  async update(
    id: string,
    patch: Partial<Pick<PlatformAdminRecord, "failedSignIns" | "lockedUntil" | "totpSecret" | "totpEnabledAt" | "totpLastStep" | "recoveryCodeHashes" | "status">>,
    db: Knex = this.db,
  ): Promise<void> {
    const map: Record<string, string> = {
      failedSignIns: "failed_sign_ins",
      lockedUntil: "locked_until",
      totpSecret: "totp_secret",
      totpEnabledAt: "totp_enabled_at",
      totpLastStep: "totp_last_step",
      recoveryCodeHashes: "recovery_code_hashes",
      status: "status",
    };
    const row: Record<string, unknown> = { updated_at: db.fn.now() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) row[map[k] as string] = v;
    await db(ADMINS).where({ id }).update(row);
  }

  async insertSession(s: Omit<PlatformSessionRecord, "lastSeenAt">, db: Knex = this.db): Promise<void> {
    await db(SESSIONS).insert({
      token_hash: s.tokenHash,
      admin_id: s.adminId,
      second_factor_pending: s.secondFactorPending,
      idle_expires_at: s.idleExpiresAt,
      absolute_expires_at: s.absoluteExpiresAt,
    });
  }

  async findSession(tokenHash: string, db: Knex = this.db): Promise<PlatformSessionRecord | null> {
    const r = await db(SESSIONS).where({ token_hash: tokenHash }).first();
    if (!r) return null;
    return {
      tokenHash: r.token_hash,
      adminId: r.admin_id,
      secondFactorPending: r.second_factor_pending,
      lastSeenAt: r.last_seen_at,
      idleExpiresAt: r.idle_expires_at,
      absoluteExpiresAt: r.absolute_expires_at,
    };
  }

  async touchSession(tokenHash: string, idleExpiresAt: Date): Promise<void> {
    await this.db(SESSIONS).where({ token_hash: tokenHash }).update({ last_seen_at: this.db.fn.now(), idle_expires_at: idleExpiresAt });
  }

  async deleteSession(tokenHash: string, db: Knex = this.db): Promise<void> {
    await db(SESSIONS).where({ token_hash: tokenHash }).delete();
  }
}
