import { Form, Link } from "@remix-run/react";
import type { AvailabilityRuleView, HubDoctorView } from "@visitnow/platform/context";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  CsrfInput,
  FormErrorSummary,
  intlLocale,
  SelectField,
  StatusMessage,
  TextField,
  useLocale,
  useT,
} from "@visitnow/ui";
import { ChoiceGroup, CheckboxField, one, RemoveConfirm, SectionTitle, smallButton, type AvailabilityFailure } from "./availability-controls";
import { breaksText, ruleSummaryParts, shortDate, weekdayNames, type Translate } from "./availability-format";

/** The rule form's fields, as the service reads them (`providerId` comes from the page's doctor). */
export const RULE_FIELDS = [
  "id",
  "clinicId",
  "weekdays",
  "start",
  "end",
  "slotMinutes",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "capacity",
  "mode",
  "breaks",
  "validFrom",
  "validUntil",
  "active",
] as const;

/** Field labels, to name a field in an error that would not make sense alone. */
export function ruleLabels(t: Translate): Record<string, string> {
  return {
    clinicId: t("doctor.availability.field.clinic"),
    weekdays: t("doctor.availability.field.weekdays"),
    start: t("doctor.availability.field.start"),
    end: t("doctor.availability.field.end"),
    slotMinutes: t("doctor.availability.field.slotMinutes"),
    bufferBeforeMinutes: t("doctor.availability.field.bufferBefore"),
    bufferAfterMinutes: t("doctor.availability.field.bufferAfter"),
    capacity: t("doctor.availability.field.capacity"),
    mode: t("doctor.availability.field.mode"),
    breaks: t("doctor.availability.field.breaks"),
    validFrom: t("doctor.availability.field.validFrom"),
    validUntil: t("doctor.availability.field.validUntil"),
  };
}

const FIELD_IDS: Record<string, string> = {
  clinicId: "rule-clinic",
  weekdays: "rule-weekdays",
  start: "rule-start",
  end: "rule-end",
  slotMinutes: "rule-slot",
  bufferBeforeMinutes: "rule-buffer-before",
  bufferAfterMinutes: "rule-buffer-after",
  capacity: "rule-capacity",
  mode: "rule-mode",
  breaks: "rule-breaks",
  validFrom: "rule-valid-from",
  validUntil: "rule-valid-until",
};

function pageLink(doctorId: string, extra: Record<string, string>, hash: string): string {
  return `?${new URLSearchParams({ doctor: doctorId, ...extra })}#${hash}`;
}

/** Weekly hours: the doctor's rules grouped by clinic, each editable and removable, and the add/edit form. */
export function RulesSection({
  doctor,
  rules,
  editId,
  remove,
  today,
  done,
  failed,
}: {
  doctor: HubDoctorView;
  rules: AvailabilityRuleView[];
  editId: string | null;
  remove: string | null;
  today: string;
  done: string | null;
  failed?: AvailabilityFailure;
}) {
  const t = useT();
  const manage = doctor.allowed.manageAvailability;
  const clinicIds = [...new Set([...doctor.clinics.map((c) => c.id), ...rules.map((r) => r.clinicId)])];
  const clinicName = (id: string) => doctor.clinics.find((c) => c.id === id)?.name ?? t("doctor.availability.unknownClinic");
  const editing = rules.find((rule) => rule.id === editId) ?? null;

  return (
    <section aria-labelledby="hours" className="flex flex-col gap-4">
      <div>
        <SectionTitle id="hours">{t("doctor.availability.hours.title")}</SectionTitle>
        <p className="mt-1 text-muted-foreground">{t("doctor.availability.hours.lead")}</p>
      </div>
      {done ? <StatusMessage>{t(`doctor.availability.done.${done}`)}</StatusMessage> : null}
      {rules.length === 0 ? (
        <p className="rounded-brand border border-dashed border-border bg-surface px-4 py-6 text-center text-muted-foreground">{t("doctor.availability.hours.empty")}</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {clinicIds
            .filter((id) => rules.some((r) => r.clinicId === id))
            .map((clinicId) => (
              <Card key={clinicId}>
                <h3 className="font-heading text-lg font-semibold">{clinicName(clinicId)}</h3>
                <ul className="mt-3 divide-y divide-border">
                  {rules
                    .filter((r) => r.clinicId === clinicId)
                    .map((rule) => (
                      <RuleItem key={rule.id} rule={rule} doctorId={doctor.id} manage={manage} confirming={remove === rule.id} />
                    ))}
                </ul>
              </Card>
            ))}
        </div>
      )}
      {manage ? (
        editing || failed || rules.length === 0 ? (
          <RuleForm doctor={doctor} editing={editing} today={today} failed={failed} />
        ) : (
          // Closed until wanted, so the list stays the first thing on the page; a plain <details> needs no script.
          <details className="group">
            <summary className="inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-brand bg-secondary px-5 py-2.5 font-semibold text-secondary-foreground hover:brightness-95 group-open:mb-4 [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true">+</span>
              {t("doctor.availability.form.addTitle")}
            </summary>
            <RuleForm doctor={doctor} editing={null} today={today} />
          </details>
        )
      ) : null}
    </section>
  );
}

