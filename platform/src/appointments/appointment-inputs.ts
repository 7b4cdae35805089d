import { z } from "zod";
import { parseInput } from "../errors/index.js";

// Inputs arrive as JSON from the API or as form values from the apps: blank optional
// fields mean "not given", and every problem is reported against its own field.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const uuid = z.string().trim().uuid("Use an id.");
const optionalUuid = z.preprocess(blankToUndefined, uuid.nullish());
const instant = z
  .string()
  .trim()
  .datetime({ offset: true, message: "Use an ISO date and time, e.g. 2026-12-01T09:30:00+05:30." })
  .transform((s) => new Date(s));
const localDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "No such date.");

const slotFields = {
  providerId: uuid,
  clinicId: uuid,
  startsAt: instant,
  /** Front desk only: the patient the visit is booked for. */
  patientId: optionalUuid,
};

const visitFields = {
  dependantId: optionalUuid,
  reason: z.string().trim().min(1, "Say briefly why you are visiting.").max(500, "At most 500 characters."),
  contactPhone: z.preprocess(blankToUndefined, z.string().trim().regex(/^\+[1-9][0-9]{7,14}$/, "Use the international format, e.g. +919876543210.").nullish()),
  contactEmail: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().email("Use an email address.").max(254).nullish()),
};

const HoldSchema = z.object(slotFields);
const ConfirmSchema = z.object(visitFields);
const BookSchema = z.object({ ...slotFields, ...visitFields });
const RescheduleSchema = z.object({ startsAt: instant, clinicId: optionalUuid });
const WaitlistSchema = z.object({ providerId: uuid, clinicId: optionalUuid, date: localDate, dependantId: optionalUuid, patientId: optionalUuid });

export type HoldInput = z.output<typeof HoldSchema>;
export type ConfirmInput = z.output<typeof ConfirmSchema>;
export type BookInput = z.output<typeof BookSchema>;
export type RescheduleInput = z.output<typeof RescheduleSchema>;
export type WaitlistInput = z.output<typeof WaitlistSchema>;

/** A slot to hold: doctor, clinic, start (and, for the front desk, the patient). */
export function parseHoldInput(input: unknown): HoldInput {
  return parseInput(HoldSchema, input);
}

/** Who the visit is for, why, and how to reach them. */
export function parseConfirmInput(input: unknown): ConfirmInput {
  return parseInput(ConfirmSchema, input);
}

/** A hold and its confirmation in one request. */
export function parseBookInput(input: unknown): BookInput {
  return parseInput(BookSchema, input);
}

/** The new start (and optionally another clinic of the same doctor). */
export function parseRescheduleInput(input: unknown): RescheduleInput {
  return parseInput(RescheduleSchema, input);
}

/** A doctor's full day a patient wants to be offered a freed slot on. */
export function parseWaitlistInput(input: unknown): WaitlistInput {
  return parseInput(WaitlistSchema, input);
}
