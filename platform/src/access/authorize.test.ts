import { describe, expect, it } from "vitest";
import { DomainError, NotFoundError } from "../errors/index.js";
import { canOn, defineAbilityFor, pickPermitted, requireCan, type Action, type RecordSubjectType } from "./index.js";
import { ACTORS, NOW } from "./test-fixtures.js";

const ownAppt = { id: "a1", patientId: "p1", providerId: "pr1", clinicId: "c1", status: "booked", fee: 500, reason: "cough" };
const otherAppt = { id: "a2", patientId: "p2", providerId: "pr2", clinicId: "c2", status: "booked", fee: 700, reason: "rash" };
const note = { id: "n1", patientId: "p1", providerId: "pr1", body: "ok", privateNotes: "hmm", createdAt: "2030-01-01" };

const patient = defineAbilityFor(ACTORS.patient, { now: NOW });
const doctor = defineAbilityFor(ACTORS.doctor, { now: NOW });
const finance = defineAbilityFor(ACTORS.finance, { now: NOW });
const tenantAdmin = defineAbilityFor(ACTORS.tenant_admin, { now: NOW });
const clinicAdmin = defineAbilityFor(ACTORS.clinic_admin, { now: NOW });

function caught(fn: () => void): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("expected a DomainError");
}

describe("requireCan", () => {
  it("passes when the actor may do the action to the record", () => {
    expect(() => requireCan(patient, "cancel", "Appointment", ownAppt)).not.toThrow();
    expect(() => requireCan(doctor, "transition", "Appointment", ownAppt)).not.toThrow();
  });

  it("answers not_found for another patient's appointment, never confirming it exists", () => {
    const err = caught(() => requireCan(patient, "cancel", "Appointment", otherAppt));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.code).toBe("not_found");
    expect(err.status).toBe(404);
    expect(err.message).not.toMatch(/a2|p2|cancel/);
  });

  it("answers not_found to a read of a record the actor may not read", () => {
    expect(caught(() => requireCan(tenantAdmin, "read", "ClinicalNote", note)).code).toBe("not_found");
  });

  it("answers forbidden when the actor may read the record but not do the action", () => {
    const err = caught(() => requireCan(patient, "transition", "Appointment", ownAppt));
    expect(err.code).toBe("forbidden");
    expect(err.status).toBe(403);
    expect(err.details).toEqual({ action: "transition", subject: "Appointment" });
  });

  it("answers forbidden, not not_found, when a doctor tries to cancel (they may read it)", () => {
    expect(caught(() => requireCan(doctor, "cancel", "Appointment", ownAppt)).code).toBe("forbidden");
  });

  it("answers forbidden for a refused create or invite: a new record reveals nothing", () => {
    expect(caught(() => requireCan(patient, "create", "Appointment", otherAppt)).code).toBe("forbidden");
    expect(caught(() => requireCan(clinicAdmin, "invite", "Invite", { role: "tenant_admin" })).code).toBe("forbidden");
    expect(() => requireCan(clinicAdmin, "invite", "Invite", { role: "doctor" })).not.toThrow();
  });

  it("checks the record, not the type: a type-level check would wrongly pass", () => {
    expect(patient.can("cancel", "Appointment")).toBe(true);
    expect(canOn(patient, "cancel", "Appointment", otherAppt)).toBe(false);
  });

  it("leaves the caller's record untagged", () => {
    const rec = { ...ownAppt };
    requireCan(patient, "read", "Appointment", rec);
    expect(Object.getOwnPropertyNames(rec)).toEqual(Object.keys(ownAppt));
    // CASL refuses to re-tag an object as another type: this would throw had `rec` been tagged.
    expect(() => requireCan(patient, "read", "Dependant", rec)).not.toThrow();
  });
});

describe("pickPermitted", () => {
  const read = (ability: typeof patient, type: RecordSubjectType, rec: object, action: Action = "read") =>
    pickPermitted(ability, action, type, rec);

  it("strips privateNotes from a patient's own clinical note and keeps the rest", () => {
    expect(read(patient, "ClinicalNote", note)).toEqual({ id: "n1", patientId: "p1", providerId: "pr1", body: "ok", createdAt: "2030-01-01" });
  });

  it("gives the treating doctor the whole note", () => {
    expect(read(doctor, "ClinicalNote", note)).toEqual(note);
  });

  it("gives finance only id, status, fee, providerId and clinicId of an appointment", () => {
    expect(read(finance, "Appointment", ownAppt)).toEqual({ id: "a1", status: "booked", fee: 500, providerId: "pr1", clinicId: "c1" });
  });

  it("keeps every field of a record the actor may read without restriction", () => {
    const withExtra = { ...ownAppt, startsAt: "2030-06-01T10:00:00Z", notifiedAt: null };
    expect(read(patient, "Appointment", withExtra)).toEqual(withExtra);
  });

  it("returns nothing of a record the actor may not read", () => {
    expect(read(patient, "Appointment", otherAppt)).toEqual({});
    expect(read(tenantAdmin, "ClinicalNote", note)).toEqual({});
  });

  it("answers per action: a tenant admin may update only a user's status", () => {
    const user = { id: "p1", kind: "patient", name: "P", email: "e", phone: "1", status: "active" };
    expect(read(tenantAdmin, "User", user, "update")).toEqual({ status: "active" });
  });
});
