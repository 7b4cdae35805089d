import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { SpecialtyView } from "@visitnow/platform/context";
import {
  Badge,
  Button,
  Card,
  Container,
  CsrfInput,
  EmptyState,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  PageHeader,
  pageMeta,
  StatusMessage,
  StethoscopeIcon,
  TextField,
  useCan,
  useT,
} from "@visitnow/ui";
import { CheckboxField, str, TextAreaField } from "../components/form-controls";
import { formValues, loadOrThrow, providerActionErrors, requireProviderAdmin, text, type FormValues } from "../provider-admin.server";

export const meta = pageMeta("admin.specialties.title");

/** The tenant's specialties with their synonyms and how many published doctors have each. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const specialties = await loadOrThrow(() => admin.listSpecialties());
  const done = new URL(request.url).searchParams.get("done");
  return { specialties, done: done === "added" || done === "saved" ? done : null };
}

interface SpecialtyActionData {
  intent: "add" | "save";
  id: string;
  errors: FormErrors;
  values: FormValues;
}

/** Adds a specialty (`intent=add`) or saves one (`intent=save` with its `id`). */
export async function action({ context, request }: ActionFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "add" && intent !== "save") throw new Response("Unknown form", { status: 400 });
  const id = text(form, "id");
  const values = formValues(form, { fields: ["name", "synonyms", "description", "active"] });
  const input: Record<string, unknown> = {
    name: text(form, "name"),
    synonyms: text(form, "synonyms"),
    description: text(form, "description"),
    active: intent === "add" ? true : form.get("active") === "on",
  };
  if (intent === "save") input.id = id;
  try {
    await admin.saveSpecialty(input);
  } catch (err) {
    const { errors, status } = providerActionErrors(context, err);
    return data<SpecialtyActionData>({ intent, id, errors, values }, { status });
  }
  return redirect(intent === "add" ? "/specialties?done=added" : `/specialties?done=saved#specialty-${encodeURIComponent(id)}`);
}

export default function Specialties() {
  const t = useT();
  const can = useCan();
  const { specialties, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SpecialtyActionData | undefined;
  const canEdit = can("update", "Provider");

  return (
    <Container className="pb-16">
      <PageHeader title={t("admin.specialties.title")} lead={t("admin.specialties.lead")} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
        <section aria-labelledby="specialties-list">
          <h2 id="specialties-list" className="font-heading text-xl font-semibold">
            {t("admin.specialties.listTitle", { count: specialties.length })}
          </h2>
          {done && !actionData ? (
            <div className="mt-4">
              <StatusMessage>{t(`admin.specialties.done.${done}`)}</StatusMessage>
            </div>
          ) : null}
          {specialties.length === 0 ? (
            <div className="mt-4">
              <EmptyState icon={<StethoscopeIcon />} title={t("admin.specialties.empty")} />
            </div>
          ) : (
            <ul className="mt-4 flex flex-col gap-3">
              {specialties.map((specialty) => (
                <li key={specialty.id} id={`specialty-${specialty.id}`} className="scroll-mt-6">
                  <SpecialtyRow
                    specialty={specialty}
                    canEdit={canEdit}
                    actionData={actionData?.intent === "save" && actionData.id === specialty.id ? actionData : undefined}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        {canEdit ? <AddSpecialty actionData={actionData?.intent === "add" ? actionData : undefined} /> : null}
      </div>
    </Container>
  );
}

function SpecialtyRow({ specialty, canEdit, actionData }: { specialty: SpecialtyView; canEdit: boolean; actionData?: SpecialtyActionData }) {
  const t = useT();
  return (
    <Card className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <h3 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          {specialty.name}
          {specialty.active ? null : <Badge>{t("admin.specialties.inactive")}</Badge>}
        </h3>
        <p className="text-sm text-muted-foreground">{t("admin.specialties.doctorCount", { count: specialty.doctorCount })}</p>
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted-foreground">{t("admin.specialties.slug")}</dt>
        <dd className="font-mono break-all">{specialty.slug}</dd>
        <dt className="text-muted-foreground">{t("admin.specialties.synonyms")}</dt>
        <dd>{specialty.synonyms.length ? specialty.synonyms.join(", ") : <span className="text-muted-foreground">{t("admin.specialties.noSynonyms")}</span>}</dd>
      </dl>
      {canEdit ? (
        <details open={Boolean(actionData)} className="rounded-brand border border-border">
          <summary className="flex min-h-11 cursor-pointer items-center px-3 font-semibold">
            {t("admin.specialties.edit")}
            <span className="sr-only"> {specialty.name}</span>
          </summary>
          <div className="border-t border-border p-3">
            <SpecialtyForm
              key={actionData ? "failed" : "saved"}
              prefix={`sp-${specialty.id}`}
              intent="save"
              specialty={specialty}
              actionData={actionData}
              submit={t("admin.specialties.save")}
            />
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function AddSpecialty({ actionData }: { actionData?: SpecialtyActionData }) {
  const t = useT();
  return (
    <section aria-labelledby="specialty-add">
      <Card>
        <h2 id="specialty-add" className="font-heading text-xl font-semibold">
          {t("admin.specialties.addTitle")}
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">{t("admin.specialties.addLead")}</p>
        <div className="mt-4">
          <SpecialtyForm key={actionData ? "failed" : "new"} prefix="sp-new" intent="add" actionData={actionData} submit={t("admin.specialties.add")} />
        </div>
      </Card>
    </section>
  );
}

function SpecialtyForm({
  prefix,
  intent,
  specialty,
  actionData,
  submit,
}: {
  prefix: string;
  intent: "add" | "save";
  specialty?: SpecialtyView;
  actionData?: SpecialtyActionData;
  submit: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent && navigation.formData?.get("id") === (specialty?.id ?? "");
  const values = actionData?.values;
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  return (
    <Form method="post" noValidate className="flex flex-col gap-4">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={specialty?.id ?? ""} />
      <FormErrorSummary
        errors={actionData?.errors}
        fieldIds={{ name: `${prefix}-name`, synonyms: `${prefix}-synonyms`, description: `${prefix}-description` }}
      />
      <TextField
        id={`${prefix}-name`}
        name="name"
        type="text"
        autoComplete="off"
        required
        label={t("admin.specialties.name")}
        defaultValue={values ? str(values, "name") : specialty?.name}
        error={fieldErrors.name}
      />
      <TextAreaField
        id={`${prefix}-synonyms`}
        name="synonyms"
        rows={3}
        optional
        label={t("admin.specialties.synonyms")}
        hint={t("admin.specialties.synonymsHint")}
        defaultValue={values ? str(values, "synonyms") : specialty?.synonyms.join(", ")}
        error={fieldErrors.synonyms}
      />
      <TextAreaField
        id={`${prefix}-description`}
        name="description"
        rows={2}
        optional
        label={t("admin.specialties.description")}
        defaultValue={values ? str(values, "description") : (specialty?.description ?? undefined)}
        error={fieldErrors.description}
      />
      {specialty ? (
        <CheckboxField
          id={`${prefix}-active`}
          name="active"
          label={t("admin.specialties.activeLabel")}
          hint={t("admin.specialties.activeHint")}
          defaultChecked={values ? str(values, "active") === "on" : specialty.active}
        />
      ) : null}
      <Button type="submit" className="self-start" disabled={busy}>
        {submit}
        {specialty ? <span className="sr-only"> {specialty.name}</span> : null}
      </Button>
    </Form>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
