import { z } from "zod";

/** A short client label such as `android` or `partner-his`; it ends up in the audit log, so a slug only. */
export const ClientLabel = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, "Use up to 40 letters, digits, dots, dashes or underscores, e.g. android");

/** RFC 6749 §4.3 resource owner password grant, with our `audience` and `client`. */
export const PasswordGrantInput = z.object({
  grant_type: z.literal("password", { errorMap: () => ({ message: 'Only grant_type "password" is supported here' }) }),
  audience: z.enum(["patient", "staff"]).default("patient"),
  email: z.string({ required_error: "Enter your email address" }).min(1, "Enter your email address").max(254),
  password: z.string({ required_error: "Enter your password" }).min(1, "Enter your password").max(128),
  client: ClientLabel.optional(),
});

/** A bearer secret in a body: bounded, so hashing junk costs nothing. */
const Secret = (what: string) => z.string({ required_error: `Send the ${what}` }).trim().min(1, `Send the ${what}`).max(200);

export const RefreshInput = z.object({ refresh_token: Secret("refresh token") });

/** RFC 7009: `token_type_hint` is accepted and not needed (the prefix says which kind it is). */
export const RevokeInput = z.object({
  token: Secret("token"),
  token_type_hint: z.enum(["access_token", "refresh_token"]).optional(),
});
