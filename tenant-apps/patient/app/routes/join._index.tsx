import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  actionErrors,
  Button,
  Card,
  Container,
  CsrfInput,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  MailIcon,
  PageHeader,
  pageMeta,
  ShieldIcon,
  useRootData,
  useT,
} from "@visitnow/ui";
import {
  ApplicationFields,
  applicationFieldIds,
  DOCUMENT_ACCEPT,
  documentFieldId,
  keepApplicationValues,
  toApplicationInput,
  type ApplicationFormOptions,
  type ApplicationValues,
} from "../components/application-form";
import { FileField } from "../components/fields";
import { oversizedErrors } from "../components/upload-errors.server";
import { useHydrated } from "../components/use-hydrated";
import { requireDiscovery } from "../discovery.server";
import { readUploadForm } from "../uploads.server";

export const meta = pageMeta("patient.join.metaTitle");

/** A reference as the platform issues them; anything else in the URL is ignored rather than echoed. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/** The application form's choices, or the confirmation after a successful application (`?submitted=<reference>`). */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const discovery = requireDiscovery(context);
  const submitted = new URL(request.url).searchParams.get("submitted");
  if (submitted && REFERENCE.test(submitted)) return { submitted, options: null };
  return { submitted: null, options: await discovery.applicationForm() };
}

interface JoinActionData {
  errors: FormErrors;
  values: ApplicationValues;
}

/** A doctor applies: text fields and files in one multipart post; on success, a redirect to the confirmation. */
export async function action({ context, request }: ActionFunctionArgs) {
  const discovery = requireDiscovery(context);
  const { fields, files, oversized } = await readUploadForm(request);
  const values = keepApplicationValues(fields);
  if (oversized.length > 0) return data<JoinActionData>({ errors: oversizedErrors(context, oversized), values }, { status: 400 });
  let reference: string;
  try {
    ({ reference } = await discovery.apply(toApplicationInput(fields), files));
  } catch (err) {
    return data<JoinActionData>({ errors: actionErrors(err), values }, { status: 400 });
  }
  return redirect(`/join?${new URLSearchParams({ submitted: reference }).toString()}`);
}

export default function Join() {
  const { submitted, options } = useLoaderData<typeof loader>();
  if (submitted || !options) return <Submitted reference={submitted ?? ""} />;
  return <ApplyForm options={options} />;
}

function ApplyForm({ options }: { options: ApplicationFormOptions }) {
  const t = useT();
  const root = useRootData();
  const name = root?.tenant?.name ?? "";
  const actionData = useActionData<typeof action>() as JoinActionData | undefined;
  const submitting = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  const fieldIds = applicationFieldIds(options.documents.map((d) => d.kind));

  return (
    <Container>
      <PageHeader eyebrow={t("patient.join.eyebrow")} title={t("patient.join.title", { name })} lead={t("patient.join.lead", { name })} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start lg:gap-8">
        <aside aria-labelledby="join-need-title" className="lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1">
          <Card>
            <h2 id="join-need-title" className="font-heading text-lg font-semibold">
              {t("patient.join.need.title")}
            </h2>
            <ul className="mt-3 list-disc space-y-1.5 pl-5 text-muted-foreground">
              <li>{t("patient.join.need.registration")}</li>
              <li>{t("patient.join.need.qualifications")}</li>
              {options.documents.length > 0 ? <li>{t("patient.join.need.documents", { list: options.documents.map((d) => d.label).join(", ") })}</li> : null}
              <li>{t("patient.join.need.photo")}</li>
            </ul>
            <p className="mt-4 flex items-start gap-2 text-sm text-muted-foreground">
              <ShieldIcon width={18} height={18} className="mt-0.5 shrink-0" />
              <span>{t("patient.join.need.privacy")}</span>
            </p>
          </Card>
        </aside>

        <Form method="post" encType="multipart/form-data" noValidate className="flex flex-col gap-6 lg:col-start-1 lg:row-start-1">
          <CsrfInput />
          <FormErrorSummary errors={actionData?.errors} fieldIds={fieldIds} />
          <ApplicationFields options={options} values={actionData?.values ?? {}} fieldErrors={fieldErrors} />

          {options.documents.length > 0 ? (
            <section aria-labelledby="app-section-documents">
              <Card>
                <h2 id="app-section-documents" className="font-heading text-xl font-semibold">
                  {t("patient.join.section.documents")}
                </h2>
                <p className="mt-1 text-muted-foreground">{t("patient.join.section.documentsLead")}</p>
                {actionData && !hydrated ? (
                  <p className="mt-4 rounded-brand bg-accent px-4 py-3 font-medium text-accent-foreground">{t("patient.join.filesAgain")}</p>
                ) : null}
                <div className="mt-5 flex flex-col gap-5">
                  {options.documents.map((doc) => (
                    <FileField
                      key={doc.kind}
                      id={documentFieldId(doc.kind)}
                      name={`doc_${doc.kind}`}
                      accept={DOCUMENT_ACCEPT}
                      label={doc.label}
                      required={doc.required}
                      optional={!doc.required}
                      hint={t("patient.join.field.documentHint")}
                      error={fieldErrors[`doc_${doc.kind}`]}
                    />
                  ))}
                </div>
              </Card>
            </section>
          ) : null}

          <div className="flex flex-col gap-3">
            <p className="text-sm text-muted-foreground">{t("patient.join.consent", { name })}</p>
            <Button type="submit" disabled={submitting} className="w-full sm:w-auto sm:self-start">
              {submitting ? t("patient.join.submitting") : t("patient.join.submit")}
            </Button>
          </div>
        </Form>
      </div>
    </Container>
  );
}

function Submitted({ reference }: { reference: string }) {
  const t = useT();
  const root = useRootData();
  const name = root?.tenant?.name ?? "";
  return (
    <Container className="py-10 sm:py-14">
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <div className="flex flex-col items-start gap-4">
          <span aria-hidden="true" className="inline-flex size-14 items-center justify-center rounded-full bg-secondary text-secondary-foreground">
            <MailIcon width={28} height={28} />
          </span>
          <h1 className="font-heading text-3xl font-bold tracking-tight sm:text-4xl">{t("patient.join.done.title")}</h1>
          <p className="text-lg text-muted-foreground">{t("patient.join.done.lead", { name })}</p>
        </div>
        <Card>
          <p className="text-sm font-medium text-muted-foreground">{t("patient.join.done.referenceLabel")}</p>
          <p className="mt-1 break-all font-mono text-2xl font-bold tracking-wider">{reference}</p>
          <p className="mt-2 text-sm text-muted-foreground">{t("patient.join.done.referenceHint")}</p>
        </Card>
        <section aria-labelledby="next-title">
          <h2 id="next-title" className="font-heading text-xl font-semibold">
            {t("patient.join.done.next.title")}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5">
            <li>{t("patient.join.done.next.email")}</li>
            <li>{t("patient.join.done.next.review", { name })}</li>
            <li>{t("patient.join.done.next.changes")}</li>
            <li>{t("patient.join.done.next.live")}</li>
          </ol>
        </section>
        <p>
          <Link to="/" className="inline-flex min-h-11 items-center rounded-brand bg-primary px-5 font-semibold text-primary-foreground">
            {t("patient.join.done.home")}
          </Link>
        </p>
      </div>
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
