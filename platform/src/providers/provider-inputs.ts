import { IANAZone } from "luxon";
import { z } from "zod";
import { parseInput, ValidationError } from "../errors/index.js";
import type { ConsultationMode, Gender } from "../context.js";

// The admin and public forms post FormData turned into an object: every value is a
// string (or a string[] for repeated fields). These schemas accept exactly that shape
// and report problems against the form's own field names.

const MAX_FEE_RUPEES = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "a, b\nc" (or ["a", "b"]) -> ["a", "b", "c"]: trimmed, blanks dropped, duplicates (case-insensitive) dropped. */
export function splitList(value: unknown): string[] {
  return splitOn(value, /[,\n]/);
}

function splitOn(value: unknown, separator: RegExp): string[] {
  const raw = Array.isArray(value) ? value.flatMap((v) => String(v ?? "").split(separator)) : typeof value === "string" ? value.split(separator) : [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of raw.map((s) => s.trim().replace(/\s+/g, " ")).filter(Boolean)) {
    const k = item.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/**
 * Qualifications often hold commas ("MD (Medicine), AIIMS Delhi"): when the text has
 * several lines, each line is one qualification; a single line is split on commas.
 */
export function splitQualifications(value: unknown): string[] {
  const multiline = Array.isArray(value) ? value.length > 1 || String(value[0] ?? "").includes("\n") : typeof value === "string" && value.trim().includes("\n");
  return splitOn(value, multiline ? /\r?\n/ : /[,\n]/);
}

/** A string or string[] form value as a de-duplicated list of ids (blank entries dropped). */
function idList(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return [...new Set(raw.map((v) => String(v ?? "").trim()).filter(Boolean))];
}

/** A URL-safe slug: "Dr. Asha Verma" -> "dr-asha-verma" (ASCII only; `fallback` when nothing is left). */
export function slugify(text: string, fallback = "item", max = 60): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return s || fallback;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const optionalText = (max: number, message?: string) => z.preprocess(blankToUndefined, z.string().max(max, message ?? `At most ${max} characters`).optional());
const requiredText = (min: number, max: number, message: string) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ required_error: message, invalid_type_error: message }).min(min, message).max(max, `At most ${max} characters`));
const checkbox = (fallback: boolean) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === "") return fallback;
    if (typeof v === "boolean") return v;
    return ["on", "true", "1", "yes"].includes(String(v).toLowerCase());
  }, z.boolean());

/** "1,500.50" rupees -> 150050 paise; refuses negatives, more than 2 decimals and more than 1,00,000. */
export function rupeesToMinor(value: string): number | null {
  const s = value.trim().replace(/,/g, "");
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

const FeeRupees = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z
    .string({ required_error: "Enter the consultation fee", invalid_type_error: "Enter the consultation fee" })
    .trim()
    .min(1, "Enter the consultation fee")
    .transform((s, ctx) => {
      if (s.startsWith("-")) {
        ctx.addIssue({ code: "custom", message: "The fee cannot be negative" });
        return z.NEVER;
      }
      const minor = rupeesToMinor(s);
      if (minor === null) {
        ctx.addIssue({ code: "custom", message: "Enter an amount like 500 or 499.50 (at most 2 decimals)" });
        return z.NEVER;
      }
      if (minor > MAX_FEE_RUPEES * 100) {
        ctx.addIssue({ code: "custom", message: "The fee can be at most ₹1,00,000" });
        return z.NEVER;
      }
      return minor;
    }),
);

const EMAIL = z.string().max(254).email("Enter a valid email address").transform((s) => s.toLowerCase());
const PHONE = z
  .string()
  .transform((s) => s.replace(/[\s()-]/g, ""))
  .refine((s) => /^\+?[0-9]{10,15}$/.test(s), "Enter a valid phone number (10-15 digits, optionally starting with +)");

