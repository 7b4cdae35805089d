import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../access/index.js";
import type { SchedulingServices } from "../appointments/contract.js";
import { createSchedulingServices } from "./create-scheduling-services.js";
import { createWorld, NOW, ruleForm, staffActor, type World } from "./scheduling-test-fixtures.js";

let w: World;
let other: World;
let s: SchedulingServices;
let doctor0: Actor;
let doctor1: Actor;
let clinicAdminA: Actor;
let frontDeskA: Actor;

const fieldsOf = (err: unknown) => ((err as { details?: { field: string }[] }).details ?? []).map((d) => d.field);

async function auditActions(subjectId: string): Promise<string[]> {
  return w.platform.withTenant(w.tenant, ({ db }) => db("audit_log").where({ subject_id: subjectId }).orderBy("id").pluck("action"));
}

beforeAll(async () => {
  w = await createWorld(8);
  other = await createWorld(1, w.platform);
  s = createSchedulingServices({ withTenant: w.platform.withTenant, now: () => NOW });
  doctor0 = await staffActor(w, ["doctor"], { providerId: w.doctors[0] });
  doctor1 = await staffActor(w, ["doctor"], { providerId: w.doctors[1] });
  clinicAdminA = await staffActor(w, ["clinic_admin"], { clinicIds: [w.clinicA] });
  frontDeskA = await staffActor(w, ["front_desk"], { clinicIds: [w.clinicA] });
}, 120_000);

afterAll(async () => {
  await w?.platform.close();
});

describe("saveRule", () => {
  it("stores a rule in the clinic's zone, whatever zone the form names, and audits it", async () => {
    const { id } = await s.saveRule(w.tenant, doctor0, ruleForm(w.doctors[0]!, w.clinicA, { timeZone: "America/New_York", breaks: "10:00-10:30", bufferAfterMinutes: "" }));
    const [rule] = await s.listRules(w.tenant, doctor0, w.doctors[0]!);
    expect(rule).toEqual({
      id,
      providerId: w.doctors[0],
      clinicId: w.clinicA,
      timeZone: "Asia/Kolkata",
      weekdays: [1, 2, 3, 4, 5],
      start: "09:00",
      end: "12:00",
      slotMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      capacity: 1,
      mode: "in_clinic",
      breaks: [{ start: "10:00", end: "10:30" }],
      validFrom: "2030-03-01",
      validUntil: null,
      active: true,
    });
    expect(await auditActions(id)).toEqual(["availability.rule_saved"]);
  });

  it("refuses an end before the start, unknown weekdays and a break outside the session, naming the fields", async () => {
    const err = await s.saveRule(w.tenant, w.admin, ruleForm(w.doctors[2]!, w.clinicA, { start: "12:00", end: "09:00" })).catch((e) => e);
    expect(err.code).toBe("validation_failed");
    expect(fieldsOf(err)).toContain("end");
    const days = await s.saveRule(w.tenant, w.admin, ruleForm(w.doctors[2]!, w.clinicA, { weekdays: "mon,funday" })).catch((e) => e);
    expect(fieldsOf(days)).toEqual(["weekdays"]);
    const brk = await s.saveRule(w.tenant, w.admin, ruleForm(w.doctors[2]!, w.clinicA, { breaks: ["13:00-14:00"] })).catch((e) => e);
    expect(fieldsOf(brk)).toEqual(["breaks[0]"]);
    expect(await s.listRules(w.tenant, w.admin, w.doctors[2]!)).toEqual([]);
  });

  it("refuses a clinic the doctor does not practise at", async () => {
    const err = await s.saveRule(w.tenant, w.admin, ruleForm(w.doctors[2]!, w.clinicLondon)).catch((e) => e);
    expect(err.code).toBe("validation_failed");
    expect(fieldsOf(err)).toEqual(["clinicId"]);
  });

  it("refuses a rule overlapping another active rule of the same doctor, even at another clinic", async () => {
    const d = w.doctors[3]!;
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicA, { weekdays: "mon,wed" }));
    const err = await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicB, { weekdays: "wed,fri", start: "11:30", end: "14:00" })).catch((e) => e);
    expect(err.code).toBe("validation_failed");
    expect(err.details[0].message).toMatch(/two places at once/);
    // Not overlapping: another weekday, the afternoon, or a date range that ends before.
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicB, { weekdays: "tue", start: "11:30", end: "14:00" }));
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicB, { weekdays: "mon", start: "12:00", end: "14:00" }));
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicB, { weekdays: "wed", start: "10:00", end: "11:00", validFrom: "2029-01-01", validUntil: "2029-12-31" }));
    // An inactive rule blocks nothing, and can be saved over an active one's hours.
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicB, { weekdays: "wed", active: "false" }));
    expect(await s.listRules(w.tenant, w.admin, d)).toHaveLength(5);
  });

  it("lets a rule be edited without clashing with itself", async () => {
    const d = w.doctors[4]!;
    const { id } = await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicA));
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicA, { id, end: "13:00", capacity: "3" }));
    expect(await s.listRules(w.tenant, w.admin, d)).toMatchObject([{ id, end: "13:00", capacity: 3 }]);
  });
});

