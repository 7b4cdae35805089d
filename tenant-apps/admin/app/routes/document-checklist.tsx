import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { DocumentRequirementView } from "@visitnow/platform/context";
import {
  ArrowLeftIcon,
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
  TextField,
  textLinkClass,
  useCan,
  useT,
} from "@visitnow/ui";
import { CheckboxField, str } from "../components/form-controls";
import { formValues, loadOrThrow, providerActionErrors, requireProviderAdmin, text, type FormValues } from "../provider-admin.server";

export const meta = pageMeta("admin.checklist.title");

/** The documents this tenant asks every doctor for. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const requirements = await loadOrThrow(() => admin.listDocumentRequirements());
  const done = new URL(request.url).searchParams.get("done");
  return { requirements, done: done === "added" || done === "saved" ? done : null };
}

interface ChecklistActionData {
  intent: "add" | "save";
  kind: string;
  errors: FormErrors;
  values: FormValues;
}

/** Adds a checklist item (`intent=add`) or saves one (`intent=save` with its `kind`). */
export async function action({ context, request }: ActionFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "add" && intent !== "save") throw new Response("Unknown form", { status: 400 });
  const kind = text(form, "kind");
  const values = formValues(form, { fields: ["label", "required"] });
  const input: Record<string, unknown> = { label: text(form, "label"), required: form.get("required") === "on" };
  if (intent === "save") input.kind = kind;
  try {
    await admin.saveDocumentRequirement(input);
  } catch (err) {
    const { errors, status } = providerActionErrors(context, err);
    return data<ChecklistActionData>({ intent, kind, errors, values }, { status });
  }
  return redirect(intent === "add" ? "/document-checklist?done=added" : `/document-checklist?done=saved#doc-${encodeURIComponent(kind)}`);
}

export default function DocumentChecklist() {
  const t = useT();
  const can = useCan();
  const { requirements, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ChecklistActionData | undefined;
  const canEdit = can("update", "Provider");

  return (
    <Container className="pb-16">
      <p className="pt-6">
        <Link to="/doctors" className={`${textLinkClass} inline-flex min-h-11 items-center gap-2`}>
          <ArrowLeftIcon aria-hidden="true" />
          {t("admin.doctor.back")}
        </Link>
      </p>
      <PageHeader title={t("admin.checklist.title")} lead={t("admin.checklist.lead")} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
        <section aria-labelledby="checklist-items">
          <h2 id="checklist-items" className="font-heading text-xl font-semibold">
            {t("admin.checklist.listTitle")}
          </h2>
          {done && !actionData ? (
            <div className="mt-4">
              <StatusMessage>{t(`admin.checklist.done.${done}`)}</StatusMessage>
            </div>
          ) : null}
          {requirements.length === 0 ? (
            <div className="mt-4">
              <EmptyState title={t("admin.checklist.empty")} />
            </div>
          ) : (
            <ul className="mt-4 flex flex-col gap-3">
              {requirements.map((item) => (
                <li key={item.kind} id={`doc-${item.kind}`} className="scroll-mt-6">
                  <RequirementRow
                    item={item}
                    canEdit={canEdit}
                    actionData={actionData?.intent === "save" && actionData.kind === item.kind ? actionData : undefined}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        {canEdit ? (
          <section aria-labelledby="checklist-add">
            <Card>
              <h2 id="checklist-add" className="font-heading text-xl font-semibold">
                {t("admin.checklist.addTitle")}
              </h2>
              <p className="mt-1 text-sm text-muted-foreground">{t("admin.checklist.addLead")}</p>
              <div className="mt-4">
                <RequirementForm
                  key={actionData?.intent === "add" ? "failed" : "new"}
                  prefix="req-new"
                  intent="add"
                  actionData={actionData?.intent === "add" ? actionData : undefined}
                  submit={t("admin.checklist.add")}
                />
              </div>
            </Card>
          </section>
        ) : null}
      </div>
    </Container>
  );
}

function RequirementRow({ item, canEdit, actionData }: { item: DocumentRequirementView; canEdit: boolean; actionData?: ChecklistActionData }) {
  const t = useT();
  return (
    <Card className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-lg font-semibold">{item.label}</h3>
        <Badge tone={item.required ? "brand" : "neutral"}>{item.required ? t("admin.checklist.required") : t("admin.checklist.optional")}</Badge>
      </div>
      <p className="text-sm text-muted-foreground">
        {t("admin.checklist.kind")} <span className="font-mono">{item.kind}</span>
      </p>
      {canEdit ? (
        <details open={Boolean(actionData)} className="rounded-brand border border-border">
          <summary className="flex min-h-11 cursor-pointer items-center px-3 font-semibold">
            {t("admin.checklist.edit")}
            <span className="sr-only"> {item.label}</span>
          </summary>
          <div className="border-t border-border p-3">
            <RequirementForm
              key={actionData ? "failed" : "saved"}
              prefix={`req-${item.kind}`}
              intent="save"
              item={item}
              actionData={actionData}
              submit={t("admin.checklist.save")}
            />
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function RequirementForm({
  prefix,
  intent,
  item,
  actionData,
  submit,
}: {
  prefix: string;
  intent: "add" | "save";
  item?: DocumentRequirementView;
  actionData?: ChecklistActionData;
  submit: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent && navigation.formData?.get("kind") === (item?.kind ?? "");
  const values = actionData?.values;
  return (
    <Form method="post" noValidate className="flex flex-col gap-4">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="kind" value={item?.kind ?? ""} />
      <FormErrorSummary errors={actionData?.errors} fieldIds={{ label: `${prefix}-label` }} />
      <TextField
        id={`${prefix}-label`}
        name="label"
        type="text"
        autoComplete="off"
        required
        label={t("admin.checklist.label")}
        hint={intent === "add" ? t("admin.checklist.labelHint") : undefined}
        defaultValue={values ? str(values, "label") : item?.label}
        error={actionData?.errors.fieldErrors.label}
      />
      <CheckboxField
        id={`${prefix}-required`}
        name="required"
        label={t("admin.checklist.requiredLabel")}
        hint={t("admin.checklist.requiredHint")}
        defaultChecked={values ? str(values, "required") === "on" : (item?.required ?? true)}
      />
      <Button type="submit" className="self-start" disabled={busy}>
        {submit}
        {item ? <span className="sr-only"> {item.label}</span> : null}
      </Button>
    </Form>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
