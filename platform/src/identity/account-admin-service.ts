import { z } from "zod";
import { STAFF_ROLES, canOn, defineAbilityFor, requireCan, subject, type Actor, type AppAbility } from "../access/index.js";
import { createTenantAuditService, type AuditEntry, type AuditMetadata } from "../audit/index.js";
import type { TenantScope, TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError, parseInput } from "../errors/index.js";
import { AccountAdminStore, type InviteRecord, type StaffMember, type StaffRole, type StaffRoleGrant } from "./account-admin-store.js";
import { SECOND_FACTOR_REQUIRED_ROLES, type TenantRef } from "./identity-service.js";
import { Email, NewPassword, PersonName } from "./identity-inputs.js";
import { IdentityStore, type UserRecord } from "./identity-store.js";
import type { MessageChannel } from "./message-channel.js";
import { hashPassword } from "./passwords.js";
import { hashToken, randomToken } from "./secrets.js";

/**
 * A tenant with the host it is registered under as primary. Links in emails are built
 * from `primaryHost`, never from the request's Host header: an alias, or a Host header
 * an attacker chose, must not end up in a link that carries a secret.
 */
export type LinkedTenantRef = TenantRef & { primaryHost: string };

export interface AccountAdminServiceDeps {
  withTenant: TenantUnitOfWork;
  messages: MessageChannel;
  /** The origin for links on `primaryHost`: `https://${host}` in production, `http://${host}:3000` in development. */
  linkBase: (primaryHost: string) => string;
  now?: () => Date;
}

export interface StaffListEntry extends StaffMember {
  /** A lock from too many wrong passwords is in force now. */
  locked: boolean;
}

export type InviteStatus = "pending" | "accepted" | "revoked" | "expired";

export interface InviteView {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  clinicIds: string[];
  invitedBy: string | null;
  status: InviteStatus;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
}

/** What the accept page may show to whoever holds the link. */
export interface InviteDescription {
  role: StaffRole;
  emailMasked: string;
  /** The name the inviter typed, to pre-fill the form; the invitee may change it. */
  name: string | null;
  expired: boolean;
  expiresAt: Date;
}

export interface RoleChange {
  added: StaffRole[];
  removed: StaffRole[];
  sessionsEnded: number;
}

export const INVITE_TTL_DAYS = 7;

/** Staff who work in the admin app get their invite link there; the others in the doctor hub. */
const ADMIN_APP_ROLES: ReadonlySet<StaffRole> = new Set(["tenant_admin", "clinic_admin", "finance", "support"]);

