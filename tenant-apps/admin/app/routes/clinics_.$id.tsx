import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeftIcon, Container, type FormErrors, GeneralErrorBoundary, PageHeader, pageMeta, textLinkClass, useT } from "@visitnow/ui";
import { CLINIC_FIELDS, ClinicForm, clinicValues } from "../components/clinic-form";
import { formValues, loadOrThrow, providerActionErrors, requireProviderAdmin, timeZoneList, type FormValues } from "../provider-admin.server";

export const meta = pageMeta("admin.clinicEdit.metaTitle");

/** The clinic to edit and the time zones to offer. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const clinic = await loadOrThrow(() => admin.getClinic(params.id ?? ""));
  return { clinic, timeZones: timeZoneList(clinic.timeZone) };
}

interface ClinicActionData {
  errors: FormErrors;
  values: FormValues;
}

/** Saves the clinic; on success, to the list. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const form = await request.formData();
  const values = formValues(form, { fields: CLINIC_FIELDS });
  try {
    await admin.saveClinic({ ...values, id: params.id ?? "", active: form.get("active") === "on" });
  } catch (err) {
    const { errors, status } = providerActionErrors(context, err);
    return data<ClinicActionData>({ errors, values: { ...values, active: form.get("active") === "on" ? "on" : "" } }, { status });
  }
  return redirect("/clinics?done=saved");
}

export default function EditClinic() {
  const t = useT();
  const { clinic, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ClinicActionData | undefined;
  return (
    <Container className="pb-16">
      <p className="pt-6">
        <Link to="/clinics" className={`${textLinkClass} inline-flex min-h-11 items-center gap-2`}>
          <ArrowLeftIcon aria-hidden="true" />
          {t("admin.clinics.back")}
        </Link>
      </p>
      <PageHeader title={t("admin.clinicEdit.title", { name: clinic.name })} lead={t("admin.clinicEdit.lead")} />
      <ClinicForm
        values={actionData?.values ?? clinicValues(clinic)}
        errors={actionData?.errors}
        timeZones={timeZones}
        submitLabel={t("admin.clinicEdit.submit")}
        cancelTo="/clinics"
      />
    </Container>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
