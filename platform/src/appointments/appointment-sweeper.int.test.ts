import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Platform } from "../index.js";
import { seedDoctors } from "../search/test-fixtures.js";
import { addRule, createPatients, realSlotLookup } from "./test-fixtures.js";
import { createAppointmentServices, createAppointmentSweeper, QueueEvents, type AppointmentServices, type OpenSlot, type SchedulingTenant, type SlotLookup } from "./index.js";

let platform: Platform;
let tenant: SchedulingTenant;
let lookup: SlotLookup;
let services: AppointmentServices;
let doctors: Record<string, string>;
let clinicA: string;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A sweeper of this test's tenant only, whose clock reads `at()`. */
function sweeperAt(at: () => Date) {
  return createAppointmentSweeper({ withTenant: platform.withTenant, scheduling: lookup, listTenants: async () => [tenant], log: { warn: () => undefined }, now: at, offerMinutes: 30 });
}

function rows<T = Record<string, unknown>>(table: string, where: Record<string, unknown>): Promise<T[]> {
  return platform.withTenant(tenant, ({ db }) => db(table).where(where).orderBy("id") as unknown as Promise<T[]>);
}

function outbox(topic: string, key: string, id: string): Promise<Record<string, string>[]> {
  return platform.withTenant(tenant, ({ db }) => db("outbox").where({ topic }).whereRaw(`payload->>'${key}' = ?`, [id]).orderBy("id").pluck("payload"));
}

const at = (s: OpenSlot) => ({ providerId: s.providerId, clinicId: s.clinicId, startsAt: s.startsAt });

beforeAll(async () => {
  platform = await createTestPlatform({ poolMax: 10 });
  const t = await createTestTenant(createProvisioningService(platform));
  tenant = { ...t, primaryHost: `${t.slug}.test` };
  lookup = realSlotLookup();
  services = createAppointmentServices({ withTenant: platform.withTenant, scheduling: lookup, waitlistOfferMinutes: 30 });
  doctors = await seedDoctors(platform, tenant, [
    { slug: "busy", name: "Dr. Busy", specialties: ["cardiology"], clinics: ["indiranagar"] },
    { slug: "pair", name: "Dr. Two Slots", specialties: ["dermatology"], clinics: ["indiranagar"] },
  ]);
  [clinicA] = await platform.withTenant(tenant, ({ db }) => db("clinics").where("slug", "indiranagar").pluck("id"));
  await addRule(platform, tenant, { providerId: doctors.busy!, clinicId: clinicA!, start: "00:00", end: "23:45", slotMinutes: 15 });
  await addRule(platform, tenant, { providerId: doctors.pair!, clinicId: clinicA!, start: "09:00", end: "09:30", slotMinutes: 15 });
}, 120_000);

afterAll(async () => {
  await platform?.close();
});