describe("who may write availability", () => {
  it("refuses a doctor another doctor's rules: an existing one is not_found, a new one forbidden", async () => {
    const { id } = await s.saveRule(w.tenant, doctor1, ruleForm(w.doctors[1]!, w.clinicA));
    expect((await s.saveRule(w.tenant, doctor0, ruleForm(w.doctors[1]!, w.clinicA, { id, end: "10:00" })).catch((e) => e)).code).toBe("not_found");
    expect((await s.removeRule(w.tenant, doctor0, id).catch((e) => e)).code).toBe("not_found");
    expect((await s.saveRule(w.tenant, doctor0, ruleForm(w.doctors[1]!, w.clinicB)).catch((e) => e)).code).toBe("forbidden");
    expect((await s.listRules(w.tenant, doctor0, w.doctors[1]!).catch((e) => e)).code).toBe("not_found");
    expect(await s.listRules(w.tenant, doctor1, w.doctors[1]!)).toMatchObject([{ id, end: "12:00" }]);
  });

  it("lets a front desk read its clinic's rules but not write them", async () => {
    const rules = await s.listRules(w.tenant, frontDeskA, w.doctors[1]!);
    expect(rules.map((r) => r.clinicId)).toEqual([w.clinicA]);
    const err = await s.saveRule(w.tenant, frontDeskA, ruleForm(w.doctors[1]!, w.clinicA, { weekdays: "sat" })).catch((e) => e);
    expect(err.code).toBe("forbidden");
    expect((await s.removeRule(w.tenant, frontDeskA, rules[0]!.id).catch((e) => e)).code).toBe("forbidden");
  });

  it("lets a clinic admin manage rules at their clinic only", async () => {
    const d = w.doctors[5]!;
    const { id } = await s.saveRule(w.tenant, clinicAdminA, ruleForm(d, w.clinicA, { weekdays: "sat" }));
    expect((await s.saveRule(w.tenant, clinicAdminA, ruleForm(d, w.clinicB, { weekdays: "sun" })).catch((e) => e)).code).toBe("forbidden");
    // Nor may they move their clinic's rule to another clinic.
    expect((await s.saveRule(w.tenant, clinicAdminA, ruleForm(d, w.clinicB, { id, weekdays: "sat" })).catch((e) => e)).code).toBe("forbidden");
    await s.removeRule(w.tenant, clinicAdminA, id);
    expect(await auditActions(id)).toEqual(["availability.rule_saved", "availability.rule_removed"]);
    expect(await s.listRules(w.tenant, w.admin, d)).toEqual([]);
  });

  it("answers not_found to an actor of another tenant and for another tenant's doctor", async () => {
    expect((await s.listRules(w.tenant, other.admin, w.doctors[0]!).catch((e) => e)).code).toBe("not_found");
    expect((await s.listRules(w.tenant, w.admin, other.doctors[0]!).catch((e) => e)).code).toBe("not_found");
    expect((await s.saveRule(w.tenant, w.admin, ruleForm(other.doctors[0]!, w.clinicA)).catch((e) => e)).code).toBe("not_found");
  });
});

