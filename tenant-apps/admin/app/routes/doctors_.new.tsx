import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeftIcon, Container, type FormErrors, GeneralErrorBoundary, PageHeader, pageMeta, textLinkClass, useT } from "@visitnow/ui";
import { NEW_PROVIDER_VALUES, PROVIDER_FIELDS, PROVIDER_LIST_FIELDS, ProviderForm } from "../components/provider-form";
import {
  formValues,
  loadOrThrow,
  providerActionErrors,
  readUploadForm,
  requireProviderAdmin,
  tooLargeErrors,
  type FormValues,
} from "../provider-admin.server";

export const meta = pageMeta("admin.doctorNew.title");

/** What the applicant form offers: specialties, clinics and the tenant's document checklist. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const [specialties, clinics, documents] = await loadOrThrow(() =>
    Promise.all([admin.listSpecialties(), admin.listClinics(), admin.listDocumentRequirements()]),
  );
  return { specialties, clinics, documents };
}

interface NewDoctorActionData {
  errors: FormErrors;
  values: FormValues;
}

/** Enters an applicant with their photo and documents; on success, to their review page. */
export async function action({ context, request }: ActionFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const { form, files, tooLarge } = await readUploadForm(request);
  const values = formValues(form, { fields: PROVIDER_FIELDS, lists: PROVIDER_LIST_FIELDS });
  if (tooLarge.length > 0) {
    return data<NewDoctorActionData>({ errors: tooLargeErrors(context, tooLarge), values }, { status: 413 });
  }
  let id: string;
  try {
    ({ id } = await admin.createProvider(values, files));
  } catch (err) {
    const { errors, status } = providerActionErrors(context, err);
    return data<NewDoctorActionData>({ errors, values }, { status });
  }
  return redirect(`/doctors/${encodeURIComponent(id)}?done=created`);
}

export default function NewDoctor() {
  const t = useT();
  const { specialties, clinics, documents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as NewDoctorActionData | undefined;

  return (
    <Container className="pb-16">
      <p className="pt-6">
        <Link to="/doctors" className={`${textLinkClass} inline-flex min-h-11 items-center gap-2`}>
          <ArrowLeftIcon aria-hidden="true" />
          {t("admin.doctor.back")}
        </Link>
      </p>
      <PageHeader title={t("admin.doctorNew.title")} lead={t("admin.doctorNew.lead")} />
      <ProviderForm
        values={actionData?.values ?? NEW_PROVIDER_VALUES}
        errors={actionData?.errors}
        specialties={specialties}
        clinics={clinics}
        documents={documents}
        submitLabel={t("admin.doctorNew.submit")}
        cancelTo="/doctors"
      />
    </Container>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
