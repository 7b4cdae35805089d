import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Actor } from "../access/index.js";
import type { TenantUnitOfWork } from "../db/index.js";
import { isDomainError, type DomainError } from "../errors/index.js";
import type { Platform } from "../index.js";
import { seedDoctors } from "../search/test-fixtures.js";
import { addDependant, addRule, createPatients, createStaff, realSlotLookup } from "./test-fixtures.js";
import { createAppointmentServices, QueueEvents, type AppointmentServices, type AppointmentView, type OpenSlot, type SchedulingTenant, type SlotLookup } from "./index.js";

let platform: Platform;
let tenant: SchedulingTenant;
let lookup: SlotLookup;
let services: AppointmentServices;
let doctors: Record<string, string>;
let clinicA: string;
let clinicB: string;
let deskA: Actor;
let deskB: Actor;
let doctorSolo: Actor;
const used = new Set<string>();

const MINUTE = 60_000;

/** Services whose clock reads `at()` (and the real tenant unit of work unless given). */
function servicesAt(at: () => Date, withTenant: TenantUnitOfWork = platform.withTenant): AppointmentServices {
  return createAppointmentServices({ withTenant, scheduling: lookup, now: at });
}

/** An open slot of `doctor` no other test has used. */
async function freshSlot(doctor: string, opts: { after?: Date } = {}): Promise<OpenSlot> {
  const slots = await platform.withTenant(tenant, (scope) => lookup.nextOpenSlots(scope, doctors[doctor]!, opts.after ?? new Date(), 200, new Date()));
  const slot = slots.find((s) => !used.has(`${s.providerId}@${s.startsAt}`));
  if (!slot) throw new Error(`no fresh slot for ${doctor}`);
  used.add(`${slot.providerId}@${slot.startsAt}`);
  return slot;
}

const at = (s: OpenSlot) => ({ providerId: s.providerId, clinicId: s.clinicId, startsAt: s.startsAt });

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (isDomainError(err)) return err;
    throw err;
  }
  throw new Error("expected a failure");
}

function rows<T = Record<string, unknown>>(table: string, where: Record<string, unknown>): Promise<T[]> {
  return platform.withTenant(tenant, ({ db }) => db(table).where(where).orderBy("id") as unknown as Promise<T[]>);
}

function outboxFor(appointmentId: string): Promise<{ topic: string; payload: Record<string, string> }[]> {
  return platform.withTenant(tenant, ({ db }) => db("outbox").whereRaw("payload->>'appointmentId' = ?", [appointmentId]).orderBy("id").select("topic", "payload"));
}

beforeAll(async () => {
  platform = await createTestPlatform({ poolMax: 30 });
  const provisioning = createProvisioningService(platform);
  const t = await createTestTenant(provisioning);
  tenant = { ...t, primaryHost: `${t.slug}.test` };
  lookup = realSlotLookup();
  doctors = await seedDoctors(platform, tenant, [
    { slug: "single", name: "Dr. Single Seat", specialties: ["cardiology"], clinics: ["indiranagar", "koramangala"], feeRupees: 700 },
    { slug: "triple", name: "Dr. Three Seats", specialties: ["cardiology"], clinics: ["indiranagar"] },
    { slug: "solo", name: "Dr. One Slot A Day", specialties: ["dermatology"], clinics: ["indiranagar"] },
    { slug: "hidden", name: "Dr. Not Published", specialties: ["dermatology"], clinics: ["indiranagar"], published: false },
  ]);
  [clinicA, clinicB] = await platform.withTenant(tenant, ({ db }) => db("clinics").whereIn("slug", ["indiranagar", "koramangala"]).orderByRaw("slug = 'indiranagar' desc").pluck("id"));
  await addRule(platform, tenant, { providerId: doctors.single!, clinicId: clinicA!, start: "00:00", end: "23:45", slotMinutes: 15 });
  await addRule(platform, tenant, { providerId: doctors.triple!, clinicId: clinicA!, start: "00:00", end: "23:45", slotMinutes: 15, capacity: 3 });
  await addRule(platform, tenant, { providerId: doctors.solo!, clinicId: clinicA!, start: "09:00", end: "09:15", slotMinutes: 15 });
  await addRule(platform, tenant, { providerId: doctors.hidden!, clinicId: clinicA!, start: "00:00", end: "23:45", slotMinutes: 15 });
  services = servicesAt(() => new Date());
  deskA = await createStaff(platform, tenant, "front_desk", { clinicIds: [clinicA!] });
  deskB = await createStaff(platform, tenant, "front_desk", { clinicIds: [clinicB!] });
  doctorSolo = await createStaff(platform, tenant, "doctor", { providerId: doctors.solo! });
}, 120_000);

