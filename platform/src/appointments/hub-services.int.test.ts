import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Actor } from "../access/index.js";
import type { HubServices } from "../context.js";
import { isDomainError, type DomainError } from "../errors/index.js";
import type { Platform } from "../index.js";
import { seedDoctors } from "../search/test-fixtures.js";
import { createHubServices, type HubTenant, type OpenSlot } from "./index.js";
import { addDependant, addRule, createPatients, createStaff } from "./test-fixtures.js";

let platform: Platform;
let tenant: HubTenant;
let clinicA: string;
let clinicB: string;
let drBoth: string;
let drA: string;
let drB: string;
let hidden: string;
let deskA: Actor;
let doctor: Actor;
let admin: Actor;
let hub: (actor: Actor) => HubServices;
const DAY = 86_400_000;

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (isDomainError(err)) return err;
    throw err;
  }
  throw new Error("expected a failure");
}

/** The Kolkata date `n` days from today. */
function dateIn(n: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(Date.now() + n * DAY));
}

/** The instant of a Kolkata wall time. */
const ist = (date: string, time: string) => new Date(`${date}T${time}:00+05:30`).toISOString();

beforeAll(async () => {
  platform = await createTestPlatform({ poolMax: 10 });
  const t = await createTestTenant(createProvisioningService(platform));
  tenant = { ...t, primaryHost: `${t.slug}.test`, timeZone: "Asia/Kolkata" };
  const ids = await seedDoctors(platform, tenant, [
    { slug: "dr-both", name: "Dr. Both Clinics", specialties: ["cardiology", "pediatrics"], clinics: ["indiranagar", "koramangala"] },
    { slug: "dr-a", name: "Dr. Only A", specialties: ["dermatology"], clinics: ["indiranagar"] },
    { slug: "dr-b", name: "Dr. Only B", specialties: ["dermatology"], clinics: ["koramangala"] },
    { slug: "dr-hidden", name: "Dr. Hidden", specialties: ["dermatology"], clinics: ["indiranagar"], published: false },
  ]);
  [drBoth, drA, drB, hidden] = [ids["dr-both"]!, ids["dr-a"]!, ids["dr-b"]!, ids["dr-hidden"]!];
  [clinicA, clinicB] = await platform.withTenant(tenant, ({ db }) => db("clinics").whereIn("slug", ["indiranagar", "koramangala"]).orderByRaw("slug = 'indiranagar' desc").pluck("id"));
  await addRule(platform, tenant, { providerId: drBoth, clinicId: clinicA!, start: "09:00", end: "12:00", slotMinutes: 15 });
  await addRule(platform, tenant, { providerId: drBoth, clinicId: clinicB!, start: "14:00", end: "17:00", slotMinutes: 20 });
  await addRule(platform, tenant, { providerId: drA, clinicId: clinicA!, start: "09:00", end: "12:00", slotMinutes: 15 });
  await addRule(platform, tenant, { providerId: drB, clinicId: clinicB!, start: "09:00", end: "12:00", slotMinutes: 15 });
  await platform.withTenant(tenant, ({ db }) => db("availability_rules").where({ provider_id: drBoth, clinic_id: clinicA }).update({ breaks: JSON.stringify([{ start: "10:30", end: "10:45" }]) }));
  deskA = await createStaff(platform, tenant, "front_desk", { clinicIds: [clinicA!] });
  doctor = await createStaff(platform, tenant, "doctor", { providerId: drBoth });
  admin = await createStaff(platform, tenant, "tenant_admin");
  const factory = createHubServices({ withTenant: platform.withTenant, scheduling: platform.scheduling, appointments: platform.appointments });
  hub = (actor) => factory(tenant, actor);
}, 120_000);

afterAll(async () => {
  await platform?.close();
});

