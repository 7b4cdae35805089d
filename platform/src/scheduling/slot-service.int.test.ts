import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenSlot, SchedulingServices } from "../appointments/contract.js";
import { createSchedulingServices } from "./create-scheduling-services.js";
import { createWorld, insertAppointment, NOW, ruleForm, type World } from "./scheduling-test-fixtures.js";
import { findBookableSlot, nextOpenSlots } from "./slot-service.js";

let w: World;
let other: World;
let s: SchedulingServices;

const at = (iso: string) => new Date(iso);
const starts = (slots: OpenSlot[]) => slots.map((x) => x.startsAt);
const MINUTE = 60_000;

beforeAll(async () => {
  w = await createWorld(10);
  other = await createWorld(1, w.platform);
  s = createSchedulingServices({ withTenant: w.platform.withTenant, now: () => NOW });
  const o = createSchedulingServices({ withTenant: w.platform.withTenant, now: () => NOW });
  // Every doctor works weekday mornings at clinic A, 09:00-12:00 Kolkata time in 30-minute slots.
  for (const d of w.doctors) await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicA));
  await o.saveRule(other.tenant, other.admin, ruleForm(other.doctors[0]!, other.clinicA));
}, 120_000);

afterAll(async () => {
  await w?.platform.close();
});

describe("openSlots", () => {
  it("maps Asia/Kolkata wall times to the right instants (09:00 IST is 03:30 UTC)", async () => {
    const slots = await s.openSlots(w.tenant, { providerId: w.doctors[0]!, days: 1 });
    expect(slots).toHaveLength(6);
    expect(slots[0]).toEqual({
      providerId: w.doctors[0],
      clinicId: w.clinicA,
      startsAt: "2030-03-04T03:30:00.000Z",
      endsAt: "2030-03-04T04:00:00.000Z",
      localDate: "2030-03-04",
      localStart: "09:00",
      localEnd: "09:30",
      timeZone: "Asia/Kolkata",
      mode: "in_clinic",
      capacity: 1,
      remaining: 1,
    });
    expect(slots.at(-1)).toMatchObject({ startsAt: "2030-03-04T06:00:00.000Z", localStart: "11:30", localEnd: "12:00" });
  });

  it("shows 14 days by default, sorted, and refuses more than 31", async () => {
    const slots = await s.openSlots(w.tenant, { providerId: w.doctors[0]! });
    // Ten weekdays of six slots each.
    expect(slots).toHaveLength(60);
    expect(starts(slots)).toEqual([...starts(slots)].sort());
    expect(new Set(slots.map((x) => x.localDate)).size).toBe(10);
    expect((await s.openSlots(w.tenant, { providerId: w.doctors[0]!, days: 31 })).length).toBeGreaterThan(60);
    const err = await s.openSlots(w.tenant, { providerId: w.doctors[0]!, days: 32 }).catch((e) => e);
    expect(err.code).toBe("validation_failed");
  });

  it("removes the slots of a whole-day time off and of a partial one", async () => {
    const d = w.doctors[1]!;
    await s.saveException(w.tenant, w.admin, { kind: "time_off", providerId: d, date: "2030-03-05" });
    await s.saveException(w.tenant, w.admin, { kind: "time_off", providerId: d, clinicId: w.clinicA, date: "2030-03-06", start: "09:00", end: "10:00" });
    const slots = await s.openSlots(w.tenant, { providerId: d, days: 3 });
    expect(slots.filter((x) => x.localDate === "2030-03-05")).toEqual([]);
    expect(slots.filter((x) => x.localDate === "2030-03-06").map((x) => x.localStart)).toEqual(["10:00", "10:30", "11:00", "11:30"]);
    expect(slots.filter((x) => x.localDate === "2030-03-04")).toHaveLength(6);
  });

  it("removes a clinic holiday's slots at that clinic only, and filters by clinic", async () => {
    const d = w.doctors[2]!;
    // Only this doctor works at clinic B on weekdays, so the holiday touches no other test.
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicB, { start: "14:00", end: "16:00" }));
    await s.saveException(w.tenant, w.admin, { kind: "clinic_holiday", clinicId: w.clinicB, date: "2030-03-07" });
    const week = await s.openSlots(w.tenant, { providerId: d, days: 4 });
    const byDay = (date: string) => week.filter((x) => x.localDate === date).map((x) => [x.clinicId === w.clinicA ? "A" : "B", x.localStart]);
    expect(byDay("2030-03-06")).toEqual([...["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map((t) => ["A", t]), ...["14:00", "14:30", "15:00", "15:30"].map((t) => ["B", t])]);
    expect(byDay("2030-03-07")).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map((t) => ["A", t]));
    const atB = await s.openSlots(w.tenant, { providerId: d, days: 4, clinicId: w.clinicB });
    expect(atB).toHaveLength(12);
    expect(new Set(atB.map((x) => x.clinicId))).toEqual(new Set([w.clinicB]));
  });

  it("adds an extra session's slots on its date", async () => {
    const d = w.doctors[3]!;
    await s.saveException(w.tenant, w.admin, { kind: "extra_session", providerId: d, clinicId: w.clinicB, date: "2030-03-09", start: "10:00", end: "11:00", slotMinutes: "20", mode: "video", capacity: "2" });
    const saturday = (await s.openSlots(w.tenant, { providerId: d, days: 7 })).filter((x) => x.localDate === "2030-03-09");
    expect(saturday.map((x) => [x.localStart, x.localEnd, x.mode, x.capacity, x.clinicId])).toEqual([
      ["10:00", "10:20", "video", 2, w.clinicB],
      ["10:20", "10:40", "video", 2, w.clinicB],
      ["10:40", "11:00", "video", 2, w.clinicB],
    ]);
  });

  it("respects the doctor's minimum notice and how far ahead patients may book", async () => {
    const d = w.doctors[4]!;
    await s.savePolicy(w.tenant, w.admin, { providerId: d, minNoticeMinutes: "240", maxAdvanceDays: "2", cancelCutoffMinutes: "60", rescheduleCutoffMinutes: "60", maxActivePerProvider: "1", holdMinutes: "5" });
    const slots = await s.openSlots(w.tenant, { providerId: d });
    // NOW + 4h = 09:30 IST Monday (a slot starting exactly then is fine); NOW + 2 days = 05:30 IST Wednesday.
    expect(slots[0]!.startsAt).toBe(new Date(NOW.getTime() + 240 * MINUTE).toISOString());
    expect(slots.map((x) => x.localDate)).toEqual([...Array(5).fill("2030-03-04"), ...Array(6).fill("2030-03-05")]);
    // Another doctor still has the tenant's rules (60 minutes' notice: 09:00 IST is bookable).
    expect((await s.openSlots(w.tenant, { providerId: w.doctors[0]!, days: 1 }))[0]!.localStart).toBe("09:00");
  });

  it("counts seat-holding appointments against capacity: booked and live holds count, expired holds and cancellations do not", async () => {
    const d = w.doctors[5]!;
    await s.saveRule(w.tenant, w.admin, ruleForm(d, w.clinicB, { weekdays: "sat", capacity: "2" }));
    const sat = (time: string) => `2030-03-09T${time}:00Z`;
    // Saturday 09:00 IST = 03:30Z; 09:30 = 04:00Z; 10:00 = 04:30Z; 10:30 = 05:00Z.
    await insertAppointment(w, { providerId: d, clinicId: w.clinicB, startsAt: sat("03:30"), endsAt: sat("04:00"), status: "booked" });
    await insertAppointment(w, { providerId: d, clinicId: w.clinicB, startsAt: sat("04:00"), endsAt: sat("04:30"), status: "held", holdExpiresAt: new Date(NOW.getTime() - MINUTE) });
    await insertAppointment(w, { providerId: d, clinicId: w.clinicB, startsAt: sat("04:30"), endsAt: sat("05:00"), status: "held", holdExpiresAt: new Date(NOW.getTime() + 5 * MINUTE) });
    await insertAppointment(w, { providerId: d, clinicId: w.clinicB, startsAt: sat("05:00"), endsAt: sat("05:30"), status: "cancelled" });
    const remaining = async () => Object.fromEntries((await s.openSlots(w.tenant, { providerId: d, days: 7 })).filter((x) => x.localDate === "2030-03-09").map((x) => [x.localStart, x.remaining]));
    expect(await remaining()).toEqual({ "09:00": 1, "09:30": 2, "10:00": 1, "10:30": 2, "11:00": 2, "11:30": 2 });
    // The second seat taken: the slot is full and disappears.
    await insertAppointment(w, { providerId: d, clinicId: w.clinicB, startsAt: sat("03:30"), endsAt: sat("04:00"), status: "checked_in", seat: 2 });
    expect(await remaining()).toEqual({ "09:30": 2, "10:00": 1, "10:30": 2, "11:00": 2, "11:30": 2 });
  });

  it("hides a full slot of capacity 1", async () => {
    const d = w.doctors[6]!;
    await insertAppointment(w, { providerId: d, clinicId: w.clinicA, startsAt: "2030-03-04T04:30:00Z", endsAt: "2030-03-04T05:00:00Z", status: "booked" });
    const monday = await s.openSlots(w.tenant, { providerId: d, days: 1 });
    expect(monday.map((x) => x.localStart)).toEqual(["09:00", "09:30", "10:30", "11:00", "11:30"]);
  });

  it("answers not_found for another tenant's doctor, an unpublished doctor and a malformed id", async () => {
    expect(await s.openSlots(other.tenant, { providerId: other.doctors[0]!, days: 1 })).toHaveLength(6);
    for (const providerId of [other.doctors[0]!, w.unpublished, "not-a-uuid"]) {
      expect((await s.openSlots(w.tenant, { providerId }).catch((e) => e)).code, providerId).toBe("not_found");
    }
  });

  it("reads an unpublished doctor's rules as not_found even when they have some", async () => {
    await s.saveRule(w.tenant, w.admin, ruleForm(w.unpublished, w.clinicA));
    expect((await s.openSlots(w.tenant, { providerId: w.unpublished }).catch((e) => e)).code).toBe("not_found");
  });
});

