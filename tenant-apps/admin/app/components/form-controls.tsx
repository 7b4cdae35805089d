import { CheckboxField, ChoiceGroup, FieldError, useT } from "@visitnow/ui";

export { CheckboxField, FieldError };
import type { ComponentProps, InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

/*
 * Form pieces the shared ui package does not have yet (text areas, checkbox groups,
 * file inputs), styled like its TextField and wired the same way: hint and error tied
 * to the control with aria-describedby.
 */

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}


function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean }) {
  const t = useT();
  return (
    <label htmlFor={htmlFor} className="font-medium">
      {label}
      {optional ? <span className="font-normal text-muted-foreground"> {t("layout.form.optional")}</span> : null}
    </label>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  wrapperClassName?: string;
};

/** A labelled text area with an optional hint and error. */
export function TextAreaField({ id, name, label, hint, error, optional, wrapperClassName = "", rows = 3, ...rest }: TextAreaFieldProps) {
  return (
    <div className={`flex flex-col gap-1.5 ${wrapperClassName}`}>
      <Label htmlFor={id} label={label} optional={optional} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        className={`w-full rounded-brand border bg-surface px-4 py-3 text-base text-surface-foreground ${error ? "border-2 border-danger" : "border-muted-foreground"}`}
        {...rest}
      />
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  );
}

/** A group of checkboxes under one legend (specialties, clinics, modes). */
export function CheckboxGroup(props: Omit<ComponentProps<typeof ChoiceGroup>, "type">) {
  return <ChoiceGroup type="checkbox" {...props} />;
}


type FileFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type"> & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

/** A labelled file input. */
export function FileField({ id, name, label, hint, error, optional, ...rest }: FileFieldProps) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id} label={label} optional={optional} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        className={`block w-full rounded-brand border bg-surface px-3 py-2.5 text-base text-surface-foreground file:mr-4 file:min-h-10 file:cursor-pointer file:rounded-brand file:border-0 file:bg-secondary file:px-4 file:font-semibold file:text-secondary-foreground ${error ? "border-2 border-danger" : "border-muted-foreground"}`}
        {...rest}
      />
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  );
}

/** A section of a long form: a fieldset with a visible heading-like legend. */
export function FormSection({ title, lead, children, className = "" }: { title: ReactNode; lead?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <fieldset className={`rounded-brand border border-border bg-surface p-5 text-surface-foreground sm:p-6 ${className}`}>
      <legend className="px-1 font-heading text-lg font-semibold">{title}</legend>
      {lead ? <p className="-mt-1 mb-4 text-sm text-muted-foreground">{lead}</p> : null}
      <div className="grid gap-5 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/** Reads a kept value as a string (lists joined). */
export function str(values: Record<string, string | string[]> | undefined, name: string): string | undefined {
  const value = values?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Reads a kept value as a list. */
export function list(values: Record<string, string | string[]> | undefined, name: string): string[] {
  const value = values?.[name];
  if (value === undefined || value === "") return [];
  return Array.isArray(value) ? value : [value];
}
