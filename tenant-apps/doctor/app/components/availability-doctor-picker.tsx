import { Form } from "@remix-run/react";
import type { HubDoctorView } from "@visitnow/platform/context";
import { Button, useT } from "@visitnow/ui";

/**
 * Which doctor a page shows: a GET form (works without JavaScript) for staff who work with
 * several doctors; just the name for a doctor, who only ever sees themself. `keep` carries
 * the page's other query values (view, date) across the switch.
 */
export function DoctorPicker({ doctors, current, keep = {} }: { doctors: HubDoctorView[]; current: HubDoctorView; keep?: Record<string, string> }) {
  const t = useT();
  if (doctors.length < 2) {
    return (
      <p className="text-muted-foreground">
        {current.name}
        {current.specialties.length ? ` · ${current.specialties.join(", ")}` : ""}
      </p>
    );
  }
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:max-w-sm">
        <label htmlFor="doctor-picker" className="font-medium">
          {t("doctor.availability.picker.label")}
        </label>
        <select
          id="doctor-picker"
          name="doctor"
          defaultValue={current.id}
          className="min-h-12 w-full rounded-brand border border-muted-foreground bg-surface px-4 text-base text-surface-foreground"
        >
          {doctors.map((doctor) => (
            <option key={doctor.id} value={doctor.id}>
              {doctor.name}
              {doctor.specialties.length ? ` (${doctor.specialties.join(", ")})` : ""}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        {t("doctor.availability.picker.show")}
      </Button>
    </Form>
  );
}
