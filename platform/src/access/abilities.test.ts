import { describe, expect, it } from "vitest";
import { defineAbilityFor, subject, isRole, requiresSecondFactor, ROLES, STAFF_ROLES, ADMIN_ROLES, type Action, type Actor, type RecordSubjectType, type Role } from "./index.js";
import { ACTOR_NAMES, ACTORS, EARLIER, LATER, NOW, TENANT, type ActorName } from "./test-fixtures.js";

const ability = (actor: Actor) => defineAbilityFor(actor, { now: NOW });
const can = (actor: Actor, action: Action, type: RecordSubjectType, record: Record<string, unknown>, field?: string) =>
  ability(actor).can(action, subject(type, { ...record }), field);

// p1 is the patient actor, pr1 the doctor actor's provider, c1 the front desk's clinic.
const R = {
  ownAppt: { id: "a1", patientId: "p1", providerId: "pr1", clinicId: "c1", status: "booked", fee: 500, reason: "cough" },
  otherPatientsAppt: { id: "a2", patientId: "p2", providerId: "pr2", clinicId: "c2", status: "booked", fee: 700, reason: "rash" },
  // Another patient's appointment with the doctor actor, at another clinic.
  ownProvidersAppt: { id: "a3", patientId: "p2", providerId: "pr1", clinicId: "c2", status: "booked", fee: 500, reason: "flu" },
  // Another provider's appointment at the front desk's clinic.
  ownClinicsAppt: { id: "a4", patientId: "p2", providerId: "pr2", clinicId: "c1", status: "booked", fee: 500, reason: "ache" },
  ownNote: { id: "n1", patientId: "p1", providerId: "pr1", body: "ok", privateNotes: "hmm" },
  otherNote: { id: "n2", patientId: "p2", providerId: "pr2", body: "ok", privateNotes: "hmm" },
  selfUser: { id: "p1", kind: "patient", name: "P One", email: "p1@x", phone: "1", status: "active" },
  otherPatientUser: { id: "p2", kind: "patient", name: "P Two", email: "p2@x", phone: "2", status: "active" },
  staffUser: { id: "s9", kind: "staff", name: "S", email: "s@x", phone: "3", status: "active" },
  ownDependant: { id: "dp1", patientId: "p1", name: "Kid", relationship: "child" },
  otherDependant: { id: "dp2", patientId: "p2", name: "Kid", relationship: "child" },
  ownAvailability: { providerId: "pr1", clinicId: "c2" },
  clinicAvailability: { providerId: "pr2", clinicId: "c1" },
  otherAvailability: { providerId: "pr2", clinicId: "c2" },
  // A clinic holiday names no doctor: a doctor's own-availability rule must not match it.
  clinicHoliday: { providerId: null, clinicId: "c1" },
  otherClinicHoliday: { providerId: null, clinicId: "c2" },
  tenantPolicy: { providerId: null },
  doctorPolicy: { providerId: "pr1" },
  publishedProvider: { id: "pr1", clinicIds: ["c1"], published: true },
  unpublishedProvider: { id: "pr3", clinicIds: ["c1"], published: false },
  clinic: { id: "c1" },
  specialty: { id: "sp1", slug: "dermatology" },
  providerDocument: { id: "pd1", providerId: "pr1", kind: "id_proof" },
  ownTenant: { id: TENANT },
  otherTenant: { id: "tenant-2" },
  doctorInvite: { id: "i1", role: "doctor" },
  adminInvite: { id: "i2", role: "tenant_admin" },
  platformInvite: { id: "i3", role: "platform_admin" },
  tenantAuditLog: { id: "l1", scope: "tenant" },
  platformAuditLog: { id: "l2", scope: "platform" },
  anyRecord: { id: "x1" },
} satisfies Record<string, Record<string, unknown>>;

type Case = [Action, RecordSubjectType, keyof typeof R, ActorName[]];

