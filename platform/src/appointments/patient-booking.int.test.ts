import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Actor } from "../access/index.js";
import type { BookingServices, SlotView } from "../context.js";
import { isDomainError, type DomainError } from "../errors/index.js";
import type { Platform } from "../index.js";
import { seedDoctors } from "../search/test-fixtures.js";
import { createPatientBooking, type BookingTenant } from "./index.js";
import { addRule, createPatients } from "./test-fixtures.js";

let platform: Platform;
let tenant: BookingTenant;
let clinicA: string;
let doctorId: string;
let booking: (actor: Actor | null, now?: () => Date) => BookingServices;
const SLUG = "dr-kathmandu-friendly";
const taken = new Set<string>();

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (isDomainError(err)) return err;
    throw err;
  }
  throw new Error("expected a failure");
}

/** A slot two or more days ahead (clear of minimum notice) that no other test took. */
async function freshSlot(): Promise<SlotView> {
  const view = await booking(null).slots(SLUG, { days: 5 });
  const slot = view.days
    .slice(2)
    .flatMap((d) => d.slots)
    .find((s) => !taken.has(s.startsAt));
  if (!slot) throw new Error("no fresh slot");
  taken.add(slot.startsAt);
  return slot;
}

async function patient(): Promise<Actor> {
  return (await createPatients(platform, tenant, 1))[0]!;
}

beforeAll(async () => {
  platform = await createTestPlatform({ poolMax: 10 });
  const t = await createTestTenant(createProvisioningService(platform));
  tenant = { ...t, primaryHost: `${t.slug}.test`, timeZone: "Asia/Kolkata" };
  const ids = await seedDoctors(platform, tenant, [{ slug: SLUG, name: "Dr. Asha Rao", specialties: ["cardiology"], clinics: ["indiranagar"] }]);
  doctorId = ids[SLUG]!;
  clinicA = await platform.withTenant(tenant, ({ db }) => db("clinics").where({ slug: "indiranagar" }).first("id").then((r: { id: string }) => r.id));
  // Every day 09:00-12:00 in Asia/Kolkata, 15-minute slots: 12 a day.
  await addRule(platform, tenant, { providerId: doctorId, clinicId: clinicA, start: "09:00", end: "12:00", slotMinutes: 15 });
  const factory = (now?: () => Date) => createPatientBooking({ withTenant: platform.withTenant, scheduling: platform.scheduling, appointments: platform.appointments, now });
  booking = (actor, now) => factory(now)(tenant, actor);
}, 120_000);

afterAll(async () => {
  await platform?.close();
});

