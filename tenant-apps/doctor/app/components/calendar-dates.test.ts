import { describe, expect, it } from "vitest";
import {
  addDays,
  assignLanes,
  calendarRange,
  isoWeekday,
  layoutDay,
  localDateOf,
  localTimeOf,
  parseIsoDate,
  shiftDate,
  startOfWeek,
  todayInZone,
  weekDates,
} from "./calendar-dates";

describe("calendar dates", () => {
  it("accepts only real dates written YYYY-MM-DD", () => {
    expect(parseIsoDate("2025-03-01")).toBe("2025-03-01");
    expect(parseIsoDate(" 2024-02-29 ")).toBe("2024-02-29");
    expect(parseIsoDate("2025-02-29")).toBeNull();
    expect(parseIsoDate("2025-13-01")).toBeNull();
    expect(parseIsoDate("1/3/2025")).toBeNull();
    expect(parseIsoDate("")).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });

  it("adds days across month and year ends and leap days", () => {
    expect(addDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-29", 7)).toBe("2026-01-05");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("numbers weekdays Monday 1 to Sunday 7", () => {
    expect(isoWeekday("2025-03-03")).toBe(1);
    expect(isoWeekday("2025-03-09")).toBe(7);
  });

  it("starts a week on Monday, even when the week spans two months or years", () => {
    expect(startOfWeek("2025-03-02")).toBe("2025-02-24"); // a Sunday
    expect(weekDates("2025-05-01")).toEqual(["2025-04-28", "2025-04-29", "2025-04-30", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04"]);
    expect(weekDates("2026-01-01")[0]).toBe("2025-12-29");
    expect(weekDates("2026-01-01")[6]).toBe("2026-01-04");
  });

  it("gives each view its range and its step", () => {
    expect(calendarRange("week", "2025-03-05")).toMatchObject({ from: "2025-03-03", days: 7 });
    expect(calendarRange("day", "2025-03-05")).toEqual({ from: "2025-03-05", days: 1, dates: ["2025-03-05"] });
    expect(shiftDate("week", "2025-03-05", 1)).toBe("2025-03-12");
    expect(shiftDate("day", "2025-03-01", -1)).toBe("2025-02-28");
  });

  it("reads instants in the clinic's zone, not the server's", () => {
    // 20:00 UTC is 01:30 the next day in India.
    expect(localTimeOf("2025-03-03T20:00:00Z", "Asia/Kolkata")).toBe("01:30");
    expect(localDateOf("2025-03-03T20:00:00Z", "Asia/Kolkata")).toBe("2025-03-04");
    expect(todayInZone("Asia/Kolkata", new Date("2025-12-31T19:00:00Z"))).toBe("2026-01-01");
    expect(todayInZone("America/New_York", new Date("2025-12-31T19:00:00Z"))).toBe("2025-12-31");
  });
});

describe("day layout", () => {
  it("spans whole hours around the day's windows and appointments", () => {
    const layout = layoutDay({
      windows: [{ item: "w", start: "10:00", end: "13:00" }],
      closures: [],
      appointments: [{ item: "a", start: "13:15", end: "13:30" }],
    });
    expect(layout.start).toBe(600);
    expect(layout.end).toBe(840);
    expect(layout.hours).toEqual([600, 660, 720, 780, 840]);
    expect(layout.windows[0]).toMatchObject({ offset: 0, length: 180 });
    expect(layout.appointments[0]).toMatchObject({ offset: 195, length: 15, lane: 0, lanes: 1 });
  });

  it("falls back to office hours for an empty day and stretches a whole-day closure over the grid", () => {
    const layout = layoutDay({ windows: [], closures: [{ item: "off", start: null, end: null }], appointments: [] });
    expect(layout.start).toBe(540);
    expect(layout.end).toBe(1020);
    expect(layout.closures[0]).toMatchObject({ offset: 0, length: 480 });
  });

  it("places a partial closure at its own time and gives tiny items a readable height", () => {
    const layout = layoutDay(
      {
        windows: [{ item: "w", start: "09:30", end: "12:00" }],
        closures: [{ item: "c", start: "11:00", end: "11:05" }],
        appointments: [],
      },
      { minLength: 20 },
    );
    expect(layout.start).toBe(540);
    expect(layout.closures[0]).toMatchObject({ start: 660, offset: 120, length: 20 });
  });

  it("puts overlapping appointments side by side and lets later ones reuse a free lane", () => {
    const layout = layoutDay({
      windows: [],
      closures: [],
      appointments: [
        { item: "b", start: "10:00", end: "10:15" },
        { item: "a", start: "10:00", end: "10:15" },
        { item: "c", start: "10:15", end: "10:30" },
        { item: "d", start: "11:00", end: "11:15" },
      ],
    });
    const byItem = Object.fromEntries(layout.appointments.map((p) => [p.item, p]));
    expect([byItem.a!.lane, byItem.b!.lane].sort()).toEqual([0, 1]);
    expect(byItem.a!.lanes).toBe(2);
    expect(byItem.c).toMatchObject({ lane: 0, lanes: 1 });
    expect(byItem.d).toMatchObject({ lane: 0, lanes: 1 });
  });

  it("keeps a chain of overlaps in one cluster so every member shares its width", () => {
    const placed = assignLanes([
      { start: 0, length: 30, lane: 0, lanes: 1 },
      { start: 15, length: 30, lane: 0, lanes: 1 },
      { start: 35, length: 30, lane: 0, lanes: 1 },
    ]);
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 0]);
    expect(placed.map((p) => p.lanes)).toEqual([2, 2, 2]);
  });

  it("treats an appointment ending past midnight as running to the end of the day", () => {
    const layout = layoutDay({ windows: [], closures: [], appointments: [{ item: "late", start: "23:45", end: "00:00" }] });
    expect(layout.end).toBe(1440);
    expect(layout.appointments[0]).toMatchObject({ start: 1425, end: 1440 });
  });
});