// Every case lists every actor that may do it; all others must be refused.
const MATRIX: Case[] = [
  ["read", "Appointment", "ownAppt", ["patient", "doctor", "front_desk", "clinic_admin", "tenant_admin", "finance", "support", "platform_admin_granted"]],
  ["read", "Appointment", "otherPatientsAppt", ["tenant_admin", "finance", "support", "platform_admin_granted"]],
  ["read", "Appointment", "ownProvidersAppt", ["doctor", "tenant_admin", "finance", "support", "platform_admin_granted"]],
  ["read", "Appointment", "ownClinicsAppt", ["front_desk", "clinic_admin", "tenant_admin", "finance", "support", "platform_admin_granted"]],
  ["create", "Appointment", "ownAppt", ["patient", "front_desk", "clinic_admin"]],
  ["create", "Appointment", "otherPatientsAppt", []],
  ["cancel", "Appointment", "ownAppt", ["patient", "front_desk", "clinic_admin"]],
  ["cancel", "Appointment", "ownProvidersAppt", []],
  ["cancel", "Appointment", "ownClinicsAppt", ["front_desk", "clinic_admin"]],
  ["transition", "Appointment", "ownAppt", ["doctor", "front_desk", "clinic_admin"]],
  ["transition", "Appointment", "ownProvidersAppt", ["doctor"]],
  ["transition", "Appointment", "ownClinicsAppt", ["front_desk", "clinic_admin"]],
  ["transition", "Appointment", "otherPatientsAppt", []],
  ["update", "Appointment", "ownAppt", ["front_desk", "clinic_admin"]],
  ["delete", "Appointment", "ownAppt", []],
  ["read", "ClinicalNote", "ownNote", ["patient", "doctor"]],
  ["read", "ClinicalNote", "otherNote", []],
  ["update", "ClinicalNote", "ownNote", ["doctor"]],
  ["create", "ClinicalNote", "ownNote", ["doctor"]],
  ["update", "ClinicalNote", "otherNote", []],
  ["read", "User", "selfUser", ["patient", "front_desk", "clinic_admin", "tenant_admin", "support", "platform_admin_granted"]],
  ["update", "User", "selfUser", ["patient", "tenant_admin"]],
  ["read", "User", "otherPatientUser", ["front_desk", "clinic_admin", "tenant_admin", "support", "platform_admin_granted"]],
  ["create", "User", "otherPatientUser", ["front_desk", "clinic_admin"]],
  ["read", "User", "staffUser", ["tenant_admin", "support", "platform_admin_granted"]],
  ["delete", "User", "otherPatientUser", []],
  ["read", "StaffUser", "anyRecord", ["clinic_admin", "tenant_admin", "platform_admin_granted"]],
  ["update", "StaffUser", "anyRecord", ["tenant_admin"]],
  ["update", "Dependant", "ownDependant", ["patient"]],
  ["read", "Dependant", "otherDependant", []],
  ["read", "Availability", "ownAvailability", ["doctor", "tenant_admin"]],
  ["update", "Availability", "ownAvailability", ["doctor", "tenant_admin"]],
  ["create", "Availability", "ownAvailability", ["doctor", "tenant_admin"]],
  ["delete", "Availability", "ownAvailability", ["doctor", "tenant_admin"]],
  ["read", "Availability", "clinicAvailability", ["front_desk", "clinic_admin", "tenant_admin"]],
  ["update", "Availability", "clinicAvailability", ["clinic_admin", "tenant_admin"]],
  ["create", "Availability", "clinicAvailability", ["clinic_admin", "tenant_admin"]],
  ["read", "Availability", "otherAvailability", ["tenant_admin"]],
  ["update", "Availability", "otherAvailability", ["tenant_admin"]],
  ["create", "Availability", "clinicHoliday", ["clinic_admin", "tenant_admin"]],
  ["create", "Availability", "otherClinicHoliday", ["tenant_admin"]],
  ["read", "BookingPolicy", "tenantPolicy", ["tenant_admin"]],
  ["update", "BookingPolicy", "tenantPolicy", ["tenant_admin"]],
  ["update", "BookingPolicy", "doctorPolicy", ["tenant_admin"]],
  ["read", "Provider", "publishedProvider", ["patient", "doctor", "front_desk", "clinic_admin", "tenant_admin", "platform_admin_granted"]],
  ["read", "Provider", "unpublishedProvider", ["doctor", "front_desk", "clinic_admin", "tenant_admin", "platform_admin_granted"]],
  ["update", "Provider", "publishedProvider", ["tenant_admin"]],
  ["read", "Clinic", "clinic", ["patient", "doctor", "front_desk", "clinic_admin", "tenant_admin", "platform_admin_granted"]],
  ["update", "Clinic", "clinic", ["tenant_admin"]],
  ["approve", "Provider", "unpublishedProvider", ["tenant_admin"]],
  ["publish", "Provider", "unpublishedProvider", ["tenant_admin"]],
  ["read", "ProviderDocument", "providerDocument", ["tenant_admin"]],
  ["update", "ProviderDocument", "providerDocument", ["tenant_admin"]],
  ["read", "Specialty", "specialty", ["patient", "doctor", "front_desk", "clinic_admin", "tenant_admin"]],
  ["update", "Specialty", "specialty", ["tenant_admin"]],
  ["read", "Tenant", "ownTenant", ["tenant_admin", "platform_admin", "platform_admin_granted"]],
  ["update", "Tenant", "ownTenant", ["tenant_admin", "platform_admin", "platform_admin_granted"]],
  ["delete", "Tenant", "ownTenant", ["platform_admin", "platform_admin_granted"]],
  ["read", "Tenant", "otherTenant", ["platform_admin", "platform_admin_granted"]],
  ["invite", "Invite", "doctorInvite", ["clinic_admin", "tenant_admin"]],
  ["invite", "Invite", "adminInvite", ["tenant_admin"]],
  ["invite", "Invite", "platformInvite", []],
  ["update", "SsoProvider", "anyRecord", ["tenant_admin"]],
  ["create", "SupportGrant", "anyRecord", ["tenant_admin"]],
  ["read", "AuditLog", "tenantAuditLog", ["tenant_admin", "platform_admin_granted"]],
  ["read", "AuditLog", "platformAuditLog", ["tenant_admin", "platform_admin", "platform_admin_granted"]],
  ["read", "Report", "anyRecord", ["clinic_admin", "tenant_admin", "finance"]],
  ["read", "Payment", "anyRecord", ["finance"]],
  ["update", "SupportTicket", "anyRecord", ["support"]],
  ["read", "Session", "anyRecord", []],
];

