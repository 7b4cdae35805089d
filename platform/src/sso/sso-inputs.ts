import { z } from "zod";

/** Roles an SSO provider may grant: staff roles only, never `patient`. */
export const SSO_STAFF_ROLES = ["doctor", "front_desk", "clinic_admin", "tenant_admin", "finance", "support"] as const;

const StaffRoleInput = z.enum(SSO_STAFF_ROLES, { errorMap: () => ({ message: `Choose one of: ${SSO_STAFF_ROLES.join(", ")}` }) });

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter a domain such as hospital.example");

/** Accepts a list or one comma/space/newline-separated string (a textarea). */
const DomainList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v),
  z
    .array(Domain)
    .min(1, "Add at least one email domain whose staff may sign in")
    .max(20, "Use at most 20 domains")
    .transform((ds) => [...new Set(ds)]),
);

export const RoleMappingInput = z
  .object({
    claim: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_:./-]{1,100}$/, "Enter the ID-token claim that carries groups or roles, e.g. groups"),
    map: z
      .record(z.string().trim().min(1).max(200), StaffRoleInput)
      .refine((m) => Object.keys(m).length <= 50, "Map at most 50 values"),
  })
  .strict();

/** What a tenant admin submits on Security page of the admin console. */
export const SaveProviderInput = z
  .object({
    /** Absent to add a provider; present to change one. */
    id: z.string().uuid().optional(),
    name: z.string().trim().min(1, "Enter a name staff will recognise, e.g. Hospital Google account").max(80),
    issuer: z.string().trim().min(1, "Enter the issuer URL").max(500),
    clientId: z.string().trim().min(1, "Enter the client ID").max(255),
    /** Required when adding; leave empty when changing to keep the stored secret. */
    clientSecret: z
      .string()
      .max(512)
      .optional()
      .transform((s) => (s && s.length ? s : undefined)),
    allowedEmailDomains: DomainList,
    roleMapping: RoleMappingInput.default({ claim: "groups", map: {} }),
    defaultRole: z
      .union([StaffRoleInput, z.literal(""), z.null()])
      .optional()
      .transform((r) => (r ? r : null)),
    enabled: z.boolean().default(true),
  })
  .strict();

export type SaveProviderInputValue = z.output<typeof SaveProviderInput>;