describe("doctors", () => {
  it("shows the front desk the published doctors at their clinic, with only that clinic, and what they may do", async () => {
    const list = await hub(deskA).doctors();
    expect(list.map((d) => d.slug)).toEqual(["dr-both", "dr-a"]);
    const both = list.find((d) => d.id === drBoth)!;
    expect(both.clinics.map((c) => c.id)).toEqual([clinicA]);
    expect(both.specialties).toEqual(["Cardiology", "Pediatrics"]);
    expect(both.allowed).toEqual({ manageAvailability: false, runQueue: true, book: true });
  });

  it("shows a doctor only themselves at all their clinics, and a tenant admin every published doctor", async () => {
    const mine = await hub(doctor).doctors();
    expect(mine.map((d) => d.id)).toEqual([drBoth]);
    expect(mine[0]!.clinics.map((c) => c.id).sort()).toEqual([clinicA, clinicB].sort());
    expect(mine[0]!.allowed).toEqual({ manageAvailability: true, runQueue: true, book: false });
    const all = await hub(admin).doctors();
    expect(all.map((d) => d.slug).sort()).toEqual(["dr-a", "dr-b", "dr-both"]);
    expect(all.some((d) => d.id === hidden)).toBe(false);
    expect(all[0]!.allowed).toEqual({ manageAvailability: true, runQueue: false, book: false });
  });
});

