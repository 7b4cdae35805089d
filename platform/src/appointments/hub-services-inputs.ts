import { z } from "zod";
import { parseInput } from "../errors/index.js";

// The doctor hub's own forms. Phone and email follow the identity domain's rules (an
// Indian 10-digit mobile is read as +91; everything is stored as E.164 / lower case).

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const Phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()-]/g, ""))
  .transform((v) => (/^0?[6-9]\d{9}$/.test(v) ? `+91${v.replace(/^0/, "")}` : /^91[6-9]\d{9}$/.test(v) ? `+${v}` : v))
  .refine((v) => /^\+[1-9]\d{7,14}$/.test(v), "Enter a mobile number, e.g. +919876543210");

const Email = z.string().trim().toLowerCase().max(254).email("Enter a valid email address");

const RegisterPatientSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the patient's name").max(120, "At most 120 characters"),
    phone: z.preprocess(blankToUndefined, Phone.optional()),
    email: z.preprocess(blankToUndefined, Email.optional()),
  })
  .refine((v) => v.phone !== undefined || v.email !== undefined, { path: ["phone"], message: "Give a mobile number or an email address" });

export type RegisterPatientInput = z.output<typeof RegisterPatientSchema>;

/** A new patient the front desk registers: a name and at least one way to reach them. */
export function parseRegisterPatientInput(input: unknown): RegisterPatientInput {
  return parseInput(RegisterPatientSchema, input);
}
