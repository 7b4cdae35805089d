import { Form } from "@remix-run/react";
import type { BookingPolicyView, HubDoctorView } from "@visitnow/platform/context";
import { Badge, Button, Card, CsrfInput, FormErrorSummary, StatusMessage, TextField, useCan, useT } from "@visitnow/ui";
import { FieldError, one, SectionTitle, type AvailabilityFailure } from "./availability-controls";
import { splitMinutes, type Translate } from "./availability-format";

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

const FIELD_IDS: Record<string, string> = {
  minNotice: "policy-min-notice",
  maxAdvanceDays: "policy-max-advance",
  cancelCutoff: "policy-cancel",
  rescheduleCutoff: "policy-reschedule",
  maxActivePerProvider: "policy-max-active",
  holdMinutes: "policy-hold",
};

/** "90 minutes", "2 hours" */
function duration(minutes: number, t: Translate): string {
  const { value, unit } = splitMinutes(minutes);
  return t(`doctor.availability.policy.${value === 1 ? unit.slice(0, -1) : unit}`, { n: value });
}

/** The booking rules that apply to the doctor: editable for those who may, otherwise read-only. */
export function PolicySection({ doctor, policy, done, failed }: { doctor: HubDoctorView; policy: BookingPolicyView; done: string | null; failed?: AvailabilityFailure }) {
  const t = useT();
  const can = useCan();
  const editable = doctor.allowed.manageAvailability && can("update", "BookingPolicy");
  const own = policy.providerId !== null;
  const rows: [string, string][] = [
    [t("doctor.availability.policy.minNotice"), duration(policy.minNoticeMinutes, t)],
    [t("doctor.availability.policy.maxAdvanceDays"), t("doctor.availability.policy.days", { n: policy.maxAdvanceDays })],
    [t("doctor.availability.policy.cancelCutoff"), duration(policy.cancelCutoffMinutes, t)],
    [t("doctor.availability.policy.rescheduleCutoff"), duration(policy.rescheduleCutoffMinutes, t)],
    [t("doctor.availability.policy.maxActive"), String(policy.maxActivePerProvider)],
    [t("doctor.availability.policy.holdMinutes"), duration(policy.holdMinutes, t)],
  ];

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
          <PolicyForm doctor={doctor} policy={policy} failed={failed} />
        ) : (
          <>
            <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
              {rows.map(([label, value]) => (
                <div key={label} className="rounded-brand bg-muted px-4 py-3">
                  <dt className="text-sm text-muted-foreground">{label}</dt>
                  <dd className="mt-0.5 font-semibold">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-4 text-sm text-muted-foreground">{t("doctor.availability.policy.adminOnly")}</p>
          </>
        )}
      </Card>
    </section>
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

function PolicyForm({ doctor, policy, failed }: { doctor: HubDoctorView; policy: BookingPolicyView; failed?: AvailabilityFailure }) {
  const t = useT();
  const errors = failed?.errors.fieldErrors ?? {};
  const kept = failed?.values;
  return (
    <Form method="post" className="mt-5 flex flex-col gap-5" key={failed ? "failed" : "saved"} aria-label={t("doctor.availability.policy.title")} noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="savePolicy" />
      <input type="hidden" name="providerId" value={doctor.id} />
      <FormErrorSummary errors={failed?.errors} fieldIds={FIELD_IDS} />
      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <DurationField id="policy-min-notice" name="minNotice" label={t("doctor.availability.policy.minNotice")} minutes={policy.minNoticeMinutes} kept={kept} error={errors.minNotice} />
        <TextField
          id="policy-max-advance"
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
        <DurationField id="policy-cancel" name="cancelCutoff" label={t("doctor.availability.policy.cancelCutoff")} minutes={policy.cancelCutoffMinutes} kept={kept} error={errors.cancelCutoff} />
        <DurationField id="policy-reschedule" name="rescheduleCutoff" label={t("doctor.availability.policy.rescheduleCutoff")} minutes={policy.rescheduleCutoffMinutes} kept={kept} error={errors.rescheduleCutoff} />
        <TextField
          id="policy-max-active"
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
          id="policy-hold"
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
        <Button type="submit">{t("doctor.availability.policy.save")}</Button>
      </div>
    </Form>
  );
}