function providerSchema(opts: { emailRequired: boolean }) {
  return z
    .object({
      name: requiredText(2, 120, "Enter the doctor's full name"),
      gender: z.preprocess(blankToUndefined, z.enum(["female", "male", "other"], { errorMap: () => ({ message: "Choose female, male or other" }) }).optional()),
      email: opts.emailRequired
        ? z.preprocess(blankToUndefined, z.string({ required_error: "Enter an email address so we can reach you" }).pipe(EMAIL))
        : z.preprocess(blankToUndefined, EMAIL.optional()),
      phone: z.preprocess(blankToUndefined, PHONE.optional()),
      registrationNumber: requiredText(2, 40, "Enter the medical registration number"),
      registrationCouncil: requiredText(2, 120, "Enter the council that issued the registration"),
      qualifications: z.preprocess(splitQualifications, z.array(z.string().max(80, "Each qualification at most 80 characters")).max(20, "At most 20 qualifications")),
      yearsExperience: z.preprocess(
        (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? 0 : typeof v === "string" ? Number(v.trim()) : v),
        z.number({ invalid_type_error: "Enter whole years" }).int("Enter whole years").min(0, "Between 0 and 70 years").max(70, "Between 0 and 70 years"),
      ),
      languages: z.preprocess(splitList, z.array(z.string().max(40, "Each language at most 40 characters")).max(20, "At most 20 languages")),
      feeRupees: FeeRupees,
      currency: z.preprocess((v) => (blankToUndefined(v) === undefined ? "INR" : String(v).trim().toUpperCase()), z.enum(["INR"], { errorMap: () => ({ message: "Fees are in INR" }) })),
      modes: z.preprocess(
        (v) => splitList(v).map((m) => m.toLowerCase()),
        z.array(z.enum(["in_clinic", "video"], { errorMap: () => ({ message: "Modes are in_clinic and video" }) })).min(1, "Choose at least one consultation mode"),
      ),
      bio: optionalText(4000),
      conditions: z.preprocess(splitList, z.array(z.string().max(80, "Each condition at most 80 characters")).max(50, "At most 50 conditions")),
      specialtyIds: z.preprocess(idList, z.array(z.string().regex(UUID, "Unknown specialty")).min(1, "Choose at least one specialty").max(10, "At most 10 specialties")),
      primarySpecialtyId: z.preprocess(blankToUndefined, z.string().regex(UUID, "Unknown specialty").optional()),
      clinicIds: z.preprocess(idList, z.array(z.string().regex(UUID, "Unknown clinic")).max(20, "At most 20 clinics")),
    })
    .superRefine((v, ctx) => {
      if (v.primarySpecialtyId && !v.specialtyIds.includes(v.primarySpecialtyId)) {
        ctx.addIssue({ code: "custom", path: ["primarySpecialtyId"], message: "The primary specialty must be one of the chosen specialties" });
      }
    });
}

/** A provider's editable profile, normalised. */
export interface ProviderProfileInput {
  name: string;
  gender: Gender | null;
  email: string | null;
  phone: string | null;
  registrationNumber: string;
  registrationCouncil: string;
  qualifications: string[];
  yearsExperience: number;
  languages: string[];
  feeMinor: number;
  currency: string;
  modes: ConsultationMode[];
  bio: string | null;
  conditions: string[];
  specialtyIds: string[];
  primarySpecialtyId: string;
  clinicIds: string[];
}

/** Parses the provider form; `validation_failed` with the form's field names. */
export function parseProviderInput(input: unknown, opts: { emailRequired: boolean }): ProviderProfileInput {
  const v = parseInput(providerSchema(opts), input);
  return {
    name: v.name,
    gender: v.gender ?? null,
    email: v.email ?? null,
    phone: v.phone ?? null,
    registrationNumber: v.registrationNumber.toUpperCase(),
    registrationCouncil: v.registrationCouncil,
    qualifications: v.qualifications,
    yearsExperience: v.yearsExperience,
    languages: v.languages,
    feeMinor: v.feeRupees,
    currency: v.currency,
    modes: [...new Set(v.modes)].sort() as ConsultationMode[],
    bio: v.bio ?? null,
    conditions: v.conditions,
    specialtyIds: v.specialtyIds,
    primarySpecialtyId: v.primarySpecialtyId ?? v.specialtyIds[0]!,
    clinicIds: v.clinicIds,
  };
}

/** `"09:00-13:00, 14:00-18:00"` -> sorted, non-overlapping ranges; a message when invalid. */
export function parseOpeningHours(text: string): [string, string][] | string {
  const s = text.trim();
  if (!s || /^closed$/i.test(s)) return [];
  const ranges: [string, string][] = [];
  for (const part of s.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]?\d|2[0-4]):([0-5]\d)$/.exec(part);
    if (!m) return `"${part}" is not a range like 09:00-13:00`;
    const start = `${m[1]!.padStart(2, "0")}:${m[2]}`;
    const end = `${m[3]!.padStart(2, "0")}:${m[4]}`;
    if (end > "24:00") return `"${part}" ends after midnight`;
    if (start >= end) return `"${part}" must end after it starts`;
    ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0].localeCompare(b[0]));
  for (let i = 1; i < ranges.length; i++) if (ranges[i]![0] < ranges[i - 1]![1]) return `${ranges[i - 1]!.join("-")} and ${ranges[i]!.join("-")} overlap`;
  return ranges;
}

const coordinate = (min: number, max: number, message: string) =>
  z.preprocess((v) => (blankToUndefined(v) === undefined ? undefined : Number(v)), z.number({ invalid_type_error: message }).min(min, message).max(max, message).optional());

