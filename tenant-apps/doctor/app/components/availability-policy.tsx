import { Form, Link } from "@remix-run/react";
import type { BookingPolicyView, HubDoctorView } from "@visitnow/platform/context";
import { Badge, Button, Card, CsrfInput, FormErrorSummary, StatusMessage, textLinkClass, TextField, useCan, useT } from "@visitnow/ui";
import { FieldError, one, SectionTitle, type AvailabilityFailure } from "./availability-controls";
import { joinMinutes, splitMinutes, type Translate } from "./availability-format";

/** The policy form's fields: durations as a number and a unit, turned into minutes by the action. */
export const POLICY_FIELDS = [
  "minNotice",
  "minNoticeUnit",
  "maxAdvanceDays",
  "cancelCutoff",
  "cancelCutoffUnit",
  "rescheduleCutoff",
  "rescheduleCutoffUnit",
  "maxActivePerProvider",
  "holdMinutes",
] as const;

/** Field labels, to name a field in an error that would not make sense alone. */
export function policyLabels(t: Translate): Record<string, string> {
  return {
    minNotice: t("doctor.availability.policy.minNotice"),
    maxAdvanceDays: t("doctor.availability.policy.maxAdvanceDays"),
    cancelCutoff: t("doctor.availability.policy.cancelCutoff"),
    rescheduleCutoff: t("doctor.availability.policy.rescheduleCutoff"),
    maxActivePerProvider: t("doctor.availability.policy.maxActive"),
    holdMinutes: t("doctor.availability.policy.holdMinutes"),
  };
}

/** The form's field ids under a prefix (two policy forms share the page). */
function fieldIds(prefix: string): Record<string, string> {
  return {
    minNotice: `${prefix}-min-notice`,
    maxAdvanceDays: `${prefix}-max-advance`,
    cancelCutoff: `${prefix}-cancel`,
    rescheduleCutoff: `${prefix}-reschedule`,
    maxActivePerProvider: `${prefix}-max-active`,
    holdMinutes: `${prefix}-hold`,
  };
}

/** A policy form's fields as the service takes them (`providerId` blank = the hospital default). */
export function policyInput(kept: Record<string, string | string[] | undefined>, providerId: string): Record<string, unknown> {
  const s = (name: string) => String(kept[name] ?? "");
  return {
    providerId,
    minNoticeMinutes: joinMinutes(s("minNotice"), s("minNoticeUnit")),
    maxAdvanceDays: kept.maxAdvanceDays,
    cancelCutoffMinutes: joinMinutes(s("cancelCutoff"), s("cancelCutoffUnit")),
    rescheduleCutoffMinutes: joinMinutes(s("rescheduleCutoff"), s("rescheduleCutoffUnit")),
    maxActivePerProvider: kept.maxActivePerProvider,
    holdMinutes: kept.holdMinutes,
  };
}

/** Service field names -> the form's, for errors. */
export const POLICY_RENAME: Record<string, string> = { minNoticeMinutes: "minNotice", cancelCutoffMinutes: "cancelCutoff", rescheduleCutoffMinutes: "rescheduleCutoff" };

/** "90 minutes", "2 hours" */
function duration(minutes: number, t: Translate): string {
  const { value, unit } = splitMinutes(minutes);
  return t(`doctor.availability.policy.${value === 1 ? unit.slice(0, -1) : unit}`, { n: value });
}

