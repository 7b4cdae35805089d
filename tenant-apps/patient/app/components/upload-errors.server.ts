import type { AppLoadContext } from "@remix-run/node";
import { translate, type FormErrors } from "@visitnow/ui";
import { MAX_FILE_BYTES } from "../uploads.server";

/** Form errors naming each part that was over its size limit, in the request's language. */
export function oversizedErrors(context: AppLoadContext, fields: readonly string[]): FormErrors {
  const message = translate(context.i18n.messages, "patient.join.tooLarge", { size: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
  return { formError: null, fieldErrors: Object.fromEntries(fields.map((field) => [field, message])) };
}
