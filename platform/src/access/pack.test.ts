import { describe, expect, it } from "vitest";
import { ACTIONS, ALL_FIELDS, SUBJECT_TYPES, abilityFromPacked, defineAbilityFor, packAbility, subject, type AppAbility, type RecordSubjectType } from "./index.js";
import { ACTOR_NAMES, ACTORS, NOW } from "./test-fixtures.js";

// Records that hit every condition in the role rules one way and the other.
const RECORDS: Record<string, unknown>[] = [
  { id: "p1", patientId: "p1", providerId: "pr1", clinicId: "c1", kind: "patient", published: true, role: "doctor", scope: "platform" },
  { id: "tenant-1", patientId: "p2", providerId: "pr2", clinicId: "c2", kind: "staff", published: false, role: "tenant_admin", scope: "tenant" },
  { id: "x", patientId: "p1", providerId: "pr2", clinicId: "c1", kind: "patient", published: false, role: "platform_admin" },
];
const FIELDS = [undefined, ...new Set(Object.values(ALL_FIELDS).flat())];
const TYPES = SUBJECT_TYPES.filter((t): t is RecordSubjectType => t !== "all");

function decisions(ability: AppAbility): string[] {
  const out: string[] = [];
  for (const type of TYPES) {
    for (const action of ACTIONS) {
      RECORDS.forEach((record, i) => {
        for (const field of FIELDS) {
          if (ability.can(action, subject(type, { ...record }), field)) out.push(`${type}:${action}:${i}:${field ?? "*"}`);
        }
      });
    }
  }
  return out;
}

describe("packAbility / abilityFromPacked", () => {
  for (const name of ACTOR_NAMES) {
    it(`keeps every decision of ${name} identical through a JSON round trip`, () => {
      const ability = defineAbilityFor(ACTORS[name], { now: NOW });
      const wire = JSON.parse(JSON.stringify(packAbility(ability)));
      expect(decisions(abilityFromPacked(wire))).toEqual(decisions(ability));
    });
  }

  it("keeps conditions, field lists and cannot rules (the comparison above is not vacuous)", () => {
    const patient = abilityFromPacked(JSON.parse(JSON.stringify(packAbility(defineAbilityFor(ACTORS.patient, { now: NOW })))));
    expect(patient.can("read", subject("Appointment", { patientId: "p1" }))).toBe(true);
    expect(patient.can("read", subject("Appointment", { patientId: "p2" }))).toBe(false);
    expect(patient.can("read", subject("ClinicalNote", { patientId: "p1" }), "privateNotes")).toBe(false);
    expect(patient.can("read", subject("ClinicalNote", { patientId: "p1" }), "body")).toBe(true);
    const admin = abilityFromPacked(packAbility(defineAbilityFor(ACTORS.tenant_admin, { now: NOW })));
    expect(admin.relevantRuleFor("read", "ClinicalNote")?.inverted).toBe(true);
    expect(decisions(defineAbilityFor(ACTORS.patient, { now: NOW })).length).toBeGreaterThan(20);
  });

  it("packs to compact arrays, not rule objects", () => {
    const packed = packAbility(defineAbilityFor(ACTORS.finance, { now: NOW }));
    expect(packed.every((r) => Array.isArray(r))).toBe(true);
    expect(packed).toContainEqual(["read", "Payment,Report"]);
  });
});
