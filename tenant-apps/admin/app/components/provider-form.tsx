import { Form, Link, useNavigation } from "@remix-run/react";
import type { ClinicView, DocumentRequirementView, ProviderEditableView, SpecialtyView } from "@visitnow/platform/context";
import { Button, CsrfInput, FormErrorSummary, SelectField, TextField, textLinkClass, useT, type FormErrors } from "@visitnow/ui";
import { CheckboxGroup, FileField, FormSection, list, str, TextAreaField } from "./form-controls";

/** The form fields posted as several values (checkbox groups). */
export const PROVIDER_LIST_FIELDS = ["specialtyIds", "clinicIds", "modes"] as const;

/** Every text field of the form, as the facade's `createProvider` / `updateProvider` take them. */
export const PROVIDER_FIELDS = [
  "name",
  "gender",
  "email",
  "phone",
  "registrationNumber",
  "registrationCouncil",
  "qualifications",
  "yearsExperience",
  "languages",
  "feeRupees",
  "bio",
  "conditions",
  "primarySpecialtyId",
  ...PROVIDER_LIST_FIELDS,
] as const;

const MODES = ["in_clinic", "video"] as const;
const GENDERS = ["female", "male", "other"] as const;

type Values = Record<string, string | string[]>;

/** A provider's saved profile as the form's values (fee in rupees, lists as text). */
export function profileValues(profile: ProviderEditableView): Values {
  return {
    name: profile.name,
    gender: profile.gender ?? "",
    email: profile.email ?? "",
    phone: profile.phone ?? "",
    registrationNumber: profile.registrationNumber,
    registrationCouncil: profile.registrationCouncil,
    qualifications: profile.qualifications.join("\n"),
    yearsExperience: String(profile.yearsExperience),
    languages: profile.languages.join(", "),
    // Integer paise to rupees without float noise: 50050 -> "500.50", 50000 -> "500".
    feeRupees: profile.fee.amountMinor % 100 === 0 ? String(profile.fee.amountMinor / 100) : (profile.fee.amountMinor / 100).toFixed(2),
    modes: profile.modes,
    bio: profile.bio ?? "",
    conditions: profile.conditions.join(", "),
    specialtyIds: profile.specialtyIds,
    primarySpecialtyId: profile.primarySpecialtyId ?? "",
    clinicIds: profile.clinicIds,
  };
}

/** What a new applicant's form starts with. */
export const NEW_PROVIDER_VALUES: Values = { modes: ["in_clinic"], languages: "English, Hindi" };

const FIELD_IDS: Record<string, string> = {
  name: "pf-name",
  gender: "pf-gender",
  email: "pf-email",
  phone: "pf-phone",
  registrationNumber: "pf-registration-number",
  registrationCouncil: "pf-registration-council",
  qualifications: "pf-qualifications",
  yearsExperience: "pf-years",
  languages: "pf-languages",
  feeRupees: "pf-fee",
  modes: "pf-modes",
  bio: "pf-bio",
  conditions: "pf-conditions",
  specialtyIds: "pf-specialties",
  primarySpecialtyId: "pf-primary-specialty",
  clinicIds: "pf-clinics",
  photo: "pf-photo",
};

/**
 * The applicant form, for an admin entering a doctor (`documents` given: with photo and
 * checklist uploads) and for editing a profile (no files). Values typed before a failed
 * post come back in `values`.
 */
