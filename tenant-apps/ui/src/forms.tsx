import { useEffect, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import type { FormErrors } from "./action-errors";
import { useT } from "./i18n";
import { useRootData } from "./root-data";

/** The hidden `_csrf` field every posting form needs; the token comes from the root loader. */
export function CsrfInput() {
  const token = useRootData()?.csrfToken ?? "";
  return <input type="hidden" name="_csrf" value={token} />;
}

const controlBase =
  "min-h-12 w-full rounded-brand border bg-surface px-4 text-base text-surface-foreground placeholder:text-muted-foreground";
const controlBorder = (invalid: boolean) => (invalid ? "border-2 border-danger" : "border-muted-foreground");

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

function FieldFrame({
  id,
  label,
  optional,
  hint,
  error,
  className = "",
  children,
}: {
  id: string;
  label: ReactNode;
  optional?: boolean;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="font-medium">
        {label}
        {optional ? <span className="font-normal text-muted-foreground"> {t("layout.form.optional")}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  );
}

/** A field's error message, marked for screen readers; `id` is what the control's aria-describedby names. */
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

/** One labelled checkbox (e.g. "Active"), with an optional hint tied to it. */
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

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  wrapperClassName?: string;
};

/** A labelled input with an optional hint and a server-rendered error tied to it. */
export function TextField({ id, name, label, hint, error, optional, wrapperClassName, className = "", ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional} className={wrapperClassName}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        className={`${controlBase} ${controlBorder(Boolean(error))} ${className}`}
        {...input}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: ReactNode;
  options: { value: string; label: string }[];
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  wrapperClassName?: string;
};

/** A labelled native select (works everywhere, keyboard and screen reader friendly). */
export function SelectField({ id, name, label, options, hint, error, optional, wrapperClassName, className = "", ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional} className={wrapperClassName}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        className={`${controlBase} ${controlBorder(Boolean(error))} ${className}`}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * The error summary at the top of a form: the form-level message (or "check the
 * fields") and a link to each field in error. Announced as an alert and focused when
 * it appears after a client-side submission.
 */
export function FormErrorSummary({
  errors,
  fieldIds = {},
}: {
  errors: FormErrors | null | undefined;
  /** Field name -> input id, so each message links to its field. */
  fieldIds?: Record<string, string>;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors) ref.current?.focus();
  }, [errors]);
  if (!errors) return null;
  const fields = Object.entries(errors.fieldErrors);
  if (!errors.formError && fields.length === 0) return null;

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-brand border-2 border-danger bg-danger-soft p-4 text-foreground"
    >
      <p className="font-semibold">{errors.formError ?? t("layout.form.checkFields")}</p>
      {fields.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map(([field, message]) => (
            <li key={field}>
              {fieldIds[field] ? (
                <a href={`#${fieldIds[field]}`} className="underline underline-offset-4">
                  {message}
                </a>
              ) : (
                message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A polite confirmation ("Saved") shown after a successful post. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-brand bg-secondary px-4 py-3 font-medium text-secondary-foreground">
      {children}
    </p>
  );
}

/** A submit button that looks like a text link (e.g. "Sign out" in the header). */
export function LinkButton({ className = "", type = "submit", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-11 cursor-pointer items-center rounded-brand px-2 font-medium text-surface-foreground underline underline-offset-4 hover:no-underline ${className}`}
      {...props}
    />
  );
}

/**
 * Checkboxes or radios under one legend, with a hint and an error tied to the group. The
 * first control gets `id` itself (unless an option names its own), so error-summary links
 * land on it; the fieldset is `<id>-group`.
 */
export function ChoiceGroup({
  id,
  name,
  type = "checkbox",
  legend,
  options,
  checked,
  hint,
  error,
  optional,
  columns = "sm:grid-cols-2",
  className = "",
}: {
  id: string;
  name: string;
  type?: "checkbox" | "radio";
  legend: ReactNode;
  options: { value: string; label: ReactNode; detail?: ReactNode; id?: string }[];
  checked: readonly string[];
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  columns?: string;
  className?: string;
}) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={`${id}-group`} className={className} aria-describedby={describedBy}>
      <legend className="font-medium">
        {legend}
        {optional ? <span className="font-normal text-muted-foreground"> {t("layout.form.optional")}</span> : null}
      </legend>
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
          <label key={option.value} className="flex min-h-11 cursor-pointer items-start gap-3 py-2">
            <input
              id={option.id ?? (index === 0 ? id : `${id}-${index}`)}
              type={type}
              name={name}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
              aria-invalid={error ? true : undefined}
              className="mt-0.5 size-5 shrink-0 accent-primary"
            />
            <span className="flex flex-col">
              <span>{option.label}</span>
              {option.detail ? <span className="text-sm text-muted-foreground">{option.detail}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
