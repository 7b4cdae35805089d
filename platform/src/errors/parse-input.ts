import type { z } from "zod";
import { ValidationError } from "./domain-error.js";

/**
 * Parses untrusted input at a service's edge: the data, or a `validation_failed` error
 * listing each problem against its field (`fallbackField` for problems with no path).
 */
export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown, fallbackField = "form"): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) {
    throw new ValidationError(
      "Please check the highlighted fields.",
      r.error.issues.map((i) => ({ field: i.path.join(".") || fallbackField, message: i.message })),
    );
  }
  return r.data;
}