export function ProviderForm({
  values,
  errors,
  specialties,
  clinics,
  documents,
  submitLabel,
  cancelTo,
}: {
  values: Values;
  errors?: FormErrors;
  specialties: SpecialtyView[];
  clinics: ClinicView[];
  /** The checklist: one file input each. Leave out when the form takes no files. */
  documents?: DocumentRequirementView[];
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const fieldErrors = errors?.fieldErrors ?? {};
  const withFiles = Boolean(documents);
  const specialtyIds = list(values, "specialtyIds");
  const clinicIds = list(values, "clinicIds");
  // Inactive entries stay visible only where the doctor already has them.
  const specialtyOptions = specialties.filter((s) => s.active || specialtyIds.includes(s.id));
  const clinicOptions = clinics.filter((c) => c.active || clinicIds.includes(c.id));
  const fieldIds = { ...FIELD_IDS };
  for (const doc of documents ?? []) fieldIds[`doc_${doc.kind}`] = `pf-doc-${doc.kind}`;
  const filesLost = withFiles && Boolean(errors);

  return (
    <Form method="post" encType={withFiles ? "multipart/form-data" : undefined} noValidate className="flex flex-col gap-6">
      <CsrfInput />
      <div className="flex flex-col gap-3 empty:hidden">
        <FormErrorSummary errors={errors} fieldIds={fieldIds} />
        {filesLost ? <p className="rounded-brand bg-muted px-4 py-3 text-sm">{t("admin.providerForm.chooseFilesAgain")}</p> : null}
      </div>

      <FormSection title={t("admin.providerForm.section.person")}>
        <TextField
          id="pf-name"
          name="name"
          type="text"
          autoComplete="off"
          required
          label={t("admin.providerForm.name")}
          hint={t("admin.providerForm.nameHint")}
          defaultValue={str(values, "name")}
          error={fieldErrors.name}
        />
        <SelectField
          id="pf-gender"
          name="gender"
          optional
          label={t("admin.providerForm.gender")}
          options={[{ value: "", label: t("admin.providerForm.genderUnset") }, ...GENDERS.map((g) => ({ value: g, label: t(`admin.providerForm.genders.${g}`) }))]}
          defaultValue={str(values, "gender") ?? ""}
          error={fieldErrors.gender}
        />
        <TextField
          id="pf-email"
          name="email"
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          optional
          label={t("admin.providerForm.email")}
          hint={t("admin.providerForm.emailHint")}
          defaultValue={str(values, "email")}
          error={fieldErrors.email}
        />
        <TextField
          id="pf-phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          optional
          label={t("admin.providerForm.phone")}
          defaultValue={str(values, "phone")}
          error={fieldErrors.phone}
        />
        <TextAreaField
          id="pf-bio"
          name="bio"
          rows={4}
          optional
          wrapperClassName="md:col-span-2"
          label={t("admin.providerForm.bio")}
          hint={t("admin.providerForm.bioHint")}
          defaultValue={str(values, "bio")}
          error={fieldErrors.bio}
        />
      </FormSection>

      <FormSection title={t("admin.providerForm.section.credentials")}>
        <TextField
          id="pf-registration-number"
          name="registrationNumber"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          label={t("admin.providerForm.registrationNumber")}
          defaultValue={str(values, "registrationNumber")}
          error={fieldErrors.registrationNumber}
        />
        <TextField
          id="pf-registration-council"
          name="registrationCouncil"
          type="text"
          autoComplete="off"
          required
          label={t("admin.providerForm.registrationCouncil")}
          hint={t("admin.providerForm.registrationCouncilHint")}
          defaultValue={str(values, "registrationCouncil")}
          error={fieldErrors.registrationCouncil}
        />
        <TextAreaField
          id="pf-qualifications"
          name="qualifications"
          rows={3}
          required
          label={t("admin.providerForm.qualifications")}
          hint={t("admin.providerForm.qualificationsHint")}
          defaultValue={str(values, "qualifications")}
          error={fieldErrors.qualifications}
        />
        <TextField
          id="pf-years"
          name="yearsExperience"
          type="number"
          inputMode="numeric"
          min={0}
          max={70}
          step={1}
          required
          label={t("admin.providerForm.yearsExperience")}
          defaultValue={str(values, "yearsExperience")}
          error={fieldErrors.yearsExperience}
        />
      </FormSection>

      <FormSection title={t("admin.providerForm.section.practice")}>
        <CheckboxGroup
          id="pf-specialties"
          name="specialtyIds"
          className="md:col-span-2"
          columns="sm:grid-cols-2 lg:grid-cols-3"
          legend={t("admin.providerForm.specialties")}
          hint={specialtyOptions.length === 0 ? t("admin.providerForm.noSpecialties") : undefined}
          options={specialtyOptions.map((s) => ({ value: s.id, label: s.name }))}
          checked={specialtyIds}
          error={fieldErrors.specialtyIds}
        />
        <SelectField
          id="pf-primary-specialty"
          name="primarySpecialtyId"
          optional
          label={t("admin.providerForm.primarySpecialty")}
          hint={t("admin.providerForm.primarySpecialtyHint")}
          options={[{ value: "", label: t("admin.providerForm.primaryUnset") }, ...specialtyOptions.map((s) => ({ value: s.id, label: s.name }))]}
          defaultValue={str(values, "primarySpecialtyId") ?? ""}
          error={fieldErrors.primarySpecialtyId}
        />
        <TextField
          id="pf-languages"
          name="languages"
          type="text"
          autoComplete="off"
          required
          label={t("admin.providerForm.languages")}
          hint={t("admin.providerForm.languagesHint")}
          defaultValue={str(values, "languages")}
          error={fieldErrors.languages}
        />
        <CheckboxGroup
          id="pf-clinics"
          name="clinicIds"
          className="md:col-span-2"
          legend={t("admin.providerForm.clinics")}
          hint={clinicOptions.length === 0 ? t("admin.providerForm.noClinics") : t("admin.providerForm.clinicsHint")}
          options={clinicOptions.map((c) => ({ value: c.id, label: c.name, detail: [c.locality, c.city].filter(Boolean).join(", ") }))}
          checked={clinicIds}
          error={fieldErrors.clinicIds}
        />
        <CheckboxGroup
          id="pf-modes"
          name="modes"
          legend={t("admin.providerForm.modes")}
          columns=""
          options={MODES.map((mode) => ({ value: mode, label: t(`admin.provider.mode.${mode}`) }))}
          checked={list(values, "modes")}
          error={fieldErrors.modes}
        />
        <TextField
          id="pf-fee"
          name="feeRupees"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          required
          label={t("admin.providerForm.fee")}
          hint={t("admin.providerForm.feeHint")}
          defaultValue={str(values, "feeRupees")}
          error={fieldErrors.feeRupees}
        />
        <TextAreaField
          id="pf-conditions"
          name="conditions"
          rows={3}
          optional
          wrapperClassName="md:col-span-2"
          label={t("admin.providerForm.conditions")}
          hint={t("admin.providerForm.conditionsHint")}
          defaultValue={str(values, "conditions")}
          error={fieldErrors.conditions}
        />
      </FormSection>

      {documents ? (
        <FormSection title={t("admin.providerForm.section.files")} lead={t("admin.providerForm.filesLead")}>
          <FileField
            id="pf-photo"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            optional
            label={t("admin.providerForm.photo")}
            hint={t("admin.providerForm.photoHint")}
            error={fieldErrors.photo}
          />
          {documents.map((doc) => (
            <FileField
              key={doc.kind}
              id={`pf-doc-${doc.kind}`}
              name={`doc_${doc.kind}`}
              accept="application/pdf,image/jpeg,image/png"
              optional={!doc.required}
              label={doc.label}
              hint={t("admin.providerForm.documentHint")}
              error={fieldErrors[`doc_${doc.kind}`]}
            />
          ))}
        </FormSection>
      ) : null}

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" className="w-full sm:w-auto" disabled={saving}>
          {saving ? t("admin.providerForm.saving") : submitLabel}
        </Button>
        <Link to={cancelTo} className={`${textLinkClass} inline-flex min-h-11 items-center justify-center`}>
          {t("admin.providerForm.cancel")}
        </Link>
      </div>
    </Form>
  );
}
