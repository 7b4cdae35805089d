import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeftIcon, Container, type FormErrors, GeneralErrorBoundary, PageHeader, pageMeta, textLinkClass, useT } from "@visitnow/ui";
import { profileValues, PROVIDER_FIELDS, PROVIDER_LIST_FIELDS, ProviderForm } from "../components/provider-form";
import { formValues, loadOrThrow, providerActionErrors, requireProviderAdmin, type FormValues } from "../provider-admin.server";

export const meta = pageMeta("admin.doctorEdit.metaTitle");

/** The profile to edit, with the specialties and clinics to choose from. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const id = params.id ?? "";
  const [provider, specialties, clinics] = await loadOrThrow(() =>
    Promise.all([admin.getProvider(id), admin.listSpecialties(), admin.listClinics()]),
  );
  return { id: provider.id, name: provider.name, profile: provider.profile, specialties, clinics };
}

interface EditDoctorActionData {
  errors: FormErrors;
  values: FormValues;
}

/** Saves the profile; on success, back to the review page. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const id = params.id ?? "";
  const values = formValues(await request.formData(), { fields: PROVIDER_FIELDS, lists: PROVIDER_LIST_FIELDS });
  try {
    await admin.updateProvider(id, values);
  } catch (err) {
    const { errors, status } = providerActionErrors(context, err);
    return data<EditDoctorActionData>({ errors, values }, { status });
  }
  return redirect(`/doctors/${encodeURIComponent(id)}?done=updated`);
}

export default function EditDoctor() {
  const t = useT();
  const { id, name, profile, specialties, clinics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditDoctorActionData | undefined;
  const back = `/doctors/${encodeURIComponent(id)}`;

  return (
    <Container className="pb-16">
      <p className="pt-6">
        <Link to={back} className={`${textLinkClass} inline-flex min-h-11 items-center gap-2`}>
          <ArrowLeftIcon aria-hidden="true" />
          {t("admin.doctorEdit.back", { name })}
        </Link>
      </p>
      <PageHeader title={t("admin.doctorEdit.title", { name })} lead={t("admin.doctorEdit.lead")} />
      <ProviderForm
        values={actionData?.values ?? profileValues(profile)}
        errors={actionData?.errors}
        specialties={specialties}
        clinics={clinics}
        submitLabel={t("admin.doctorEdit.submit")}
        cancelTo={back}
      />
    </Container>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
