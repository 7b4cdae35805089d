import { describe, expect, it } from "vitest";
import { ALL_FIELDS, defineAbilityFor, pickPermitted } from "../access/index.js";
import type { AppointmentRecord } from "./appointment-store.js";
import { orderQueue, toView } from "./appointment-service.js";

const T = new Date("2026-12-01T04:00:00Z");
let n = 0;

function rec(over: Partial<AppointmentRecord> = {}): AppointmentRecord {
  n += 1;
  const startsAt = over.startsAt ?? new Date(T.getTime() + n * 15 * 60_000);
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    providerId: "pr1",
    providerName: "Dr. Asha Rao",
    clinicId: "c1",
    clinicName: "Indiranagar Clinic",
    timeZone: "Asia/Kolkata",
    patientId: "u1",
    patientName: "Ravi Kumar",
    dependantId: null,
    dependantName: null,
    bookedBy: "u1",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 15 * 60_000),
    localDate: "2026-12-01",
    seat: 1,
    mode: "in_clinic",
    status: "booked",
    holdExpiresAt: null,
    reason: "Cough",
    contactPhone: null,
    contactEmail: null,
    feeMinor: 50000,
    currency: "INR",
    cancelledBy: null,
    rescheduledFrom: null,
    idempotencyKey: null,
    checkedInAt: null,
    startedAt: null,
    completedAt: null,
    createdAt: T,
    ...over,
  };
}

describe("appointment view", () => {
  it("has no field that ALL_FIELDS.Appointment misses (field rules fail closed on unknown fields)", () => {
    expect(Object.keys(toView(rec(), T)).sort()).toEqual([...ALL_FIELDS.Appointment].sort());
  });

  it("shows a lapsed hold as expired, with no hold time on other statuses", () => {
    const held = rec({ status: "held", holdExpiresAt: new Date(T.getTime() - 1) });
    expect(toView(held, T)).toMatchObject({ status: "expired" });
    expect(toView(rec({ status: "held", holdExpiresAt: new Date(T.getTime() + 60_000) }), T)).toMatchObject({ status: "held", holdExpiresAt: new Date(T.getTime() + 60_000).toISOString() });
  });

  it("names the dependant as the visitor when the visit is for one", () => {
    expect(toView(rec({ dependantId: "d1", dependantName: "Anu" }), T).visitor).toEqual({ kind: "dependant", id: "d1", name: "Anu", accountHolderName: "Ravi Kumar" });
    expect(toView(rec(), T).visitor).toEqual({ kind: "self", id: "u1", name: "Ravi Kumar" });
  });

  it("keeps the reason from a tenant admin and shows it to the treating doctor", () => {
    const view = toView(rec(), T);
    const admin = defineAbilityFor({ userId: "a", tenantId: "t", kind: "staff", roles: ["tenant_admin"], clinicIds: [] });
    const doctor = defineAbilityFor({ userId: "d", tenantId: "t", kind: "staff", roles: ["doctor"], clinicIds: [], providerId: "pr1" });
    expect(pickPermitted(admin, "read", "Appointment", view)).not.toHaveProperty("reason");
    expect(pickPermitted(admin, "read", "Appointment", view)).toHaveProperty("visitor");
    expect(pickPermitted(doctor, "read", "Appointment", view)).toMatchObject({ reason: "Cough" });
  });
});

describe("queue order", () => {
  it("puts the consultation first, then those checked in, then the expected, with waits from what is left ahead", () => {
    const now = new Date(T.getTime() + 60 * 60_000);
    const a = rec({ status: "booked" });
    const b = rec({ status: "checked_in" });
    const c = rec({ status: "in_consultation", startedAt: new Date(now.getTime() - 5 * 60_000) });
    const d = rec({ status: "booked" });
    const q = orderQueue([a, b, c, d], now);
    expect(q.map((e) => e.record.id)).toEqual([c.id, b.id, a.id, d.id]);
    expect(q.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    expect(q.map((e) => e.estimatedWaitMinutes)).toEqual([0, 10, 25, 40]);
  });

  it("counts a consultation that overran as nothing left", () => {
    const now = new Date(T.getTime() + 60 * 60_000);
    const c = rec({ status: "in_consultation", startedAt: new Date(now.getTime() - 40 * 60_000) });
    const b = rec({ status: "checked_in" });
    expect(orderQueue([b, c], now).map((e) => e.estimatedWaitMinutes)).toEqual([0, 0]);
  });

  it("numbers each clinic's queue on its own and leaves out finished visits", () => {
    const a = rec({ clinicId: "c1" });
    const b = rec({ clinicId: "c2" });
    const done = rec({ status: "completed" });
    const q = orderQueue([a, b, done], T);
    expect(q.map((e) => [e.record.id, e.position])).toEqual([
      [a.id, 1],
      [b.id, 1],
    ]);
  });
});