function RuleItem({ rule, doctorId, manage, confirming }: { rule: AvailabilityRuleView; doctorId: string; manage: boolean; confirming: boolean }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const summary = ruleSummaryParts(rule, t, tag);
  const [days, hours, ...details] = summary;
  return (
    <li id={`rule-${rule.id}`} className="scroll-mt-6 py-4 first:pt-0 last:pb-0">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-semibold">{days}</span>
        <span aria-hidden="true" className="text-muted-foreground">·</span>
        <span className="font-semibold">{hours}</span>
        {rule.active ? null : <Badge tone="warning">{t("doctor.availability.rule.paused")}</Badge>}
      </p>
      <p className="mt-1 text-sm text-muted-foreground">{details.join(" · ")}</p>
      <p className="mt-1 text-sm text-muted-foreground">
        {rule.validUntil
          ? t("doctor.availability.rule.validRange", { from: shortDate(rule.validFrom, tag), until: shortDate(rule.validUntil, tag) })
          : t("doctor.availability.rule.validFrom", { from: shortDate(rule.validFrom, tag) })}
        {" · "}
        {t("doctor.availability.rule.zone", { zone: rule.timeZone })}
      </p>
      {manage && !confirming ? (
        <p className="mt-3 flex flex-wrap gap-2">
          <ButtonLink to={pageLink(doctorId, { edit: rule.id }, "rule-form")} variant="secondary" className={smallButton}>
            {t("doctor.availability.edit")}
            <span className="sr-only"> {`${days}, ${hours}`}</span>
          </ButtonLink>
          <ButtonLink to={pageLink(doctorId, { remove: rule.id }, `rule-${rule.id}`)} variant="secondary" className={smallButton}>
            {t("doctor.availability.remove")}
            <span className="sr-only"> {`${days}, ${hours}`}</span>
          </ButtonLink>
        </p>
      ) : null}
      {manage && confirming ? (
        <RemoveConfirm
          intent="removeRule"
          id={rule.id}
          providerId={doctorId}
          question={t("doctor.availability.rule.confirmRemove")}
          detail={t("doctor.availability.rule.confirmRemoveBody")}
          keepHref={pageLink(doctorId, {}, `rule-${rule.id}`)}
        />
      ) : null}
    </li>
  );
}

