import type { DiscoveryServices, ProviderEditableView } from "@visitnow/platform/context";
import { Card, SelectField, TextField, useT } from "@visitnow/ui";
import type { ReactNode } from "react";
import { ChoiceGroup, FileField, TextAreaField } from "./fields";
import { majorUnits } from "./format";

/** What the public application form offers (specialties, clinics, document checklist). */
export type ApplicationFormOptions = Awaited<ReturnType<DiscoveryServices["applicationForm"]>>;

/** A form's values as the page refills them: one string per field, a list for checkbox groups. */
export type ApplicationValues = Record<string, string | string[]>;

/** The checkbox groups: repeated form names that the platform takes as one comma-separated list. */
export const LIST_FIELDS = ["specialtyIds", "clinicIds", "modes"] as const;

const TEXT_FIELDS = [
  "name",
  "gender",
  "email",
  "phone",
  "registrationNumber",
  "registrationCouncil",
  "qualifications",
  "yearsExperience",
  "primarySpecialtyId",
  "feeRupees",
  "languages",
  "conditions",
  "bio",
] as const;

export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp";
export const DOCUMENT_ACCEPT = "application/pdf,image/jpeg,image/png";

/** The field id of a checklist document's file input (`doc_<kind>`). */
export function documentFieldId(kind: string): string {
  return `app-doc-${kind.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** Field name -> input id, for the error summary's links (with the names the platform may use instead). */
export function applicationFieldIds(documentKinds: readonly string[]): Record<string, string> {
  const ids: Record<string, string> = {
    name: "app-name",
    gender: "app-gender",
    email: "app-email",
    phone: "app-phone",
    registrationNumber: "app-registration-number",
    registrationCouncil: "app-registration-council",
    qualifications: "app-qualifications",
    yearsExperience: "app-experience",
    specialtyIds: "app-specialties",
    specialties: "app-specialties",
    primarySpecialtyId: "app-primary-specialty",
    clinicIds: "app-clinics",
    clinics: "app-clinics",
    modes: "app-modes",
    feeRupees: "app-fee",
    fee: "app-fee",
    languages: "app-languages",
    conditions: "app-conditions",
    bio: "app-bio",
    photo: "app-photo",
  };
  for (const kind of documentKinds) ids[`doc_${kind}`] = documentFieldId(kind);
  return ids;
}

/** The posted text fields worth refilling (never the CSRF token). */
export function keepApplicationValues(fields: Record<string, string | string[]>): ApplicationValues {
  const values: ApplicationValues = {};
  for (const name of TEXT_FIELDS) {
    const value = fields[name];
    if (typeof value === "string") values[name] = value;
  }
  for (const name of LIST_FIELDS) {
    const value = fields[name];
    values[name] = value === undefined ? [] : Array.isArray(value) ? value : [value];
  }
  return values;
}

/**
 * The platform's input: the editable fields as form strings, checkbox groups joined
 * with commas, and an unticked group sent empty so "none" is not read as "unchanged".
 */
export function toApplicationInput(fields: Record<string, string | string[]>): Record<string, string> {
  const input: Record<string, string> = {};
  for (const name of TEXT_FIELDS) {
    const value = fields[name];
    if (typeof value === "string") input[name] = value;
  }
  for (const name of LIST_FIELDS) {
    const value = fields[name];
    input[name] = value === undefined ? "" : Array.isArray(value) ? value.join(",") : value;
  }
  return input;
}

/** A provider's saved profile as form values (the applicant's private page prefills from it). */
export function profileValues(profile: ProviderEditableView): ApplicationValues {
  return {
    name: profile.name,
    gender: profile.gender ?? "",
    email: profile.email ?? "",
    phone: profile.phone ?? "",
    registrationNumber: profile.registrationNumber,
    registrationCouncil: profile.registrationCouncil,
    qualifications: profile.qualifications.join("\n"),
    yearsExperience: String(profile.yearsExperience),
    primarySpecialtyId: profile.primarySpecialtyId ?? "",
    feeRupees: majorUnits(profile.fee),
    languages: profile.languages.join(", "),
    conditions: profile.conditions.join(", "),
    bio: profile.bio ?? "",
    specialtyIds: profile.specialtyIds,
    clinicIds: profile.clinicIds,
    modes: profile.modes,
  };
}

function FormSection({ id, title, lead, children }: { id: string; title: ReactNode; lead?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Card>
        <h2 id={id} className="font-heading text-xl font-semibold">
          {title}
        </h2>
        {lead ? <p className="mt-1 text-muted-foreground">{lead}</p> : null}
        <div className="mt-5 grid gap-5 sm:grid-cols-2">{children}</div>
      </Card>
    </section>
  );
}

/**
 * Every field a doctor fills in about themselves (the documents are the caller's:
 * a new application and a resubmission show them differently).
 */
export function ApplicationFields({
  options,
  values,
  fieldErrors,
  photoHint,
}: {
  options: ApplicationFormOptions;
  values: ApplicationValues;
  fieldErrors: Record<string, string>;
  /** Under the photo input, e.g. "Leave empty to keep your current photo". */
  photoHint?: ReactNode;
}) {
  const t = useT();
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const list = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : typeof value === "string" && value ? [value] : [];
  };
  const error = (...names: string[]) => names.map((name) => fieldErrors[name]).find(Boolean);

  return (
    <>
      <FormSection id="app-section-you" title={t("patient.join.section.you")}>
        <TextField
          id="app-name"
          name="name"
          type="text"
          autoComplete="name"
          required
          wrapperClassName="sm:col-span-2"
          label={t("patient.join.field.name")}
          hint={t("patient.join.field.nameHint")}
          defaultValue={text("name")}
          error={error("name")}
        />
        <TextField
          id="app-email"
          name="email"
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          label={t("patient.join.field.email")}
          hint={t("patient.join.field.emailHint")}
          defaultValue={text("email")}
          error={error("email")}
        />
        <TextField
          id="app-phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          optional
          label={t("patient.join.field.phone")}
          hint={t("patient.join.field.phoneHint")}
          defaultValue={text("phone")}
          error={error("phone")}
        />
        <SelectField
          id="app-gender"
          name="gender"
          optional
          label={t("patient.join.field.gender")}
          defaultValue={text("gender")}
          error={error("gender")}
          options={[
            { value: "", label: t("patient.account.gender.unspecified") },
            { value: "female", label: t("patient.account.gender.female") },
            { value: "male", label: t("patient.account.gender.male") },
            { value: "other", label: t("patient.account.gender.other") },
          ]}
        />
      </FormSection>

      <FormSection id="app-section-registration" title={t("patient.join.section.registration")} lead={t("patient.join.section.registrationLead")}>
        <TextField
          id="app-registration-number"
          name="registrationNumber"
          type="text"
          autoComplete="off"
          required
          label={t("patient.join.field.registrationNumber")}
          defaultValue={text("registrationNumber")}
          error={error("registrationNumber", "registration")}
        />
        <TextField
          id="app-registration-council"
          name="registrationCouncil"
          type="text"
          autoComplete="off"
          required
          label={t("patient.join.field.registrationCouncil")}
          hint={t("patient.join.field.registrationCouncilHint")}
          defaultValue={text("registrationCouncil")}
          error={error("registrationCouncil")}
        />
        <TextAreaField
          id="app-qualifications"
          name="qualifications"
          required
          rows={3}
          wrapperClassName="sm:col-span-2"
          label={t("patient.join.field.qualifications")}
          hint={t("patient.join.field.qualificationsHint")}
          defaultValue={text("qualifications")}
          error={error("qualifications")}
        />
        <TextField
          id="app-experience"
          name="yearsExperience"
          type="number"
          inputMode="numeric"
          min={0}
          max={70}
          step={1}
          required
          label={t("patient.join.field.yearsExperience")}
          defaultValue={text("yearsExperience")}
          error={error("yearsExperience")}
        />
      </FormSection>

      <FormSection id="app-section-practice" title={t("patient.join.section.practice")}>
        <div className="sm:col-span-2">
          <ChoiceGroup
            id="app-specialties"
            name="specialtyIds"
            columns={2}
            legend={t("patient.join.field.specialties")}
            hint={t("patient.join.field.specialtiesHint")}
            options={options.specialties.map((s) => ({ value: s.id, label: s.name }))}
            selected={list("specialtyIds")}
            error={error("specialtyIds", "specialties")}
          />
        </div>
        <SelectField
          id="app-primary-specialty"
          name="primarySpecialtyId"
          label={t("patient.join.field.primarySpecialty")}
          hint={t("patient.join.field.primarySpecialtyHint")}
          defaultValue={text("primarySpecialtyId")}
          error={error("primarySpecialtyId")}
          options={[{ value: "", label: t("patient.join.field.choose") }, ...options.specialties.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <TextField
          id="app-fee"
          name="feeRupees"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          required
          label={t("patient.join.field.fee")}
          hint={t("patient.join.field.feeHint")}
          defaultValue={text("feeRupees")}
          error={error("feeRupees", "fee")}
        />
        <div className="sm:col-span-2">
          <ChoiceGroup
            id="app-modes"
            name="modes"
            columns={2}
            legend={t("patient.join.field.modes")}
            options={[
              { value: "in_clinic", label: t("patient.doctor.mode.in_clinic") },
              { value: "video", label: t("patient.doctor.mode.video") },
            ]}
            selected={list("modes")}
            error={error("modes")}
          />
        </div>
        {options.clinics.length > 0 ? (
          <div className="sm:col-span-2">
            <ChoiceGroup
              id="app-clinics"
              name="clinicIds"
              legend={t("patient.join.field.clinics")}
              hint={t("patient.join.field.clinicsHint")}
              options={options.clinics.map((c) => ({ value: c.id, label: c.name, description: [c.locality, c.city].filter(Boolean).join(", ") }))}
              selected={list("clinicIds")}
              error={error("clinicIds", "clinics")}
            />
          </div>
        ) : null}
        <TextField
          id="app-languages"
          name="languages"
          type="text"
          autoComplete="off"
          required
          wrapperClassName="sm:col-span-2"
          label={t("patient.join.field.languages")}
          hint={t("patient.join.field.languagesHint")}
          defaultValue={text("languages")}
          error={error("languages")}
        />
      </FormSection>

      <FormSection id="app-section-profile" title={t("patient.join.section.profile")} lead={t("patient.join.section.profileLead")}>
        <TextAreaField
          id="app-bio"
          name="bio"
          optional
          rows={5}
          wrapperClassName="sm:col-span-2"
          label={t("patient.join.field.bio")}
          hint={t("patient.join.field.bioHint")}
          defaultValue={text("bio")}
          error={error("bio")}
        />
        <TextAreaField
          id="app-conditions"
          name="conditions"
          optional
          rows={3}
          wrapperClassName="sm:col-span-2"
          label={t("patient.join.field.conditions")}
          hint={t("patient.join.field.conditionsHint")}
          defaultValue={text("conditions")}
          error={error("conditions")}
        />
        <div className="sm:col-span-2">
          <FileField
            id="app-photo"
            name="photo"
            accept={PHOTO_ACCEPT}
            optional
            label={t("patient.join.field.photo")}
            hint={photoHint ?? t("patient.join.field.photoHint")}
            error={error("photo")}
          />
        </div>
      </FormSection>
    </>
  );
}
