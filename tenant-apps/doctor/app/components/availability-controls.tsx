import { Form } from "@remix-run/react";
import { Button, ButtonLink, CheckboxField, ChoiceGroup as SharedChoiceGroup, CsrfInput, FieldError, useT } from "@visitnow/ui";
import type { ComponentProps, ReactNode } from "react";

// Form pieces of the availability page; the controls themselves come from @visitnow/ui.

export { CheckboxField, FieldError };

/** The shared choice group, four columns on wider screens unless told otherwise (weekdays, kinds). */
export function ChoiceGroup({ columns = "grid-cols-2 sm:grid-cols-4", ...props }: ComponentProps<typeof SharedChoiceGroup>) {
  return <SharedChoiceGroup columns={columns} {...props} />;
}

/** A page section's `<h2>`, a scroll target for `#id` after a redirect. */
export function SectionTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="scroll-mt-6 font-heading text-xl font-semibold sm:text-2xl">
      {children}
    </h2>
  );
}

/** Small secondary buttons and links in lists. */
export const smallButton = "min-h-11 px-4 py-1.5 text-sm";

/** What a form posted, as strings (checkbox groups as arrays), to refill it after a failure. */
export type FormValues = Record<string, string | string[]>;

/** What the availability page's action hands back to the form that failed. */
export interface AvailabilityFailure {
  intent: string;
  errors: import("@visitnow/ui").FormErrors;
  values: FormValues;
}

/** A posted value as one string ("" when missing). */
export function one(values: FormValues | undefined, name: string): string | undefined {
  const value = values?.[name];
  return value === undefined ? undefined : Array.isArray(value) ? value.join(",") : value;
}

/** "Remove this?" in place, as a form that works without JavaScript: confirm posts `intent` for `id`; keep goes back to `keepHref`. */
export function RemoveConfirm({ intent, id, providerId, question, detail, keepHref }: { intent: string; id: string; providerId: string; question: ReactNode; detail?: ReactNode; keepHref: string }) {
  const t = useT();
  return (
    <Form method="post" className="mt-3 rounded-brand border-2 border-danger bg-danger-soft p-4" aria-labelledby={`remove-${id}`}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="providerId" value={providerId} />
      <p id={`remove-${id}`} className="font-semibold">
        {question}
      </p>
      {detail ? <p className="mt-1 text-sm">{detail}</p> : null}
      <p className="mt-3 flex flex-wrap gap-2">
        <Button type="submit" className={smallButton} autoFocus>
          {t("doctor.availability.removeConfirm")}
        </Button>
        <ButtonLink to={keepHref} variant="secondary" className={smallButton}>
          {t("doctor.availability.keep")}
        </ButtonLink>
      </p>
    </Form>
  );
}
