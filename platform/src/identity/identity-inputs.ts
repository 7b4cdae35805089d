import { z } from "zod";

/** Lower-cased, trimmed email. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .email("Enter a valid email address");

/** An Indian 10-digit mobile (with or without +91/0) or any E.164 number, as E.164. */
export const Phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()-]/g, ""))
  .transform((v) => (/^0?[6-9]\d{9}$/.test(v) ? `+91${v.replace(/^0/, "")}` : /^91[6-9]\d{9}$/.test(v) ? `+${v}` : v))
  .refine((v) => /^\+[1-9]\d{7,14}$/.test(v), "Enter a mobile number, e.g. 98765 43210");

export const NewPassword = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(128, "Use at most 128 characters")
  .refine((p) => new Set(p).size >= 4, "Use a less repetitive password");

export const PersonName = z.string().trim().min(1, "Enter a name").max(120);

export const SignUpInput = z.object({
  name: PersonName,
  email: Email,
  password: NewPassword,
  phone: z.literal("").transform(() => undefined).or(Phone.optional()),
});
export const SignInInput = z.object({ email: Email, password: z.string().min(1, "Enter your password").max(128) });
export const SmsRequestInput = z.object({ phone: Phone });
export const SmsVerifyInput = z.object({ phone: Phone, code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code") });
export const SecondFactorInput = z.object({ code: z.string().trim().min(6, "Enter the 6-digit code").max(20) });
export const ProfileInput = z.object({ name: PersonName, phone: Phone.optional().or(z.literal("").transform(() => undefined)) });
export const DependantInput = z.object({
  name: PersonName,
  relationship: z.enum(["child", "parent", "spouse", "sibling", "other"]),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2015-04-30")
    .refine((d) => !Number.isNaN(Date.parse(d)) && Date.parse(d) <= Date.now(), "Use a date in the past")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  gender: z.enum(["female", "male", "other"]).optional().or(z.literal("").transform(() => undefined)),
});