afterAll(async () => {
  await platform?.close();
});

describe("holding a slot", () => {
  it("lets exactly one of 20 concurrent holds on a slot of capacity 1 succeed; the rest get slot_taken with the next slots", async () => {
    const slot = await freshSlot("single");
    const patients = await createPatients(platform, tenant, 20);
    const results = await Promise.allSettled(patients.map((p) => services.hold(tenant, p, at(slot))));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected")) {
      expect(r.reason.code).toBe("slot_taken");
      expect(r.reason.status).toBe(409);
      expect(r.reason.message).toBe("This slot was just taken.");
      const next = (r.reason.details as { nextSlots: OpenSlot[] }).nextSlots;
      expect(next.length).toBeGreaterThan(0);
      expect(next.every((s) => s.startsAt !== slot.startsAt && s.providerId === slot.providerId)).toBe(true);
    }
    const live = await platform.withTenant(tenant, ({ db }) => db("appointments").where({ provider_id: slot.providerId, starts_at: new Date(slot.startsAt) }).whereIn("status", ["held", "booked"]).count("* as n"));
    expect(Number(live[0]!.n)).toBe(1);
  });

  it("lets exactly three of 20 concurrent holds on a slot of capacity 3 succeed, on seats 1, 2 and 3", async () => {
    const slot = await freshSlot("triple");
    const patients = await createPatients(platform, tenant, 20);
    const results = await Promise.allSettled(patients.map((p) => services.hold(tenant, p, at(slot))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "slot_taken")).toBe(true);
    const seats = await platform.withTenant(tenant, ({ db }) => db("appointments").where({ provider_id: slot.providerId, starts_at: new Date(slot.startsAt), status: "held" }).orderBy("seat").pluck("seat"));
    expect(seats).toEqual([1, 2, 3]);
  });

  it("holds for holdMinutes, writes the event, an ids-only outbox row and the audit row", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const slot = await freshSlot("single");
    const before = Date.now();
    const held = await services.hold(tenant, p!, at(slot));
    expect(held).toMatchObject({ status: "held", providerId: doctors.single, clinicId: clinicA, patientId: p!.userId, startsAt: slot.startsAt, visitor: { kind: "self", id: p!.userId } });
    const expires = new Date(held.holdExpiresAt!).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 5 * MINUTE - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 5 * MINUTE + 1000);
    expect(await rows("appointment_events", { appointment_id: held.id })).toEqual([expect.objectContaining({ from_status: null, to_status: "held", actor_id: p!.userId, actor_kind: "patient" })]);
    const outbox = await outboxFor(held.id);
    expect(outbox).toEqual([{ topic: "appointment.held", payload: { appointmentId: held.id, providerId: doctors.single, clinicId: clinicA, patientId: p!.userId } }]);
    expect(await platform.withTenant(tenant, ({ db }) => db("audit_log").where({ subject_id: held.id }).pluck("action"))).toEqual(["appointment.held"]);
  });

  it("refuses a slot that is not on the schedule, an unpublished doctor, and a second live appointment with the same doctor", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const slot = await freshSlot("single");
    const off = { ...at(slot), startsAt: new Date(new Date(slot.startsAt).getTime() + 7 * MINUTE).toISOString() };
    expect((await failure(services.hold(tenant, p!, off))).code).toBe("validation_failed");
    const hidden = await freshSlot("hidden").catch(() => ({ ...slot, providerId: doctors.hidden! }));
    expect((await failure(services.hold(tenant, p!, at(hidden)))).code).toBe("not_found");
    await services.hold(tenant, p!, at(slot));
    const err = await failure(services.hold(tenant, p!, at(await freshSlot("single"))));
    expect(err.code).toBe("conflict");
    expect(err.details).toMatchObject({ limit: 1 });
  });

  it("frees the slot once the hold lapses: a later hold takes it and the lapsed one is expired", async () => {
    const [p1, p2] = await createPatients(platform, tenant, 2);
    const slot = await freshSlot("single");
    const first = await services.hold(tenant, p1!, at(slot));
    expect((await failure(services.hold(tenant, p2!, at(slot)))).code).toBe("slot_taken");
    const later = servicesAt(() => new Date(Date.now() + 6 * MINUTE));
    const second = await later.hold(tenant, p2!, at(slot));
    expect(second.status).toBe("held");
    expect((await rows<{ status: string }>("appointments", { id: first.id }))[0]!.status).toBe("expired");
    expect(await rows("appointment_events", { appointment_id: first.id })).toEqual([
      expect.objectContaining({ to_status: "held" }),
      expect.objectContaining({ from_status: "held", to_status: "expired", actor_kind: "system", actor_id: null }),
    ]);
    const err = await failure(later.confirm(tenant, p1!, first.id, { reason: "Cough" }));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/hold expired/);
  });
});