describe("slots", () => {
  it("groups a doctor's open slots by day in the patient's +05:45 zone, every day present, with the clinic's own times", async () => {
    const view = await booking(null).slots(SLUG, { zone: "Asia/Kathmandu", days: 4 });
    expect(view.zone).toBe("Asia/Kathmandu");
    expect(view.providerId).toBe(doctorId);
    expect(view.days).toHaveLength(4);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kathmandu" }).format(new Date());
    expect(view.from).toBe(today);
    expect(view.days[0]!.date).toBe(today);
    expect(view.to).toBe(view.days[3]!.date);
    for (let i = 1; i < 4; i++) expect(Date.parse(view.days[i]!.date) - Date.parse(view.days[i - 1]!.date)).toBe(86_400_000);
    // Later days are clear of the minimum notice: all twelve slots, 09:15-12:15 Kathmandu time.
    const later = view.days[2]!.slots;
    expect(later).toHaveLength(12);
    expect(later[0]).toMatchObject({ localDate: view.days[2]!.date, localStart: "09:15", localEnd: "09:30", clinicTimeZone: "Asia/Kolkata", clinicLocalStart: "09:00", clinicId: clinicA, clinicName: "Indiranagar Clinic", mode: "in_clinic", capacity: 1, remaining: 1 });
    expect(later[11]).toMatchObject({ localStart: "12:00", localEnd: "12:15", clinicLocalStart: "11:45" });
    for (const d of view.days) for (const s of d.slots) expect(s.localDate).toBe(d.date);
    expect(view.clinics).toEqual([{ id: clinicA, name: "Indiranagar Clinic", timeZone: "Asia/Kolkata" }]);
    expect(view.policy).toMatchObject({ minNoticeMinutes: 60, cancelCutoffMinutes: 120, holdMinutes: 5 });
  });

  it("defaults to the tenant's zone and 14 days, and refuses an unknown zone, too many days, a bad date and an unknown doctor", async () => {
    const view = await booking(null).slots(SLUG);
    expect(view.zone).toBe("Asia/Kolkata");
    expect(view.days).toHaveLength(14);
    expect(view.days[3]!.slots[0]).toMatchObject({ localStart: "09:00", clinicLocalStart: "09:00" });
    const bad = await failure(booking(null).slots(SLUG, { zone: "Mars/Olympus_Mons", days: 32, from: "2026-02-30" }));
    expect(bad.code).toBe("validation_failed");
    expect((bad.details as { field: string }[]).map((d) => d.field).sort()).toEqual(["days", "from", "zone"]);
    expect((await failure(booking(null).slots("no-such-doctor"))).code).toBe("not_found");
    expect((await failure(booking(null).slots(SLUG, { clinicId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("validation_failed");
  });
});

describe("booking as a patient", () => {
  it("needs a signed-in patient for everything but slots", async () => {
    expect((await failure(booking(null).mine())).code).toBe("unauthenticated");
    expect((await failure(booking(null).hold({ doctorSlug: SLUG }))).code).toBe("unauthenticated");
    expect((await failure(booking(null).calendarFile("00000000-0000-4000-8000-000000000000"))).code).toBe("unauthenticated");
  });

  it("holds, confirms, shows the detail and a calendar file without the reason; another patient finds nothing", async () => {
    const me = await patient();
    const slot = await freshSlot();
    const held = await booking(me).hold({ doctorSlug: SLUG, clinicId: slot.clinicId, startsAt: slot.startsAt });
    expect(held).toMatchObject({ status: "held", providerId: doctorId, providerSlug: SLUG, clinicId: clinicA, startsAt: slot.startsAt, canCancel: true, canReschedule: false });
    expect(held.clinicAddress).toBe("1 Main Road, Indiranagar, Bengaluru");

    const booked = await booking(me).confirm(held.id, { reason: "Chest pain; since Monday, worse at night", contactPhone: "+919876543210" });
    expect(booked).toMatchObject({ id: held.id, status: "booked", canCancel: true, canReschedule: true, reason: "Chest pain; since Monday, worse at night" });
    expect(await booking(me).get(held.id)).toMatchObject({ id: held.id, status: "booked", providerSlug: SLUG });
    const mine = await booking(me).mine();
    expect(mine.upcoming.map((a) => a.id)).toEqual([held.id]);
    expect(mine.upcoming[0]).toMatchObject({ providerSlug: SLUG, canCancel: true });

    const file = await booking(me).calendarFile(held.id);
    const clinicDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(slot.startsAt));
    expect(file.filename).toBe(`appointment-${clinicDate}.ics`);
    expect(file.body.endsWith("\r\n")).toBe(true);
    expect(file.body.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const lines = file.body.replace(/\r\n /g, "").split("\r\n");
    const zulu = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    expect(lines).toContain(`UID:${held.id}@${tenant.primaryHost}`);
    expect(lines).toContain(`DTSTART:${zulu(slot.startsAt)}`);
    expect(lines).toContain(`DTEND:${zulu(slot.endsAt)}`);
    expect(lines).toContain("SUMMARY:Appointment with Dr. Asha Rao");
    expect(lines).toContain("LOCATION:Indiranagar Clinic\\, 1 Main Road\\, Indiranagar\\, Bengaluru");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines.find((l) => l.startsWith("DTSTAMP:"))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(file.body).not.toContain("Chest pain");
    for (const raw of file.body.split("\r\n")) expect(new TextEncoder().encode(raw).length).toBeLessThanOrEqual(75);

    const stranger = await patient();
    expect((await failure(booking(stranger).get(held.id))).code).toBe("not_found");
    expect((await failure(booking(stranger).calendarFile(held.id))).code).toBe("not_found");
    expect((await failure(booking(stranger).release(held.id))).code).toBe("not_found");
    expect((await failure(booking(stranger).cancel(held.id))).code).toBe("not_found");

    const cancelled = await booking(me).cancel(held.id, "Feeling better");
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: "patient", canCancel: false, canReschedule: false });
    expect((await booking(me).calendarFile(held.id)).body).toContain("STATUS:CANCELLED");
  });

  it("releases a hold at once so the slot is open again, and refuses to release a booking", async () => {
    const me = await patient();
    const slot = await freshSlot();
    const held = await booking(me).hold({ doctorSlug: SLUG, clinicId: slot.clinicId, startsAt: slot.startsAt });
    const openNow = async () => (await booking(null).slots(SLUG, { days: 5 })).days.flatMap((d) => d.slots).some((s) => s.startsAt === slot.startsAt);
    expect(await openNow()).toBe(false);
    await booking(me).release(held.id);
    expect(await booking(me).get(held.id)).toMatchObject({ status: "cancelled", canCancel: false });
    expect(await openNow()).toBe(true);
    await booking(me).release(held.id); // already given back: nothing to do

    const again = await booking(me).hold({ doctorSlug: SLUG, clinicId: slot.clinicId, startsAt: slot.startsAt });
    await booking(me).confirm(again.id, { reason: "Check-up" });
    expect((await failure(booking(me).release(again.id))).code).toBe("conflict");
  });

  it("turns cancel and reschedule off inside the policy's cut-offs", async () => {
    const me = await patient();
    const slot = await freshSlot();
    const held = await booking(me).hold({ doctorSlug: SLUG, clinicId: slot.clinicId, startsAt: slot.startsAt });
    await booking(me).confirm(held.id, { reason: "Check-up" });
    const start = Date.parse(slot.startsAt);
    // Seen 3 hours before: before the 120-minute cut-offs. Seen 90 minutes before: after them.
    expect(await booking(me, () => new Date(start - 180 * 60_000)).get(held.id)).toMatchObject({ canCancel: true, canReschedule: true });
    expect(await booking(me, () => new Date(start - 90 * 60_000)).get(held.id)).toMatchObject({ canCancel: false, canReschedule: false });
  });

  it("names an unknown doctor as a problem with the doctorSlug field", async () => {
    const me = await patient();
    const err = await failure(booking(me).hold({ doctorSlug: "nobody-here", clinicId: clinicA, startsAt: new Date().toISOString() }));
    expect(err.code).toBe("validation_failed");
    expect(err.details).toEqual([{ field: "doctorSlug", message: "No such doctor." }]);
  });
});

describe("waitlist", () => {
  it("lets a patient wait for a full day only, once, and offers them the seat a cancellation frees", async () => {
    // Day 7 of the window: no other test books there. Fill all 12 slots with 12 patients.
    const view = await booking(null).slots(SLUG, { days: 8 });
    const day = view.days[7]!;
    expect(day.slots).toHaveLength(12);
    const bookers = await createPatients(platform, tenant, day.slots.length);
    const booked: string[] = [];
    for (const [i, slot] of day.slots.entries()) {
      const held = await booking(bookers[i]!).hold({ doctorSlug: SLUG, clinicId: slot.clinicId, startsAt: slot.startsAt });
      booked.push((await booking(bookers[i]!).confirm(held.id, { reason: "Check-up" })).id);
    }
    const after = await booking(null).slots(SLUG, { days: 10 });
    expect(after.days[7]).toMatchObject({ state: "full", slots: [] });
    expect(after.days[6]!.state).toBe("open");
    // A day off is closed, not full: nobody can wait for it.
    await platform.withTenant(tenant, ({ db }) => db("availability_exceptions").insert({ kind: "time_off", provider_id: doctorId, date: after.days[9]!.date, note: "Away" }));
    expect((await booking(null).slots(SLUG, { days: 10 })).days[9]).toMatchObject({ state: "closed", slots: [] });

    const waiting = await patient();
    // A day that still has open slots is for booking, not waiting.
    const open = await failure(booking(waiting).joinWaitlist({ doctorSlug: SLUG, date: view.days[6]!.date }));
    expect(open.code).toBe("conflict");
    expect((open.details as { nextSlots: unknown[] }).nextSlots.length).toBeGreaterThan(0);

    const { id } = await booking(waiting).joinWaitlist({ doctorSlug: SLUG, date: day.date });
    expect((await failure(booking(waiting).joinWaitlist({ doctorSlug: SLUG, date: day.date }))).code).toBe("conflict");

    await booking(bookers[3]!).cancel(booked[3]!, "Feeling better");
    const entry = await platform.withTenant(tenant, ({ db }) => db("waitlist_entries").where({ id }).first("status", "offered_starts_at"));
    expect(entry.status).toBe("offered");
    expect(new Date(entry.offered_starts_at).toISOString()).toBe(new Date(day.slots[3]!.startsAt).toISOString());
    const outbox = await platform.withTenant(tenant, ({ db }) => db("outbox").where({ topic: "waitlist.offered" }).select("payload"));
    const payloads = outbox.map((r: { payload: unknown }) => JSON.stringify(r.payload));
    expect(payloads.some((p: string) => p.includes(id))).toBe(true);
    // Ids only: no reason, no names.
    expect(payloads.join()).not.toMatch(/Feeling better|Check-up/);
  }, 60_000);
});
