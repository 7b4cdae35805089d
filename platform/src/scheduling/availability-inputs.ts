import { z } from "zod";
import { parseInput } from "../errors/index.js";
import { parseLocalDate, parseLocalTime } from "./local-time.js";

// The doctor and admin forms post FormData turned into an object (every value a string or
// a string[]); the API posts JSON. These schemas accept both and report problems against
// the form's own field names. Cross-field rules (end after start, breaks inside the
// session) are the engine's `validateRule` / `validateException`, run once the clinic's
// zone is known.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** True for a canonical uuid (anything else can name no row, so callers answer `not_found`). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

const Id = z.preprocess(trimmed, z.string({ required_error: "Required", invalid_type_error: "Required" }).regex(UUID, "Not a valid id"));
const OptionalId = z.preprocess((v) => (blank(v) ? undefined : trimmed(v)), z.string().regex(UUID, "Not a valid id").optional());
const NullableId = z.preprocess((v) => (blank(v) ? null : trimmed(v)), z.string().regex(UUID, "Not a valid id").nullable());

const Time = z.preprocess(
  // "9:00" is a fine way to write 09:00 in a form.
  (v) => (typeof v === "string" && /^\d:\d\d$/.test(v.trim()) ? `0${v.trim()}` : trimmed(v)),
  z.string({ required_error: "Required", invalid_type_error: "Write a time as HH:MM" }).refine((s) => parseLocalTime(s) !== null, "Write a time as HH:MM (00:00-23:59)"),
);
const OptionalTime = z.preprocess((v) => (blank(v) ? undefined : v), Time.optional());

const LocalDate = z.preprocess(trimmed, z.string({ required_error: "Required", invalid_type_error: "Write a date as YYYY-MM-DD" }).refine((s) => parseLocalDate(s) !== null, "Write a real date as YYYY-MM-DD"));
const OptionalDate = z.preprocess((v) => (blank(v) ? null : v), LocalDate.nullable());

const int = (min: number, max: number, fallback?: number) =>
  z.preprocess(
    (v) => (blank(v) ? fallback : typeof v === "string" ? Number(v.trim()) : v),
    z.number({ required_error: "Required", invalid_type_error: "Must be a whole number" }).int("Must be a whole number").min(min, `At least ${min}`).max(max, `At most ${max}`),
  );

const checkbox = (fallback: boolean) =>
  z.preprocess((v) => {
    if (blank(v)) return fallback;
    if (typeof v === "boolean") return v;
    return ["on", "true", "1", "yes"].includes(String(v).toLowerCase());
  }, z.boolean());

const Mode = z.preprocess((v) => (blank(v) ? "in_clinic" : trimmed(v)), z.enum(["in_clinic", "video"], { errorMap: () => ({ message: "Choose in_clinic or video" }) }));

/** "mon, wed" / ["1", "3"] / [1, 3] / "Monday" -> [1, 3]: ISO weekdays, sorted, de-duplicated. */
export function parseWeekdays(value: unknown): number[] | null {
  const raw = Array.isArray(value) ? value.flatMap((v) => String(v ?? "").split(/[,\s]+/)) : typeof value === "string" ? value.split(/[,\s]+/) : typeof value === "number" ? [String(value)] : [];
  const days = new Set<number>();
  for (const item of raw.map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const byName = DAY_NAMES.indexOf(item.slice(0, 3) as (typeof DAY_NAMES)[number]);
    const n = /^[1-7]$/.test(item) ? Number(item) : byName >= 0 && /^[a-z]+$/.test(item) ? byName + 1 : null;
    if (n === null) return null;
    days.add(n);
  }
  return [...days].sort((a, b) => a - b);
}

const Weekdays = z.unknown().transform((v, ctx) => {
  const days = parseWeekdays(v);
  if (days === null || days.length === 0) {
    ctx.addIssue({ code: "custom", message: days === null ? "Use 1-7 or mon..sun" : "Choose at least one day" });
    return z.NEVER;
  }
  return days;
});

