import { describe, expect, it } from "vitest";
import { maskPhone, withoutBreaks } from "./hub-services.js";

describe("hub helpers", () => {
  it("takes breaks out of a session, ignoring breaks outside it", () => {
    expect(withoutBreaks("09:00", "13:00", [{ start: "11:00", end: "11:15" }, { start: "07:00", end: "08:00" }])).toEqual([
      { start: "09:00", end: "11:00" },
      { start: "11:15", end: "13:00" },
    ]);
    expect(withoutBreaks("09:00", "10:00", [{ start: "08:30", end: "09:15" }, { start: "09:45", end: "10:30" }])).toEqual([{ start: "09:15", end: "09:45" }]);
    expect(withoutBreaks("09:00", "10:00", [])).toEqual([{ start: "09:00", end: "10:00" }]);
  });

  it("masks all but the country code and last four digits of a phone", () => {
    expect(maskPhone("+919876543210")).toBe("+91••••••3210");
  });
});