describe("defineAbilityFor: role × record × action matrix", () => {
  for (const [action, type, key, allowed] of MATRIX) {
    for (const name of ACTOR_NAMES) {
      const expected = allowed.includes(name);
      it(`${name} ${expected ? "may" : "may not"} ${action} ${type} ${key}`, () => {
        expect(can(ACTORS[name], action, type, R[key])).toBe(expected);
      });
    }
  }
});

describe("field restrictions", () => {
  it("lets a patient read their own clinical note but not its privateNotes", () => {
    expect(can(ACTORS.patient, "read", "ClinicalNote", R.ownNote, "body")).toBe(true);
    expect(can(ACTORS.patient, "read", "ClinicalNote", R.ownNote, "privateNotes")).toBe(false);
  });

  it("lets the treating doctor read privateNotes", () => {
    expect(can(ACTORS.doctor, "read", "ClinicalNote", R.ownNote, "privateNotes")).toBe(true);
  });

  it("gives tenant_admin, finance, support and platform admins no field of a clinical note", () => {
    for (const name of ["tenant_admin", "finance", "support", "platform_admin", "platform_admin_granted"] as const) {
      for (const field of ["id", "body", "privateNotes"]) {
        expect(can(ACTORS[name], "read", "ClinicalNote", R.ownNote, field), `${name}.${field}`).toBe(false);
      }
    }
  });

  it("hides an appointment's reason from finance, support, tenant_admin and a granted platform admin", () => {
    for (const name of ["finance", "support", "tenant_admin", "platform_admin_granted"] as const) {
      expect(can(ACTORS[name], "read", "Appointment", R.ownAppt, "reason"), name).toBe(false);
      expect(can(ACTORS[name], "read", "Appointment", R.ownAppt, "status"), name).toBe(true);
    }
    expect(can(ACTORS.finance, "read", "Appointment", R.ownAppt, "fee")).toBe(true);
    expect(can(ACTORS.finance, "read", "Appointment", R.ownAppt, "patientId")).toBe(false);
    expect(can(ACTORS.support, "read", "Appointment", R.ownAppt, "fee")).toBe(false);
    expect(can(ACTORS.tenant_admin, "read", "Appointment", R.ownAppt, "patientId")).toBe(true);
  });

  it("shows the reason to the patient, the doctor and the front desk", () => {
    for (const name of ["patient", "doctor", "front_desk"] as const) {
      expect(can(ACTORS[name], "read", "Appointment", R.ownAppt, "reason"), name).toBe(true);
    }
  });

  it("lets a front desk read only id, name, phone and email of a patient user", () => {
    expect(can(ACTORS.front_desk, "read", "User", R.otherPatientUser, "phone")).toBe(true);
    expect(can(ACTORS.front_desk, "read", "User", R.otherPatientUser, "status")).toBe(false);
  });

  it("lets a tenant admin change a user's status and nothing else", () => {
    expect(can(ACTORS.tenant_admin, "update", "User", R.otherPatientUser, "status")).toBe(true);
    expect(can(ACTORS.tenant_admin, "update", "User", R.otherPatientUser, "email")).toBe(false);
  });

  it("never lets users change their own kind or status", () => {
    for (const field of ["kind", "status"]) expect(can(ACTORS.patient, "update", "User", R.selfUser, field)).toBe(false);
    expect(can(ACTORS.patient, "update", "User", R.selfUser, "phone")).toBe(true);
  });

  it("hides a user's phone from a granted platform admin", () => {
    expect(can(ACTORS.platform_admin_granted, "read", "User", R.selfUser, "email")).toBe(true);
    expect(can(ACTORS.platform_admin_granted, "read", "User", R.selfUser, "phone")).toBe(false);
  });
});

