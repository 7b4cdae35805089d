import { ValidationError } from "../errors/index.js";
import {
  earliestInstantOf,
  formatLocalDate,
  formatLocalTime,
  isoWeekday,
  latestInstantOf,
  parseLocalDate,
  parseLocalTime,
  wallToInstants,
} from "./local-time.js";
import { validateException, validateRule } from "./rule-validation.js";
import type { AvailabilityException, ExtraSession, SessionTimes, Slot, WeeklyRule } from "./slot-types.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, requireZoneOffsets, type ZoneOffsets } from "./zone-offsets.js";

/** What `expandSlots` works from: a provider's (or several providers') rules and exceptions and an instant window. */
export interface ExpandSlotsInput {
  rules: readonly WeeklyRule[];
  exceptions: readonly AvailabilityException[];
  from: Date;
  /** Exclusive. */
  to: Date;
}

// A rule or extra session with its times parsed, ready to expand day by day.
interface Session {
  ruleId: string | null;
  // Decides which of two slots starting at the same instant survives: rules before extra
  // sessions, then the lower id.
  rank: string;
  providerId: string;
  clinicId: string;
  timeZone: string;
  offsets: ZoneOffsets;
  start: number;
  end: number;
  slotMinutes: number;
  bufferBefore: number;
  step: number;
  breaks: { start: number; end: number }[];
  capacity: number;
  mode: Slot["mode"];
}

interface Candidate {
  session: Session;
  day: number;
  localStart: number;
  startMs: number;
  endMs: number;
}

interface Interval {
  from: number;
  to: number;
}

function toSession(times: SessionTimes, ids: { ruleId: string | null; rank: string; providerId: string; clinicId: string }): Session {
  const bufferBefore = times.bufferBeforeMinutes;
  return {
    ...ids,
    timeZone: times.timeZone,
    offsets: requireZoneOffsets(times.timeZone),
    start: parseLocalTime(times.start)!,
    end: parseLocalTime(times.end)!,
    slotMinutes: times.slotMinutes,
    bufferBefore,
    step: bufferBefore + times.slotMinutes + times.bufferAfterMinutes,
    breaks: (times.breaks ?? []).map((b) => ({ start: parseLocalTime(b.start)!, end: parseLocalTime(b.end)! })).sort((a, b) => a.start - b.start),
    capacity: times.capacity,
    mode: times.mode,
  };
}

// The local days of a zone that can hold a slot in [fromMs, toMs), one day wider on each
// side so a slot just outside the window still gets to block an overlapping one inside it.
function dayRange(offsets: ZoneOffsets, fromMs: number, toMs: number): { first: number; last: number } {
  const first = Math.floor((fromMs + offsets.offsetAt(fromMs) * MINUTE_MS) / DAY_MS) - 1;
  const last = Math.floor((toMs + offsets.offsetAt(toMs) * MINUTE_MS) / DAY_MS) + 1;
  return { first, last };
}

// The single offset of a local day with no DST change near it, else null. Most days are
// like this, and their slots then need no per-slot zone lookups.
function steadyOffset(offsets: ZoneOffsets, midnight: number): number | null {
  if (offsets.transitionsIn(midnight - 15 * HOUR_MS, midnight + DAY_MS + 15 * HOUR_MS).length > 0) return null;
  return offsets.offsetAt(midnight);
}

// On a DST day a slot is realised only by a start and an end instant whose clocks show
// the rule's wall times and which lie exactly slotMinutes apart. A wall time in a gap has
// no instant, and a slot straddling a gap would be shorter than booked: both are skipped,
// never shifted. In an overlap the earliest such pair wins, so a slot appears once; the
// later copy's instants are simply not used.
function realise(offsets: ZoneOffsets, wallStart: number, slotMs: number): number | null {
  const ends = wallToInstants(offsets, wallStart + slotMs);
  if (ends.length === 0) return null;
  for (const start of wallToInstants(offsets, wallStart)) if (ends.includes(start + slotMs)) return start;
  return null;
}

function expandDay(session: Session, day: number, out: Candidate[]): void {
  const midnight = day * DAY_MS;
  const steady = steadyOffset(session.offsets, midnight);
  const slotMs = session.slotMinutes * MINUTE_MS;
  let cursor = session.start;
  let b = 0;
  while (cursor + session.step <= session.end) {
    const occupiedEnd = cursor + session.step;
    while (b < session.breaks.length && session.breaks[b]!.end <= cursor) b++;
    const brk = session.breaks[b];
    // Buffers are working time too, so they may not run into a break either.
    if (brk && brk.start < occupiedEnd) {
      cursor = brk.end;
      continue;
    }
    const localStart = cursor + session.bufferBefore;
    cursor = occupiedEnd;
    const wallStart = midnight + localStart * MINUTE_MS;
    const startMs = steady === null ? realise(session.offsets, wallStart, slotMs) : wallStart - steady * MINUTE_MS;
    if (startMs === null) continue;
    out.push({ session, day, localStart, startMs, endMs: startMs + slotMs });
  }
}