/** "13:00-14:00, 16:00-16:15" / ["13:00-14:00"] / [{ start, end }] -> [{ start, end }]. */
const Breaks = z.unknown().transform((v, ctx) => {
  if (blank(v)) return [] as { start: string; end: string }[];
  const items: unknown[] = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,\n;]+/) : [v];
  const out: { start: string; end: string }[] = [];
  for (const item of items) {
    if (blank(item)) continue;
    let start: unknown;
    let end: unknown;
    if (typeof item === "string") [start, end] = item.split("-").map((s) => s.trim());
    else if (item && typeof item === "object") ({ start, end } = item as { start?: unknown; end?: unknown });
    const s = Time.safeParse(start);
    const e = Time.safeParse(end);
    if (!s.success || !e.success) {
      ctx.addIssue({ code: "custom", message: "Write breaks as HH:MM-HH:MM, separated by commas" });
      return z.NEVER;
    }
    out.push({ start: s.data, end: e.data });
  }
  return out;
});

const SessionFields = {
  start: Time,
  end: Time,
  slotMinutes: int(5, 240),
  bufferBeforeMinutes: int(0, 120, 0),
  bufferAfterMinutes: int(0, 120, 0),
  capacity: int(1, 100, 1),
  mode: Mode,
};

export const RuleInput = z.object({
  id: OptionalId,
  providerId: Id,
  clinicId: Id,
  weekdays: Weekdays,
  ...SessionFields,
  breaks: Breaks,
  validFrom: LocalDate,
  validUntil: OptionalDate,
  active: checkbox(true),
});
export type RuleInput = z.output<typeof RuleInput>;

const Note = z.preprocess((v) => (blank(v) ? null : trimmed(v)), z.string().max(200, "At most 200 characters").nullable());

export const ExceptionInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("time_off"),
    id: OptionalId,
    providerId: Id,
    // Optional: the clinic whose zone the date is read in (and whose admin may enter it);
    // without one, the doctor's clinics' zones apply. Time off blocks every clinic.
    clinicId: NullableId,
    date: LocalDate,
    start: OptionalTime,
    end: OptionalTime,
    note: Note,
  }),
  z.object({ kind: z.literal("extra_session"), id: OptionalId, providerId: Id, clinicId: Id, date: LocalDate, ...SessionFields, note: Note }),
  z.object({ kind: z.literal("clinic_holiday"), id: OptionalId, clinicId: Id, date: LocalDate, note: Note }),
]);
export type ExceptionInput = z.output<typeof ExceptionInput>;

export const PolicyInput = z.object({
  providerId: NullableId,
  minNoticeMinutes: int(0, 10080),
  maxAdvanceDays: int(1, 365),
  cancelCutoffMinutes: int(0, 10080),
  rescheduleCutoffMinutes: int(0, 10080),
  maxActivePerProvider: int(1, 20),
  holdMinutes: int(1, 30),
});
export type PolicyInput = z.output<typeof PolicyInput>;

/** Parses a rule form or JSON body; throws `validation_failed` with per-field details. */
export function parseRuleInput(input: unknown): RuleInput {
  return parseInput(RuleInput, input);
}

/** Parses a time off, extra session or clinic holiday; throws `validation_failed`. */
export function parseExceptionInput(input: unknown): ExceptionInput {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (kind !== "time_off" && kind !== "extra_session" && kind !== "clinic_holiday") {
    return parseInput(z.object({ kind: z.enum(["time_off", "extra_session", "clinic_holiday"], { errorMap: () => ({ message: "Choose time_off, extra_session or clinic_holiday" }) }) }), input) as never;
  }
  return parseInput(ExceptionInput, input);
}

/** Parses booking rules; throws `validation_failed`. */
export function parsePolicyInput(input: unknown): PolicyInput {
  return parseInput(PolicyInput, input);
}
