import { describe, expect, it } from "vitest";
import { breaksText, clockRange, joinMinutes, ruleSummaryParts, splitMinutes, weekdayNames, weekdayRuns } from "./availability-format";

const EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const fakeT = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}(${Object.entries(params).map(([k, v]) => `${k}=${v}`).join(",")})` : key;

describe("weekday runs", () => {
  it("joins three or more consecutive days into a range", () => {
    expect(weekdayRuns([1, 2, 3, 4, 5, 6], EN)).toBe("Mon–Sat");
    expect(weekdayRuns([1, 2, 3, 5], EN)).toBe("Mon–Wed, Fri");
  });

  it("lists separate days and pairs one by one, sorted and de-duplicated", () => {
    expect(weekdayRuns([5, 1, 3, 3], EN)).toBe("Mon, Wed, Fri");
    expect(weekdayRuns([6, 7], EN)).toBe("Sat, Sun");
    expect(weekdayRuns([7], EN)).toBe("Sun");
  });

  it("takes weekday names from the locale, Monday first", () => {
    expect(weekdayNames("en-IN")).toEqual(EN);
    expect(weekdayNames("hi-IN")[0]).toBe("सोम");
  });
});

describe("rule summary", () => {
  const rule = {
    weekdays: [1, 2, 3, 4, 5, 6],
    start: "10:00",
    end: "13:00",
    slotMinutes: 15,
    capacity: 1,
    mode: "in_clinic" as const,
    breaks: [{ start: "11:00", end: "11:15" }],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
  };

  it("reads days, hours, slot length, capacity, mode and breaks in order", () => {
    expect(ruleSummaryParts(rule, fakeT, "en-IN")).toEqual([
      "Mon–Sat",
      "10:00 am–1:00 pm",
      "doctor.availability.rule.slots(minutes=15)",
      "doctor.availability.rule.perSlot(count=1)",
      "doctor.availability.mode.in_clinic",
      "doctor.availability.rule.breaks(times=11:00 am–11:15 am)",
    ]);
  });

  it("mentions buffers only when there are some", () => {
    const parts = ruleSummaryParts({ ...rule, breaks: [], bufferAfterMinutes: 5 }, fakeT, "en-IN");
    expect(parts.at(-1)).toBe("doctor.availability.rule.buffers(before=0,after=5)");
    expect(parts.some((p) => p.includes("breaks"))).toBe(false);
  });

  it("formats clock ranges in the locale's 12-hour style", () => {
    expect(clockRange("13:30", "14:00", "en-IN")).toBe("1:30 pm–2:00 pm");
  });

  it("writes breaks back as the form's text", () => {
    expect(breaksText([{ start: "13:00", end: "14:00" }, { start: "16:00", end: "16:15" }])).toBe("13:00-14:00, 16:00-16:15");
  });
});

describe("policy durations", () => {
  it("shows whole hours as hours and anything else as minutes", () => {
    expect(splitMinutes(1440)).toEqual({ value: 24, unit: "hours" });
    expect(splitMinutes(90)).toEqual({ value: 90, unit: "minutes" });
    expect(splitMinutes(0)).toEqual({ value: 0, unit: "minutes" });
  });

  it("turns a posted number and unit back into minutes, leaving bad input for the service to name", () => {
    expect(joinMinutes("2", "hours")).toBe("120");
    expect(joinMinutes(" 30 ", "minutes")).toBe("30");
    expect(joinMinutes("abc", "hours")).toBe("abc");
    expect(joinMinutes("", "hours")).toBe("");
  });
});
