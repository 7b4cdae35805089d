import { ValidationError } from "../errors/index.js";
import type { LocalDate, LocalTime } from "./slot-types.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, requireZoneOffsets, type ZoneOffsets } from "./zone-offsets.js";

// A "wall" below is a local date and time written as if it were UTC epoch ms
// (Date.UTC(y, m, d, h, min)); the instant it names is wall - offset. Plain arithmetic on
// walls is wall-clock arithmetic, which is what rules are written in.

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight for an "HH:MM" wall time (00:00-23:59), or null when malformed. */
export function parseLocalTime(value: string): number | null {
  const m = typeof value === "string" ? TIME.exec(value) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Formats minutes after local midnight as "HH:MM". */
export function formatLocalTime(minutes: number): LocalTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}`;
}

/** Days since 1970-01-01 for a "YYYY-MM-DD" date, or null when it is malformed or not a real date. */
export function parseLocalDate(value: string): number | null {
  const m = typeof value === "string" ? DATE.exec(value) : null;
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2027-02-30 over to March; a real date survives the round trip.
  return new Date(ms).toISOString().slice(0, 10) === value ? ms / DAY_MS : null;
}

/** Formats days since 1970-01-01 as "YYYY-MM-DD". */
export function formatLocalDate(day: number): LocalDate {
  // Civil-from-days (H. Hinnant) instead of Date#toISOString, which dominated a slot page's
  // cost: one call per slot.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of days since 1970-01-01 (a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The instants (epoch ms, earliest first) at which the zone's clocks show `wall`: none in a DST gap, two in an overlap. */
export function wallToInstants(offsets: ZoneOffsets, wall: number): number[] {
  // Offsets span -12h..+14h, so every candidate instant lies within 15 hours of the wall.
  const lo = wall - 15 * HOUR_MS;
  const candidates = [offsets.offsetAt(lo), ...offsets.transitionsIn(lo, wall + 15 * HOUR_MS).map((t) => t.offset)];
  const instants: number[] = [];
  for (const offset of candidates) {
    const at = wall - offset * MINUTE_MS;
    if (offsets.offsetAt(at) === offset && !instants.includes(at)) instants.push(at);
  }
  return instants.sort((a, b) => a - b);
}

// The transition that skips over `wall` (it lies in a DST gap): the first instant whose
// wall time is later than it.
function gapEnd(offsets: ZoneOffsets, wall: number): number {
  for (const t of offsets.transitionsIn(wall - 15 * HOUR_MS, wall + 15 * HOUR_MS)) {
    const before = offsets.offsetAt(t.at - 1);
    if (wall - t.offset * MINUTE_MS < t.at && wall - before * MINUTE_MS >= t.at) return t.at;
  }
  return wall - offsets.offsetAt(wall) * MINUTE_MS;
}

/** The first instant at which the clocks show `wall` or have jumped past it; the start of a blocking interval. */
export function earliestInstantOf(offsets: ZoneOffsets, wall: number): number {
  return wallToInstants(offsets, wall)[0] ?? gapEnd(offsets, wall);
}

/** The last instant at which the clocks show `wall` or jump past it; the end of a blocking interval. */
export function latestInstantOf(offsets: ZoneOffsets, wall: number): number {
  return wallToInstants(offsets, wall).at(-1) ?? gapEnd(offsets, wall);
}

/** The instants at which clocks in `timeZone` show `time` on `date`: none in a DST gap, two in an overlap (earlier first). */
export function resolveLocalTime(timeZone: string, date: LocalDate, time: LocalTime): Date[] {
  const day = parseLocalDate(date);
  const minutes = parseLocalTime(time);
  if (day === null) throw new ValidationError(`Not a date: "${date}"`, { date });
  if (minutes === null) throw new ValidationError(`Not an HH:MM time: "${time}"`, { time });
  return wallToInstants(requireZoneOffsets(timeZone), day * DAY_MS + minutes * MINUTE_MS).map((ms) => new Date(ms));
}
