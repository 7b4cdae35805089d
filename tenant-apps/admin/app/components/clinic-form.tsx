import { Form, Link, useNavigation } from "@remix-run/react";
import type { ClinicView } from "@visitnow/platform/context";
import { Button, CsrfInput, FormErrorSummary, SelectField, TextField, textLinkClass, useT, type FormErrors } from "@visitnow/ui";
import { CheckboxField, FormSection, str, TextAreaField } from "./form-controls";

/** Weekdays as the opening-hours fields name them (`openingHours_mon` ...). */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

type Values = Record<string, string | string[]>;

/** The text fields of the form, as the facade's `saveClinic` takes them (plus `id` and `active`). */
export const CLINIC_FIELDS = [
  "name",
  "addressLine",
  "locality",
  "city",
  "state",
  "postcode",
  "latitude",
  "longitude",
  "timeZone",
  "phone",
  "facilities",
  ...WEEKDAYS.map((day) => `openingHours_${day}`),
];

/** A saved clinic as the form's values (hours as "09:00-13:00, 14:00-18:00"). */
export function clinicValues(clinic: ClinicView): Values {
  const values: Values = {
    name: clinic.name,
    addressLine: clinic.addressLine,
    locality: clinic.locality,
    city: clinic.city,
    state: clinic.state ?? "",
    postcode: clinic.postcode ?? "",
    latitude: clinic.latitude === null ? "" : String(clinic.latitude),
    longitude: clinic.longitude === null ? "" : String(clinic.longitude),
    timeZone: clinic.timeZone,
    phone: clinic.phone ?? "",
    facilities: clinic.facilities.join(", "),
    active: clinic.active ? "on" : "",
  };
  for (const day of WEEKDAYS) values[`openingHours_${day}`] = (clinic.openingHours[day] ?? []).map(([from, to]) => `${from}-${to}`).join(", ");
  return values;
}

/** What a new clinic's form starts with. */
export function newClinicValues(timeZone: string): Values {
  return { timeZone, active: "on" };
}

const FIELD_IDS: Record<string, string> = {
  name: "clinic-name",
  addressLine: "clinic-address",
  locality: "clinic-locality",
  city: "clinic-city",
  state: "clinic-state",
  postcode: "clinic-postcode",
  latitude: "clinic-latitude",
  longitude: "clinic-longitude",
  timeZone: "clinic-time-zone",
  phone: "clinic-phone",
  facilities: "clinic-facilities",
  ...Object.fromEntries(WEEKDAYS.map((day) => [`openingHours_${day}`, `clinic-hours-${day}`])),
};

/** Add or edit a clinic: address, coordinates, time zone, facilities, weekly opening hours. */
export function ClinicForm({
  values,
  errors,
  timeZones,
  submitLabel,
  cancelTo,
}: {
  values: Values;
  errors?: FormErrors;
  timeZones: string[];
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const fieldErrors = errors?.fieldErrors ?? {};

  return (
    <Form method="post" noValidate className="flex flex-col gap-6">
      <CsrfInput />
      <FormErrorSummary errors={errors} fieldIds={FIELD_IDS} />

      <FormSection title={t("admin.clinicForm.section.place")}>
        <TextField
          id="clinic-name"
          name="name"
          type="text"
          autoComplete="off"
          required
          wrapperClassName="md:col-span-2"
          label={t("admin.clinicForm.name")}
          defaultValue={str(values, "name")}
          error={fieldErrors.name}
        />
        <TextField
          id="clinic-address"
          name="addressLine"
          type="text"
          autoComplete="off"
          required
          wrapperClassName="md:col-span-2"
          label={t("admin.clinicForm.addressLine")}
          hint={t("admin.clinicForm.addressLineHint")}
          defaultValue={str(values, "addressLine")}
          error={fieldErrors.addressLine}
        />
        <TextField
          id="clinic-locality"
          name="locality"
          type="text"
          autoComplete="off"
          required
          label={t("admin.clinicForm.locality")}
          hint={t("admin.clinicForm.localityHint")}
          defaultValue={str(values, "locality")}
          error={fieldErrors.locality}
        />
        <TextField
          id="clinic-city"
          name="city"
          type="text"
          autoComplete="off"
          required
          label={t("admin.clinicForm.city")}
          defaultValue={str(values, "city")}
          error={fieldErrors.city}
        />
        <TextField
          id="clinic-state"
          name="state"
          type="text"
          autoComplete="off"
          optional
          label={t("admin.clinicForm.state")}
          defaultValue={str(values, "state")}
          error={fieldErrors.state}
        />
        <TextField
          id="clinic-postcode"
          name="postcode"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          optional
          label={t("admin.clinicForm.postcode")}
          defaultValue={str(values, "postcode")}
          error={fieldErrors.postcode}
        />
        <TextField
          id="clinic-latitude"
          name="latitude"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          optional
          label={t("admin.clinicForm.latitude")}
          hint={t("admin.clinicForm.latitudeHint")}
          defaultValue={str(values, "latitude")}
          error={fieldErrors.latitude}
        />
        <TextField
          id="clinic-longitude"
          name="longitude"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          optional
          label={t("admin.clinicForm.longitude")}
          hint={t("admin.clinicForm.longitudeHint")}
          defaultValue={str(values, "longitude")}
          error={fieldErrors.longitude}
        />
        <SelectField
          id="clinic-time-zone"
          name="timeZone"
          required
          label={t("admin.clinicForm.timeZone")}
          hint={t("admin.clinicForm.timeZoneHint")}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
          defaultValue={str(values, "timeZone")}
          error={fieldErrors.timeZone}
        />
        <TextField
          id="clinic-phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          optional
          label={t("admin.clinicForm.phone")}
          defaultValue={str(values, "phone")}
          error={fieldErrors.phone}
        />
        <TextAreaField
          id="clinic-facilities"
          name="facilities"
          rows={3}
          optional
          wrapperClassName="md:col-span-2"
          label={t("admin.clinicForm.facilities")}
          hint={t("admin.clinicForm.facilitiesHint")}
          defaultValue={str(values, "facilities")}
          error={fieldErrors.facilities}
        />
      </FormSection>

      <FormSection title={t("admin.clinicForm.section.hours")} lead={t("admin.clinicForm.hoursLead")}>
        {WEEKDAYS.map((day) => (
          <TextField
            key={day}
            id={`clinic-hours-${day}`}
            name={`openingHours_${day}`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            optional
            label={t(`admin.weekday.${day}`)}
            placeholder="09:00-13:00, 14:00-18:00"
            defaultValue={str(values, `openingHours_${day}`)}
            error={fieldErrors[`openingHours_${day}`]}
          />
        ))}
      </FormSection>

      <CheckboxField
        id="clinic-active"
        name="active"
        label={t("admin.clinicForm.active")}
        hint={t("admin.clinicForm.activeHint")}
        defaultChecked={str(values, "active") === "on"}
      />

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" className="w-full sm:w-auto" disabled={saving}>
          {saving ? t("admin.clinicForm.saving") : submitLabel}
        </Button>
        <Link to={cancelTo} className={`${textLinkClass} inline-flex min-h-11 items-center justify-center`}>
          {t("admin.clinicForm.cancel")}
        </Link>
      </div>
    </Form>
  );
}