describe("confirming and booking", () => {
  it("confirms the holder's own hold for a dependant with the doctor's fee; nobody else may", async () => {
    const [p, other] = await createPatients(platform, tenant, 2);
    const dependantId = await addDependant(platform, tenant, p!.userId, "Asha Junior");
    const otherDependant = await addDependant(platform, tenant, other!.userId);
    const held = await services.hold(tenant, p!, at(await freshSlot("single")));
    expect((await failure(services.confirm(tenant, other!, held.id, { reason: "Fever" }))).code).toBe("not_found");
    expect((await failure(services.confirm(tenant, p!, held.id, { reason: "Fever", dependantId: otherDependant }))).code).toBe("not_found");
    expect((await failure(services.confirm(tenant, p!, held.id, { reason: "" }))).code).toBe("validation_failed");
    const booked = await services.confirm(tenant, p!, held.id, { reason: "Fever", dependantId, contactPhone: "+919876543210" });
    expect(booked).toMatchObject({ status: "booked", holdExpiresAt: null, reason: "Fever", fee: { amountMinor: 70000, currency: "INR" }, visitor: { kind: "dependant", id: dependantId, name: "Asha Junior" } });
    expect((await outboxFor(held.id)).map((o) => o.topic)).toEqual(["appointment.held", "appointment.booked"]);
    expect((await failure(services.confirm(tenant, p!, held.id, { reason: "Fever" }))).code).toBe("conflict");
  });

  it("lets the front desk hold and book for a patient at their clinic, not at another", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const slot = await freshSlot("single");
    expect((await failure(services.hold(tenant, deskB, { ...at(slot), patientId: p!.userId }))).code).toBe("forbidden");
    expect((await failure(services.hold(tenant, deskA, at(slot)))).code).toBe("validation_failed");
    const held = await services.hold(tenant, deskA, { ...at(slot), patientId: p!.userId });
    const booked = await services.confirm(tenant, deskA, held.id, { reason: "Follow-up" });
    expect(booked).toMatchObject({ status: "booked", patientId: p!.userId });
    expect((await rows<{ booked_by: string }>("appointments", { id: held.id }))[0]!.booked_by).toBe(deskA.userId);
  });

  it("books once per idempotency key: a sequential retry returns the first appointment", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const body = { ...at(await freshSlot("single")), reason: "Chest pain" };
    const first = await services.book(tenant, p!, body, "key-seq-1");
    expect(first.replayed).toBe(false);
    expect(first.appointment).toMatchObject({ status: "booked", reason: "Chest pain" });
    const again = await services.book(tenant, p!, body, "key-seq-1");
    expect(again).toEqual({ appointment: first.appointment, replayed: true });
    expect(await rows("appointments", { patient_id: p!.userId })).toHaveLength(1);
    expect((await outboxFor(first.appointment.id)).map((o) => o.topic)).toEqual(["appointment.booked"]);
  });

  it("books once when the same request arrives twice at the same instant", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const body = { ...at(await freshSlot("triple")), reason: "Palpitations" };
    const results = await Promise.all(Array.from({ length: 4 }, () => services.book(tenant, p!, body, "key-concurrent")));
    expect(new Set(results.map((r) => r.appointment.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await rows("appointments", { patient_id: p!.userId })).toHaveLength(1);
  });

  it("refuses a different request under a used key with a conflict", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const slot = await freshSlot("single");
    await services.book(tenant, p!, { ...at(slot), reason: "Headache" }, "key-diff");
    const err = await failure(services.book(tenant, p!, { ...at(slot), reason: "Back pain" }, "key-diff"));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/idempotency key/);
  });
});

