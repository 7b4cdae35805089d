import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeftIcon, Container, type FormErrors, GeneralErrorBoundary, PageHeader, pageMeta, textLinkClass, useT } from "@visitnow/ui";
import { CLINIC_FIELDS, ClinicForm, newClinicValues } from "../components/clinic-form";
import { DEFAULT_TIME_ZONE, formValues, providerActionErrors, requireProviderAdmin, timeZoneList, type FormValues } from "../provider-admin.server";

export const meta = pageMeta("admin.clinicNew.title");

/** The time zones to offer (the tenant's own first choice is India's). */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireProviderAdmin(context, request);
  const timeZone = context.tenant?.timeZone || DEFAULT_TIME_ZONE;
  return { timeZones: timeZoneList(timeZone), timeZone };
}

interface ClinicActionData {
  errors: FormErrors;
  values: FormValues;
}

/** Adds the clinic; on success, to the list. */
export async function action({ context, request }: ActionFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const form = await request.formData();
  const values = formValues(form, { fields: CLINIC_FIELDS });
  try {
    await admin.saveClinic({ ...values, active: form.get("active") === "on" });
  } catch (err) {
    const { errors, status } = providerActionErrors(context, err);
    return data<ClinicActionData>({ errors, values: { ...values, active: form.get("active") === "on" ? "on" : "" } }, { status });
  }
  return redirect("/clinics?done=created");
}

export default function NewClinic() {
  const t = useT();
  const { timeZones, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ClinicActionData | undefined;
  return (
    <Container className="pb-16">
      <p className="pt-6">
        <Link to="/clinics" className={`${textLinkClass} inline-flex min-h-11 items-center gap-2`}>
          <ArrowLeftIcon aria-hidden="true" />
          {t("admin.clinics.back")}
        </Link>
      </p>
      <PageHeader title={t("admin.clinicNew.title")} lead={t("admin.clinicNew.lead")} />
      <ClinicForm
        values={actionData?.values ?? newClinicValues(timeZone)}
        errors={actionData?.errors}
        timeZones={timeZones}
        submitLabel={t("admin.clinicNew.submit")}
        cancelTo="/clinics"
      />
    </Container>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
