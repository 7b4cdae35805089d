import { useT } from "@visitnow/ui";
import type { ReactNode } from "react";

/*
 * Form pieces the shared ui package does not have (checkbox and radio groups, a single
 * checkbox), styled like its TextField and wired the same way: hint and error tied to
 * the control with aria-describedby. The admin app has twins of these; they belong in
 * @visitnow/ui once both settle.
 */

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/** A field's error message, marked for screen readers. */
export function FieldError({ id, message }: { id: string; message: string }) {
  const t = useT();
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-semibold text-danger">
      <span aria-hidden="true">!</span>
      <span>
        <span className="sr-only">{t("layout.form.errorPrefix")} </span>
        {message}
      </span>
    </p>
  );
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

/** One labelled checkbox (e.g. "Active"). */
export function CheckboxField({ id, name, label, hint, defaultChecked }: { id: string; name: string; label: ReactNode; hint?: ReactNode; defaultChecked?: boolean }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="size-5 shrink-0 accent-primary"
        />
        <span className="font-medium">{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="pl-8 text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
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