describe("support grants", () => {
  const admin = ACTORS.platform_admin;
  const withGrant = (grant: Actor["supportGrant"]): Actor => ({ ...admin, supportGrant: grant });

  it("gives a platform admin without a grant nothing tenant-level", () => {
    for (const [type, rec] of [["User", R.selfUser], ["Appointment", R.ownAppt], ["StaffUser", R.anyRecord], ["Provider", R.publishedProvider], ["Clinic", R.clinic], ["AuditLog", R.tenantAuditLog]] as const) {
      expect(can(admin, "read", type, rec), type).toBe(false);
    }
  });

  it("refuses an expired grant", () => {
    expect(can(withGrant({ tenantId: TENANT, expiresAt: EARLIER }), "read", "User", R.selfUser)).toBe(false);
    expect(can(withGrant({ tenantId: TENANT, expiresAt: NOW }), "read", "User", R.selfUser)).toBe(false);
  });

  it("refuses a valid grant for another tenant", () => {
    expect(can(withGrant({ tenantId: "tenant-2", expiresAt: LATER }), "read", "User", R.selfUser)).toBe(false);
  });

  it("accepts an unexpired grant for the actor's tenant", () => {
    expect(can(withGrant({ tenantId: TENANT, expiresAt: LATER }), "read", "User", R.selfUser)).toBe(true);
  });

  it("never opens clinical notes, even with a grant", () => {
    expect(can(withGrant({ tenantId: TENANT, expiresAt: LATER }), "read", "ClinicalNote", R.ownNote)).toBe(false);
  });

  it("checks expiry against the current time by default", () => {
    const past = withGrant({ tenantId: TENANT, expiresAt: new Date(Date.now() - 1000) });
    const future = withGrant({ tenantId: TENANT, expiresAt: new Date(Date.now() + 60_000) });
    expect(defineAbilityFor(past).can("read", subject("User", { ...R.selfUser }))).toBe(false);
    expect(defineAbilityFor(future).can("read", subject("User", { ...R.selfUser }))).toBe(true);
  });
});