describe("the lifecycle", () => {
  it("refuses invalid moves and records valid ones with the actor and an outbox row", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const { appointment } = await services.book(tenant, p!, { ...at(await freshSlot("single")), reason: "Check-up" }, "life-1");
    const events = async () => rows("appointment_events", { appointment_id: appointment.id });
    const outbox = async () => outboxFor(appointment.id);
    const [e0, o0] = [(await events()).length, (await outbox()).length];
    for (const to of ["in_consultation", "completed"] as const) {
      const err = await failure(services.transition(tenant, deskA, appointment.id, to));
      expect(err.code).toBe("conflict");
      expect(err.details).toMatchObject({ from: "booked", to });
    }
    expect((await failure(services.transition(tenant, deskA, appointment.id, "cancelled"))).code).toBe("validation_failed");
    expect((await failure(services.transition(tenant, p!, appointment.id, "checked_in"))).code).toBe("forbidden");
    expect([(await events()).length, (await outbox()).length]).toEqual([e0, o0]);

    const checked = await services.transition(tenant, deskA, appointment.id, "checked_in", "Arrived early");
    expect(checked.status).toBe("checked_in");
    expect((await events()).at(-1)).toMatchObject({ from_status: "booked", to_status: "checked_in", actor_id: deskA.userId, actor_kind: "staff", note: "Arrived early" });
    expect((await outbox()).at(-1)).toEqual({ topic: "appointment.transitioned", payload: { appointmentId: appointment.id, providerId: doctors.single, clinicId: clinicA, patientId: p!.userId, from: "booked", to: "checked_in" } });
    expect((await rows<{ checked_in_at: Date | null }>("appointments", { id: appointment.id }))[0]!.checked_in_at).toBeInstanceOf(Date);
    await services.transition(tenant, deskA, appointment.id, "in_consultation");
    await services.transition(tenant, deskA, appointment.id, "completed");
    expect((await failure(services.transition(tenant, deskA, appointment.id, "no_show"))).code).toBe("conflict");
    const stored = (await rows<Record<string, unknown>>("appointments", { id: appointment.id }))[0]!;
    expect(stored).toMatchObject({ status: "completed" });
    expect(stored.started_at).toBeInstanceOf(Date);
    expect(stored.completed_at).toBeInstanceOf(Date);
    expect((await platform.withTenant(tenant, ({ db }) => db("audit_log").where({ subject_id: appointment.id, action: "appointment.transitioned" }).count("* as n")))[0]!.n).toBe("3");
  });

  it("writes no outbox row, event or status change when the transaction fails after the move", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const { appointment } = await services.book(tenant, p!, { ...at(await freshSlot("single")), reason: "Check-up" }, "life-2");
    const failing: TenantUnitOfWork = (t, work) =>
      platform.withTenant(t, async (scope) => {
        await work(scope);
        throw new Error("crash before commit");
      });
    await expect(servicesAt(() => new Date(), failing).transition(tenant, deskA, appointment.id, "checked_in")).rejects.toThrow("crash before commit");
    expect((await outboxFor(appointment.id)).map((o) => o.topic)).toEqual(["appointment.booked"]);
    expect((await rows("appointment_events", { appointment_id: appointment.id })).map((e) => (e as { to_status: string }).to_status)).toEqual(["booked"]);
    expect((await rows<{ status: string }>("appointments", { id: appointment.id }))[0]!.status).toBe("booked");
  });

  it("hides another patient's appointment and keeps a front desk of another clinic from moving it", async () => {
    const [p, other] = await createPatients(platform, tenant, 2);
    const { appointment } = await services.book(tenant, p!, { ...at(await freshSlot("single")), reason: "Allergy" }, "own-1");
    expect((await failure(services.get(tenant, other!, appointment.id))).code).toBe("not_found");
    expect((await failure(services.cancel(tenant, other!, appointment.id))).code).toBe("not_found");
    expect((await failure(services.transition(tenant, deskB, appointment.id, "checked_in"))).code).toBe("not_found");
    const noClinics = await createStaff(platform, tenant, "front_desk");
    expect((await failure(services.transition(tenant, noClinics, appointment.id, "checked_in"))).code).toBe("not_found");
    expect((await services.get(tenant, p!, appointment.id)).reason).toBe("Allergy");
    const admin = await createStaff(platform, tenant, "tenant_admin");
    const seen = await services.get(tenant, admin, appointment.id);
    expect(seen.id).toBe(appointment.id);
    expect(seen).not.toHaveProperty("reason");
  });

  it("lists a patient's own and dependants' appointments, upcoming apart from past", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const dep = await addDependant(platform, tenant, p!.userId);
    const a = await services.book(tenant, p!, { ...at(await freshSlot("single")), reason: "Self" }, "list-1");
    const b = await services.book(tenant, p!, { ...at(await freshSlot("triple")), reason: "Child", dependantId: dep }, "list-2");
    await services.cancel(tenant, p!, a.appointment.id);
    const list = await services.listForPatient(tenant, p!);
    expect(list.upcoming.map((x) => x.id)).toEqual([b.appointment.id]);
    expect(list.upcoming[0]!.visitor).toMatchObject({ kind: "dependant", id: dep });
    expect(list.past.map((x) => x.id)).toEqual([a.appointment.id]);
    expect(list.past[0]).toMatchObject({ status: "cancelled", cancelledBy: "patient" });
  });
});

