import { useT } from "@visitnow/ui";
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/*
 * Form controls the shared UI kit does not have yet (grouped selects, text areas,
 * checkbox groups, file inputs), styled like its TextField/SelectField.
 */

const controlBase = "w-full rounded-brand border bg-surface px-4 text-base text-surface-foreground placeholder:text-muted-foreground";
const border = (invalid: boolean) => (invalid ? "border-2 border-danger" : "border-muted-foreground");

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

function Optional({ optional, required }: { optional?: boolean; required?: boolean }) {
  const t = useT();
  if (optional) return <span className="font-normal text-muted-foreground"> {t("layout.form.optional")}</span>;
  if (required) return <span className="font-normal text-muted-foreground"> {t("patient.form.required")}</span>;
  return null;
}

/** The error line under a field, tied to it by `${id}-error`. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm font-semibold text-danger">
      <span aria-hidden="true">!</span>
      <span>
        <span className="sr-only">{t("layout.form.errorPrefix")} </span>
        {error}
      </span>
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="text-sm text-muted-foreground">
      {hint}
    </p>
  );
}

export interface OptionGroup {
  /** Shown as an `<optgroup>` label; null for options outside any group. */
  label: string | null;
  options: { value: string; label: string }[];
}

type GroupedSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: ReactNode;
  groups: OptionGroup[];
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  wrapperClassName?: string;
};

/** A labelled native select whose options may sit in `<optgroup>`s (e.g. areas by city). */
export function GroupedSelect({ id, name, label, groups, hint, error, optional, wrapperClassName = "", className = "", ...select }: GroupedSelectProps) {
  return (
    <div className={`flex flex-col gap-1.5 ${wrapperClassName}`}>
      <label htmlFor={id} className="font-medium">
        {label}
        <Optional optional={optional} />
      </label>
      <Hint id={id} hint={hint} />
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        className={`min-h-12 ${controlBase} ${border(Boolean(error))} ${className}`}
        {...select}
      >
        {groups.map((group, index) =>
          group.label === null ? (
            group.options.map((option) => (
              <option key={`${index}-${option.value}`} value={option.value}>
                {option.label}
              </option>
            ))
          ) : (
            <optgroup key={`${index}-${group.label}`} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
      <FieldError id={id} error={error} />
    </div>
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

/** A labelled multi-line text box with hint and error. */
export function TextAreaField({ id, name, label, hint, error, optional, wrapperClassName = "", className = "", rows = 4, ...area }: TextAreaFieldProps) {
  return (
    <div className={`flex flex-col gap-1.5 ${wrapperClassName}`}>
      <label htmlFor={id} className="font-medium">
        {label}
        <Optional optional={optional} />
      </label>
      <Hint id={id} hint={hint} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        className={`py-3 leading-relaxed ${controlBase} ${border(Boolean(error))} ${className}`}
        {...area}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/**
 * A fieldset of checkboxes (or radios) with a legend, a hint and one error. The
 * fieldset carries `id` so an error summary can link to the group.
 */
export function ChoiceGroup({
  id,
  name,
  legend,
  options,
  selected,
  type = "checkbox",
  hint,
  error,
  optional,
  required,
  columns = 1,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  options: { value: string; label: ReactNode; description?: ReactNode }[];
  selected: readonly string[];
  type?: "checkbox" | "radio";
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  required?: boolean;
  columns?: 1 | 2;
}) {
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
      className={`flex flex-col gap-2 rounded-brand ${error ? "border-2 border-danger p-3" : ""}`}
    >
      <legend className="mb-1.5 font-medium">
        {legend}
        <Optional optional={optional} required={required} />
      </legend>
      <Hint id={id} hint={hint} />
      <div className={`grid gap-2 ${columns === 2 ? "sm:grid-cols-2" : ""}`}>
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          return (
            <label
              key={option.value}
              htmlFor={optionId}
              className="flex min-h-11 cursor-pointer items-start gap-3 rounded-brand border border-border bg-surface px-3 py-2.5 has-[:checked]:border-primary has-[:checked]:bg-secondary has-[:checked]:text-secondary-foreground"
            >
              <input
                id={optionId}
                type={type}
                name={name}
                value={option.value}
                defaultChecked={selected.includes(option.value)}
                className="mt-1 size-5 shrink-0 accent-primary"
              />
              <span className="flex flex-col">
                <span className="font-medium">{option.label}</span>
                {option.description ? <span className="text-sm opacity-80">{option.description}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** A labelled file input; browsers never refill these, so the caller says when files must be chosen again. */
export function FileField({
  id,
  name,
  label,
  accept,
  hint,
  error,
  optional,
  required,
  status,
}: {
  id: string;
  name: string;
  label: ReactNode;
  accept: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  required?: boolean;
  /** Extra line under the label, e.g. the document's current status. */
  status?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium">
        {label}
        <Optional optional={optional} required={required} />
      </label>
      {status}
      <Hint id={id} hint={hint} />
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        className={`min-h-12 py-2 ${controlBase} ${border(Boolean(error))} file:mr-3 file:min-h-9 file:cursor-pointer file:rounded-brand file:border-0 file:bg-secondary file:px-3 file:font-semibold file:text-secondary-foreground`}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