/** The policy's numbers, read-only. */
function PolicyFacts({ policy }: { policy: BookingPolicyView }) {
  const t = useT();
  const rows: [string, string][] = [
    [t("doctor.availability.policy.minNotice"), duration(policy.minNoticeMinutes, t)],
    [t("doctor.availability.policy.maxAdvanceDays"), t("doctor.availability.policy.days", { n: policy.maxAdvanceDays })],
    [t("doctor.availability.policy.cancelCutoff"), duration(policy.cancelCutoffMinutes, t)],
    [t("doctor.availability.policy.rescheduleCutoff"), duration(policy.rescheduleCutoffMinutes, t)],
    [t("doctor.availability.policy.maxActive"), String(policy.maxActivePerProvider)],
    [t("doctor.availability.policy.holdMinutes"), duration(policy.holdMinutes, t)],
  ];
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      {rows.map(([label, value]) => (
        <div key={label} className="rounded-brand bg-muted px-4 py-3">
          <dt className="text-sm text-muted-foreground">{label}</dt>
          <dd className="mt-0.5 font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The booking rules that apply to the doctor: editable for those who may, otherwise
 * read-only. A doctor who follows the hospital default gets rules of their own when the
 * form is saved (the default itself is edited in `DefaultPolicySection`).
 */
export function PolicySection({
  doctor,
  policy,
  done,
  failed,
  hasDefaultSection = false,
}: {
  doctor: HubDoctorView;
  policy: BookingPolicyView;
  done: string | null;
  failed?: AvailabilityFailure;
  /** The page also shows the hospital default's form, so the note can point to it. */
  hasDefaultSection?: boolean;
}) {
  const t = useT();
  const can = useCan();
  const editable = doctor.allowed.manageAvailability && can("update", "BookingPolicy");
  const own = policy.providerId !== null;

  return (
    <section aria-labelledby="policy" className="flex flex-col gap-4">
      <div>
        <SectionTitle id="policy">{t("doctor.availability.policy.title")}</SectionTitle>
        <p className="mt-1 text-muted-foreground">{t("doctor.availability.policy.lead")}</p>
      </div>
      {done ? <StatusMessage>{t(`doctor.availability.done.${done}`)}</StatusMessage> : null}
      <Card>
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={own ? "brand" : "neutral"}>{own ? t("doctor.availability.policy.ownBadge") : t("doctor.availability.policy.defaultBadge")}</Badge>
          <span className="text-sm text-muted-foreground">
            {own ? t("doctor.availability.policy.own", { name: doctor.name }) : t("doctor.availability.policy.default", { name: doctor.name })}
          </span>
        </p>
        {editable ? (
          <>
            {own ? null : (
              <p className="mt-3 text-sm">
                {t("doctor.availability.policy.createOwn", { name: doctor.name })}{" "}
                {hasDefaultSection ? (
                  <a href="#default-policy" className={textLinkClass}>
                    {t("doctor.availability.policy.toDefault")}
                  </a>
                ) : null}
              </p>
            )}
            <PolicyForm
              prefix="policy"
              intent="savePolicy"
              providerId={doctor.id}
              doctorId={doctor.id}
              policy={policy}
              failed={failed}
              label={t("doctor.availability.policy.formLabel", { name: doctor.name })}
              submit={own ? t("doctor.availability.policy.save") : t("doctor.availability.policy.saveOwn", { name: doctor.name })}
            />
            {own ? (
              <Form method="post" className="mt-4 border-t border-border pt-4">
                <CsrfInput />
                <input type="hidden" name="intent" value="removePolicy" />
                <input type="hidden" name="providerId" value={doctor.id} />
                <p className="text-sm text-muted-foreground">{t("doctor.availability.policy.useDefaultLead", { name: doctor.name })}</p>
                <Button type="submit" variant="secondary" className="mt-2">
                  {t("doctor.availability.policy.useDefault")}
                </Button>
              </Form>
            ) : null}
          </>
        ) : (
          <>
            <PolicyFacts policy={policy} />
            <p className="mt-4 text-sm text-muted-foreground">{t("doctor.availability.policy.adminOnly")}</p>
          </>
        )}
      </Card>
    </section>
  );
}

/**
 * The hospital's default booking rules (for those who may change them): which doctors
 * follow them, and the form. `doctorId` is the doctor the page shows, kept across the save.
 */
export function DefaultPolicySection({
  policy,
  followers,
  own,
  doctorId,
  done,
  failed,
}: {
  policy: BookingPolicyView;
  /** Doctors without rules of their own. */
  followers: { id: string; name: string }[];
  /** Doctors with rules of their own (the default does not touch them). */
  own: { id: string; name: string }[];
  doctorId: string;
  done: string | null;
  failed?: AvailabilityFailure;
}) {
  const t = useT();
  const total = followers.length + own.length;
  const summary =
    total === 0
      ? t("doctor.availability.defaultPolicy.noDoctors")
      : followers.length === 0
        ? t("doctor.availability.defaultPolicy.noFollowers")
        : own.length === 0
          ? t("doctor.availability.defaultPolicy.followersAll", { total })
          : t("doctor.availability.defaultPolicy.followersSome", { count: followers.length, total });
  return (
    <section aria-labelledby="default-policy" className="flex flex-col gap-4">
      <div>
        <SectionTitle id="default-policy">{t("doctor.availability.defaultPolicy.title")}</SectionTitle>
        <p className="mt-1 text-muted-foreground">{t("doctor.availability.defaultPolicy.lead")}</p>
      </div>
      {done ? <StatusMessage>{t(`doctor.availability.done.${done}`)}</StatusMessage> : null}
      <Card>
        <p className="font-semibold">{summary}</p>
        {followers.length ? <p className="mt-1 text-sm text-muted-foreground">{t("doctor.availability.defaultPolicy.appliesAtOnce")}</p> : null}
        {own.length ? (
          <div className="mt-3">
            <h3 id="default-policy-own" className="text-sm font-medium">
              {t("doctor.availability.defaultPolicy.ownRules")}
            </h3>
            <DoctorLinks doctors={own} labelledBy="default-policy-own" />
          </div>
        ) : null}
        {followers.length ? (
          <details className="mt-3">
            <summary className="min-h-11 cursor-pointer rounded-brand py-2 font-medium">
              {t("doctor.availability.defaultPolicy.followers", { count: followers.length })}
            </summary>
            <DoctorLinks doctors={followers} label={t("doctor.availability.defaultPolicy.followersList")} />
          </details>
        ) : null}
        <div className="mt-5 border-t border-border pt-1">
          <PolicyForm
            prefix="default-policy"
            intent="saveDefaultPolicy"
            providerId=""
            doctorId={doctorId}
            policy={policy}
            failed={failed}
            label={t("doctor.availability.defaultPolicy.title")}
            submit={t("doctor.availability.defaultPolicy.save")}
          />
        </div>
      </Card>
    </section>
  );
}

/** Doctors' names, each a link to their booking rules on this page. */
function DoctorLinks({ doctors, label, labelledBy }: { doctors: { id: string; name: string }[]; label?: string; labelledBy?: string }) {
  return (
    <ul className="flex flex-wrap gap-x-4" aria-label={label} aria-labelledby={labelledBy}>
      {doctors.map((doctor) => (
        <li key={doctor.id}>
          <Link to={`/availability?doctor=${encodeURIComponent(doctor.id)}#policy`} className={`${textLinkClass} inline-flex min-h-11 items-center`}>
            {doctor.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function DurationField({
  id,
  name,
  label,
  minutes,
  kept,
  error,
}: {
  id: string;
  name: string;
  label: string;
  minutes: number;
  kept?: AvailabilityFailure["values"];
  error?: string;
}) {
  const t = useT();
  const split = splitMinutes(minutes);
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 font-medium">{label}</legend>
      <div className="flex gap-2">
        <label htmlFor={id} className="sr-only">
          {t("doctor.availability.policy.amount", { field: label })}
        </label>
        <input
          id={id}
          name={name}
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={one(kept, name) ?? String(split.value)}
          aria-invalid={error ? true : undefined}
          className={`min-h-12 w-28 rounded-brand border bg-surface px-4 text-base text-surface-foreground ${error ? "border-2 border-danger" : "border-muted-foreground"}`}
        />
        <label htmlFor={`${id}-unit`} className="sr-only">
          {t("doctor.availability.policy.unit", { field: label })}
        </label>
        <select
          id={`${id}-unit`}
          name={`${name}Unit`}
          defaultValue={one(kept, `${name}Unit`) ?? split.unit}
          className="min-h-12 flex-1 rounded-brand border border-muted-foreground bg-surface px-4 text-base text-surface-foreground"
        >
          <option value="minutes">{t("doctor.availability.policy.unitMinutes")}</option>
          <option value="hours">{t("doctor.availability.policy.unitHours")}</option>
        </select>
      </div>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </fieldset>
  );
}

function PolicyForm({
  prefix,
  intent,
  providerId,
  doctorId,
  policy,
  failed,
  label,
  submit,
}: {
  prefix: string;
  intent: "savePolicy" | "saveDefaultPolicy";
  /** Whose rules the form saves: a doctor's id, or "" for the hospital default. */
  providerId: string;
  /** The doctor the page shows, to come back to after saving. */
  doctorId: string;
  policy: BookingPolicyView;
  failed?: AvailabilityFailure;
  label: string;
  submit: string;
}) {
  const t = useT();
  const errors = failed?.errors.fieldErrors ?? {};
  const kept = failed?.values;
  const ids = fieldIds(prefix);
  return (
    <Form method="post" className="mt-5 flex flex-col gap-5" key={failed ? "failed" : "saved"} aria-label={label} noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="providerId" value={providerId} />
      <input type="hidden" name="doctor" value={doctorId} />
      <FormErrorSummary errors={failed?.errors} fieldIds={ids} />
      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <DurationField id={ids.minNotice!} name="minNotice" label={t("doctor.availability.policy.minNotice")} minutes={policy.minNoticeMinutes} kept={kept} error={errors.minNotice} />
        <TextField
          id={ids.maxAdvanceDays!}
          name="maxAdvanceDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          label={t("doctor.availability.policy.maxAdvanceDays")}
          hint={t("doctor.availability.policy.daysHint")}
          defaultValue={one(kept, "maxAdvanceDays") ?? String(policy.maxAdvanceDays)}
          error={errors.maxAdvanceDays}
        />
        <DurationField id={ids.cancelCutoff!} name="cancelCutoff" label={t("doctor.availability.policy.cancelCutoff")} minutes={policy.cancelCutoffMinutes} kept={kept} error={errors.cancelCutoff} />
        <DurationField id={ids.rescheduleCutoff!} name="rescheduleCutoff" label={t("doctor.availability.policy.rescheduleCutoff")} minutes={policy.rescheduleCutoffMinutes} kept={kept} error={errors.rescheduleCutoff} />
        <TextField
          id={ids.maxActivePerProvider!}
          name="maxActivePerProvider"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          label={t("doctor.availability.policy.maxActive")}
          defaultValue={one(kept, "maxActivePerProvider") ?? String(policy.maxActivePerProvider)}
          error={errors.maxActivePerProvider}
        />
        <TextField
          id={ids.holdMinutes!}
          name="holdMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          label={t("doctor.availability.policy.holdMinutes")}
          hint={t("doctor.availability.policy.holdHint")}
          defaultValue={one(kept, "holdMinutes") ?? String(policy.holdMinutes)}
          error={errors.holdMinutes}
        />
      </div>
      <div>
        <Button type="submit">{submit}</Button>
      </div>
    </Form>
  );
}
