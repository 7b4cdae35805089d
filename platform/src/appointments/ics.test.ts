import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatUtc } from "./ics.js";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and line breaks in TEXT values", () => {
    expect(escapeText("a\\b; c, d\ne\r\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });

  it("writes instants in UTC basic format", () => {
    expect(formatUtc(new Date("2026-12-07T04:30:05.123Z"))).toBe("20261207T043005Z");
  });

  it("leaves a line of 75 octets alone and folds a longer one with CRLF and a space", () => {
    const exact = `SUMMARY:${"x".repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    const long = `SUMMARY:${"y".repeat(200)}`;
    const folded = foldLine(long);
    const parts = folded.split("\r\n");
    expect(parts.length).toBe(3);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.every((p) => octets(p) <= 75)).toBe(true);
    expect(octets(parts[0]!)).toBe(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
  });

  it("never splits a multi-octet character when folding", () => {
    const hindi = `LOCATION:${"क्लिनिक ".repeat(20)}`;
    const parts = foldLine(hindi).split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain("\uFFFD");
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(hindi);
  });

  it("builds one VEVENT with CRLF endings, the fields given, and no description unless asked", () => {
    const body = buildCalendar({
      uid: "abc@sunrise.example",
      stamp: new Date("2026-12-01T00:00:00Z"),
      start: new Date("2026-12-07T04:30:00Z"),
      end: new Date("2026-12-07T04:45:00Z"),
      summary: "Appointment with Dr. Rohan Mehta",
      location: "Sunrise Clinic, 12 MG Road; Bengaluru",
      status: "CONFIRMED",
    });
    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.split("\r\n").slice(0, -1).every((l) => !l.includes("\n"))).toBe(true);
    const lines = body.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("UID:abc@sunrise.example");
    expect(lines).toContain("DTSTAMP:20261201T000000Z");
    expect(lines).toContain("DTSTART:20261207T043000Z");
    expect(lines).toContain("DTEND:20261207T044500Z");
    expect(lines).toContain("LOCATION:Sunrise Clinic\\, 12 MG Road\\; Bengaluru");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines.some((l) => l.startsWith("DESCRIPTION"))).toBe(false);
    expect(lines.indexOf("BEGIN:VEVENT")).toBeLessThan(lines.indexOf("END:VEVENT"));
    expect(lines[lines.length - 2]).toBe("END:VCALENDAR");
  });
});
