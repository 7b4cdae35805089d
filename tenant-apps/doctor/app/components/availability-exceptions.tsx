import { Form } from "@remix-run/react";
import type { AvailabilityExceptionView, HubDoctorView } from "@visitnow/platform/context";
import { Badge, Button, ButtonLink, Card, CsrfInput, FormErrorSummary, intlLocale, SelectField, StatusMessage, TextField, useLocale, useT, type BadgeTone } from "@visitnow/ui";
import { ChoiceGroup, one, RemoveConfirm, SectionTitle, smallButton, type AvailabilityFailure, type FormValues } from "./availability-controls";
import { clockRange, shortDate, type Translate } from "./availability-format";

export const EXCEPTION_KINDS = ["time_off", "extra_session", "clinic_holiday"] as const;
type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** The exception form's fields (one form for the three kinds; each kind reads its own). */
export const EXCEPTION_FIELDS = ["kind", "clinicId", "date", "start", "end", "slotMinutes", "note"] as const;

/** Field labels, to name a field in an error that would not make sense alone. */
export function exceptionLabels(t: Translate): Record<string, string> {
  return {
    kind: t("doctor.availability.exceptions.kind"),
    clinicId: t("doctor.availability.field.clinic"),
    date: t("doctor.availability.field.date"),
    start: t("doctor.availability.field.from"),
    end: t("doctor.availability.field.to"),
    slotMinutes: t("doctor.availability.field.slotMinutes"),
    note: t("doctor.availability.field.note"),
  };
}

/**
 * The service input for the kind chosen: time off blocks the doctor everywhere (no clinic),
 * a clinic holiday closes a clinic for the whole day (no doctor, no times), an extra session
 * is a one-day rule.
 */
export function exceptionInput(values: FormValues, providerId: string): Record<string, unknown> {
  const get = (name: string) => one(values, name) ?? "";
  const kind = get("kind");
  const common = { kind, date: get("date"), note: get("note") };
  if (kind === "time_off") return { ...common, providerId, start: get("start"), end: get("end") };
  if (kind === "extra_session") return { ...common, providerId, clinicId: get("clinicId"), start: get("start"), end: get("end"), slotMinutes: get("slotMinutes") };
  if (kind === "clinic_holiday") return { ...common, clinicId: get("clinicId") };
  return { kind };
}

const KIND_TONES: Record<ExceptionKind, BadgeTone> = { time_off: "warning", extra_session: "brand", clinic_holiday: "neutral" };

const FIELD_IDS: Record<string, string> = {
  kind: "exc-kind-time-off",
  clinicId: "exc-clinic",
  date: "exc-date",
  start: "exc-start",
  end: "exc-end",
  slotMinutes: "exc-slot",
  note: "exc-note",
};

