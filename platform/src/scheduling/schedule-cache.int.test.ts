import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import { createAppointmentServices, type OpenSlot, type SchedulingServices, type SchedulingTenant } from "../appointments/index.js";
import { addRule, createPatients, realSlotLookup } from "../appointments/test-fixtures.js";
import type { Platform } from "../index.js";
import { seedDoctors } from "../search/test-fixtures.js";
import { createSchedulingServices } from "./create-scheduling-services.js";
import { ScheduleCache } from "./schedule-cache.js";

let platform: Platform;
let tenant: SchedulingTenant;
let doctor: string;
let clinic: string;
let cache: ScheduleCache;
let slots: ReturnType<typeof createSchedulingServices>;

const DAY = 86_400_000;

/** Asks again until `ok` holds (the notification arrives a few ms after commit); fails after 3 s. */
async function eventually(ask: () => Promise<OpenSlot[]>, ok: (s: OpenSlot[]) => boolean): Promise<OpenSlot[]> {
  for (let i = 0; ; i++) {
    const s = await ask();
    if (ok(s)) return s;
    if (i >= 60) throw new Error("the cached answer never changed");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  platform = await createTestPlatform({ poolMax: 5 });
  const t = await createTestTenant(createProvisioningService(platform));
  tenant = { ...t, primaryHost: `${t.slug}.test` };
  const ids = await seedDoctors(platform, tenant, [{ slug: "cached", name: "Dr. Cached", specialties: ["cardiology"], clinics: ["indiranagar"] }]);
  doctor = ids.cached!;
  [clinic] = await platform.withTenant(tenant, ({ db }) => db("clinics").where("slug", "indiranagar").pluck("id"));
  await addRule(platform, tenant, { providerId: doctor, clinicId: clinic!, start: "09:00", end: "12:00", slotMinutes: 15 });
  cache = new ScheduleCache({ ttlMs: 60_000 });
  slots = createSchedulingServices({ withTenant: platform.withTenant, cache });
}, 120_000);

afterAll(async () => {
  await cache?.close();
  await platform?.close();
});