describe("cancelling and rescheduling", () => {
  it("lets a patient cancel before the cut-off but not after; the clinic may cancel any time", async () => {
    const [p1, p2] = await createPatients(platform, tenant, 2);
    const slot = await freshSlot("single", { after: new Date(Date.now() + 3 * 3_600_000) });
    const { appointment } = await services.book(tenant, p1!, { ...at(slot), reason: "Check-up" }, "cut-1");
    const late = servicesAt(() => new Date(new Date(slot.startsAt).getTime() - 60 * MINUTE));
    const err = await failure(late.cancel(tenant, p1!, appointment.id, "Busy"));
    expect(err.code).toBe("conflict");
    expect(err.details).toMatchObject({ cutoffMinutes: 120 });
    const byClinic = await late.cancel(tenant, deskA, appointment.id, "Doctor unwell");
    expect(byClinic).toMatchObject({ status: "cancelled", cancelledBy: "clinic" });

    const other = await services.book(tenant, p2!, { ...at(await freshSlot("single", { after: new Date(Date.now() + 3 * 3_600_000) })), reason: "Check-up" }, "cut-2");
    const early = await services.cancel(tenant, p2!, other.appointment.id, "Feeling better");
    expect(early).toMatchObject({ status: "cancelled", cancelledBy: "patient" });
    expect((await rows<{ cancel_reason: string }>("appointments", { id: other.appointment.id }))[0]!.cancel_reason).toBe("Feeling better");
    const o = (await outboxFor(other.appointment.id)).at(-1)!;
    expect(o).toEqual({ topic: "appointment.cancelled", payload: expect.not.objectContaining({ reason: expect.anything() }) });
    expect((await failure(services.cancel(tenant, p2!, other.appointment.id))).code).toBe("conflict");
  });

  it("reschedules in one step: the new booking points at the old, which becomes rescheduled", async () => {
    const [p] = await createPatients(platform, tenant, 1);
    const { appointment } = await services.book(tenant, p!, { ...at(await freshSlot("single")), reason: "Review" }, "move-1");
    const target = await freshSlot("single");
    const moved = await services.reschedule(tenant, p!, appointment.id, { startsAt: target.startsAt });
    expect(moved).toMatchObject({ status: "booked", startsAt: target.startsAt, rescheduledFrom: appointment.id, reason: "Review" });
    expect((await services.get(tenant, p!, appointment.id)).status).toBe("rescheduled");
    expect((await failure(services.reschedule(tenant, p!, appointment.id, { startsAt: (await freshSlot("single")).startsAt }))).code).toBe("conflict");
  });
});

describe("the waitlist", () => {
  it("offers a cancelled slot to the first patient waiting for that day", async () => {
    const [booker, early, late] = await createPatients(platform, tenant, 3);
    const slot = await freshSlot("solo");
    const join = { providerId: doctors.solo, date: slot.localDate };
    const notFull = await failure(services.joinWaitlist(tenant, early!, join));
    expect(notFull.code).toBe("conflict");
    const { appointment } = await services.book(tenant, booker!, { ...at(slot), reason: "Skin rash" }, "wait-1");
    const first = await services.joinWaitlist(tenant, early!, join);
    expect((await failure(services.joinWaitlist(tenant, early!, join))).code).toBe("conflict");
    const second = await services.joinWaitlist(tenant, late!, join);
    await services.cancel(tenant, booker!, appointment.id);
    const [e1] = await rows<Record<string, unknown>>("waitlist_entries", { id: first.id });
    const [e2] = await rows<Record<string, unknown>>("waitlist_entries", { id: second.id });
    expect(e1).toMatchObject({ status: "offered", offered_starts_at: new Date(slot.startsAt) });
    expect(e2).toMatchObject({ status: "waiting" });
    const offers = await platform.withTenant(tenant, ({ db }) => db("outbox").where({ topic: "waitlist.offered" }).whereRaw("payload->>'waitlistEntryId' = ?", [first.id]).pluck("payload"));
    expect(offers).toEqual([{ waitlistEntryId: first.id, providerId: doctors.solo, clinicId: clinicA, patientId: early!.userId, freedAppointmentId: appointment.id }]);
  });
});