describe("calendar", () => {
  let day: string;
  let atA: string;
  let atB: string;

  beforeAll(async () => {
    day = dateIn(3);
    const [p1, p2, p3] = await createPatients(platform, tenant, 3);
    atA = (await hub(deskA).book({ patientId: p1!.userId, providerId: drBoth, clinicId: clinicA, startsAt: ist(day, "09:15"), reason: "Check-up" }, "cal-a")).appointment.id;
    const held = await platform.appointments.hold(tenant, p2!, { providerId: drBoth, clinicId: clinicB, startsAt: ist(day, "14:20") });
    atB = (await platform.appointments.confirm(tenant, p2!, held.id, { reason: "Follow-up" })).id;
    await platform.withTenant(tenant, async ({ db }) => {
      // A hold that lapsed: never on the calendar.
      await db("appointments").insert({ provider_id: drBoth, clinic_id: clinicA, patient_id: p3!.userId, starts_at: ist(day, "11:00"), ends_at: ist(day, "11:15"), seat: 1, mode: "in_clinic", status: "held", hold_expires_at: new Date(Date.now() - 60_000) });
      await db("availability_exceptions").insert([
        { kind: "time_off", provider_id: drBoth, clinic_id: null, date: day, start_time: "09:00", end_time: "09:30", note: "Hospital round" },
        { kind: "clinic_holiday", provider_id: null, clinic_id: clinicB, date: day, note: "Festival" },
        { kind: "extra_session", provider_id: drBoth, clinic_id: clinicA, date: day, start_time: "18:00", end_time: "19:00", slot_minutes: 30 },
      ]);
    });
  });

  it("gives the front desk their clinic's windows (breaks taken out, extra sessions added), closures and appointments only", async () => {
    const days = await hub(deskA).calendar({ providerId: drBoth, from: day, days: 2 });
    expect(days.map((d) => d.date)).toEqual([day, dateIn(4)]);
    const d0 = days[0]!;
    expect(d0.weekday).toBe(((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
    expect(d0.windows).toEqual([
      { clinicId: clinicA, clinicName: "Indiranagar Clinic", start: "09:00", end: "10:30", slotMinutes: 15, source: "rule" },
      { clinicId: clinicA, clinicName: "Indiranagar Clinic", start: "10:45", end: "12:00", slotMinutes: 15, source: "rule" },
      { clinicId: clinicA, clinicName: "Indiranagar Clinic", start: "18:00", end: "19:00", slotMinutes: 30, source: "extra_session" },
    ]);
    expect(d0.closures).toEqual([expect.objectContaining({ kind: "time_off", clinicId: null, start: "09:00", end: "09:30", note: "Hospital round" })]);
    expect(d0.appointments.map((a) => a.id)).toEqual([atA]);
    expect(d0.appointments[0]).toMatchObject({ status: "booked", clinicId: clinicA, reason: "Check-up" });
    expect(days[1]!.appointments).toEqual([]);
    expect(days[1]!.windows.map((w) => `${w.start}-${w.end}`)).toEqual(["09:00-10:30", "10:45-12:00"]);
  });

  it("gives the doctor every clinic, the clinic holiday and both appointments; a tenant admin does not see the reason", async () => {
    const [d0] = await hub(doctor).calendar({ providerId: drBoth, from: day, days: 1 });
    expect(d0!.windows.map((w) => `${w.clinicName} ${w.start}-${w.end}`)).toEqual([
      "Indiranagar Clinic 09:00-10:30",
      "Indiranagar Clinic 10:45-12:00",
      "Koramangala Clinic 14:00-17:00",
      "Indiranagar Clinic 18:00-19:00",
    ]);
    expect(d0!.closures.map((c) => c.kind).sort()).toEqual(["clinic_holiday", "time_off"]);
    expect(d0!.appointments.map((a) => a.id)).toEqual([atA, atB]);
    const [a0] = await hub(admin).calendar({ providerId: drBoth, from: day, days: 1 });
    expect(a0!.appointments.map((a) => a.id)).toEqual([atA, atB]);
    expect(a0!.appointments.every((a) => a.reason === undefined)).toBe(true);
  });

  it("lists the doctor's own exceptions together with the holidays of their clinics", async () => {
    const list = await hub(doctor).listExceptions({ providerId: drBoth, from: day, to: day });
    expect(list.map((e) => e.kind).sort()).toEqual(["clinic_holiday", "extra_session", "time_off"]);
    expect(list.find((e) => e.kind === "clinic_holiday")).toMatchObject({ providerId: null, clinicId: clinicB });
    // Dr. Only A works at clinic A only: clinic B's holiday is not theirs.
    const drAList = await hub(admin).listExceptions({ providerId: drA, from: day, to: day });
    expect(drAList.some((e) => e.kind === "clinic_holiday")).toBe(false);
  });

  it("finds nothing for a doctor the user does not work with, and refuses more than 7 days", async () => {
    expect((await failure(hub(deskA).calendar({ providerId: drB, from: day, days: 1 }))).code).toBe("not_found");
    expect((await failure(hub(deskA).calendar({ providerId: drBoth, from: day, days: 1, clinicId: clinicB }))).code).toBe("not_found");
    expect((await failure(hub(doctor).calendar({ providerId: drA, from: day, days: 1 }))).code).toBe("not_found");
    const bad = await failure(hub(deskA).calendar({ providerId: drBoth, from: "2026-13-01", days: 8 }));
    expect(bad.code).toBe("validation_failed");
    expect((bad.details as { field: string }[]).map((d) => d.field)).toEqual(["from", "days"]);
  });

  it("runs the queue of that day for the front desk's clinic only, and checks a patient in", async () => {
    const queue = await hub(deskA).queue({ providerId: drBoth, date: day });
    expect(queue.map((e) => e.id)).toEqual([atA]);
    const moved = await hub(deskA).transition(atA, "checked_in");
    expect(moved.status).toBe("checked_in");
    expect((await failure(hub(deskA).transition(atB, "checked_in"))).code).toBe("not_found");
  });
});

describe("patients and booking on their behalf", () => {
  let kabirParent: string;

  beforeAll(async () => {
    kabirParent = await platform.withTenant(tenant, async ({ db }) => {
      const [row] = await db("users").insert({ kind: "patient", name: "Asha Verma", email: "asha.verma@example.test", phone: "+919812343210" }).returning("id");
      await db("users").insert({ kind: "patient", name: "100%_Real Person", email: "real@example.test" });
      await db("users").insert({ kind: "patient", name: "Asha Disabled", email: "asha.disabled@example.test", status: "disabled" });
      return row.id as string;
    });
    await addDependant(platform, tenant, kabirParent, "Kabir Verma");
  });

  it("finds active patients by name, email or phone digits for the front desk, with dependants", async () => {
    const byName = await hub(deskA).findPatients("  asha  ");
    expect(byName.map((p) => p.id)).toEqual([kabirParent]);
    expect(byName[0]).toMatchObject({ name: "Asha Verma", phone: "+919812343210", email: "asha.verma@example.test", dependants: [expect.objectContaining({ name: "Kabir Verma", relationship: "child" })] });
    expect((await hub(deskA).findPatients("98123 43")).map((p) => p.id)).toEqual([kabirParent]);
    expect((await hub(deskA).findPatients("VERMA@example")).map((p) => p.id)).toEqual([kabirParent]);
    // `%` and `_` are matched literally, not as wildcards.
    expect((await hub(deskA).findPatients("0%_")).map((p) => p.name)).toEqual(["100%_Real Person"]);
    expect(await hub(deskA).findPatients("%%%")).toEqual([]);
  });

  it("needs three characters, and is not for doctors", async () => {
    const short = await failure(hub(deskA).findPatients(" as "));
    expect(short.code).toBe("validation_failed");
    expect((short.details as { field: string }[])[0]!.field).toBe("q");
    expect((await failure(hub(doctor).findPatients("asha"))).code).toBe("forbidden");
  });

  it("registers a patient without a password (audited without PHI), refuses a duplicate phone, and books for them once per key", async () => {
    const p = await hub(deskA).registerPatient({ name: " Meera Nair ", phone: "98765 12345", email: "" });
    expect(p).toMatchObject({ name: "Meera Nair", phone: "+919876512345", email: null, dependants: [] });
    const row = await platform.withTenant(tenant, ({ db }) => db("users").where({ id: p.id }).first("kind", "status", "password_hash"));
    expect(row).toEqual({ kind: "patient", status: "active", password_hash: null });
    const audit = await platform.withTenant(tenant, ({ db }) => db("audit_log").where({ subject_id: p.id }).first("action", "actor_id", "metadata"));
    expect(audit).toEqual({ action: "auth.sign_up", actor_id: deskA.userId, metadata: { method: "registered_by_staff" } });

    const dup = await failure(hub(deskA).registerPatient({ name: "Someone Else", phone: "+919876512345" }));
    expect(dup.code).toBe("conflict");
    expect(dup.details).toEqual([{ field: "phone", message: expect.stringContaining("already registered") }]);
    const noContact = await failure(hub(deskA).registerPatient({ name: "No Contact" }));
    expect(noContact.code).toBe("validation_failed");
    expect((noContact.details as { field: string }[])[0]!.field).toBe("phone");
    expect((await failure(hub(doctor).registerPatient({ name: "Via Doctor", email: "via.doctor@example.test" }))).code).toBe("forbidden");

    const slots: OpenSlot[] = await hub(deskA).openSlots({ providerId: drA, from: dateIn(5), days: 1 });
    expect(slots.length).toBe(12);
    const input = { patientId: p.id, providerId: drA, clinicId: clinicA, startsAt: slots[0]!.startsAt, reason: "Rash" };
    const first = await hub(deskA).book(input, "desk-key-1");
    expect(first).toMatchObject({ replayed: false, appointment: { status: "booked", patientId: p.id, providerId: drA } });
    const again = await hub(deskA).book(input, "desk-key-1");
    expect(again).toMatchObject({ replayed: true, appointment: { id: first.appointment.id } });
  });

  it("offers slots only where the user may book or read availability", async () => {
    const both = await hub(deskA).openSlots({ providerId: drBoth, from: dateIn(6), days: 1 });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((s) => s.clinicId === clinicA)).toBe(true);
    expect((await failure(hub(deskA).openSlots({ providerId: drB }))).code).toBe("not_found");
  });
});

describe("booking rules", () => {
  it("names the doctors with rules of their own in one call, limited to the doctors the user works with", async () => {
    expect(await hub(admin).doctorsWithOwnPolicy()).toEqual([]);
    await hub(admin).savePolicy({ providerId: drA, minNoticeMinutes: 30, maxAdvanceDays: 10, cancelCutoffMinutes: 60, rescheduleCutoffMinutes: 60, maxActivePerProvider: 2, holdMinutes: 5 });
    expect(await hub(admin).doctorsWithOwnPolicy()).toEqual([drA]);
    expect(await hub(deskA).doctorsWithOwnPolicy()).toEqual([drA]);
    // Dr. Both Clinics' own account does not see another doctor's arrangements.
    expect(await hub(doctor).doctorsWithOwnPolicy()).toEqual([]);
    expect(await hub(admin).policyFor(drA)).toMatchObject({ providerId: drA, minNoticeMinutes: 30, maxActivePerProvider: 2 });
  });

  it("puts a doctor back on the hospital default for a tenant admin only, audited", async () => {
    expect((await failure(hub(deskA).removePolicy(drA))).code).toBe("forbidden");
    expect(await hub(admin).doctorsWithOwnPolicy()).toEqual([drA]);
    await hub(admin).removePolicy(drA);
    expect(await hub(admin).doctorsWithOwnPolicy()).toEqual([]);
    expect((await hub(admin).policyFor(drA)).providerId).toBeNull();
    await hub(admin).removePolicy(drA); // already on the default: nothing to do, nothing audited
    const audited = await platform.withTenant(tenant, ({ db }) => db("audit_log").where({ action: "booking_policy.removed" }).count("* as n"));
    expect(audited).toEqual([{ n: "1" }]);
    expect((await failure(hub(admin).removePolicy("00000000-0000-4000-8000-000000000000"))).code).toBe("not_found");
  });
});