describe("the schedule cache", () => {
  it("caches nothing until it listens", async () => {
    await slots.openSlots(tenant, { providerId: doctor, days: 7 });
    await slots.openSlots(tenant, { providerId: doctor, days: 7 });
    expect(cache.hits).toBe(0);
  });

  it("answers again from memory, and drops a slot once it is booked and a day once time off is entered", async () => {
    await cache.listen(platform.database.url, { warn: () => undefined });
    const from = new Date(Date.now() + 2 * DAY);
    const ask = () => slots.openSlots(tenant, { providerId: doctor, from, days: 7 });
    const first = await ask();
    const misses = cache.misses;
    expect(await ask()).toEqual(first);
    expect(cache.misses).toBe(misses);
    expect(cache.hits).toBeGreaterThan(0);

    // A booking by any process: its seats notification invalidates this doctor's seats.
    const [p] = await createPatients(platform, tenant, 1);
    const booked = first[0]!;
    const appointments = createAppointmentServices({ withTenant: platform.withTenant, scheduling: realSlotLookup() });
    await appointments.book(tenant, p!, { providerId: doctor, clinicId: booked.clinicId, startsAt: booked.startsAt, reason: "Cache" }, "cache-1");
    const after = await eventually(ask, (s) => !s.some((x) => x.startsAt === booked.startsAt));
    expect(after).toHaveLength(first.length - 1);

    // Time off written straight to the table: the schedule notification invalidates the tenant's schedules.
    const day = first[first.length - 1]!.localDate;
    await platform.withTenant(tenant, ({ db }) => db("availability_exceptions").insert({ provider_id: doctor, kind: "time_off", date: day }));
    const off = await eventually(ask, (s) => !s.some((x) => x.localDate === day));
    expect(off.length).toBeLessThan(after.length);
  });

  it("serves openSlotsJson from its memo exactly as openSlots answers, as the clock passes the minimum notice and after a booking", async () => {
    let clock = Date.now();
    const timed = createSchedulingServices({ withTenant: platform.withTenant, cache, now: () => new Date(clock) });
    const same = async (q: Parameters<SchedulingServices["openSlots"]>[1]) => {
      const text = (await timed.openSlotsJson(tenant, q)).toString();
      expect(text).toBe(JSON.stringify(await timed.openSlots(tenant, q)));
      return JSON.parse(text) as OpenSlot[];
    };
    const base = Math.floor(clock / DAY) * DAY;
    const windows = [
      { days: 14 },
      { days: 1 },
      { days: 31 },
      { days: 7, clinicId: clinic },
      { days: 7, clinicId: "00000000-0000-4000-8000-000000000000" },
      { from: new Date(base + 4 * DAY), days: 2 },
      { from: new Date(base + 5 * DAY + 7 * 3_600_000), days: 3 },
    ];
    for (const w of windows) await same({ providerId: doctor, ...w });
    const hits = cache.hits;
    // Every 5 minutes over a day: slots leave the answer exactly when they fall inside the notice.
    let shrank = false;
    let previous = (await same({ providerId: doctor, days: 3 })).length;
    for (let i = 0; i < 288; i++) {
      clock += 5 * 60_000;
      const n = (await same({ providerId: doctor, days: 3 })).length;
      if (n !== previous) shrank = true;
      previous = n;
    }
    expect(shrank).toBe(true);
    expect(cache.hits).toBeGreaterThan(hits);

    const open = await same({ providerId: doctor, from: new Date(base + 6 * DAY), days: 1 });
    const [p] = await createPatients(platform, tenant, 1);
    const appointments = createAppointmentServices({ withTenant: platform.withTenant, scheduling: realSlotLookup() });
    await appointments.book(tenant, p!, { providerId: doctor, clinicId: open[0]!.clinicId, startsAt: open[0]!.startsAt, reason: "Memo" }, "memo-1");
    const ask = () => same({ providerId: doctor, from: new Date(base + 6 * DAY), days: 1 });
    await eventually(ask, (s) => !s.some((x) => x.startsAt === open[0]!.startsAt));
  });

  it("warms the cache for the tenant's published doctors in one batched read, so the next request reads nothing", async () => {
    const fresh = new ScheduleCache({ ttlMs: 60_000 });
    try {
      await fresh.listen(platform.database.url, { warn: () => undefined });
      const warmed = createSchedulingServices({ withTenant: platform.withTenant, cache: fresh });
      expect(await warmed.warmSlots(tenant)).toEqual([{ slug: "cached", id: doctor }]);
      const misses = fresh.misses;
      const text = (await warmed.openSlotsJson(tenant, { providerId: doctor, days: 14 })).toString();
      expect(fresh.misses).toBe(misses);
      expect(text).toBe(JSON.stringify(await slots.openSlots(tenant, { providerId: doctor, days: 14 })));
      // Throttled: a second call within the period shares the first one's answer.
      expect(await warmed.warmSlots(tenant)).toEqual([{ slug: "cached", id: doctor }]);
    } finally {
      await fresh.close();
    }
  });

  it("never lets a stale cached slot through: booking a slot taken by another process still fails with slot_taken", async () => {
    const from = new Date(Date.now() + 3 * DAY);
    const open = await slots.openSlots(tenant, { providerId: doctor, from, days: 1 });
    const target = open[0]!;
    const [a, b] = await createPatients(platform, tenant, 2);
    const appointments = createAppointmentServices({ withTenant: platform.withTenant, scheduling: realSlotLookup() });
    await appointments.book(tenant, a!, { providerId: doctor, clinicId: target.clinicId, startsAt: target.startsAt, reason: "First" }, "stale-1");
    await expect(appointments.book(tenant, b!, { providerId: doctor, clinicId: target.clinicId, startsAt: target.startsAt, reason: "Second" }, "stale-2")).rejects.toMatchObject({ code: "slot_taken" });
  });
});