const ROLE_LABELS: Record<StaffRole, string> = {
  doctor: "a doctor",
  front_desk: "front desk staff",
  clinic_admin: "a clinic administrator",
  tenant_admin: "an administrator",
  finance: "finance staff",
  support: "support staff",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const StaffRoleInput = z.enum(STAFF_ROLES, { errorMap: () => ({ message: "Choose a staff role" }) });
const ClinicIds = z.preprocess(
  (v) => (typeof v === "string" ? (v ? [v] : []) : v ?? []),
  z.array(z.string().uuid("Choose a clinic")).max(50).transform((ids) => [...new Set(ids)].sort()),
);
const OptionalName = PersonName.optional().or(z.literal("").transform(() => undefined));

export const InviteInput = z.object({ email: Email, name: OptionalName, role: StaffRoleInput, clinicIds: ClinicIds });
export const AcceptInviteInput = z.object({ token: z.string().trim().min(1).max(200), name: OptionalName, password: NewPassword });
const RoleGrantInput = z.union([
  StaffRoleInput.transform((role) => ({ role, clinicIds: [] as string[] })),
  z.object({ role: StaffRoleInput, clinicIds: ClinicIds }),
]);
export const ChangeRolesInput = z
  .array(RoleGrantInput)
  .min(1, "Give at least one role, or disable the account instead")
  .refine((grants) => new Set(grants.map((g) => g.role)).size === grants.length, "List each role once");


/** `asha.verma@example.com` -> `a***a@example.com`: enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const masked = local.length <= 2 ? `${local[0] ?? ""}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${masked}@${domain}`;
}

/** The path of the app where staff with `role` accept an invite. */
export function inviteAppPath(role: StaffRole): "/admin" | "/doctor" {
  return ADMIN_APP_ROLES.has(role) ? "/admin" : "/doctor";
}

function staffSubject(u: { id: string; name: string; email: string | null; phone: string | null; status: string; roles: { role: string; clinicIds: string[] }[] }) {
  return {
    id: u.id,
    kind: "staff",
    name: u.name,
    email: u.email,
    phone: u.phone,
    status: u.status,
    roles: u.roles.map((r) => r.role),
    clinicIds: [...new Set(u.roles.flatMap((r) => r.clinicIds))],
  };
}

function userSubject(u: UserRecord) {
  return { id: u.id, kind: u.kind, name: u.name, email: u.email, phone: u.phone, status: u.status };
}

function inviteSubject(i: InviteRecord) {
  return { id: i.id, role: i.role, clinicIds: i.clinicIds, invitedBy: i.invitedBy };
}

function sameIds(a: string[], b: string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const forbidden = (message: string) => new DomainError("forbidden", message);

/**
 * Staff administration for one tenant: the staff list, invites, role changes, disabling,
 * enabling and unlocking accounts. Every method that acts for someone builds the actor's
 * CASL ability and checks it against the record it loaded: a record the actor may not
 * read is `not_found`, one they may read but not change is `forbidden`.
 */
export class AccountAdminService {
  constructor(private readonly deps: AccountAdminServiceDeps) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private ability(tenant: LinkedTenantRef, actor: Actor): AppAbility {
    // An actor of another tenant learns nothing about this one.
    if (actor.tenantId !== tenant.id) throw new NotFoundError();
    return defineAbilityFor(actor, { now: this.now() });
  }

  private audit(scope: TenantScope, actor: Actor | null, entry: Omit<AuditEntry, "actorType" | "actorId"> & { actorId?: string }): Promise<unknown> {
    const who = actor
      ? { actorType: actor.kind === "platform_admin" ? ("platform_admin" as const) : ("user" as const), actorId: actor.userId }
      : { actorType: "user" as const, actorId: entry.actorId };
    return createTenantAuditService(scope, { now: this.deps.now }).record({ ...entry, ...who });
  }

  /** A tenant user by id, or `not_found` (also for ids that are not ids). */
  private async loadUser(store: IdentityStore, userId: string): Promise<UserRecord> {
    const user = UUID.test(userId) ? await store.findUserById(userId) : null;
    if (!user) throw new NotFoundError("No such account.");
    return user;
  }

  /** Throws unless the actor may change this account's state (status, lock). */
  private requireUpdate(ability: AppAbility, user: UserRecord): void {
    if (user.kind === "staff") {
      requireCan(ability, "update", "StaffUser", staffSubject(user));
      return;
    }
    requireCan(ability, "update", "User", userSubject(user));
    if (!ability.can("update", subject("User", userSubject(user)), "status")) throw forbidden("You may not change this account's status.");
  }

  /**
   * Refuses a change that would leave the tenant without an active tenant admin. Locks
   * the admins' role rows, so concurrent demotions see each other.
   */
  private async requireAnotherTenantAdmin(store: AccountAdminStore, userId: string): Promise<void> {
    const admins = await store.lockActiveTenantAdmins();
    if (!admins.some((id) => id !== userId)) {
      throw new DomainError("conflict", "A hospital must keep at least one active administrator. Make someone else an administrator first.");
    }
  }

  /** Every staff account the actor may see, with roles, status, lock and second-factor flags. */
  async listStaff(tenant: LinkedTenantRef, actor: Actor): Promise<StaffListEntry[]> {
    const ability = this.ability(tenant, actor);
    if (!ability.can("read", "StaffUser")) throw forbidden("You may not see the staff list.");
    const staff = await this.deps.withTenant(tenant, (scope) => new AccountAdminStore(scope).listStaff());
    const now = this.now();
    return staff
      .filter((m) => canOn(ability, "read", "StaffUser", staffSubject(m)))
      .map((m) => ({ ...m, locked: Boolean(m.lockedUntil && m.lockedUntil > now) }));
  }

  /**
   * Invites a person by email to a staff role. The link (sent by email, never returned)
   * is on the tenant's primary host; a new invite replaces an open one for the same email.
   */
  async invite(tenant: LinkedTenantRef, actor: Actor, raw: unknown): Promise<{ id: string; role: StaffRole; expiresAt: Date }> {
    const input = parseInput(InviteInput, raw, "roles");
    const ability = this.ability(tenant, actor);
    requireCan(ability, "invite", "Invite", { role: input.role, clinicIds: input.clinicIds });
    const clinicIds = this.inviteClinics(ability, actor, input.clinicIds);
    const token = randomToken(32);
    const expiresAt = new Date(this.now().getTime() + INVITE_TTL_DAYS * 24 * 3600 * 1000);
    const invite = await this.deps.withTenant(tenant, async (scope) => {
      const store = new AccountAdminStore(scope);
      const existing = await new IdentityStore(scope).findUserByEmail("staff", input.email);
      if (existing) {
        throw new ValidationError("Please check the highlighted fields.", [
          {
            field: "email",
            message: existing.status === "disabled" ? "This email belongs to a disabled staff account. Enable that account instead." : "This email already has a staff account.",
          },
        ]);
      }
      await store.revokeOpenInvitesFor(input.email);
      const created = await store.insertInvite({
        email: input.email,
        name: input.name ?? null,
        role: input.role,
        clinicIds,
        tokenHash: hashToken(token),
        invitedBy: actor.kind === "platform_admin" ? null : actor.userId,
        expiresAt,
      });
      await this.audit(scope, actor, { action: "user.invited", subjectType: "invite", subjectId: created.id, outcome: "success", metadata: { role: input.role } });
      return created;
    });
    // After commit: an email must never point at an invite that rolled back.
    const link = `${this.deps.linkBase(tenant.primaryHost)}${inviteAppPath(input.role)}/invite/${token}`;
    await this.deps.messages.send({
      tenantSlug: tenant.slug,
      channel: "email",
      recipient: input.email,
      subject: `You're invited to ${tenant.name}`,
      body:
        `${input.name ? `Hello ${input.name},\n\n` : ""}You have been invited to join ${tenant.name} as ${ROLE_LABELS[input.role]}.\n\n` +
        `Set up your account: ${link}\n\nThe link works once and expires in ${INVITE_TTL_DAYS} days. If you were not expecting this, you can ignore this email.`,
    });
    return { id: invite.id, role: invite.role, expiresAt: invite.expiresAt };
  }

  /**
   * The clinics an invite is for. The `Invite` rules name roles, not clinics, so an
   * actor who may not administer every staff account (a clinic admin) may invite only
   * to their own clinics; with none given, the invite is for all of theirs.
   */
  private inviteClinics(ability: AppAbility, actor: Actor, clinicIds: string[]): string[] {
    if (canOn(ability, "update", "StaffUser", {})) return clinicIds;
    const own = new Set(actor.clinicIds);
    const chosen = clinicIds.length ? clinicIds : [...own].sort();
    if (!chosen.length || chosen.some((c) => !own.has(c))) throw forbidden("You can invite people only to your own clinics.");
    return chosen;
  }

  /** What the accept page shows; `not_found` for an unknown, used or revoked link. */
  async describeInvite(tenant: LinkedTenantRef, token: string): Promise<InviteDescription> {
    const invite = await this.openInvite(tenant, token);
    return { role: invite.role, emailMasked: maskEmail(invite.email), name: invite.name, expired: invite.expiresAt <= this.now(), expiresAt: invite.expiresAt };
  }

  private async openInvite(tenant: LinkedTenantRef, token: string): Promise<InviteRecord> {
    const invite = token && token.length <= 200 ? await this.deps.withTenant(tenant, (scope) => new AccountAdminStore(scope).findInviteByTokenHash(hashToken(token))) : null;
    if (!invite || invite.acceptedAt || invite.revokedAt) throw new NotFoundError("This invitation link is not valid. Ask your administrator for a new one.");
    return invite;
  }

  /**
   * Creates the invited staff account with the invite's email and role, once: the invite
   * is used up. Returns the new user's id; the caller then signs in as usual.
   */
  async acceptInvite(tenant: LinkedTenantRef, raw: unknown): Promise<string> {
    const input = parseInput(AcceptInviteInput, raw, "roles");
    // Checked before the slow hash, so a dead link costs no argon2 run.
    const peek = await this.openInvite(tenant, input.token);
    if (peek.expiresAt <= this.now()) throw new NotFoundError("This invitation has expired. Ask your administrator for a new one.");
    const name = input.name ?? peek.name;
    if (!name) throw new ValidationError("Please check the highlighted fields.", [{ field: "name", message: "Enter a name" }]);
    const passwordHash = await hashPassword(input.password);
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new AccountAdminStore(scope);
      const users = new IdentityStore(scope);
      const invite = await store.findInviteByTokenHash(hashToken(input.token), { lock: true });
      if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= this.now()) {
        throw new NotFoundError("This invitation link is not valid. Ask your administrator for a new one.");
      }
      if (await users.findUserByEmail("staff", invite.email)) throw new DomainError("conflict", "This email already has a staff account. Sign in instead.");
      const userId = await users.insertUser({ kind: "staff", email: invite.email, phone: null, name, passwordHash, roles: [{ role: invite.role, clinicIds: invite.clinicIds }] });
      if (!(await store.markInviteAccepted(invite.id, userId))) throw new NotFoundError("This invitation link is not valid. Ask your administrator for a new one.");
      await this.audit(scope, null, { actorId: userId, action: "user.invite_accepted", subjectType: "invite", subjectId: invite.id, outcome: "success", metadata: { role: invite.role } });
      return userId;
    });
  }

  /** The invites the actor may see, newest first. */
  async listInvites(tenant: LinkedTenantRef, actor: Actor): Promise<InviteView[]> {
    const ability = this.ability(tenant, actor);
    if (!ability.can("read", "Invite")) throw forbidden("You may not see invitations.");
    const invites = await this.deps.withTenant(tenant, (scope) => new AccountAdminStore(scope).listInvites());
    const now = this.now();
    return invites
      .filter((i) => canOn(ability, "read", "Invite", inviteSubject(i)))
      .map((i) => ({
        id: i.id,
        email: i.email,
        name: i.name,
        role: i.role,
        clinicIds: i.clinicIds,
        invitedBy: i.invitedBy,
        status: i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt <= now ? "expired" : "pending",
        expiresAt: i.expiresAt,
        acceptedAt: i.acceptedAt,
        createdAt: i.createdAt,
      }));
  }

  /** Revokes an open invite: its link stops working. */
  async revokeInvite(tenant: LinkedTenantRef, actor: Actor, inviteId: string): Promise<void> {
    const ability = this.ability(tenant, actor);
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new AccountAdminStore(scope);
      const invite = UUID.test(inviteId) ? await store.findInvite(inviteId) : null;
      if (!invite) throw new NotFoundError("No such invitation.");
      requireCan(ability, "delete", "Invite", inviteSubject(invite));
      if (!(await store.revokeInvite(invite.id))) throw new DomainError("conflict", "This invitation was already accepted or revoked.");
      // No audit entry: the audit log has no `user.invite_revoked` action yet.
    });
  }

  /**
   * Makes `roles` the staff account's whole set of roles. The actor must be allowed to
   * update the account and to grant (or take away) each role that changes; the last
   * active tenant admin keeps the role. Taking anything away, or adding a role that needs
   * a second factor the user has not set up, ends all their sessions.
   */
  async changeRoles(tenant: LinkedTenantRef, actor: Actor, userId: string, raw: unknown): Promise<RoleChange> {
    const grants: StaffRoleGrant[] = parseInput(ChangeRolesInput, raw, "roles");
    const ability = this.ability(tenant, actor);
    return this.deps.withTenant(tenant, async (scope) => {
      const users = new IdentityStore(scope);
      const store = new AccountAdminStore(scope);
      const user = await this.loadUser(users, userId);
      if (user.kind !== "staff") throw new NotFoundError("No such account.");
      requireCan(ability, "update", "StaffUser", staffSubject(user));
      const before = new Map(user.roles.map((r) => [r.role as StaffRole, r.clinicIds]));
      const after = new Map(grants.map((g) => [g.role, g.clinicIds]));
      const added = grants.map((g) => g.role).filter((r) => !before.has(r));
      const removed = [...before.keys()].filter((r) => !after.has(r));
      const rescoped = grants.filter((g) => before.has(g.role) && !sameIds(before.get(g.role) ?? [], g.clinicIds));
      if (!added.length && !removed.length && !rescoped.length) return { added: [], removed: [], sessionsEnded: 0 };
      // Granting and taking away a role need the same right as inviting someone to it.
      for (const role of [...added, ...rescoped.map((g) => g.role)]) requireCan(ability, "invite", "Invite", { role, clinicIds: after.get(role) ?? [] });
      for (const role of removed) requireCan(ability, "invite", "Invite", { role, clinicIds: before.get(role) ?? [] });
      if (removed.includes("tenant_admin") && user.status === "active") await this.requireAnotherTenantAdmin(store, user.id);
      await store.replaceRoles(user.id, grants);
      const narrowed = removed.length > 0 || rescoped.some((g) => (before.get(g.role) ?? []).some((c) => !g.clinicIds.includes(c)));
      const needsSecondFactor =
        !user.totpEnabledAt && added.some((r) => SECOND_FACTOR_REQUIRED_ROLES.has(r)) && !user.roles.some((r) => SECOND_FACTOR_REQUIRED_ROLES.has(r.role));
      const sessionsEnded = narrowed || needsSecondFactor ? await users.deleteSessionsOfUser(user.id) : 0;
      const metadata: AuditMetadata = { added, removed, clinics_changed: rescoped.length > 0, sessions_ended: sessionsEnded };
      await this.audit(scope, actor, { action: "user.role_changed", subjectType: "user", subjectId: user.id, outcome: "success", metadata });
      return { added, removed, sessionsEnded };
    });
  }

  /** Disables an account and ends all its sessions. Nobody can disable themselves. */
  async disable(tenant: LinkedTenantRef, actor: Actor, userId: string): Promise<{ sessionsEnded: number }> {
    const ability = this.ability(tenant, actor);
    return this.deps.withTenant(tenant, async (scope) => {
      const users = new IdentityStore(scope);
      const user = await this.loadUser(users, userId);
      this.requireUpdate(ability, user);
      if (user.id === actor.userId) throw forbidden("You cannot disable your own account.");
      if (user.status === "disabled") return { sessionsEnded: 0 };
      if (user.status === "active" && user.roles.some((r) => r.role === "tenant_admin")) await this.requireAnotherTenantAdmin(new AccountAdminStore(scope), user.id);
      await users.updateUser(user.id, { status: "disabled" });
      const sessionsEnded = await users.deleteSessionsOfUser(user.id);
      await this.audit(scope, actor, { action: "user.disabled", subjectType: "user", subjectId: user.id, outcome: "success", metadata: { sessions_ended: sessionsEnded } });
      return { sessionsEnded };
    });
  }

  /** Re-enables a disabled account; the user signs in again as usual. */
  async enable(tenant: LinkedTenantRef, actor: Actor, userId: string): Promise<void> {
    const ability = this.ability(tenant, actor);
    await this.deps.withTenant(tenant, async (scope) => {
      const users = new IdentityStore(scope);
      const user = await this.loadUser(users, userId);
      this.requireUpdate(ability, user);
      if (user.status !== "disabled") return;
      await users.updateUser(user.id, { status: "active" });
      await this.audit(scope, actor, { action: "user.enabled", subjectType: "user", subjectId: user.id, outcome: "success" });
    });
  }

  /** Lifts a lock from too many wrong passwords and clears the failure count. */
  async unlock(tenant: LinkedTenantRef, actor: Actor, userId: string): Promise<void> {
    const ability = this.ability(tenant, actor);
    await this.deps.withTenant(tenant, async (scope) => {
      const users = new IdentityStore(scope);
      const user = await this.loadUser(users, userId);
      this.requireUpdate(ability, user);
      const wasLocked = Boolean(user.lockedUntil && user.lockedUntil > this.now());
      await users.updateUser(user.id, { lockedUntil: null, failedSignIns: 0 });
      await this.audit(scope, actor, { action: "auth.unlocked", subjectType: "user", subjectId: user.id, outcome: "success", metadata: { was_locked: wasLocked } });
    });
  }
}