describe("the queue", () => {
  it("orders the doctor's day and estimates waits; patients and other doctors do not see it", async () => {
    const patients = await createPatients(platform, tenant, 3);
    const s1 = await freshSlot("triple");
    const date = s1.localDate;
    const booked: AppointmentView[] = [];
    for (const p of patients) booked.push((await services.book(tenant, p, { ...at(s1), reason: "Queue" }, `queue-${p.userId}`)).appointment);
    const t0 = new Date(new Date(s1.startsAt).getTime() - 10 * MINUTE);
    const clinic = servicesAt(() => t0);
    await clinic.transition(tenant, deskA, booked[2]!.id, "checked_in");
    await clinic.transition(tenant, deskA, booked[1]!.id, "checked_in");
    await clinic.transition(tenant, deskA, booked[1]!.id, "in_consultation");
    const later = servicesAt(() => new Date(t0.getTime() + 5 * MINUTE));
    const doctorTriple = await createStaff(platform, tenant, "doctor", { providerId: doctors.triple! });
    const q = await later.queue(tenant, doctorTriple, { providerId: doctors.triple!, clinicId: clinicA, date });
    // Other tests booked this doctor's day too: after the two present patients, everyone
    // still expected follows in slot order, 15 minutes apart.
    expect(q.slice(0, 2).map((e) => [e.id, e.status, e.estimatedWaitMinutes])).toEqual([
      [booked[1]!.id, "in_consultation", 0],
      [booked[2]!.id, "checked_in", 10],
    ]);
    const expected = q.slice(2);
    expect(expected.map((e) => e.id)).toContain(booked[0]!.id);
    expect(expected.every((e) => e.status === "booked")).toBe(true);
    expect(expected.map((e) => e.startsAt)).toEqual([...expected.map((e) => e.startsAt)].sort());
    expect(expected.map((e) => e.estimatedWaitMinutes)).toEqual(expected.map((_, i) => 25 + 15 * i));
    expect(q.map((e) => e.position)).toEqual(q.map((_, i) => i + 1));
    expect((await later.queue(tenant, deskA, { providerId: doctors.triple!, date })).map((e) => e.id)).toEqual(q.map((e) => e.id));
    expect((await failure(later.queue(tenant, patients[0]!, { providerId: doctors.triple!, date }))).code).toBe("not_found");
    expect((await failure(later.queue(tenant, doctorSolo, { providerId: doctors.triple!, clinicId: clinicA, date }))).code).toBe("not_found");
    expect((await failure(later.queue(tenant, deskB, { providerId: doctors.triple!, clinicId: clinicA, date }))).code).toBe("not_found");
  });

  it("tells a QueueEvents subscriber when a transition commits", async () => {
    const events = new QueueEvents();
    await events.listen(process.env.VISITNOW_TEST_DATABASE_URL!);
    try {
      const [p] = await createPatients(platform, tenant, 1);
      const { appointment } = await services.book(tenant, p!, { ...at(await freshSlot("single")), reason: "Live" }, "live-1");
      const heard: string[] = [];
      let resolve!: () => void;
      const got = new Promise<void>((r) => (resolve = r));
      const unsubscribe = events.subscribe(tenant.schema, (schema) => {
        heard.push(schema);
        resolve();
      });
      const other = events.subscribe("tenant_someone_else", () => heard.push("wrong"));
      await services.transition(tenant, deskA, appointment.id, "checked_in");
      await Promise.race([got, new Promise((_, reject) => setTimeout(() => reject(new Error("no notification within 5 s")), 5000))]);
      expect(heard[0]).toBe(tenant.schema);
      expect(heard).not.toContain("wrong");
      unsubscribe();
      other();
    } finally {
      await events.close();
    }
  });
});
