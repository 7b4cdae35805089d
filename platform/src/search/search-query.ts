import { z } from "zod";
import type { DoctorSearchQuery } from "../context.js";
import { parseInput, ValidationError } from "../errors/index.js";

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 10;
export const SORTS = ["relevance", "fee_asc", "fee_desc", "experience", "distance"] as const;

// Forms submit empty fields as "": treat them as absent, so a shared URL with blanks still parses.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optText = (max: number) =>
  z.preprocess(blank, z.string().trim().max(max, `Use at most ${max} characters.`).optional());
const optRupees = z.preprocess(blank, z.coerce.number({ message: "Enter an amount in rupees." }).int("Enter whole rupees.").min(0, "Enter 0 or more.").max(1_000_000, "That fee is too high.").optional());

const QuerySchema = z
  .object({
    q: z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string().trim().max(100, "Use at most 100 characters.")),
    specialty: z.preprocess(blank, z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Choose a specialty from the list.").max(80).optional()),
    city: optText(80),
    locality: optText(80),
    language: optText(40),
    gender: z.preprocess(blank, z.enum(["female", "male", "other"], { message: "Choose female, male or other." }).optional()),
    fee_min: optRupees,
    fee_max: optRupees,
    mode: z.preprocess(blank, z.enum(["in_clinic", "video"], { message: "Choose in_clinic or video." }).optional()),
    min_rating: z.preprocess(blank, z.coerce.number({ message: "Enter a rating from 1 to 5." }).min(1, "Enter a rating from 1 to 5.").max(5, "Enter a rating from 1 to 5.").optional()),
    sort: z.preprocess(blank, z.enum(SORTS, { message: `Sort by one of: ${SORTS.join(", ")}.` }).default("relevance")),
    near: optText(80),
    page: z.preprocess(blank, z.coerce.number({ message: "Enter a page number." }).int("Enter a page number.").min(1, "Pages start at 1.").max(1000, "That page is too far.").default(1)),
    page_size: z.preprocess(
      blank,
      z.coerce.number({ message: "Enter a page size." }).int("Enter a whole number.").min(1, "Show at least 1.").max(MAX_PAGE_SIZE, `Show at most ${MAX_PAGE_SIZE}.`).default(DEFAULT_PAGE_SIZE),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.fee_min !== undefined && v.fee_max !== undefined && v.fee_min > v.fee_max) ctx.addIssue({ code: "custom", path: ["fee_max"], message: "The highest fee must not be below the lowest." });
    if (v.sort === "distance" && !v.near) ctx.addIssue({ code: "custom", path: ["near"], message: "Choose a locality to sort by distance." });
  });

/** The first value of each key: a repeated parameter is not a list here. */
function toRecord(params: URLSearchParams | Record<string, unknown>): Record<string, unknown> {
  if (params instanceof URLSearchParams) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}

// Languages are stored as people write them ("Hindi"); accept any case from a URL.
const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

/** Parses a search page's or the API's query string (snake_case, fees in rupees) into a normalised query. */
export function parseSearchQuery(params: URLSearchParams | Record<string, unknown>): DoctorSearchQuery {
  const raw = toRecord(params);
  for (const k of Object.keys(raw)) if (typeof raw[k] !== "string" && typeof raw[k] !== "number" && raw[k] !== undefined && raw[k] !== null) {
    throw new ValidationError("Please check the highlighted fields.", [{ field: k, message: "Send a single value." }]);
  }
  const v = parseInput(QuerySchema, raw, "query");
  return {
    q: v.q.replace(/\s+/g, " "),
    specialty: v.specialty ?? null,
    city: v.city ?? null,
    locality: v.locality ?? null,
    language: v.language ? titleCase(v.language) : null,
    gender: v.gender ?? null,
    feeMin: v.fee_min === undefined ? null : v.fee_min * 100,
    feeMax: v.fee_max === undefined ? null : v.fee_max * 100,
    mode: v.mode ?? null,
    minRating: v.min_rating ?? null,
    sort: v.sort,
    near: v.near ?? null,
    page: v.page,
    pageSize: v.page_size,
  };
}

/** The query back as URL parameters (fees in rupees), for links to other pages of the same search. */
export function searchQueryToParams(q: DoctorSearchQuery): URLSearchParams {
  const p = new URLSearchParams();
  const put = (k: string, v: string | number | null) => {
    if (v !== null && v !== "") p.set(k, String(v));
  };
  put("q", q.q);
  put("specialty", q.specialty);
  put("city", q.city);
  put("locality", q.locality);
  put("language", q.language);
  put("gender", q.gender);
  put("fee_min", q.feeMin === null ? null : q.feeMin / 100);
  put("fee_max", q.feeMax === null ? null : q.feeMax / 100);
  put("mode", q.mode);
  put("min_rating", q.minRating);
  if (q.sort !== "relevance") put("sort", q.sort);
  put("near", q.near);
  if (q.page !== 1) put("page", q.page);
  if (q.pageSize !== DEFAULT_PAGE_SIZE) put("page_size", q.pageSize);
  return p;
}
