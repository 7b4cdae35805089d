import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ApplicationView, ProviderStatus } from "@visitnow/platform/context";
import {
  actionErrors,
  Badge,
  type BadgeTone,
  brandNameOf,
  Button,
  Card,
  Container,
  CsrfInput,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  LockIcon,
  PageHeader,
  StatusMessage,
  translate,
  useRootData,
  useT,
  type RootData,
} from "@visitnow/ui";
import {
  ApplicationFields,
  applicationFieldIds,
  DOCUMENT_ACCEPT,
  documentFieldId,
  keepApplicationValues,
  profileValues,
  toApplicationInput,
  type ApplicationValues,
} from "../components/application-form";
import { FileField } from "../components/fields";
import { oversizedErrors } from "../components/upload-errors.server";
import { useHydrated } from "../components/use-hydrated";
import { orNotFound, privateLinkHeaders, requireDiscovery } from "../discovery.server";
import { readUploadForm } from "../uploads.server";

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const headers = new Headers(loaderHeaders);
  actionHeaders.forEach((value, name) => headers.set(name, value));
  return headers;
};

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const root = matches.find((match) => match.id === "root")?.data as RootData | undefined;
  if (!root) return [];
  const titleKey = loaded ? "patient.application.metaTitle" : "common.error.pageNotFound";
  return [
    { title: `${translate(root.i18n.messages, titleKey)} · ${brandNameOf(root)}` },
    // The token in this page's URL is the applicant's key: keep it out of referrers and search engines.
    { name: "referrer", content: "no-referrer" },
    { name: "robots", content: "noindex, nofollow" },
  ];
};