describe("several roles", () => {
  it("unites the rules: a tenant admin who is also a doctor reads their own notes and no one else's", () => {
    const owner: Actor = { ...ACTORS.tenant_admin, roles: ["tenant_admin", "doctor"], providerId: "pr1" };
    expect(can(owner, "read", "ClinicalNote", R.ownNote, "privateNotes")).toBe(true);
    expect(can(owner, "read", "ClinicalNote", R.otherNote)).toBe(false);
    const reversed: Actor = { ...owner, roles: ["doctor", "tenant_admin"] };
    expect(can(reversed, "read", "ClinicalNote", R.ownNote)).toBe(true);
  });

  it("unites field restrictions: finance + front desk reads the reason only at the front desk's clinic", () => {
    const both: Actor = { ...ACTORS.front_desk, roles: ["finance", "front_desk"] };
    expect(can(both, "read", "Appointment", R.ownAppt, "reason")).toBe(true);
    expect(can(both, "read", "Appointment", R.otherPatientsAppt, "reason")).toBe(false);
    expect(can(both, "read", "Appointment", R.otherPatientsAppt, "fee")).toBe(true);
  });
});

describe("guards", () => {
  it("throws on an unknown role", () => {
    expect(() => defineAbilityFor({ ...ACTORS.tenant_admin, roles: ["superuser" as Role] })).toThrow(/Unknown role "superuser"/);
  });

  it("throws when a tenant user holds the platform_admin role", () => {
    expect(() => defineAbilityFor({ ...ACTORS.tenant_admin, roles: ["tenant_admin", "platform_admin"] })).toThrow(/platform_admin/);
  });

  it("throws when a platform admin holds a tenant role", () => {
    expect(() => defineAbilityFor({ ...ACTORS.platform_admin, roles: ["platform_admin", "tenant_admin"] })).toThrow(/tenant_admin/);
  });

  it("gives a doctor without a provider record no appointment, even an unassigned one", () => {
    const unlinked: Actor = { ...ACTORS.doctor, providerId: null };
    expect(can(unlinked, "read", "Appointment", { ...R.ownAppt, providerId: null })).toBe(false);
    expect(can(unlinked, "read", "ClinicalNote", { ...R.ownNote, providerId: null })).toBe(false);
    expect(can(unlinked, "read", "Clinic", R.clinic)).toBe(true);
  });

  it("gives a front desk with no clinics no availability (fails closed, as for appointments)", () => {
    expect(can({ ...ACTORS.front_desk, clinicIds: [] }, "read", "Availability", R.clinicAvailability)).toBe(false);
  });

  it("gives a doctor without a provider record no availability, not even a clinic holiday's (providerId null)", () => {
    const unlinked: Actor = { ...ACTORS.doctor, providerId: null };
    expect(can(unlinked, "read", "Availability", R.clinicHoliday)).toBe(false);
    expect(can(unlinked, "create", "Availability", { providerId: null, clinicId: null })).toBe(false);
  });

  it("gives a front desk with no clinics no appointment", () => {
    expect(can({ ...ACTORS.front_desk, clinicIds: [] }, "read", "Appointment", R.ownAppt)).toBe(false);
  });

  it("gives an actor with no roles nothing", () => {
    expect(can({ ...ACTORS.patient, roles: [] }, "read", "Clinic", R.clinic)).toBe(false);
  });
});

describe("roles", () => {
  it("knows its roles", () => {
    expect(isRole("front_desk")).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect([...STAFF_ROLES, "patient", "platform_admin"].sort()).toEqual([...ROLES].sort());
  });

  it("asks admin roles, and only those, for a second factor", () => {
    expect([...ADMIN_ROLES].sort()).toEqual(["clinic_admin", "finance", "platform_admin", "tenant_admin"]);
    expect(requiresSecondFactor(["doctor", "finance"])).toBe(true);
    expect(requiresSecondFactor(["doctor", "front_desk", "support", "patient"])).toBe(false);
  });
});