function RuleForm({ doctor, editing, today, failed }: { doctor: HubDoctorView; editing: AvailabilityRuleView | null; today: string; failed?: AvailabilityFailure }) {
  const t = useT();
  const tag = intlLocale(useLocale().locale);
  const errors = failed?.errors.fieldErrors ?? {};
  const kept = failed?.values;
  // After a failed post the typed values win; else the rule being edited; else sensible defaults.
  const value = (name: string, fromRule: string | undefined, fallback: string) => one(kept, name) ?? fromRule ?? fallback;
  const weekdays = kept ? ((kept.weekdays as string[] | undefined) ?? []) : editing ? editing.weekdays.map(String) : ["1", "2", "3", "4", "5", "6"];
  const dayNames = weekdayNames(tag, "long");
  const clinicOptions = doctor.clinics.map((c) => ({ value: c.id, label: c.name }));
  const title = editing ? t("doctor.availability.form.editTitle") : t("doctor.availability.form.addTitle");

  return (
    <Card>
      <h3 id="rule-form" className="scroll-mt-6 font-heading text-lg font-semibold">
        {title}
      </h3>
      {editing ? <p className="mt-1 text-sm text-muted-foreground">{t("doctor.availability.form.editLead")}</p> : null}
      <Form method="post" className="mt-4 flex flex-col gap-5" key={`${editing?.id ?? "new"}${failed ? "-failed" : ""}`} aria-labelledby="rule-form" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="saveRule" />
        <input type="hidden" name="providerId" value={doctor.id} />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <FormErrorSummary errors={failed?.errors} fieldIds={FIELD_IDS} />
        <SelectField
          id="rule-clinic"
          name="clinicId"
          label={t("doctor.availability.field.clinic")}
          options={clinicOptions}
          defaultValue={value("clinicId", editing?.clinicId, clinicOptions[0]?.value ?? "")}
          error={errors.clinicId}
          wrapperClassName="sm:max-w-md"
        />
        <ChoiceGroup
          id="rule-weekdays"
          name="weekdays"
          type="checkbox"
          legend={t("doctor.availability.field.weekdays")}
          options={dayNames.map((name, i) => ({ value: String(i + 1), label: name }))}
          checked={weekdays}
          error={errors.weekdays}
        />
        <div className="grid grid-cols-2 gap-x-3 gap-y-5 sm:gap-x-5 lg:grid-cols-4">
          <TextField id="rule-start" name="start" type="time" label={t("doctor.availability.field.start")} defaultValue={value("start", editing?.start, "10:00")} error={errors.start} required />
          <TextField id="rule-end" name="end" type="time" label={t("doctor.availability.field.end")} defaultValue={value("end", editing?.end, "13:00")} error={errors.end} required />
          <TextField
            id="rule-slot"
            name="slotMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            label={t("doctor.availability.field.slotMinutes")}
            defaultValue={value("slotMinutes", editing ? String(editing.slotMinutes) : undefined, "15")}
            error={errors.slotMinutes}
          />
          <TextField
            id="rule-capacity"
            name="capacity"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            label={t("doctor.availability.field.capacity")}
            defaultValue={value("capacity", editing ? String(editing.capacity) : undefined, "1")}
            error={errors.capacity}
          />
          <TextField
            id="rule-buffer-before"
            name="bufferBeforeMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            label={t("doctor.availability.field.bufferBefore")}
            defaultValue={value("bufferBeforeMinutes", editing ? String(editing.bufferBeforeMinutes) : undefined, "0")}
            error={errors.bufferBeforeMinutes}
          />
          <TextField
            id="rule-buffer-after"
            name="bufferAfterMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            label={t("doctor.availability.field.bufferAfter")}
            defaultValue={value("bufferAfterMinutes", editing ? String(editing.bufferAfterMinutes) : undefined, "0")}
            error={errors.bufferAfterMinutes}
          />
          <SelectField
            id="rule-mode"
            name="mode"
            label={t("doctor.availability.field.mode")}
            options={[
              { value: "in_clinic", label: t("doctor.availability.mode.in_clinic") },
              { value: "video", label: t("doctor.availability.mode.video") },
            ]}
            defaultValue={value("mode", editing?.mode, "in_clinic")}
            error={errors.mode}
            wrapperClassName="col-span-2"
          />
        </div>
        <TextField
          id="rule-breaks"
          name="breaks"
          label={t("doctor.availability.field.breaks")}
          hint={t("doctor.availability.field.breaksHint")}
          optional
          defaultValue={value("breaks", editing ? breaksText(editing.breaks) : undefined, "")}
          error={errors.breaks}
          wrapperClassName="sm:max-w-md"
          autoComplete="off"
        />
        <div className="grid grid-cols-2 gap-x-3 gap-y-5 sm:gap-x-5 lg:max-w-2xl">
          <TextField id="rule-valid-from" name="validFrom" type="date" label={t("doctor.availability.field.validFrom")} defaultValue={value("validFrom", editing?.validFrom, today)} error={errors.validFrom} />
          <TextField
            id="rule-valid-until"
            name="validUntil"
            type="date"
            optional
            label={t("doctor.availability.field.validUntil")}
            defaultValue={value("validUntil", editing?.validUntil ?? undefined, "")}
            error={errors.validUntil}
          />
        </div>
        <CheckboxField
          id="rule-active"
          name="active"
          label={t("doctor.availability.field.active")}
          hint={t("doctor.availability.field.activeHint")}
          defaultChecked={kept ? Boolean(one(kept, "active")) : (editing?.active ?? true)}
        />
        <p className="text-sm text-muted-foreground">
          {t("doctor.availability.form.zoneNote", { zone: doctor.clinics[0]?.timeZone ?? "" })}
        </p>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{editing ? t("doctor.availability.form.saveChanges") : t("doctor.availability.form.add")}</Button>
          {editing ? (
            <Link to={`?${new URLSearchParams({ doctor: doctor.id })}#hours`} className="inline-flex min-h-11 items-center px-2 font-medium underline underline-offset-4">
              {t("doctor.availability.form.cancelEdit")}
            </Link>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
