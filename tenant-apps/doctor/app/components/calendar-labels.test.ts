import { describe, expect, it } from "vitest";
import { appointmentLabel, calendarQuery, isInactive, periodTitle } from "./calendar-labels";

const t = (key: string) => ({ "doctor.calendar.status.booked": "Booked" })[key] ?? key;

describe("calendar labels", () => {
  it("names an appointment by its clinic-local time, who, and status", () => {
    const appointment = {
      startsAt: "2025-03-03T04:45:00Z",
      endsAt: "2025-03-03T05:00:00Z",
      timeZone: "Asia/Kolkata",
      visitor: { kind: "dependant" as const, id: "d1", name: "Kabir Verma" },
      status: "booked" as const,
    };
    expect(appointmentLabel(appointment, t, "en-IN")).toBe("10:15 am, Kabir Verma, Booked");
  });

  it("titles a week that spans two months as one range, and a day in full", () => {
    expect(periodTitle("week", ["2025-04-28", "2025-04-29", "2025-04-30", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04"], "en-IN")).toMatch(/^28 Apr\s–\s4 May 2025$/);
    expect(periodTitle("day", ["2025-03-03"], "en-IN")).toBe("Monday, 3 March 2025");
  });

  it("builds toolbar links that leave the default view out", () => {
    expect(calendarQuery({ doctor: "abc", view: "week", date: "2025-03-03" })).toBe("?doctor=abc&date=2025-03-03");
    expect(calendarQuery({ view: "day", date: "2025-03-03" })).toBe("?view=day&date=2025-03-03");
  });

  it("fades only appointments that gave their slot back", () => {
    expect(isInactive("cancelled")).toBe(true);
    expect(isInactive("no_show")).toBe(false);
    expect(isInactive("completed")).toBe(false);
  });
});