describe("findBookableSlot and nextOpenSlots (inside a booking transaction)", () => {
  const find = (q: { providerId: string; clinicId: string; startsAt: Date }, now = NOW) => w.platform.withTenant(w.tenant, (scope) => findBookableSlot(scope, q, now));

  it("finds a slot at exactly its start, with the policy that applies", async () => {
    const r = await find({ providerId: w.doctors[7]!, clinicId: w.clinicA, startsAt: at("2030-03-05T04:00:00Z") });
    expect(r?.slot).toMatchObject({ providerId: w.doctors[7], clinicId: w.clinicA, localDate: "2030-03-05", localStart: "09:30", capacity: 1 });
    expect(r?.slot.endsAt.toISOString()).toBe("2030-03-05T04:30:00.000Z");
    expect(r?.policy).toMatchObject({ minNoticeMinutes: 60, maxAdvanceDays: 30 });
  });

  it("returns null off a slot boundary, at another clinic, inside the minimum notice, and for an unpublished doctor", async () => {
    const q = { providerId: w.doctors[7]!, clinicId: w.clinicA, startsAt: at("2030-03-05T04:00:00Z") };
    expect(await find({ ...q, startsAt: at("2030-03-05T04:10:00Z") })).toBeNull();
    expect(await find({ ...q, clinicId: w.clinicB })).toBeNull();
    expect(await find(q, at("2030-03-05T03:30:00Z"))).toBeNull();
    expect(await find({ ...q, startsAt: at("2030-04-15T03:30:00Z") })).toBeNull(); // beyond 30 days ahead
    expect(await find({ ...q, providerId: w.unpublished, startsAt: at("2030-03-05T03:30:00Z") })).toBeNull();
    expect(await find({ ...q, providerId: "nope" })).toBeNull();
  });

  it("offers the next open slots after a taken one", async () => {
    const d = w.doctors[8]!;
    await insertAppointment(w, { providerId: d, clinicId: w.clinicA, startsAt: "2030-03-04T04:00:00Z", endsAt: "2030-03-04T04:30:00Z", status: "booked" });
    const next = await w.platform.withTenant(w.tenant, (scope) => nextOpenSlots(scope, d, at("2030-03-04T03:30:00Z"), 3, NOW));
    expect(next.map((x) => x.localStart)).toEqual(["10:00", "10:30", "11:00"]);
    const later = await w.platform.withTenant(w.tenant, (scope) => nextOpenSlots(scope, d, at("2030-03-04T06:00:00Z"), 2, NOW));
    expect(later.map((x) => [x.localDate, x.localStart])).toEqual([
      ["2030-03-05", "09:00"],
      ["2030-03-05", "09:30"],
    ]);
  });
});
