import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import {
  expandSlots,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
  parseLocalTime,
  resolveLocalTime,
  validateException,
  validateRule,
  type AvailabilityException,
  type Slot,
  type WeeklyRule,
} from "./index.js";

function rule(overrides: Partial<WeeklyRule> = {}): WeeklyRule {
  return {
    id: "r1",
    providerId: "p1",
    clinicId: "c1",
    timeZone: "Asia/Kolkata",
    weekdays: [1, 2, 3, 4, 5],
    start: "09:00",
    end: "13:00",
    slotMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    capacity: 1,
    mode: "in_clinic",
    validFrom: "2026-01-01",
    validUntil: null,
    ...overrides,
  };
}

// The slots of one UTC day (or the given instant window).
function slots(rules: WeeklyRule[], from: string, to: string, exceptions: AvailabilityException[] = []): Slot[] {
  return expandSlots({ rules, exceptions, from: new Date(from), to: new Date(to) });
}

const local = (s: Slot) => `${s.localStart}-${s.localEnd}`;
const utc = (s: Slot) => `${s.startsAt.toISOString().slice(11, 16)}-${s.endsAt.toISOString().slice(11, 16)}`;

// 2027-01-11 is a Monday; 2027-03-28 and 2027-10-31 are Sundays (UK clock changes).
const MONDAY = "2027-01-11";
const dayOf = (date: string) => [`${date}T00:00:00Z`, `${date}T23:59:59Z`] as const;

describe("local date and time helpers", () => {
  it("parses HH:MM and rejects what is not a wall time", () => {
    expect(parseLocalTime("00:00")).toBe(0);
    expect(parseLocalTime("13:45")).toBe(825);
    expect(parseLocalTime("23:59")).toBe(1439);
    for (const bad of ["24:00", "9:00", "09:60", "0900", "", "09:00:00"]) expect(parseLocalTime(bad)).toBeNull();
  });

  it("parses real calendar dates only and knows their ISO weekday", () => {
    const day = parseLocalDate(MONDAY)!;
    expect(isoWeekday(day)).toBe(1);
    expect(isoWeekday(parseLocalDate("2027-03-28")!)).toBe(7);
    expect(formatLocalDate(day)).toBe(MONDAY);
    expect(parseLocalDate("2027-02-29")).toBeNull();
    expect(parseLocalDate("2028-02-29")).not.toBeNull();
    expect(parseLocalDate("2027-1-11")).toBeNull();
  });

  it("resolves a wall time to none, one or two instants", () => {
    expect(resolveLocalTime("Europe/London", "2027-03-28", "01:30")).toEqual([]);
    expect(resolveLocalTime("Europe/London", "2027-10-31", "01:30").map((d) => d.toISOString())).toEqual([
      "2027-10-31T00:30:00.000Z",
      "2027-10-31T01:30:00.000Z",
    ]);
    expect(resolveLocalTime("Asia/Kathmandu", MONDAY, "10:00").map((d) => d.toISOString())).toEqual(["2027-01-11T04:15:00.000Z"]);
  });
});

describe("expandSlots in zones with half- and quarter-hour offsets", () => {
  it("cuts Asia/Kolkata 09:00-13:00 into sixteen 15-minute slots, the last ending at 13:00", () => {
    const out = slots([rule()], ...dayOf(MONDAY));
    expect(out).toHaveLength(16);
    expect(utc(out[0]!)).toBe("03:30-03:45");
    expect(local(out[0]!)).toBe("09:00-09:15");
    expect(local(out.at(-1)!)).toBe("12:45-13:00");
    expect(out.every((s) => s.localDate === MONDAY && s.timeZone === "Asia/Kolkata" && s.ruleId === "r1")).toBe(true);
  });

  it("starts nothing in a 13:00 lunch break and resumes at its end", () => {
    const out = slots([rule({ end: "17:00", breaks: [{ start: "13:00", end: "14:00" }] })], ...dayOf(MONDAY));
    const starts = out.map((s) => s.localStart);
    expect(starts).toContain("12:45");
    expect(starts.filter((t) => t >= "13:00" && t < "14:00")).toEqual([]);
    expect(starts).toContain("14:00");
    expect(out).toHaveLength(28);
  });

  it("moves the grid to the end of a break that does not fall on it", () => {
    const out = slots([rule({ breaks: [{ start: "11:00", end: "11:20" }] })], ...dayOf(MONDAY));
    expect(out.map((s) => s.localStart)).toEqual([
      "09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45",
      "11:20", "11:35", "11:50", "12:05", "12:20", "12:35",
    ]);
  });

  it("gives exact UTC instants in Asia/Kathmandu (+05:45)", () => {
    const out = slots([rule({ timeZone: "Asia/Kathmandu", start: "10:00", end: "11:00", slotMinutes: 20 })], ...dayOf(MONDAY));
    expect(out.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-01-11T04:15:00.000Z",
      "2027-01-11T04:35:00.000Z",
      "2027-01-11T04:55:00.000Z",
    ]);
    expect(out.map(utc)).toEqual(["04:15-04:35", "04:35-04:55", "04:55-05:15"]);
  });

  it("returns only slots starting in [from, to)", () => {
    const out = slots([rule()], "2027-01-11T04:00:00Z", "2027-01-11T05:00:00Z");
    expect(out.map(local)).toEqual(["09:30-09:45", "09:45-10:00", "10:00-10:15", "10:15-10:30"]);
    expect(slots([rule()], "2027-01-11T04:00:00Z", "2027-01-11T04:00:00Z")).toEqual([]);
  });

  it("keeps to the weekdays and validity dates", () => {
    const out = slots([rule({ weekdays: [2], validFrom: "2027-01-13", validUntil: "2027-01-26" })], "2027-01-01T00:00:00Z", "2027-02-28T00:00:00Z");
    expect([...new Set(out.map((s) => s.localDate))]).toEqual(["2027-01-19", "2027-01-26"]);
  });
});

