import { parseLocalDate, parseLocalTime } from "./local-time.js";
import type { AvailabilityException, RuleProblem, SessionTimes, WeeklyRule } from "./slot-types.js";
import { isKnownTimeZone } from "./zone-offsets.js";

const MODES: readonly string[] = ["in_clinic", "video"];

function requireText(problems: RuleProblem[], field: string, value: unknown): void {
  if (typeof value !== "string" || value.trim() === "") problems.push({ field, message: "is required" });
}

function requireIntegerIn(problems: RuleProblem[], field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
  }
}

function requireDate(problems: RuleProblem[], field: string, value: unknown): number | null {
  const day = parseLocalDate(value as string);
  if (day === null) problems.push({ field, message: "must be a real date written YYYY-MM-DD" });
  return day;
}

function requireTime(problems: RuleProblem[], field: string, value: unknown): number | null {
  const minutes = parseLocalTime(value as string);
  if (minutes === null) problems.push({ field, message: "must be a time written HH:MM (00:00-23:59)" });
  return minutes;
}

function requireZone(problems: RuleProblem[], value: unknown): void {
  if (!isKnownTimeZone(value as string)) problems.push({ field: "timeZone", message: "must be a known IANA time zone" });
}

function sessionProblems(session: SessionTimes): RuleProblem[] {
  const problems: RuleProblem[] = [];
  requireZone(problems, session.timeZone);
  const start = requireTime(problems, "start", session.start);
  const end = requireTime(problems, "end", session.end);
  if (start !== null && end !== null && end <= start) problems.push({ field: "end", message: "must be after start" });
  requireIntegerIn(problems, "slotMinutes", session.slotMinutes, 5, 240);
  requireIntegerIn(problems, "bufferBeforeMinutes", session.bufferBeforeMinutes, 0, 120);
  requireIntegerIn(problems, "bufferAfterMinutes", session.bufferAfterMinutes, 0, 120);
  requireIntegerIn(problems, "capacity", session.capacity, 1, 100);
  if (!MODES.includes(session.mode)) problems.push({ field: "mode", message: `must be one of ${MODES.join(", ")}` });
  const breaks = session.breaks ?? [];
  if (!Array.isArray(breaks)) {
    problems.push({ field: "breaks", message: "must be a list" });
    return problems;
  }
  const parsed: { start: number; end: number; index: number }[] = [];
  breaks.forEach((b, i) => {
    const bStart = requireTime(problems, `breaks[${i}].start`, b?.start);
    const bEnd = requireTime(problems, `breaks[${i}].end`, b?.end);
    if (bStart === null || bEnd === null) return;
    if (bEnd <= bStart) problems.push({ field: `breaks[${i}].end`, message: "must be after the break's start" });
    else if (start !== null && end !== null && (bStart < start || bEnd > end)) {
      problems.push({ field: `breaks[${i}]`, message: "must lie within the session's start and end" });
    } else parsed.push({ start: bStart, end: bEnd, index: i });
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    const [prev, cur] = [parsed[i - 1]!, parsed[i]!];
    if (cur.start < prev.end) problems.push({ field: `breaks[${cur.index}]`, message: `overlaps breaks[${prev.index}]` });
  }
  return problems;
}

/** Everything wrong with a weekly rule, as field problems; empty when it is valid. */
export function validateRule(rule: WeeklyRule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  requireText(problems, "id", rule.id);
  requireText(problems, "providerId", rule.providerId);
  requireText(problems, "clinicId", rule.clinicId);
  problems.push(...sessionProblems(rule));
  if (!Array.isArray(rule.weekdays) || rule.weekdays.length === 0) {
    problems.push({ field: "weekdays", message: "must list at least one weekday" });
  } else {
    rule.weekdays.forEach((d, i) => requireIntegerIn(problems, `weekdays[${i}]`, d, 1, 7));
    if (new Set(rule.weekdays).size !== rule.weekdays.length) problems.push({ field: "weekdays", message: "must not list a day twice" });
  }
  const from = requireDate(problems, "validFrom", rule.validFrom);
  if (rule.validUntil !== null) {
    const until = requireDate(problems, "validUntil", rule.validUntil);
    if (from !== null && until !== null && until < from) problems.push({ field: "validUntil", message: "must not be before validFrom" });
  }
  return problems;
}

/** Everything wrong with a time off, extra session or clinic holiday; empty when it is valid. */
export function validateException(exception: AvailabilityException): RuleProblem[] {
  const problems: RuleProblem[] = [];
  requireDate(problems, "date", exception.date);
  switch (exception.kind) {
    case "time_off": {
      requireText(problems, "providerId", exception.providerId);
      requireZone(problems, exception.timeZone);
      if ((exception.start === undefined) !== (exception.end === undefined)) {
        problems.push({ field: exception.start === undefined ? "start" : "end", message: "give both start and end, or neither for a whole day" });
      } else if (exception.start !== undefined && exception.end !== undefined) {
        const start = requireTime(problems, "start", exception.start);
        const end = requireTime(problems, "end", exception.end);
        if (start !== null && end !== null && end <= start) problems.push({ field: "end", message: "must be after start" });
      }
      return problems;
    }
    case "extra_session":
      requireText(problems, "id", exception.id);
      requireText(problems, "providerId", exception.providerId);
      requireText(problems, "clinicId", exception.clinicId);
      return [...problems, ...sessionProblems(exception)];
    case "clinic_holiday":
      requireText(problems, "clinicId", exception.clinicId);
      requireZone(problems, exception.timeZone);
      return problems;
    default:
      return [{ field: "kind", message: "must be time_off, extra_session or clinic_holiday" }];
  }
}
