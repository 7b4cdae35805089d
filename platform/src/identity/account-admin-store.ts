import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";
import type { TenantRole, UserStatus } from "./identity-store.js";

const USERS = "users";
const ROLES = "user_roles";
const INVITES = "invites";

/** A role a staff account can hold (every tenant role but `patient`). */
export type StaffRole = Exclude<TenantRole, "patient">;

export interface StaffRoleGrant {
  role: StaffRole;
  clinicIds: string[];
}

/** One staff account as the staff list shows it: no hashes, secrets or codes. */
export interface StaffMember {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: UserStatus;
  roles: StaffRoleGrant[];
  lockedUntil: Date | null;
  failedSignIns: number;
  secondFactorEnabled: boolean;
  createdAt: Date;
}

export interface InviteRecord {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  clinicIds: string[];
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedUserId: string | null;
  revokedAt: Date | null;
  createdAt: Date;
}

interface StaffRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: UserStatus;
  failed_sign_ins: number;
  locked_until: Date | null;
  totp_enabled_at: Date | null;
  created_at: Date;
  roles: { role: StaffRole; clinic_ids: string[] }[] | null;
}

interface InviteRow {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  clinic_ids: string[];
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  revoked_at: Date | null;
  created_at: Date;
}

const INVITE_COLUMNS = ["id", "email", "name", "role", "clinic_ids", "invited_by", "expires_at", "accepted_at", "accepted_user_id", "revoked_at", "created_at"];

function toInvite(r: InviteRow): InviteRecord {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    clinicIds: r.clinic_ids,
    invitedBy: r.invited_by,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    acceptedUserId: r.accepted_user_id,
    revokedAt: r.revoked_at,
    createdAt: r.created_at,
  };
}

/**
 * Account administration for one tenant: the staff list, role grants and invites.
 * Single accounts, sessions and one-time codes stay in `IdentityStore`.
 */
export class AccountAdminStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  async listStaff(): Promise<StaffMember[]> {
    const rows = await this.db(`${USERS} as u`)
      .where("u.kind", "staff")
      .orderBy([{ column: "u.name" }, { column: "u.id" }])
      .select<StaffRow[]>(
        "u.id",
        "u.name",
        "u.email",
        "u.phone",
        "u.status",
        "u.failed_sign_ins",
        "u.locked_until",
        "u.totp_enabled_at",
        "u.created_at",
        this.db.raw(
          `(select coalesce(json_agg(json_build_object('role', r.role, 'clinic_ids', r.clinic_ids) order by r.role), '[]'::json)
             from ${ROLES} r where r.user_id = u.id) as roles`,
        ),
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      status: r.status,
      roles: (r.roles ?? []).map((x) => ({ role: x.role, clinicIds: x.clinic_ids })),
      lockedUntil: r.locked_until,
      failedSignIns: r.failed_sign_ins,
      secondFactorEnabled: Boolean(r.totp_enabled_at),
      createdAt: r.created_at,
    }));
  }

  /**
   * Ids of the active staff holding `tenant_admin`, with their role rows locked until the
   * transaction ends: two admins demoting or disabling each other at once cannot both
   * see the other as the remaining one.
   */
  async lockActiveTenantAdmins(): Promise<string[]> {
    const rows = await this.db(`${ROLES} as r`)
      .join(`${USERS} as u`, "u.id", "r.user_id")
      .where({ "r.role": "tenant_admin", "u.kind": "staff", "u.status": "active" })
      .orderBy("r.user_id")
      .forUpdate()
      .select<{ user_id: string }[]>("r.user_id");
    return rows.map((r) => r.user_id);
  }

  /** Makes `grants` the user's whole set of roles, keeping `granted_at` of roles they keep. */
  async replaceRoles(userId: string, grants: StaffRoleGrant[]): Promise<void> {
    const keep = grants.map((g) => g.role);
    const q = this.db(ROLES).where({ user_id: userId });
    if (keep.length) q.whereNotIn("role", keep);
    await q.delete();
    if (!grants.length) return;
    await this.db(ROLES)
      .insert(grants.map((g) => ({ user_id: userId, role: g.role, clinic_ids: g.clinicIds })))
      .onConflict(["user_id", "role"])
      .merge(["clinic_ids"]);
  }

  // Invites

  async insertInvite(i: { email: string; name: string | null; role: StaffRole; clinicIds: string[]; tokenHash: string; invitedBy: string | null; expiresAt: Date }): Promise<InviteRecord> {
    const [row] = await this.db(INVITES)
      .insert({
        email: i.email,
        name: i.name,
        role: i.role,
        clinic_ids: i.clinicIds,
        token_hash: i.tokenHash,
        invited_by: i.invitedBy,
        expires_at: i.expiresAt,
      })
      .returning<InviteRow[]>(INVITE_COLUMNS);
    return toInvite(row as InviteRow);
  }

  /** Revokes every open invite for `email` (a new invite replaces the old link). */
  async revokeOpenInvitesFor(email: string): Promise<number> {
    return this.db(INVITES).where({ email }).whereNull("accepted_at").whereNull("revoked_at").update({ revoked_at: this.db.fn.now() });
  }

  async findInvite(id: string): Promise<InviteRecord | null> {
    const row = await this.db(INVITES).where({ id }).first<InviteRow | undefined>(INVITE_COLUMNS);
    return row ? toInvite(row) : null;
  }

  /** The invite whose link token hashes to `tokenHash`; `lock` holds it until commit. */
  async findInviteByTokenHash(tokenHash: string, opts: { lock?: boolean } = {}): Promise<InviteRecord | null> {
    const q = this.db(INVITES).where({ token_hash: tokenHash });
    if (opts.lock) q.forUpdate();
    const row = await q.first<InviteRow | undefined>(INVITE_COLUMNS);
    return row ? toInvite(row) : null;
  }

  async listInvites(opts: { limit?: number } = {}): Promise<InviteRecord[]> {
    const rows = await this.db(INVITES)
      .orderBy([{ column: "created_at", order: "desc" }, { column: "id" }])
      .limit(opts.limit ?? 200)
      .select<InviteRow[]>(INVITE_COLUMNS);
    return rows.map(toInvite);
  }

  /** Marks an open invite accepted; false when it was accepted or revoked meanwhile. */
  async markInviteAccepted(id: string, userId: string): Promise<boolean> {
    const n = await this.db(INVITES).where({ id }).whereNull("accepted_at").whereNull("revoked_at").update({ accepted_at: this.db.fn.now(), accepted_user_id: userId });
    return n === 1;
  }

  /** Revokes an open invite; false when it was already accepted or revoked. */
  async revokeInvite(id: string): Promise<boolean> {
    const n = await this.db(INVITES).where({ id }).whereNull("accepted_at").whereNull("revoked_at").update({ revoked_at: this.db.fn.now() });
    return n === 1;
  }
}