describe("expandSlots across DST changes", () => {
  const night = rule({ timeZone: "Europe/London", weekdays: [7], start: "00:30", end: "03:30", slotMinutes: 30 });

  it("skips, never shifts, slots whose start or end falls in the spring-forward gap (Europe/London 2027-03-28)", () => {
    const out = slots([night], "2027-03-27T12:00:00Z", "2027-03-28T12:00:00Z");
    // 00:30-01:00 ends at 01:00, which does not exist; 01:00 and 01:30 do not exist.
    expect(out.map(local)).toEqual(["02:00-02:30", "02:30-03:00", "03:00-03:30"]);
    expect(out.map(utc)).toEqual(["01:00-01:30", "01:30-02:00", "02:00-02:30"]);
  });

  it("gives each wall slot of the repeated hour once (Europe/London 2027-10-31)", () => {
    const out = slots([night], "2027-10-30T12:00:00Z", "2027-10-31T12:00:00Z");
    expect(out.map(local)).toEqual(["00:30-01:00", "01:00-01:30", "01:30-02:00", "02:00-02:30", "02:30-03:00", "03:00-03:30"]);
    // 01:00-01:30 takes the earlier (BST) copy; 01:30-02:00 can only be the later (GMT)
    // one, because 01:30 BST + 30 minutes is 01:00 GMT, not 02:00.
    expect(out.map(utc)).toEqual(["23:30-00:00", "00:00-00:30", "01:30-02:00", "02:00-02:30", "02:30-03:00", "03:00-03:30"]);
    expect(out.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 30 * 60_000)).toBe(true);
  });

  it("uses the earlier instant for slots wholly inside the repeated hour", () => {
    const out = slots([{ ...night, slotMinutes: 15 }], "2027-10-31T00:00:00Z", "2027-10-31T02:00:00Z");
    expect(out.map((s) => `${s.localStart}@${utc(s)}`)).toEqual([
      "01:00@00:00-00:15",
      "01:15@00:15-00:30",
      "01:30@00:30-00:45",
      "01:45@01:45-02:00",
    ]);
  });

  it("never produces a slot longer or shorter than booked across a change", () => {
    const long = { ...night, start: "00:00", end: "04:00", slotMinutes: 120 };
    // 00:00-02:00 spans the gap (60 real minutes), 02:00-04:00 is whole.
    expect(slots([long], "2027-03-27T12:00:00Z", "2027-03-28T12:00:00Z").map(local)).toEqual(["02:00-04:00"]);
    // 00:00-02:00 spans the repeated hour (180 real minutes), 02:00-04:00 is whole.
    expect(slots([long], "2027-10-30T12:00:00Z", "2027-10-31T12:00:00Z").map(local)).toEqual(["02:00-04:00"]);
  });

  it("follows America/New_York from EST to EDT and skips the gap on 2027-03-14", () => {
    const ny = rule({ timeZone: "America/New_York", weekdays: [1, 7], start: "09:00", end: "10:00", slotMinutes: 60 });
    expect(slots([ny], ...dayOf("2027-01-11")).map(utc)).toEqual(["14:00-15:00"]);
    expect(slots([ny], ...dayOf("2027-07-12")).map(utc)).toEqual(["13:00-14:00"]);
    const sunday = slots([{ ...ny, start: "01:00", end: "04:00" }], ...dayOf("2027-03-14"));
    expect(sunday.map((s) => `${local(s)}@${utc(s)}`)).toEqual(["03:00-04:00@07:00-08:00"]);
  });
});

