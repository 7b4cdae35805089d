import { describe, expect, it } from "vitest";
import {
  chooseDay,
  dateIn,
  formatCountdown,
  groupByPartOfDay,
  isIsoDate,
  isTimeZone,
  nextOpenDay,
  partOfDay,
  revalidateAfterTaken,
  secondsLeft,
  statusTone,
  withQuery,
  zoneChoices,
} from "./booking-slots";

const slot = (localStart: string, startsAt = `2026-12-07T${localStart}:00+05:30`) => ({ localStart, startsAt });

describe("parts of the day", () => {
  it("puts times before noon in the morning, before five in the afternoon, later in the evening", () => {
    expect(partOfDay("00:00")).toBe("morning");
    expect(partOfDay("11:59")).toBe("morning");
    expect(partOfDay("12:00")).toBe("afternoon");
    expect(partOfDay("16:45")).toBe("afternoon");
    expect(partOfDay("17:00")).toBe("evening");
    expect(partOfDay("23:30")).toBe("evening");
  });

  it("groups slots in day order, sorted by start, leaving out empty parts", () => {
    const groups = groupByPartOfDay([slot("18:00"), slot("10:15"), slot("10:00")]);
    expect(groups.map((g) => g.part)).toEqual(["morning", "evening"]);
    expect(groups[0]?.slots.map((s) => s.localStart)).toEqual(["10:00", "10:15"]);
    expect(groups[1]?.slots.map((s) => s.localStart)).toEqual(["18:00"]);
  });

  it("returns no groups for a day without slots", () => {
    expect(groupByPartOfDay([])).toEqual([]);
  });
});

describe("choosing the day", () => {
  const days = [
    { date: "2026-12-06", slots: [] },
    { date: "2026-12-07", slots: [slot("10:00")] },
    { date: "2026-12-08", slots: [] },
    { date: "2026-12-09", slots: [slot("11:00")] },
  ];

  it("keeps a requested day inside the window", () => {
    expect(chooseDay(days, "2026-12-08")).toBe("2026-12-08");
  });

  it("falls back to the first day with slots for a missing or foreign day", () => {
    expect(chooseDay(days, null)).toBe("2026-12-07");
    expect(chooseDay(days, "2027-01-01")).toBe("2026-12-07");
  });

  it("falls back to the first day when nothing is open, and to null for no days", () => {
    expect(chooseDay([{ date: "2026-12-06", slots: [] }], null)).toBe("2026-12-06");
    expect(chooseDay([], "2026-12-06")).toBeNull();
  });

  it("finds the next open day after a date", () => {
    expect(nextOpenDay(days, "2026-12-07")).toBe("2026-12-09");
    expect(nextOpenDay(days, "2026-12-09")).toBeNull();
  });
});

describe("zones", () => {
  it("offers the tenant's zone first, the common ones, and the current choice once", () => {
    expect(zoneChoices("Asia/Kolkata", "Asia/Kolkata")).toEqual(["Asia/Kolkata", "Asia/Kathmandu", "Asia/Dubai", "Europe/London", "America/New_York"]);
    expect(zoneChoices("Australia/Sydney", "Asia/Kolkata").at(-1)).toBe("Australia/Sydney");
  });

  it("accepts IANA zones and rejects anything else", () => {
    expect(isTimeZone("Asia/Kathmandu")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(null)).toBe(false);
  });

  it("gives the calendar date of an instant in a zone", () => {
    expect(dateIn("2026-12-07T20:00:00Z", "Asia/Kolkata")).toBe("2026-12-08");
    expect(dateIn("2026-12-07T20:00:00Z", "America/New_York")).toBe("2026-12-07");
  });
});

describe("small formatting helpers", () => {
  it("accepts only real dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("tomorrow")).toBe(false);
  });

  it("counts a hold down in whole seconds and never below zero", () => {
    const now = Date.parse("2026-12-07T10:00:00Z");
    expect(secondsLeft("2026-12-07T10:09:05Z", now)).toBe(545);
    expect(secondsLeft("2026-12-07T09:59:00Z", now)).toBe(0);
    expect(secondsLeft(null, now)).toBe(0);
    expect(formatCountdown(545)).toBe("9:05");
    expect(formatCountdown(0)).toBe("0:00");
  });

  it("makes live visits stand out and ended ones quiet", () => {
    expect(statusTone("booked")).toBe("brand");
    expect(statusTone("checked_in")).toBe("info");
    expect(statusTone("cancelled")).toBe("warning");
    expect(statusTone("completed")).toBe("neutral");
  });

  it("builds links without empty parameters", () => {
    expect(withQuery("/doctors/a", { zone: "Asia/Dubai", day: null }, "slots")).toBe("/doctors/a?zone=Asia%2FDubai#slots");
    expect(withQuery("/doctors/a", {})).toBe("/doctors/a");
  });
});

describe("revalidation after a post", () => {
  it("reloads the slots after 'just taken' even though the post failed", () => {
    expect(revalidateAfterTaken({ actionResult: { taken: true, nextSlots: [] }, defaultShouldRevalidate: false })).toBe(true);
  });

  it("leaves other outcomes to Remix's default", () => {
    expect(revalidateAfterTaken({ actionResult: { errors: {} }, defaultShouldRevalidate: false })).toBe(false);
    expect(revalidateAfterTaken({ defaultShouldRevalidate: true })).toBe(true);
  });
});