/** Time off, extra sessions and clinic holidays from today on, with the add form. */
export function ExceptionsSection({
  doctor,
  canCloseClinic,
  exceptions,
  remove,
  today,
  done,
  failed,
}: {
  doctor: HubDoctorView;
  /** Whether to offer "clinic holiday" (clinic and tenant admins); the server decides again. */
  canCloseClinic: boolean;
  exceptions: AvailabilityExceptionView[];
  remove: string | null;
  today: string;
  done: string | null;
  failed?: AvailabilityFailure;
}) {
  const t = useT();
  const manage = doctor.allowed.manageAvailability;
  return (
    <section aria-labelledby="exceptions" className="flex flex-col gap-4">
      <div>
        <SectionTitle id="exceptions">{t("doctor.availability.exceptions.title")}</SectionTitle>
        <p className="mt-1 text-muted-foreground">{t("doctor.availability.exceptions.lead")}</p>
      </div>
      {done ? <StatusMessage>{t(`doctor.availability.done.${done}`)}</StatusMessage> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] lg:items-start">
        <Card>
          <h3 className="font-heading text-lg font-semibold">{t("doctor.availability.exceptions.upcoming")}</h3>
          {exceptions.length === 0 ? (
            <p className="mt-3 text-muted-foreground">{t("doctor.availability.exceptions.empty")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-border">
              {exceptions.map((exception) => (
                <ExceptionItem key={exception.id} exception={exception} doctor={doctor} manage={manage} confirming={remove === exception.id} />
              ))}
            </ul>
          )}
        </Card>
        {manage ? <ExceptionForm doctor={doctor} kinds={canCloseClinic ? EXCEPTION_KINDS : EXCEPTION_KINDS.filter((k) => k !== "clinic_holiday")} today={today} failed={failed} /> : null}
      </div>
    </section>
  );
}

function ExceptionItem({ exception, doctor, manage, confirming }: { exception: AvailabilityExceptionView; doctor: HubDoctorView; manage: boolean; confirming: boolean }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const date = shortDate(exception.date, tag, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
  const times = exception.start && exception.end ? clockRange(exception.start, exception.end, tag) : t("doctor.availability.exceptions.wholeDay");
  const clinic = exception.clinicId ? (doctor.clinics.find((c) => c.id === exception.clinicId)?.name ?? null) : null;
  const kind = t(`doctor.availability.kind.${exception.kind}`);
  const hidden = `?${new URLSearchParams({ doctor: doctor.id })}`;
  return (
    <li id={`exc-${exception.id}`} className="scroll-mt-6 py-4 first:pt-0 last:pb-0">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={KIND_TONES[exception.kind]}>{kind}</Badge>
        <span className="font-semibold">{date}</span>
      </p>
      <p className="mt-1 text-sm text-muted-foreground">
        {[times, clinic, exception.note].filter(Boolean).join(" · ")}
      </p>
      {manage && !confirming ? (
        <p className="mt-3">
          <ButtonLink to={`${hidden}&remove=${encodeURIComponent(exception.id)}#exc-${exception.id}`} variant="secondary" className={smallButton}>
            {t("doctor.availability.remove")}
            <span className="sr-only"> {`${kind}, ${date}`}</span>
          </ButtonLink>
        </p>
      ) : null}
      {manage && confirming ? (
        <RemoveConfirm
          intent="removeException"
          id={exception.id}
          providerId={doctor.id}
          question={t("doctor.availability.exceptions.confirmRemove", { kind, date })}
          keepHref={`${hidden}#exc-${exception.id}`}
        />
      ) : null}
    </li>
  );
}

/*
 * One form for the three kinds. Fields another kind does not use hide with CSS `:has()`
 * (no JavaScript needed); a browser without `:has()` shows them all, and the action only
 * sends the chosen kind's fields. The radio ids use hyphens: Tailwind reads `_` in an
 * arbitrary variant as a space.
 */
const hideFor = {
  clinic: "[form:has(#exc-kind-time-off:checked)_&]:hidden",
  times: "[form:has(#exc-kind-clinic-holiday:checked)_&]:hidden",
  slot: "[form:has(#exc-kind-time-off:checked)_&]:hidden [form:has(#exc-kind-clinic-holiday:checked)_&]:hidden",
  timeOffHint: "hidden [form:has(#exc-kind-time-off:checked)_&]:block",
};

function ExceptionForm({ doctor, kinds, today, failed }: { doctor: HubDoctorView; kinds: readonly ExceptionKind[]; today: string; failed?: AvailabilityFailure }) {
  const t = useT();
  const errors = failed?.errors.fieldErrors ?? {};
  const kept = failed?.values;
  const value = (name: string, fallback: string) => one(kept, name) ?? fallback;
  const kind = value("kind", "time_off");
  return (
    <Card>
      <h3 id="exception-form" className="scroll-mt-6 font-heading text-lg font-semibold">
        {t("doctor.availability.exceptions.addTitle")}
      </h3>
      <Form method="post" className="mt-4 flex flex-col gap-5" key={failed ? "failed" : "new"} aria-labelledby="exception-form" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="saveException" />
        <input type="hidden" name="providerId" value={doctor.id} />
        <FormErrorSummary errors={failed?.errors} fieldIds={FIELD_IDS} />
        <ChoiceGroup
          id="exc-kind"
          name="kind"
          type="radio"
          legend={t("doctor.availability.exceptions.kind")}
          columns={kinds.length === 3 ? "grid-cols-1 sm:grid-cols-3" : "grid-cols-1 sm:grid-cols-2"}
          options={kinds.map((k) => ({ value: k, id: `exc-kind-${k.replace(/_/g, "-")}`, label: t(`doctor.availability.kind.${k}`) }))}
          checked={[kind]}
          error={errors.kind}
        />
        <div className="grid grid-cols-2 gap-x-3 gap-y-5 sm:gap-x-5">
          <TextField id="exc-date" name="date" type="date" min={today} label={t("doctor.availability.field.date")} defaultValue={value("date", today)} error={errors.date} wrapperClassName="col-span-2 sm:col-span-1" />
          <SelectField
            id="exc-clinic"
            name="clinicId"
            label={t("doctor.availability.field.clinic")}
            options={doctor.clinics.map((c) => ({ value: c.id, label: c.name }))}
            defaultValue={value("clinicId", doctor.clinics[0]?.id ?? "")}
            error={errors.clinicId}
            wrapperClassName={`col-span-2 sm:col-span-1 ${hideFor.clinic}`}
          />
          <TextField id="exc-start" name="start" type="time" label={t("doctor.availability.field.from")} defaultValue={value("start", "")} error={errors.start} wrapperClassName={`col-start-1 ${hideFor.times}`} />
          <TextField id="exc-end" name="end" type="time" label={t("doctor.availability.field.to")} defaultValue={value("end", "")} error={errors.end} wrapperClassName={hideFor.times} />
          <p className={`col-span-2 text-sm text-muted-foreground ${hideFor.timeOffHint}`}>{t("doctor.availability.exceptions.timeOffHint")}</p>
          <TextField
            id="exc-slot"
            name="slotMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            label={t("doctor.availability.field.slotMinutes")}
            hint={t("doctor.availability.exceptions.slotHint")}
            defaultValue={value("slotMinutes", "15")}
            error={errors.slotMinutes}
            wrapperClassName={`col-span-2 sm:col-span-1 ${hideFor.slot}`}
          />
          <TextField
            id="exc-note"
            name="note"
            optional
            maxLength={200}
            label={t("doctor.availability.field.note")}
            defaultValue={value("note", "")}
            error={errors.note}
            wrapperClassName="col-span-2"
          />
        </div>
        <div>
          <Button type="submit">{t("doctor.availability.exceptions.add")}</Button>
        </div>
      </Form>
    </Card>
  );
}
