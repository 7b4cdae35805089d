import { Form } from "@remix-run/react";
import { Button, ButtonLink, CheckboxField, CsrfInput, FieldError, useT } from "@visitnow/ui";

export { CheckboxField, FieldError };
import type { ReactNode } from "react";

/*
 * Form pieces the shared ui package does not have (checkbox and radio groups), styled like
 * its TextField and wired the same way: hint and error tied to the control with
 * aria-describedby. FieldError and CheckboxField come from @visitnow/ui.
 */

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}


/** Checkboxes or radios under one legend; the first control gets `id` itself so error links land on it. */
export function ChoiceGroup({
  id,
  name,
  type,
  legend,
  options,
  checked,
  hint,
  error,
  columns = "grid-cols-2 sm:grid-cols-4",
  className = "",
}: {
  id: string;
  name: string;
  type: "checkbox" | "radio";
  legend: ReactNode;
  options: { value: string; label: ReactNode; id?: string }[];
  checked: readonly string[];
  hint?: ReactNode;
  error?: string;
  columns?: string;
  className?: string;
}) {
  return (
    <fieldset className={className} aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}>
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <div className="mt-2">
          <FieldError id={`${id}-error`} message={error} />
        </div>
      ) : null}
      <div className={`mt-2 grid gap-x-4 gap-y-1 ${columns} ${error ? "rounded-brand border-2 border-danger p-2" : ""}`}>
        {options.map((option, index) => (
          <label key={option.value} className="flex min-h-11 cursor-pointer items-center gap-3 py-1">
            <input
              id={option.id ?? (index === 0 ? id : `${id}-${index}`)}
              type={type}
              name={name}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
              aria-invalid={error ? true : undefined}
              className="size-5 shrink-0 accent-primary"
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
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
