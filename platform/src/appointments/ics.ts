// RFC 5545 iCalendar text for one appointment ("add to calendar"). Pure: the facade
// decides what goes in (never the reason for the visit).

/** One event of a calendar file. Times are instants; they are written in UTC (`Z`). */
export interface CalendarEvent {
  /** Globally unique and stable for the appointment, e.g. `<id>@<tenant host>`. */
  uid: string;
  /** When this file was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  /** Bumped when the event changes (a cancellation replaces the confirmed copy). */
  sequence?: number;
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** `20261207T043000Z`: a UTC date-time (FORM #2 of RFC 5545 §3.3.5). */
export function formatUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): each continuation starts with a
 * space. Splits fall between characters, never inside a UTF-8 sequence (Hindi names are
 * three octets per letter).
 */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = enc.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      // A continuation line's leading space counts towards its 75 octets.
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A whole VCALENDAR with one VEVENT, CRLF line endings, lines folded. */
export function buildCalendar(ev: CalendarEvent, opts: { prodId?: string } = {}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${opts.prodId ?? "-//Illajwala VisitNow//Appointments//EN"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${ev.uid}`,
    `DTSTAMP:${formatUtc(ev.stamp)}`,
    `DTSTART:${formatUtc(ev.start)}`,
    `DTEND:${formatUtc(ev.end)}`,
    `SUMMARY:${escapeText(ev.summary)}`,
    ...(ev.location ? [`LOCATION:${escapeText(ev.location)}`] : []),
    ...(ev.description ? [`DESCRIPTION:${escapeText(ev.description)}`] : []),
    `STATUS:${ev.status}`,
    `SEQUENCE:${ev.sequence ?? 0}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