function requireValid(rules: readonly WeeklyRule[], exceptions: readonly AvailabilityException[]): void {
  for (const rule of rules) {
    const problems = validateRule(rule);
    if (problems.length > 0) throw new ValidationError(`Availability rule ${rule.id} is invalid`, { ruleId: rule.id, problems });
  }
  for (const exception of exceptions) {
    const problems = validateException(exception);
    if (problems.length > 0) throw new ValidationError(`A ${exception.kind} exception is invalid`, { exception, problems });
  }
}

// The instants a whole local day or a part of it covers. Blocking is generous on DST days:
// a wall time in a gap maps to the jump, and a range touching a repeated hour covers both
// of its copies, so nothing the doctor meant to block stays bookable.
function blockedInterval(timeZone: string, date: string, start?: string, end?: string): Interval {
  const offsets = requireZoneOffsets(timeZone);
  const midnight = parseLocalDate(date)! * DAY_MS;
  const from = start === undefined ? midnight : midnight + parseLocalTime(start)! * MINUTE_MS;
  const to = end === undefined ? midnight + DAY_MS : midnight + parseLocalTime(end)! * MINUTE_MS;
  return { from: earliestInstantOf(offsets, from), to: latestInstantOf(offsets, to) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function overlapsAny(intervals: Interval[] | undefined, c: Candidate): boolean {
  return intervals !== undefined && intervals.some((i) => c.startMs < i.to && c.endMs > i.from);
}

function toSlot(c: Candidate): Slot {
  const s = c.session;
  return {
    providerId: s.providerId,
    clinicId: s.clinicId,
    ruleId: s.ruleId,
    startsAt: new Date(c.startMs),
    endsAt: new Date(c.endMs),
    localDate: formatLocalDate(c.day),
    localStart: formatLocalTime(c.localStart),
    localEnd: formatLocalTime(c.localStart + s.slotMinutes),
    timeZone: s.timeZone,
    capacity: s.capacity,
    mode: s.mode,
  };
}

/**
 * The bookable slots with `from <= startsAt < to`, sorted by start then clinic; throws
 * `validation_failed` when a rule or exception is invalid.
 */
export function expandSlots({ rules, exceptions, from, to }: ExpandSlotsInput): Slot[] {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new ValidationError("from and to must be valid dates");
  if (fromMs >= toMs) return [];
  requireValid(rules, exceptions);

  const candidates: Candidate[] = [];
  for (const rule of rules) {
    const session = toSession(rule, { ruleId: rule.id, rank: `0${rule.id}`, providerId: rule.providerId, clinicId: rule.clinicId });
    const weekdays = new Set(rule.weekdays);
    const { first, last } = dayRange(session.offsets, fromMs, toMs);
    const validFrom = parseLocalDate(rule.validFrom)!;
    const validUntil = rule.validUntil === null ? Infinity : parseLocalDate(rule.validUntil)!;
    for (let day = Math.max(first, validFrom); day <= Math.min(last, validUntil); day++) {
      if (weekdays.has(isoWeekday(day))) expandDay(session, day, candidates);
    }
  }

  const timeOff = new Map<string, Interval[]>();
  const holidays = new Map<string, Interval[]>();
  for (const e of exceptions) {
    if (e.kind === "time_off") push(timeOff, e.providerId, blockedInterval(e.timeZone, e.date, e.start, e.end));
    else if (e.kind === "clinic_holiday") push(holidays, e.clinicId, blockedInterval(e.timeZone, e.date));
    else expandExtraSession(e, fromMs, toMs, candidates);
  }

  // Exceptions remove slots before overlaps are settled: a slot taken away by time off or a
  // holiday must not keep another rule's slot from appearing.
  const open = candidates.filter((c) => !overlapsAny(timeOff.get(c.session.providerId), c) && !overlapsAny(holidays.get(c.session.clinicId), c));

  // A doctor cannot be in two places at once: across all their rules and clinics the
  // earlier-starting slot wins, and at the same start the lower rank.
  open.sort(
    (a, b) =>
      a.startMs - b.startMs ||
      compare(a.session.providerId, b.session.providerId) ||
      compare(a.session.rank, b.session.rank),
  );
  const busyUntil = new Map<string, number>();
  const kept: Candidate[] = [];
  for (const c of open) {
    const busy = busyUntil.get(c.session.providerId);
    if (busy !== undefined && c.startMs < busy) continue;
    busyUntil.set(c.session.providerId, c.endMs);
    if (c.startMs >= fromMs && c.startMs < toMs) kept.push(c);
  }
  // Already in start order; a stable sort puts clinics in order within one start.
  kept.sort((a, b) => a.startMs - b.startMs || compare(a.session.clinicId, b.session.clinicId));
  return kept.map(toSlot);
}

function expandExtraSession(e: ExtraSession, fromMs: number, toMs: number, out: Candidate[]): void {
  const session = toSession(e, { ruleId: null, rank: `1${e.clinicId}\u0000${e.id}`, providerId: e.providerId, clinicId: e.clinicId });
  const day = parseLocalDate(e.date)!;
  const { first, last } = dayRange(session.offsets, fromMs, toMs);
  if (day >= first && day <= last) expandDay(session, day, out);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