/** The applicant's private page: their application's status and, while changes are requested, the form to fix it. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const discovery = requireDiscovery(context);
  const application = await orNotFound(discovery.describeApplication(params.token ?? ""));
  const editable = application.status === "changes_requested";
  const options = editable ? await discovery.applicationForm() : null;
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  return data({ application, options, sent }, { headers: privateLinkHeaders });
}

interface ResubmitActionData {
  errors: FormErrors;
  values: ApplicationValues;
}

/** The applicant sends the fixed application back for review. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  const discovery = requireDiscovery(context);
  const token = params.token ?? "";
  const { fields, files, oversized } = await readUploadForm(request);
  const values = keepApplicationValues(fields);
  if (oversized.length > 0) return data<ResubmitActionData>({ errors: oversizedErrors(context, oversized), values }, { status: 400, headers: privateLinkHeaders });
  try {
    await orNotFound(discovery.resubmitApplication(token, toApplicationInput(fields), files));
  } catch (err) {
    return data<ResubmitActionData>({ errors: actionErrors(err), values }, { status: 400, headers: privateLinkHeaders });
  }
  return redirect(`/join/${encodeURIComponent(token)}?sent=1`, { headers: privateLinkHeaders });
}

const statusTone: Record<ProviderStatus, BadgeTone> = {
  submitted: "info",
  in_review: "info",
  changes_requested: "warning",
  approved: "brand",
  rejected: "neutral",
};

const documentTone: Record<ApplicationView["documents"][number]["status"], BadgeTone> = {
  missing: "warning",
  uploaded: "info",
  accepted: "brand",
  rejected: "warning",
};

export default function ApplicationPage() {
  const t = useT();
  const root = useRootData();
  const name = root?.tenant?.name ?? "";
  const { application, options, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ResubmitActionData | undefined;
  const submitting = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  const values = actionData?.values ?? profileValues(application.profile);

  return (
    <Container>
      <PageHeader
        eyebrow={t("patient.application.eyebrow", { reference: application.reference })}
        title={t("patient.application.title")}
        lead={application.name}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        {sent ? <StatusMessage>{t("patient.application.resubmitted")}</StatusMessage> : null}

        <section aria-labelledby="status-title">
          <Card>
            <div className="flex flex-wrap items-center gap-3">
              <h2 id="status-title" className="font-heading text-xl font-semibold">
                {t("patient.application.statusTitle")}
              </h2>
              <Badge tone={statusTone[application.status]}>{t(`patient.application.status.${application.status}`)}</Badge>
            </div>
            <p className="mt-2 text-muted-foreground">{t(`patient.application.statusBody.${application.status}`, { name })}</p>
            {application.changesRequested && application.status === "changes_requested" ? (
              <div className="mt-5 rounded-brand border-2 border-accent bg-surface p-4">
                <h3 className="font-heading text-lg font-semibold">{t("patient.application.fixTitle")}</h3>
                <p className="mt-2 whitespace-pre-line">{application.changesRequested}</p>
              </div>
            ) : null}
          </Card>
        </section>

        {application.documents.length > 0 ? (
          <section aria-labelledby="documents-title">
            <Card>
              <h2 id="documents-title" className="font-heading text-xl font-semibold">
                {t("patient.application.documentsTitle")}
              </h2>
              <ul className="mt-4 divide-y divide-border rounded-brand border border-border">
                {application.documents.map((doc) => (
                  <li key={doc.kind} className="flex flex-col gap-1 px-4 py-3">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="font-medium">
                        {doc.label}
                        <span className="font-normal text-muted-foreground">
                          {" "}
                          {doc.required ? t("patient.form.required") : t("layout.form.optional")}
                        </span>
                      </p>
                      <Badge tone={documentTone[doc.status]}>{t(`patient.application.document.${doc.status}`)}</Badge>
                    </div>
                    {doc.note ? <p className="text-sm text-muted-foreground">{t("patient.application.document.note", { note: doc.note })}</p> : null}
                  </li>
                ))}
              </ul>
            </Card>
          </section>
        ) : null}

        {options ? (
          <Form method="post" encType="multipart/form-data" noValidate className="flex flex-col gap-6">
            <CsrfInput />
            <div>
              <h2 className="font-heading text-2xl font-semibold">{t("patient.application.editTitle")}</h2>
              <p className="mt-1 text-muted-foreground">{t("patient.application.editLead")}</p>
            </div>
            <FormErrorSummary errors={actionData?.errors} fieldIds={applicationFieldIds(application.documents.map((d) => d.kind))} />
            <ApplicationFields options={options} values={values} fieldErrors={fieldErrors} photoHint={t("patient.application.photoHint")} />
            {application.documents.length > 0 ? (
              <section aria-labelledby="replace-title">
                <Card>
                  <h2 id="replace-title" className="font-heading text-xl font-semibold">
                    {t("patient.application.replaceTitle")}
                  </h2>
                  <p className="mt-1 text-muted-foreground">{t("patient.application.replaceLead")}</p>
                  {actionData && !hydrated ? (
                    <p className="mt-4 rounded-brand bg-accent px-4 py-3 font-medium text-accent-foreground">{t("patient.join.filesAgain")}</p>
                  ) : null}
                  <div className="mt-5 flex flex-col gap-5">
                    {application.documents.map((doc) => (
                      <FileField
                        key={doc.kind}
                        id={documentFieldId(doc.kind)}
                        name={`doc_${doc.kind}`}
                        accept={DOCUMENT_ACCEPT}
                        label={doc.status === "missing" ? t("patient.application.uploadLabel", { label: doc.label }) : t("patient.application.replaceLabel", { label: doc.label })}
                        required={doc.required && (doc.status === "missing" || doc.status === "rejected")}
                        optional={!(doc.required && (doc.status === "missing" || doc.status === "rejected"))}
                        hint={t("patient.join.field.documentHint")}
                        error={fieldErrors[`doc_${doc.kind}`]}
                      />
                    ))}
                  </div>
                </Card>
              </section>
            ) : null}
            <Button type="submit" disabled={submitting} className="w-full sm:w-auto sm:self-start">
              {submitting ? t("patient.application.submitting") : t("patient.application.submit")}
            </Button>
          </Form>
        ) : null}

        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <LockIcon width={18} height={18} className="mt-0.5 shrink-0" />
          <span>{t("patient.application.private")}</span>
        </p>
      </div>
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
