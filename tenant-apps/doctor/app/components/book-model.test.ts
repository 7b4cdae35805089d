import { describe, expect, it } from "vitest";
import { addDays, bookHref, chooseDay, findSlot, isDate, readBookState, searchTermFor, slotsByDay } from "./book-model";

function slot(startsAt: string, localDate: string, clinicId = "c1") {
  return { providerId: "p", clinicId, startsAt, endsAt: startsAt, localDate, localStart: "10:00", localEnd: "10:15", timeZone: "Asia/Kolkata", mode: "in_clinic" as const, capacity: 1, remaining: 1 };
}

describe("book state in the URL", () => {
  it("reads every step's value and writes them back, dropping blanks", () => {
    const state = readBookState(new URL("http://x/doctor/book?q=asha&patient=p1&doctor=d1&day=2026-03-02&startsAt=2026-03-02T04:30:00.000Z"));
    expect(state).toEqual({ q: "asha", patient: "p1", doctor: "d1", clinic: "", day: "2026-03-02", startsAt: "2026-03-02T04:30:00.000Z" });
    expect(bookHref(state, { startsAt: "" })).toBe("/book?q=asha&patient=p1&doctor=d1&day=2026-03-02");
    expect(bookHref({})).toBe("/book");
  });
});

describe("dates", () => {
  it("accepts only real dates", () => {
    expect(isDate("2026-02-28")).toBe(true);
    expect(isDate("2026-02-30")).toBe(false);
    expect(isDate("tomorrow")).toBe(false);
  });

  it("adds days across months", () => {
    expect(addDays("2026-02-27", 3)).toBe("2026-03-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("never shows a day before today", () => {
    expect(chooseDay("2026-03-05", "2026-03-02")).toBe("2026-03-05");
    expect(chooseDay("2026-03-01", "2026-03-02")).toBe("2026-03-02");
    expect(chooseDay("", "2026-03-02")).toBe("2026-03-02");
  });
});

describe("slotsByDay", () => {
  it("lists every day of the window, empty ones too, with slots in time order", () => {
    const days = slotsByDay([slot("2026-03-03T05:00:00.000Z", "2026-03-03"), slot("2026-03-03T04:30:00.000Z", "2026-03-03"), slot("2026-03-09T04:30:00.000Z", "2026-03-09")], "2026-03-02", 3);
    expect(days.map((d) => [d.date, d.slots.map((s) => s.startsAt)])).toEqual([
      ["2026-03-02", []],
      ["2026-03-03", ["2026-03-03T04:30:00.000Z", "2026-03-03T05:00:00.000Z"]],
      ["2026-03-04", []],
    ]);
  });
});

describe("findSlot", () => {
  it("finds the open slot by instant (any ISO spelling) and clinic", () => {
    const slots = [slot("2026-03-03T04:30:00.000Z", "2026-03-03", "c1"), slot("2026-03-03T04:30:00.000Z", "2026-03-03", "c2")];
    expect(findSlot(slots, "2026-03-03T10:00:00+05:30", "c2")?.clinicId).toBe("c2");
    expect(findSlot(slots, "2026-03-03T05:00:00.000Z", "c1")).toBeNull();
    expect(findSlot(slots, "not a time", "")).toBeNull();
  });
});

describe("searchTermFor", () => {
  it("prefers the phone, then the email, then the name", () => {
    expect(searchTermFor({ name: "Ravi", phone: "+919800000000", email: "r@x.in" })).toBe("+919800000000");
    expect(searchTermFor({ name: "Ravi", phone: "", email: "r@x.in" })).toBe("r@x.in");
    expect(searchTermFor({ name: " Ravi Kumar " })).toBe("Ravi Kumar");
  });
});