const ClinicSchema = z
  .object({
    id: z.preprocess(blankToUndefined, z.string().regex(UUID, "Unknown clinic").optional()),
    slug: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and dashes").max(60).optional()),
    name: requiredText(2, 120, "Enter the clinic's name"),
    addressLine: requiredText(3, 200, "Enter the street address"),
    locality: requiredText(2, 80, "Enter the locality"),
    city: requiredText(2, 80, "Enter the city"),
    state: optionalText(80),
    postcode: z.preprocess(blankToUndefined, z.string().regex(/^[0-9]{6}$/, "A 6-digit PIN code").optional()),
    latitude: coordinate(-90, 90, "Latitude is between -90 and 90"),
    longitude: coordinate(-180, 180, "Longitude is between -180 and 180"),
    timeZone: z.preprocess(blankToUndefined, z.string({ required_error: "Choose a time zone" }).refine((z) => IANAZone.isValidZone(z), "Not an IANA time zone (e.g. Asia/Kolkata)")),
    phone: z.preprocess(blankToUndefined, PHONE.optional()),
    facilities: z.preprocess(splitList, z.array(z.string().max(60)).max(40, "At most 40 facilities")),
    active: checkbox(true),
  })
  .superRefine((v, ctx) => {
    if ((v.latitude === undefined) !== (v.longitude === undefined)) ctx.addIssue({ code: "custom", path: [v.latitude === undefined ? "latitude" : "longitude"], message: "Give both latitude and longitude, or neither" });
  });

export interface ClinicInput {
  id: string | null;
  slug: string | null;
  name: string;
  addressLine: string;
  locality: string;
  city: string;
  state: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  phone: string | null;
  facilities: string[];
  openingHours: Record<string, [string, string][]>;
  active: boolean;
}

/** Parses the clinic form, including `openingHours_<day>` fields. */
export function parseClinicInput(input: Record<string, unknown>): ClinicInput {
  const hours: Record<string, [string, string][]> = {};
  const problems: { field: string; message: string }[] = [];
  for (const day of DAYS) {
    const raw = input[`openingHours_${day}`];
    if (raw === undefined || raw === null) continue;
    const parsed = parseOpeningHours(String(raw));
    if (typeof parsed === "string") problems.push({ field: `openingHours_${day}`, message: parsed });
    else if (parsed.length) hours[day] = parsed;
  }
  const r = ClinicSchema.safeParse(input);
  // One answer listing every problem: the schema's and the opening hours'.
  const issues = r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join(".") || "form", message: i.message }));
  if (!r.success || problems.length) throw new ValidationError("Please check the highlighted fields.", [...issues, ...problems]);
  const v = r.data;
  return {
    id: v.id ?? null,
    slug: v.slug ?? null,
    name: v.name,
    addressLine: v.addressLine,
    locality: v.locality,
    city: v.city,
    state: v.state ?? null,
    postcode: v.postcode ?? null,
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    timeZone: v.timeZone,
    phone: v.phone ?? null,
    facilities: splitList(v.facilities),
    openingHours: hours,
    active: v.active,
  };
}

const SpecialtySchema = z.object({
  id: z.preprocess(blankToUndefined, z.string().regex(UUID, "Unknown specialty").optional()),
  slug: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and dashes").max(60).optional()),
  name: requiredText(2, 80, "Enter the specialty's name (2-80 characters)"),
  synonyms: z.preprocess((v) => splitList(v).map((s) => s.toLowerCase()), z.array(z.string().max(60, "Each synonym at most 60 characters")).max(50, "At most 50 synonyms")),
  description: optionalText(1000),
  active: checkbox(true),
});

export interface SpecialtyInput {
  id: string | null;
  slug: string | null;
  name: string;
  synonyms: string[];
  description: string | null;
  active: boolean;
}

/** Parses the specialty form: synonyms lower-cased and de-duplicated. */
export function parseSpecialtyInput(input: unknown): SpecialtyInput {
  const v = parseInput(SpecialtySchema, input);
  return { id: v.id ?? null, slug: v.slug ?? null, name: v.name, synonyms: [...new Set(v.synonyms)], description: v.description ?? null, active: v.active };
}

const RequirementSchema = z.object({
  kind: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, "Lower-case letters, digits and underscores").max(60).optional()),
  label: requiredText(2, 120, "Enter a label (2-120 characters)"),
  required: checkbox(false),
});

/** Parses one checklist item; the kind comes from the label when not given. */
export function parseRequirementInput(input: unknown): { kind: string; label: string; required: boolean } {
  const v = parseInput(RequirementSchema, input);
  return { kind: v.kind ?? slugify(v.label, "document", 60).replace(/-/g, "_"), label: v.label, required: v.required };
}