describe("expandSlots: buffers, capacity and mode", () => {
  it("places the bookable part after the buffer before, stepping by buffers plus slot", () => {
    const out = slots([rule({ end: "10:00", slotMinutes: 20, bufferBeforeMinutes: 5, bufferAfterMinutes: 5 })], ...dayOf(MONDAY));
    expect(out.map(local)).toEqual(["09:05-09:25", "09:35-09:55"]);
  });

  it("does not let a buffer run past the end of the session", () => {
    const out = slots([rule({ end: "09:50", slotMinutes: 20, bufferAfterMinutes: 5 })], ...dayOf(MONDAY));
    expect(out.map(local)).toEqual(["09:00-09:20", "09:25-09:45"]);
  });

  it("carries capacity and mode onto every slot", () => {
    const out = slots([rule({ capacity: 4, mode: "video" })], ...dayOf(MONDAY));
    expect(out.every((s) => s.capacity === 4 && s.mode === "video")).toBe(true);
  });
});

describe("expandSlots: exceptions", () => {
  const week = ["2027-01-10T00:00:00Z", "2027-01-17T00:00:00Z"] as const;

  it("removes a whole day of time off for that provider only", () => {
    const timeOff: AvailabilityException = { kind: "time_off", providerId: "p1", date: "2027-01-12", timeZone: "Asia/Kolkata" };
    const other = rule({ id: "r2", providerId: "p2" });
    const out = slots([rule(), other], ...week, [timeOff]);
    expect(out.filter((s) => s.providerId === "p1").map((s) => s.localDate)).not.toContain("2027-01-12");
    expect(out.filter((s) => s.providerId === "p1" && s.localDate === "2027-01-13")).toHaveLength(16);
    expect(out.filter((s) => s.providerId === "p2" && s.localDate === "2027-01-12")).toHaveLength(16);
  });

  it("removes every slot that overlaps a time-off range, touching ones stay", () => {
    const timeOff: AvailabilityException = { kind: "time_off", providerId: "p1", date: MONDAY, start: "10:10", end: "10:50", timeZone: "Asia/Kolkata" };
    const starts = slots([rule()], ...dayOf(MONDAY), [timeOff]).map((s) => s.localStart);
    expect(starts).toContain("09:45");
    expect(starts).toContain("11:00");
    expect(starts.filter((t) => t >= "10:00" && t < "11:00")).toEqual([]);
  });

  it("closes a clinic on a holiday, leaving the same doctor's other clinic open", () => {
    const holiday: AvailabilityException = { kind: "clinic_holiday", clinicId: "c1", date: MONDAY, timeZone: "Asia/Kolkata" };
    const elsewhere = rule({ id: "r2", clinicId: "c2", start: "14:00", end: "15:00" });
    const out = slots([rule(), elsewhere], ...dayOf(MONDAY), [holiday]);
    expect(out.map((s) => s.clinicId)).toEqual(["c2", "c2", "c2", "c2"]);
    expect(slots([rule()], ...dayOf("2027-01-12"), [holiday])).toHaveLength(16);
  });

  it("adds an extra session's slots on its date, without a rule id", () => {
    const extra: AvailabilityException = {
      kind: "extra_session",
      id: "x1",
      providerId: "p1",
      clinicId: "c1",
      date: "2027-01-16",
      timeZone: "Asia/Kolkata",
      start: "10:00",
      end: "11:00",
      slotMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      capacity: 2,
      mode: "video",
    };
    const out = slots([rule()], ...dayOf("2027-01-16"), [extra]);
    expect(out.map((s) => [s.localDate, local(s), s.ruleId, s.capacity, s.mode])).toEqual([
      ["2027-01-16", "10:00-10:30", null, 2, "video"],
      ["2027-01-16", "10:30-11:00", null, 2, "video"],
    ]);
  });
});

