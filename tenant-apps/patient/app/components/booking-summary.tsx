import { Link } from "@remix-run/react";
import type { AppointmentDetailView, AppointmentStatus } from "@visitnow/platform/context";
import { Badge, intlLocale, useLocale, useT } from "@visitnow/ui";
import type { TextareaHTMLAttributes } from "react";
import { formatDateIn, formatTimeIn, statusTone } from "./booking-slots";
import { formatMoney } from "./format";

/** The status as a badge; its text is the status itself ("Checked in"). */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const t = useT();
  return <Badge tone={statusTone(status)}>{t(`patient.appointments.status.${status}`)}</Badge>;
}

/** "10:15 – 10:30 am" style range of an appointment in `zone`. */
export function useTimeRange() {
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  return (startsAt: string, endsAt: string, zone: string) => `${formatTimeIn(startsAt, zone, tag)} – ${formatTimeIn(endsAt, zone, tag)}`;
}

/**
 * What, when, where and for whom: the facts of one appointment as a description list.
 * Times in `zone` (the patient's), with the clinic's own time added when it differs.
 */
export function AppointmentFacts({
  appointment,
  zone,
  showVisitor = true,
  showReason = false,
}: {
  appointment: AppointmentDetailView;
  zone: string;
  showVisitor?: boolean;
  showReason?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const range = useTimeRange();
  const otherZone = appointment.timeZone !== zone;
  const row = "grid gap-0.5 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-4";
  return (
    <dl className="flex flex-col gap-4">
      <div className={row}>
        <dt className="text-sm text-muted-foreground">{t("patient.booking.facts.doctor")}</dt>
        <dd className="font-semibold">
          <Link to={`/doctors/${appointment.providerSlug}`} className="underline-offset-4 hover:underline">
            {appointment.providerName}
          </Link>
        </dd>
      </div>
      <div className={row}>
        <dt className="text-sm text-muted-foreground">{t("patient.booking.facts.when")}</dt>
        <dd>
          <span className="block font-semibold">{formatDateIn(appointment.startsAt, zone, tag)}</span>
          <span className="block">{range(appointment.startsAt, appointment.endsAt, zone)}</span>
          {otherZone ? (
            <span className="block text-sm text-muted-foreground">
              {t("patient.booking.facts.zones", {
                zone: zone.replace(/_/g, " "),
                clinicTime: formatTimeIn(appointment.startsAt, appointment.timeZone, tag),
                clinicZone: appointment.timeZone.replace(/_/g, " "),
              })}
            </span>
          ) : null}
        </dd>
      </div>
      <div className={row}>
        <dt className="text-sm text-muted-foreground">{t("patient.booking.facts.where")}</dt>
        <dd>
          <span className="block font-semibold">{appointment.clinicName}</span>
          {appointment.clinicAddress ? <address className="not-italic text-muted-foreground">{appointment.clinicAddress}</address> : null}
          {appointment.mode === "video" ? <span className="block text-sm">{t("patient.booking.facts.video")}</span> : null}
        </dd>
      </div>
      {showVisitor ? (
        <div className={row}>
          <dt className="text-sm text-muted-foreground">{t("patient.booking.facts.for")}</dt>
          <dd className="font-semibold">
            {appointment.visitor.name}
            {appointment.visitor.kind === "self" ? <span className="font-normal text-muted-foreground"> {t("patient.booking.facts.you")}</span> : null}
          </dd>
        </div>
      ) : null}
      {showReason && appointment.reason ? (
        <div className={row}>
          <dt className="text-sm text-muted-foreground">{t("patient.booking.facts.reason")}</dt>
          <dd className="whitespace-pre-line break-words">{appointment.reason}</dd>
        </div>
      ) : null}
      {appointment.fee ? (
        <div className={row}>
          <dt className="text-sm text-muted-foreground">{t("patient.booking.facts.fee")}</dt>
          <dd>
            <span className="font-semibold">{formatMoney(appointment.fee, tag)}</span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** A labelled multi-line field in the same style as `TextField`. */
export function TextAreaField({
  id,
  name,
  label,
  hint,
  error,
  optional,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}) {
  const t = useT();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium">
        {label}
        {optional ? <span className="font-normal text-muted-foreground"> {t("layout.form.optional")}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={`w-full rounded-brand border bg-surface px-4 py-3 text-base text-surface-foreground placeholder:text-muted-foreground ${
          error ? "border-2 border-danger" : "border-muted-foreground"
        }`}
        {...rest}
      />
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm font-semibold text-danger">
          <span aria-hidden="true">!</span>
          <span>
            <span className="sr-only">{t("layout.form.errorPrefix")} </span>
            {error}
          </span>
        </p>
      ) : null}
    </div>
  );
}