describe("the hold sweeper", () => {
  it("expires a lapsed hold with its event and an ids-only appointment.expired, tells the queue listeners, and leaves live holds alone", async () => {
    const listener = new QueueEvents();
    await listener.listen(platform.database.url);
    try {
      let heard = 0;
      const unsubscribe = listener.subscribe(tenant.schema, () => (heard += 1));
      const [p] = await createPatients(platform, tenant, 1);
      const slots = await platform.withTenant(tenant, (scope) => lookup.nextOpenSlots(scope, doctors.busy!, new Date(Date.now() + DAY), 3, new Date()));
      const held = await services.hold(tenant, p!, at(slots[0]!));
      const expiresAt = new Date(held.holdExpiresAt!).getTime();
      for (let i = 0; i < 40 && heard === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(heard).toBeGreaterThan(0); // the hold itself
      heard = 0;

      // Before the hold lapses nothing is written, so nobody is woken either.
      expect(await sweeperAt(() => new Date(expiresAt - MINUTE)).sweepTenant(tenant)).toEqual({ expiredHolds: 0, expiredOffers: 0, offers: 0 });
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toBe(0);
      expect((await rows("appointments", { id: held.id }))[0]).toMatchObject({ status: "held" });

      expect((await sweeperAt(() => new Date(expiresAt + 1000)).sweepTenant(tenant)).expiredHolds).toBe(1);
      expect((await rows("appointments", { id: held.id }))[0]).toMatchObject({ status: "expired" });
      const events = await rows<Record<string, unknown>>("appointment_events", { appointment_id: held.id });
      expect(events.map((e) => [e.from_status, e.to_status, e.actor_kind, e.actor_id])).toEqual([
        [null, "held", "patient", p!.userId],
        ["held", "expired", "system", null],
      ]);
      expect(await outbox("appointment.expired", "appointmentId", held.id)).toEqual([{ appointmentId: held.id, providerId: doctors.busy, clinicId: clinicA, patientId: p!.userId }]);
      for (let i = 0; i < 40 && heard === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(heard).toBeGreaterThan(0);
      unsubscribe();
      // The seat is free again.
      const [q] = await createPatients(platform, tenant, 1);
      expect((await services.book(tenant, q!, { ...at(slots[0]!), reason: "After the hold" }, "after-hold")).appointment.status).toBe("booked");
    } finally {
      await listener.close();
    }
  });

  it("expires each lapsed hold exactly once when two sweepers run at the same time", async () => {
    const patients = await createPatients(platform, tenant, 4);
    const slots = await platform.withTenant(tenant, (scope) => lookup.nextOpenSlots(scope, doctors.busy!, new Date(Date.now() + 2 * DAY), 4, new Date()));
    const holds = await Promise.all(patients.map((p, i) => services.hold(tenant, p, at(slots[i]!))));
    const later = () => new Date(Date.now() + 10 * MINUTE);
    const [a, b] = await Promise.all([sweeperAt(later).sweepTenant(tenant), sweeperAt(later).sweepTenant(tenant)]);
    expect(a.expiredHolds + b.expiredHolds).toBe(4);
    for (const h of holds) {
      const events = await rows<Record<string, unknown>>("appointment_events", { appointment_id: h.id, to_status: "expired" });
      expect(events).toHaveLength(1);
      expect(await outbox("appointment.expired", "appointmentId", h.id)).toHaveLength(1);
    }
  });
});

describe("waitlist offers", () => {
  it("pass a lapsed offer to the next patient waiting, skipping one who booked the day meanwhile", async () => {
    // Dr. Two Slots sees two patients a day; take a day three days out and fill it.
    const open = await platform.withTenant(tenant, (scope) => lookup.nextOpenSlots(scope, doctors.pair!, new Date(Date.now() + 3 * DAY), 4, new Date()));
    const [s1, s2] = open.filter((s) => s.localDate === open[0]!.localDate);
    expect(s2).toBeDefined();
    const [p0, p1, w1, w2, w3] = await createPatients(platform, tenant, 5);
    const a0 = (await services.book(tenant, p0!, { ...at(s1!), reason: "First" }, "pair-0")).appointment;
    const a1 = (await services.book(tenant, p1!, { ...at(s2!), reason: "Second" }, "pair-1")).appointment;
    const join = { providerId: doctors.pair, date: s1!.localDate };
    const e1 = await services.joinWaitlist(tenant, w1!, join);
    const e2 = await services.joinWaitlist(tenant, w2!, join);
    const e3 = await services.joinWaitlist(tenant, w3!, join);

    // Two cancellations: the first freed slot goes to w1, the second to w2, who books it.
    await services.cancel(tenant, p0!, a0.id);
    await services.cancel(tenant, p1!, a1.id);
    expect((await rows("waitlist_entries", { id: e1.id }))[0]).toMatchObject({ status: "offered", offered_clinic_id: clinicA, offered_starts_at: new Date(s1!.startsAt) });
    expect((await rows("waitlist_entries", { id: e2.id }))[0]).toMatchObject({ status: "offered", offered_starts_at: new Date(s2!.startsAt) });
    await services.book(tenant, w2!, { ...at(s2!), reason: "Took the offer" }, "pair-w2");
    expect((await rows("waitlist_entries", { id: e2.id }))[0]).toMatchObject({ status: "booked" });

    // Nothing lapses before its time.
    expect(await sweeperAt(() => new Date(Date.now() + 29 * MINUTE)).sweepTenant(tenant)).toMatchObject({ expiredOffers: 0, offers: 0 });
    expect((await rows("waitlist_entries", { id: e1.id }))[0]).toMatchObject({ status: "offered" });

    // w1 let the offer lapse: it passes to w3 (w2 booked the day and is not offered again).
    const sweptAt = Date.now() + 31 * MINUTE;
    expect(await sweeperAt(() => new Date(sweptAt)).sweepTenant(tenant)).toMatchObject({ expiredOffers: 1, offers: 1 });
    expect((await rows("waitlist_entries", { id: e1.id }))[0]).toMatchObject({ status: "expired" });
    expect((await rows("waitlist_entries", { id: e2.id }))[0]).toMatchObject({ status: "booked" });
    const third = (await rows<Record<string, unknown>>("waitlist_entries", { id: e3.id }))[0]!;
    expect(third).toMatchObject({ status: "offered", offered_clinic_id: clinicA, offered_starts_at: new Date(s1!.startsAt) });
    expect(Math.abs((third.offer_expires_at as Date).getTime() - (sweptAt + 30 * MINUTE))).toBeLessThan(1000);
    expect(await outbox("waitlist.expired", "waitlistEntryId", e1.id)).toEqual([{ waitlistEntryId: e1.id, providerId: doctors.pair, patientId: w1!.userId }]);
    expect(await outbox("waitlist.offered", "waitlistEntryId", e3.id)).toEqual([{ waitlistEntryId: e3.id, providerId: doctors.pair, clinicId: clinicA, patientId: w3!.userId, lapsedWaitlistEntryId: e1.id }]);
    expect(await outbox("waitlist.offered", "waitlistEntryId", e2.id)).toHaveLength(1);

    // w3 lets it lapse too and nobody is left waiting: the slot is simply open.
    expect(await sweeperAt(() => new Date(sweptAt + 31 * MINUTE)).sweepTenant(tenant)).toMatchObject({ expiredOffers: 1, offers: 0 });
    expect((await rows("waitlist_entries", { id: e3.id }))[0]).toMatchObject({ status: "expired" });
  });

  it("does not pass on an offer whose slot was booked meanwhile", async () => {
    const open = await platform.withTenant(tenant, (scope) => lookup.nextOpenSlots(scope, doctors.pair!, new Date(Date.now() + 5 * DAY), 4, new Date()));
    const [s1, s2] = open.filter((s) => s.localDate === open[0]!.localDate);
    const [p0, p1, w1, w2, other] = await createPatients(platform, tenant, 5);
    const a0 = (await services.book(tenant, p0!, { ...at(s1!), reason: "First" }, "taken-0")).appointment;
    await services.book(tenant, p1!, { ...at(s2!), reason: "Second" }, "taken-1");
    const join = { providerId: doctors.pair, date: s1!.localDate };
    const e1 = await services.joinWaitlist(tenant, w1!, join);
    const e2 = await services.joinWaitlist(tenant, w2!, join);
    await services.cancel(tenant, p0!, a0.id);
    await services.book(tenant, other!, { ...at(s1!), reason: "Walk-in" }, "taken-2");
    expect(await sweeperAt(() => new Date(Date.now() + 31 * MINUTE)).sweepTenant(tenant)).toMatchObject({ expiredOffers: 1, offers: 0 });
    expect((await rows("waitlist_entries", { id: e1.id }))[0]).toMatchObject({ status: "expired" });
    expect((await rows("waitlist_entries", { id: e2.id }))[0]).toMatchObject({ status: "waiting" });
  });
});