describe("exceptions", () => {
  it("lets a doctor add their own time off and not a clinic holiday; a clinic admin adds their clinic's holiday", async () => {
    const off = await s.saveException(w.tenant, doctor0, { kind: "time_off", providerId: w.doctors[0], date: "2030-03-05", start: "09:00", end: "10:00", note: "conference" });
    const holiday = { kind: "clinic_holiday", clinicId: w.clinicA, date: "2030-03-06" };
    expect((await s.saveException(w.tenant, doctor0, holiday).catch((e) => e)).code).toBe("forbidden");
    expect((await s.saveException(w.tenant, clinicAdminA, { ...holiday, clinicId: w.clinicB }).catch((e) => e)).code).toBe("forbidden");
    const h = await s.saveException(w.tenant, clinicAdminA, holiday);
    const listed = await s.listExceptions(w.tenant, w.admin, { from: "2030-03-05", to: "2030-03-06" });
    expect(listed).toEqual(
      expect.arrayContaining([
        { id: off.id, kind: "time_off", providerId: w.doctors[0], clinicId: null, date: "2030-03-05", start: "09:00", end: "10:00", note: "conference" },
        { id: h.id, kind: "clinic_holiday", providerId: null, clinicId: w.clinicA, date: "2030-03-06", start: null, end: null, note: null },
      ]),
    );
    // The front desk at clinic A sees the holiday, not the doctor's time off (no clinic).
    expect((await s.listExceptions(w.tenant, frontDeskA, {})).map((e) => e.id)).toContain(h.id);
    expect((await s.listExceptions(w.tenant, frontDeskA, {})).map((e) => e.id)).not.toContain(off.id);
    expect(await auditActions(h.id)).toEqual(["availability.exception_saved"]);
    await s.removeException(w.tenant, clinicAdminA, h.id);
    expect(await auditActions(h.id)).toEqual(["availability.exception_saved", "availability.exception_removed"]);
  });

  it("validates an extra session's times and a time off's half-given range", async () => {
    const bad = await s.saveException(w.tenant, w.admin, { kind: "extra_session", providerId: w.doctors[6], clinicId: w.clinicA, date: "2030-03-09", start: "15:00", end: "14:00", slotMinutes: "20" }).catch((e) => e);
    expect(bad.code).toBe("validation_failed");
    expect(fieldsOf(bad)).toContain("end");
    const half = await s.saveException(w.tenant, w.admin, { kind: "time_off", providerId: w.doctors[6], date: "2030-03-09", start: "09:00" }).catch((e) => e);
    expect(fieldsOf(half)).toEqual(["end"]);
    const kind = await s.saveException(w.tenant, w.admin, { kind: "vacation" }).catch((e) => e);
    expect(fieldsOf(kind)).toEqual(["kind"]);
  });
});

describe("booking policy", () => {
  it("applies the tenant default until a doctor gets their own rules", async () => {
    const d = w.doctors[7]!;
    expect(await s.policyFor(w.tenant, d)).toEqual({ providerId: null, minNoticeMinutes: 60, maxAdvanceDays: 30, cancelCutoffMinutes: 120, rescheduleCutoffMinutes: 120, maxActivePerProvider: 1, holdMinutes: 5 });
    const form = { providerId: d, minNoticeMinutes: "0", maxAdvanceDays: "7", cancelCutoffMinutes: "30", rescheduleCutoffMinutes: "45", maxActivePerProvider: "2", holdMinutes: "10" };
    await s.savePolicy(w.tenant, w.admin, form);
    expect(await s.policyFor(w.tenant, d)).toEqual({ providerId: d, minNoticeMinutes: 0, maxAdvanceDays: 7, cancelCutoffMinutes: 30, rescheduleCutoffMinutes: 45, maxActivePerProvider: 2, holdMinutes: 10 });
    await s.savePolicy(w.tenant, w.admin, { ...form, maxAdvanceDays: "9" });
    expect((await s.policyFor(w.tenant, d)).maxAdvanceDays).toBe(9);
    expect((await s.policyFor(w.tenant, w.doctors[6]!)).maxAdvanceDays).toBe(30);
    expect(await w.platform.withTenant(w.tenant, ({ db }) => db("audit_log").where({ action: "booking_policy.saved" }).count("* as n"))).toEqual([{ n: "2" }]);
  });

  it("lets only a tenant admin change booking rules, and checks their ranges", async () => {
    const form = { providerId: "", minNoticeMinutes: "30", maxAdvanceDays: "60", cancelCutoffMinutes: "60", rescheduleCutoffMinutes: "60", maxActivePerProvider: "1", holdMinutes: "5" };
    for (const actor of [doctor0, clinicAdminA, frontDeskA]) expect((await s.savePolicy(w.tenant, actor, form).catch((e) => e)).code).toBe("forbidden");
    expect(fieldsOf(await s.savePolicy(w.tenant, w.admin, { ...form, holdMinutes: "90" }).catch((e) => e))).toEqual(["holdMinutes"]);
    expect((await s.savePolicy(w.tenant, w.admin, { ...form, providerId: other.doctors[0] }).catch((e) => e)).code).toBe("not_found");
    await s.savePolicy(w.tenant, w.admin, form);
    expect(await s.policyFor(w.tenant, null)).toMatchObject({ providerId: null, minNoticeMinutes: 30, maxAdvanceDays: 60 });
    expect((await s.policyFor(other.tenant, null)).maxAdvanceDays).toBe(30);
  });
});
