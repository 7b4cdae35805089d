import { AbilityBuilder, createMongoAbility } from "@casl/ability";
import { DomainError } from "../errors/index.js";
import { isRole, STAFF_ROLES, type Role } from "./roles.js";
import { fieldsExcept, type AppAbility } from "./subjects.js";

/** Who is asking: a signed-in user in the tenant of the request, with their roles. */
export interface Actor {
  userId: string;
  /** The tenant of the request (for a platform admin: the tenant they are looking at). */
  tenantId: string;
  kind: "patient" | "staff" | "platform_admin";
  roles: Role[];
  /** The doctor's provider record; null for users who are not doctors. */
  providerId?: string | null;
  /** Clinics a front-desk user or clinic admin works at. */
  clinicIds: string[];
  /** A tenant's time-boxed permission for platform support to look at its data. */
  supportGrant?: { tenantId: string; expiresAt: Date } | null;
}

/** Adds one role's rules; `now` is the time the ability is built (for support-grant expiry). */
export type RoleRules = (builder: AbilityBuilder<AppAbility>, actor: Actor, now: Date) => void;

const PUBLIC_USER_FIELDS = ["id", "name", "email", "phone"];

function readDirectory({ can }: AbilityBuilder<AppAbility>): void {
  // Profiles only: onboarding documents (ProviderDocument) stay with the tenant admin.
  can("read", ["Provider", "Clinic", "Specialty"]);
}

function ownProfile({ can }: AbilityBuilder<AppAbility>, actor: Actor): void {
  can("read", "User", { id: actor.userId });
  // Not kind or status: a user must not promote or re-enable themselves.
  can("update", "User", ["name", "email", "phone"], { id: actor.userId });
}

function frontDesk(b: AbilityBuilder<AppAbility>, actor: Actor): void {
  b.can(["read", "create", "update", "cancel", "transition"], "Appointment", { clinicId: { $in: actor.clinicIds } });
  // Availability rules and exceptions of the clinics they work at. A front desk whose roles
  // name no clinic reads none (as with appointments): `clinicIds` is the union over all of
  // a user's roles, so an empty list cannot be told apart from "no clinic assigned yet",
  // and failing closed is the safe reading. Patients see rules only as open slots.
  b.can("read", "Availability", { clinicId: { $in: actor.clinicIds } });
  b.can(["read", "create"], "User", PUBLIC_USER_FIELDS, { kind: "patient" });
  readDirectory(b);
}

const ROLE_RULES: Record<Role, RoleRules> = {
  patient(b, actor) {
    ownProfile(b, actor);
    b.can("manage", "Dependant", { patientId: actor.userId });
    b.can(["read", "create", "cancel"], "Appointment", { patientId: actor.userId });
    b.can("read", "ClinicalNote", fieldsExcept("ClinicalNote", "privateNotes"), { patientId: actor.userId });
    b.can("read", "Provider", { published: true });
    b.can("read", ["Clinic", "Specialty"]);
  },

  doctor(b, actor) {
    ownProfile(b, actor);
    readDirectory(b);
    // A doctor account not yet linked to a provider gets no provider-scoped rules: a
    // `{ providerId: null }` condition would match every unassigned record.
    if (!actor.providerId) return;
    b.can("manage", "Availability", { providerId: actor.providerId });
    b.can(["read", "transition"], "Appointment", { providerId: actor.providerId });
    b.can("manage", "ClinicalNote", { providerId: actor.providerId });
  },

  front_desk: frontDesk,

  clinic_admin(b, actor) {
    frontDesk(b, actor);
    b.can("manage", "Availability", { clinicId: { $in: actor.clinicIds } });
    b.can("read", "StaffUser");
    b.can("invite", "Invite", { role: { $in: ["doctor", "front_desk"] } });
    b.can("read", "Report");
  },

  tenant_admin(b, actor) {
    // `manage` covers the onboarding actions too: approve (and reject) and publish.
    b.can("manage", ["StaffUser", "SsoProvider", "Provider", "ProviderDocument", "Specialty", "Clinic", "SupportGrant"]);
    // Every doctor's availability and exceptions, and the booking rules (tenant default and per doctor).
    b.can("manage", ["Availability", "BookingPolicy"]);
    // Staff invites only: never a patient or a platform admin.
    b.can("manage", "Invite", { role: { $in: [...STAFF_ROLES] } });
    // Not create/delete: creating, suspending and deleting tenants is provisioning's job.
    b.can(["read", "update"], "Tenant", { id: actor.tenantId });
    b.can("read", ["AuditLog", "Report"]);
    b.can("read", "Appointment", fieldsExcept("Appointment", "reason"));
    b.can("read", "User", ["id", "kind", "name", "email", "phone", "status"]);
    b.can("update", "User", ["status"]);
    b.cannot("read", "ClinicalNote").because("Clinical notes are for the treating doctor and the patient");
  },

  finance(b) {
    b.can("read", ["Payment", "Report"]);
    b.can("read", "Appointment", ["id", "status", "fee", "providerId", "clinicId"]);
  },

  support(b) {
    b.can("manage", "SupportTicket");
    b.can("read", "User", ["id", "name", "email", "phone", "status"]);
    b.can("read", "Appointment", ["id", "status", "providerId", "clinicId"]);
  },

  platform_admin(b, actor, now) {
    b.can("manage", "Tenant");
    // The platform's own audit trail; a tenant's audit log needs a support grant.
    b.can("read", "AuditLog", { scope: "platform" });
    b.cannot("read", "ClinicalNote").because("Platform staff never read clinical notes");
    const grant = actor.supportGrant;
    if (!grant || grant.tenantId !== actor.tenantId || !(new Date(grant.expiresAt).getTime() > now.getTime())) return;
    b.can("read", "User", ["id", "kind", "name", "email", "status"]);
    b.can("read", "Appointment", fieldsExcept("Appointment", "reason"));
    b.can("read", ["StaffUser", "Provider", "Clinic", "AuditLog"]);
  },
};

/**
 * Builds the ability of one actor for one request: the union of their roles' rules.
 * Throws on an unknown role and on a platform-admin role held by a tenant user.
 */
export function defineAbilityFor(actor: Actor, options: { now?: Date } = {}): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const now = options.now ?? new Date();
  for (const role of actor.roles) {
    if (!isRole(role)) throw new DomainError("internal", `Unknown role "${String(role)}"`);
    if ((role === "platform_admin") !== (actor.kind === "platform_admin")) {
      throw new DomainError("internal", `Role "${role}" cannot be held by a user of kind "${actor.kind}"`);
    }
    ROLE_RULES[role](builder, actor, now);
  }
  // CASL lets a later `cannot` override an earlier `can`, so with several roles a role's
  // `cannot` would take away what another role grants (a tenant admin who is also a
  // doctor could not read their own notes). Roles are a union, so `cannot` rules go
  // first (lowest priority): they name what a role never grants and give the reason.
  // They must stay unconditional: rulesToQuery (sql.ts) only agrees with `can()` for
  // conditional `cannot` rules that have higher priority than the `can` rules.
  const rules = [...builder.rules.filter((r) => r.inverted), ...builder.rules.filter((r) => !r.inverted)];
  return createMongoAbility(rules) as AppAbility;
}