describe("expandSlots: overlapping rules of one provider", () => {
  it("keeps the earlier-starting slot and drops the one overlapping it, across clinics", () => {
    const a = rule({ id: "a", start: "09:00", end: "10:00", slotMinutes: 30 });
    const b = rule({ id: "b", clinicId: "c2", start: "09:45", end: "11:00", slotMinutes: 30 });
    const out = slots([b, a], ...dayOf(MONDAY));
    expect(out.map((s) => `${s.ruleId}:${s.clinicId}:${local(s)}`)).toEqual(["a:c1:09:00-09:30", "a:c1:09:30-10:00", "b:c2:10:15-10:45"]);
  });

  it("keeps the lower rule id when two slots start together", () => {
    const long = rule({ id: "b", end: "10:00", slotMinutes: 60 });
    const short = rule({ id: "a", clinicId: "c2", end: "10:00", slotMinutes: 30 });
    expect(slots([long, short], ...dayOf(MONDAY)).map((s) => `${s.ruleId}:${local(s)}`)).toEqual(["a:09:00-09:30", "a:09:30-10:00"]);
  });

  it("lets different providers overlap freely and sorts by start, then clinic", () => {
    const out = slots([rule({ id: "r2", providerId: "p2", clinicId: "c2", end: "09:30" }), rule({ end: "09:30" })], ...dayOf(MONDAY));
    expect(out.map((s) => `${s.clinicId}:${s.localStart}`)).toEqual(["c1:09:00", "c2:09:00", "c1:09:15", "c2:09:15"]);
  });

  it("does not let a slot removed by time off block another rule's slot", () => {
    const a = rule({ id: "a", start: "09:00", end: "10:00", slotMinutes: 60 });
    const b = rule({ id: "b", start: "09:30", end: "10:00", slotMinutes: 30 });
    const off: AvailabilityException = { kind: "time_off", providerId: "p1", date: MONDAY, start: "09:00", end: "09:30", timeZone: "Asia/Kolkata" };
    expect(slots([a, b], ...dayOf(MONDAY)).map((s) => s.ruleId)).toEqual(["a"]);
    expect(slots([a, b], ...dayOf(MONDAY), [off]).map((s) => s.ruleId)).toEqual(["b"]);
  });
});

describe("validateRule", () => {
  const fields = (r: WeeklyRule) => validateRule(r).map((p) => p.field);

  it("accepts a sound rule", () => {
    expect(validateRule(rule({ breaks: [{ start: "11:00", end: "11:30" }, { start: "11:30", end: "12:00" }] }))).toEqual([]);
  });

  it("names each problem by its field", () => {
    expect(fields(rule({ timeZone: "Mars/Olympus" }))).toEqual(["timeZone"]);
    expect(fields(rule({ end: "09:00" }))).toEqual(["end"]);
    expect(fields(rule({ start: "9am" }))).toEqual(["start"]);
    expect(fields(rule({ slotMinutes: 4 }))).toEqual(["slotMinutes"]);
    expect(fields(rule({ slotMinutes: 241 }))).toEqual(["slotMinutes"]);
    expect(fields(rule({ slotMinutes: 12.5 }))).toEqual(["slotMinutes"]);
    expect(fields(rule({ bufferBeforeMinutes: -1, bufferAfterMinutes: 121 }))).toEqual(["bufferBeforeMinutes", "bufferAfterMinutes"]);
    expect(fields(rule({ capacity: 0 }))).toEqual(["capacity"]);
    expect(fields(rule({ capacity: 101 }))).toEqual(["capacity"]);
    expect(fields(rule({ weekdays: [] }))).toEqual(["weekdays"]);
    expect(fields(rule({ weekdays: [0, 8] }))).toEqual(["weekdays[0]", "weekdays[1]"]);
    expect(fields(rule({ weekdays: [1, 1] }))).toEqual(["weekdays"]);
    expect(fields(rule({ validFrom: "2027-02-30" }))).toEqual(["validFrom"]);
    expect(fields(rule({ validUntil: "2025-12-31" }))).toEqual(["validUntil"]);
  });

  it("wants breaks inside the session and apart from each other", () => {
    expect(fields(rule({ breaks: [{ start: "08:30", end: "09:30" }] }))).toEqual(["breaks[0]"]);
    expect(fields(rule({ breaks: [{ start: "12:30", end: "13:30" }] }))).toEqual(["breaks[0]"]);
    expect(fields(rule({ breaks: [{ start: "11:00", end: "10:00" }] }))).toEqual(["breaks[0].end"]);
    expect(fields(rule({ breaks: [{ start: "10:00", end: "11:00" }, { start: "10:30", end: "11:30" }] }))).toEqual(["breaks[1]"]);
  });

  it("checks exceptions too, and expandSlots refuses invalid input with validation_failed", () => {
    expect(validateException({ kind: "time_off", providerId: "p1", date: MONDAY, start: "10:00", timeZone: "UTC" }).map((p) => p.field)).toEqual(["end"]);
    expect(validateException({ kind: "clinic_holiday", clinicId: "c1", date: MONDAY, timeZone: "Nowhere" }).map((p) => p.field)).toEqual(["timeZone"]);
    let caught: unknown;
    try {
      slots([rule({ capacity: 0 })], ...dayOf(MONDAY));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe("validation_failed");
    expect((caught as DomainError).details).toMatchObject({ ruleId: "r1", problems: [{ field: "capacity" }] });
  });
});
