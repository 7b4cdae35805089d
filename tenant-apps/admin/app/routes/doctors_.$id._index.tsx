import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ClinicView, ProviderDetailView, ProviderDocumentView, ReviewEventView } from "@visitnow/platform/context";
import {
  ArrowLeftIcon,
  Badge,
  Button,
  ButtonLink,
  Card,
  Container,
  CsrfInput,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  intlLocale,
  pageMeta,
  SelectField,
  StatusMessage,
  textLinkClass,
  useCan,
  useLocale,
  useT,
  type Translate,
} from "@visitnow/ui";
import type { ReactNode } from "react";
import { FileField, TextAreaField } from "../components/form-controls";
import { ProviderStatusBadge } from "../components/provider-status";
import { useDate, useDateTime } from "../components/use-date-time";
import {
  formValues,
  isMultipart,
  loadOptional,
  loadOrThrow,
  providerActionErrors,
  readUploadForm,
  requiredError,
  requireProviderAdmin,
  text,
  tooLargeErrors,
  type FormValues,
} from "../provider-admin.server";

export const meta = pageMeta("admin.doctor.metaTitle");

const intents = [
  "assign",
  "note",
  "changes",
  "approve",
  "reject",
  "publish",
  "unpublish",
  "list",
  "delist",
  "doc_accept",
  "doc_reject",
  "upload",
] as const;
type Intent = (typeof intents)[number];

function isIntent(value: unknown): value is Intent {
  return (intents as readonly unknown[]).includes(value);
}

/** What `?done=` may say after a redirect (anything else is ignored). */
const DONE = new Set<string>([...intents, "created", "updated"]);

/** The section a finished or failed form belongs to (and the redirect's `#fragment`). */
function sectionOf(intent: string): "checklist" | "review" | "visibility" | "top" {
  if (intent === "doc_accept" || intent === "doc_reject" || intent === "upload") return "checklist";
  if (intent === "publish" || intent === "unpublish" || intent === "list" || intent === "delist") return "visibility";
  if (intent === "created" || intent === "updated") return "top";
  return "review";
}

/** The application with its checklist and timeline; reviewers and clinics when the role may see them. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const provider = await loadOrThrow(() => admin.getProvider(params.id ?? ""));
  const [reviewers, clinics] = await Promise.all([
    provider.allowed.review ? loadOptional(() => admin.listReviewers()) : Promise.resolve(null),
    loadOptional(() => admin.listClinics()),
  ]);
  const done = new URL(request.url).searchParams.get("done");
  return { provider, reviewers, clinics, done: done && DONE.has(done) ? done : null };
}

interface ReviewActionData {
  intent: Intent;
  /** The document a checklist form was about. */
  documentId?: string;
  /** The checklist item an upload form was for. */
  kind?: string;
  errors: FormErrors;
  values: FormValues;
}

/** Runs one review step (told apart by `intent`); success redirects back with `?done=`. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const id = params.id ?? "";
  const upload = isMultipart(request) ? await readUploadForm(request) : null;
  const form = upload ? upload.form : await request.formData();
  const intent = form.get("intent");
  if (!isIntent(intent)) throw new Response("Unknown form", { status: 400 });
  const values = formValues(form, { fields: ["reviewerId", "body", "message", "note", "reason"] });
  const documentId = text(form, "documentId") || undefined;
  const kind = text(form, "kind") || undefined;
  const fail = (errors: FormErrors, status = 400) => data<ReviewActionData>({ intent, documentId, kind, errors, values }, { status });

  try {
    switch (intent) {
      case "assign":
        await admin.assignReviewer(id, text(form, "reviewerId") || null);
        break;
      case "note": {
        const body = text(form, "body").trim();
        if (!body) return fail(requiredError(context, "body", "admin.doctor.error.noteMissing"));
        await admin.addNote(id, body);
        break;
      }
      case "changes": {
        const message = text(form, "message").trim();
        if (!message) return fail(requiredError(context, "message", "admin.doctor.error.changesMissing"));
        await admin.requestChanges(id, message);
        break;
      }
      case "approve":
        await admin.approve(id, text(form, "note").trim() || null);
        break;
      case "reject": {
        const reason = text(form, "reason").trim();
        if (!reason) return fail(requiredError(context, "reason", "admin.doctor.error.reasonMissing"));
        await admin.reject(id, reason);
        break;
      }
      case "publish":
        await admin.publish(id);
        break;
      case "unpublish":
        await admin.unpublish(id);
        break;
      case "list":
      case "delist":
        await admin.setMarketplaceListing(id, intent === "list");
        break;
      case "doc_accept":
      case "doc_reject": {
        const note = text(form, "note").trim();
        if (intent === "doc_reject" && !note) return fail(requiredError(context, "note", "admin.doctor.error.documentNoteMissing"));
        await admin.setDocumentStatus(id, documentId ?? "", intent === "doc_accept" ? "accepted" : "rejected", note || null);
        break;
      }
      case "upload": {
        if (!upload) throw new Response("Upload forms are multipart", { status: 400 });
        const field = `doc_${kind ?? ""}`;
        if (upload.tooLarge.length > 0) return fail(tooLargeErrors(context, [field]), 413);
        const files = upload.files.filter((file) => file.field === field);
        if (files.length === 0) return fail(requiredError(context, field, "admin.doctor.error.fileMissing"));
        await admin.uploadDocuments(id, files);
        break;
      }
    }
  } catch (err) {
    const { errors, status } = providerActionErrors(context, err);
    return fail(errors, status);
  }
  const section = sectionOf(intent);
  return redirect(`/doctors/${encodeURIComponent(id)}?done=${intent}${section === "top" ? "" : `#${section}`}`);
}

export default function ReviewDoctor() {
  const t = useT();
  const can = useCan();
  const { provider, reviewers, clinics, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ReviewActionData | undefined;
  // A status message only for the last thing that worked, and not over a newer failure.
  const doneIn = (section: string) => (done && !actionData && sectionOf(done) === section ? done : null);
  const topDone = doneIn("top");
  const date = useDate();

  return (
    <Container className="pb-16">
      <p className="pt-6">
        <Link to="/doctors" className={`${textLinkClass} inline-flex min-h-11 items-center gap-2`}>
          <ArrowLeftIcon aria-hidden="true" />
          {t("admin.doctor.back")}
        </Link>
      </p>

      <header className="flex flex-col gap-4 py-6 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="font-heading text-3xl font-bold tracking-tight break-words sm:text-4xl">{provider.name}</h1>
          {provider.specialties.length ? <p className="mt-2 text-lg text-muted-foreground">{provider.specialties.join(", ")}</p> : null}
          <p className="mt-3 flex flex-wrap items-center gap-2">
            <ProviderStatusBadge status={provider.status} />
            <Badge tone={provider.published ? "brand" : "neutral"}>
              {provider.published ? t("admin.provider.published") : t("admin.provider.notPublished")}
            </Badge>
            {provider.marketplaceListed ? <Badge tone="info">{t("admin.provider.onMarketplace")}</Badge> : null}
          </p>
          <p className="mt-2 text-sm text-muted-foreground">{t("admin.doctor.submittedOn", { date: date(provider.submittedAt) })}</p>
        </div>
        {can("update", "Provider") ? (
          <ButtonLink to={`/doctors/${encodeURIComponent(provider.id)}/edit`} variant="secondary" className="shrink-0">
            {t("admin.doctor.edit")}
          </ButtonLink>
        ) : null}
      </header>

      {topDone ? (
        <div className="mb-6">
          <StatusMessage>{t(`admin.doctor.done.${topDone}`)}</StatusMessage>
        </div>
      ) : null}

      {provider.decisionReason && (provider.status === "rejected" || provider.status === "changes_requested") ? (
        <div className="mb-6 rounded-brand border-l-4 border-accent bg-muted px-4 py-3">
          <p className="font-semibold">
            {provider.status === "rejected" ? t("admin.doctor.rejectedBecause") : t("admin.doctor.changesAsked")}
          </p>
          <p className="mt-1 whitespace-pre-line">{provider.decisionReason}</p>
        </div>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] lg:items-start">
        <div className="flex flex-col gap-8">
          <Checklist provider={provider} done={doneIn("checklist")} actionData={actionData && sectionOf(actionData.intent) === "checklist" ? actionData : undefined} />
          <Profile provider={provider} clinics={clinics} />
        </div>
        <div className="flex flex-col gap-8">
          <ReviewPanel
            provider={provider}
            reviewers={reviewers}
            done={doneIn("review")}
            actionData={actionData && sectionOf(actionData.intent) === "review" ? actionData : undefined}
          />
          <Visibility
            provider={provider}
            done={doneIn("visibility")}
            actionData={actionData && sectionOf(actionData.intent) === "visibility" ? actionData : undefined}
          />
          <Timeline events={provider.timeline} />
        </div>
      </div>
    </Container>
  );
}

function SectionTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="scroll-mt-6 font-heading text-xl font-semibold">
      {children}
    </h2>
  );
}

const smallButton = "min-h-10 px-4 py-1.5 text-sm";

function useBusy(intent: Intent, documentId?: string): boolean {
  const navigation = useNavigation();
  return (
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    (documentId === undefined || navigation.formData?.get("documentId") === documentId)
  );
}

/** A translated label, or `fallback` when the catalogue has no such key (e.g. a new event kind). */
function labelOr(t: Translate, key: string, fallback: string): string {
  const label = t(key);
  return label === key ? fallback : label;
}

function humanize(kind: string): string {
  const words = kind.replace(/[_.]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function useFileSize(): (bytes: number) => string {
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  return (bytes) => {
    const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, "megabyte"] : [Math.max(1, bytes / 1024), "kilobyte"];
    return new Intl.NumberFormat(tag, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
  };
}

const documentTones = { missing: "warning", uploaded: "info", accepted: "brand", rejected: "warning" } as const;

function Checklist({ provider, done, actionData }: { provider: ProviderDetailView; done: string | null; actionData?: ReviewActionData }) {
  const t = useT();
  const missing = provider.checklist.filter((item) => item.required && !item.document).length;

  return (
    <section aria-labelledby="checklist">
      <Card>
        <SectionTitle id="checklist">{t("admin.doctor.checklist.title")}</SectionTitle>
        <p className="mt-1 text-muted-foreground">
          {missing > 0 ? t("admin.doctor.checklist.missing", { count: missing }) : t("admin.doctor.checklist.complete")}
        </p>
        <div className="mt-4 flex flex-col gap-3 empty:hidden">
          {done ? <StatusMessage>{t(`admin.doctor.done.${done}`)}</StatusMessage> : null}
        </div>
        {provider.checklist.length === 0 ? (
          <p className="mt-4 rounded-brand border border-dashed border-border px-4 py-5 text-muted-foreground">{t("admin.doctor.checklist.empty")}</p>
        ) : (
          <ul className="mt-4 flex flex-col divide-y divide-border rounded-brand border border-border">
            {provider.checklist.map((item) => (
              <ChecklistItem
                key={`${item.kind}-${item.document?.id ?? "none"}`}
                providerId={provider.id}
                item={item}
                canReview={provider.allowed.review}
                actionData={
                  actionData && (actionData.kind === item.kind || (item.document && actionData.documentId === item.document.id)) ? actionData : undefined
                }
              />
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}

function ChecklistItem({
  providerId,
  item,
  canReview,
  actionData,
}: {
  providerId: string;
  item: ProviderDetailView["checklist"][number];
  canReview: boolean;
  actionData?: ReviewActionData;
}) {
  const t = useT();
  const doc = item.document;
  const status = doc ? doc.status : "missing";
  const headingId = `doc-${item.kind}-title`;

  return (
    <li className="flex flex-col gap-3 px-4 py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {item.label}
          <span className="ml-2 text-sm font-normal text-muted-foreground">
            {item.required ? t("admin.doctor.checklist.required") : t("admin.doctor.checklist.optional")}
          </span>
        </h3>
        <Badge tone={status === "missing" && !item.required ? "neutral" : documentTones[status]}>{t(`admin.doctor.checklist.status.${status}`)}</Badge>
      </div>
      {doc ? <DocumentFacts providerId={providerId} doc={doc} /> : null}
      {canReview && doc ? <DocumentDecision doc={doc} label={item.label} actionData={actionData?.documentId === doc.id ? actionData : undefined} /> : null}
      {canReview ? <UploadForm kind={item.kind} label={item.label} replacing={Boolean(doc)} actionData={actionData?.kind === item.kind ? actionData : undefined} /> : null}
    </li>
  );
}

function DocumentFacts({ providerId, doc }: { providerId: string; doc: ProviderDocumentView }) {
  const t = useT();
  const dateTime = useDateTime();
  const size = useFileSize();
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium break-all">{doc.originalName}</span>
        <span className="text-muted-foreground">{size(doc.sizeBytes)}</span>
        <span className="text-muted-foreground">{t("admin.doctor.checklist.uploadedAt", { date: dateTime(doc.uploadedAt) })}</span>
      </p>
      {doc.note ? (
        <p>
          <span className="font-medium">{t("admin.doctor.checklist.note")}</span> {doc.note}
        </p>
      ) : null}
      <p>
        <Link
          reloadDocument
          to={`/doctors/${encodeURIComponent(providerId)}/documents/${encodeURIComponent(doc.id)}`}
          className={`${textLinkClass} inline-flex min-h-10 items-center`}
        >
          {t("admin.doctor.checklist.download")}
          <span className="sr-only"> {doc.originalName}</span>
        </Link>
      </p>
    </div>
  );
}

function DocumentDecision({ doc, label, actionData }: { doc: ProviderDocumentView; label: string; actionData?: ReviewActionData }) {
  const t = useT();
  const accepting = useBusy("doc_accept", doc.id);
  const rejecting = useBusy("doc_reject", doc.id);
  const noteId = `doc-note-${doc.id}`;
  return (
    <Form method="post" className="flex flex-col gap-3 rounded-brand bg-muted p-3">
      <CsrfInput />
      <input type="hidden" name="documentId" value={doc.id} />
      <FormErrorSummary errors={actionData?.errors} fieldIds={{ note: noteId }} />
      <TextAreaField
        id={noteId}
        name="note"
        rows={2}
        optional
        label={t("admin.doctor.checklist.decisionNote", { label })}
        hint={t("admin.doctor.checklist.decisionNoteHint")}
        defaultValue={actionData ? (actionData.values.note as string | undefined) : undefined}
        error={actionData?.errors.fieldErrors.note}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="doc_accept" className={smallButton} disabled={accepting || doc.status === "accepted"}>
          {t("admin.doctor.checklist.accept")}
          <span className="sr-only"> {label}</span>
        </Button>
        <Button type="submit" name="intent" value="doc_reject" variant="secondary" className={smallButton} disabled={rejecting || doc.status === "rejected"}>
          {t("admin.doctor.checklist.reject")}
          <span className="sr-only"> {label}</span>
        </Button>
      </div>
    </Form>
  );
}

function UploadForm({ kind, label, replacing, actionData }: { kind: string; label: string; replacing: boolean; actionData?: ReviewActionData }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = useBusy("upload") && navigation.formData?.get("kind") === kind;
  const field = `doc_${kind}`;
  const error = actionData?.errors.fieldErrors[field] ?? actionData?.errors.formError ?? undefined;
  return (
    <details open={Boolean(actionData) || !replacing} className="rounded-brand border border-border">
      <summary className="flex min-h-10 cursor-pointer items-center px-3 text-sm font-semibold">
        {replacing ? t("admin.doctor.checklist.replace") : t("admin.doctor.checklist.upload")}
        <span className="sr-only"> {label}</span>
      </summary>
      <Form method="post" encType="multipart/form-data" className="flex flex-col gap-3 border-t border-border p-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="upload" />
        <input type="hidden" name="kind" value={kind} />
        <FileField
          id={`upload-${kind}`}
          name={field}
          accept="application/pdf,image/jpeg,image/png"
          label={t("admin.doctor.checklist.fileFor", { label })}
          hint={t("admin.providerForm.documentHint")}
          error={error}
        />
        <Button type="submit" variant="secondary" className={`${smallButton} self-start`} disabled={busy}>
          {busy ? t("admin.doctor.checklist.uploading") : t("admin.doctor.checklist.uploadSubmit")}
        </Button>
      </Form>
    </details>
  );
}

function Profile({ provider, clinics }: { provider: ProviderDetailView; clinics: ClinicView[] | null }) {
  const t = useT();
  const { locale } = useLocale();
  const p = provider.profile;
  const fee = new Intl.NumberFormat(intlLocale(locale), {
    style: "currency",
    currency: p.fee.currency,
    maximumFractionDigits: p.fee.amountMinor % 100 === 0 ? 0 : 2,
  }).format(p.fee.amountMinor / 100);
  const clinicNames = p.clinicIds.map((id) => {
    const clinic = clinics?.find((c) => c.id === id);
    return clinic ? [clinic.name, clinic.locality, clinic.city].filter(Boolean).join(", ") : null;
  });
  const none = <span className="text-muted-foreground">{t("admin.doctor.profile.none")}</span>;
  const rows: [string, ReactNode][] = [
    [t("admin.providerForm.registrationNumber"), p.registrationNumber || none],
    [t("admin.providerForm.registrationCouncil"), p.registrationCouncil || none],
    [t("admin.providerForm.qualifications"), p.qualifications.length ? p.qualifications.join(", ") : none],
    [t("admin.providerForm.yearsExperience"), t("admin.doctor.profile.years", { count: p.yearsExperience })],
    [t("admin.providerForm.specialties"), provider.specialties.length ? provider.specialties.join(", ") : none],
    [
      t("admin.providerForm.clinics"),
      clinicNames.length ? (
        <ul>
          {clinicNames.map((name, i) => (
            <li key={p.clinicIds[i]}>{name ?? t("admin.doctor.profile.unknownClinic")}</li>
          ))}
        </ul>
      ) : (
        none
      ),
    ],
    [t("admin.providerForm.fee"), fee],
    [t("admin.providerForm.modes"), p.modes.length ? p.modes.map((m) => t(`admin.provider.mode.${m}`)).join(", ") : none],
    [t("admin.providerForm.languages"), p.languages.length ? p.languages.join(", ") : none],
    [t("admin.providerForm.gender"), p.gender ? t(`admin.providerForm.genders.${p.gender}`) : none],
    [t("admin.providerForm.email"), p.email ? <span className="break-all">{p.email}</span> : none],
    [t("admin.providerForm.phone"), p.phone || none],
    [t("admin.providerForm.photo"), provider.hasPhoto ? t("admin.doctor.profile.photoYes") : t("admin.doctor.profile.photoNo")],
    [t("admin.providerForm.conditions"), p.conditions.length ? p.conditions.join(", ") : none],
  ];

  return (
    <section aria-labelledby="profile">
      <Card>
        <SectionTitle id="profile">{t("admin.doctor.profile.title")}</SectionTitle>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-muted-foreground">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
        {p.bio ? (
          <div className="mt-5 border-t border-border pt-4">
            <h3 className="font-medium text-muted-foreground">{t("admin.providerForm.bio")}</h3>
            <p className="mt-1 whitespace-pre-line">{p.bio}</p>
          </div>
        ) : null}
      </Card>
    </section>
  );
}

/** One review step's form: a text area (or none), a submit button, its errors. */
function StepForm({
  intent,
  title,
  lead,
  field,
  fieldLabel,
  fieldHint,
  required,
  submit,
  variant = "secondary",
  actionData,
  children,
}: {
  intent: Intent;
  title: string;
  lead?: string;
  field?: string;
  fieldLabel?: string;
  fieldHint?: string;
  required?: boolean;
  submit: string;
  variant?: "primary" | "secondary";
  actionData?: ReviewActionData;
  children?: ReactNode;
}) {
  const busy = useBusy(intent);
  const mine = actionData?.intent === intent ? actionData : undefined;
  const fieldId = `step-${intent}-${field ?? "field"}`;
  return (
    <Form method="post" noValidate className="flex flex-col gap-3" aria-labelledby={`step-${intent}-title`}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <h3 id={`step-${intent}-title`} className="font-semibold">
        {title}
      </h3>
      {lead ? <p className="-mt-2 text-sm text-muted-foreground">{lead}</p> : null}
      <FormErrorSummary errors={mine?.errors} fieldIds={field ? { [field]: fieldId } : {}} />
      {children}
      {field ? (
        <TextAreaField
          id={fieldId}
          name={field}
          rows={3}
          required={required}
          optional={!required}
          label={fieldLabel ?? title}
          hint={fieldHint}
          defaultValue={mine ? (mine.values[field] as string | undefined) : undefined}
          error={mine?.errors.fieldErrors[field]}
        />
      ) : null}
      <Button type="submit" variant={variant} className={`${smallButton} self-start`} disabled={busy}>
        {submit}
      </Button>
    </Form>
  );
}

function ReviewPanel({
  provider,
  reviewers,
  done,
  actionData,
}: {
  provider: ProviderDetailView;
  reviewers: { id: string; name: string }[] | null;
  done: string | null;
  actionData?: ReviewActionData;
}) {
  const t = useT();
  const { allowed } = provider;
  const assignError = actionData?.intent === "assign" ? actionData.errors : undefined;
  const rejectOpen = actionData?.intent === "reject";

  return (
    <section aria-labelledby="review">
      <Card>
        <SectionTitle id="review">{t("admin.doctor.review.title")}</SectionTitle>
        <p className="mt-1 text-sm text-muted-foreground">
          {provider.reviewer ? t("admin.doctor.review.reviewer", { name: provider.reviewer.name }) : t("admin.doctor.review.noReviewer")}
        </p>
        <div className="mt-4 flex flex-col gap-3 empty:hidden">
          {done ? <StatusMessage>{t(`admin.doctor.done.${done}`)}</StatusMessage> : null}
        </div>
        {!allowed.review && !allowed.approve ? (
          <p className="mt-4 rounded-brand border border-dashed border-border px-4 py-5 text-muted-foreground">
            {provider.status === "approved" || provider.status === "rejected"
              ? t("admin.doctor.review.closed", { status: t(`admin.provider.status.${provider.status}`) })
              : t("admin.doctor.review.readOnly")}
          </p>
        ) : (
          <div className="mt-4 flex flex-col divide-y divide-border [&>*]:py-5 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
            {allowed.review && reviewers ? (
              <Form method="post" className="flex flex-col gap-3" aria-labelledby="step-assign-title">
                <CsrfInput />
                <input type="hidden" name="intent" value="assign" />
                <h3 id="step-assign-title" className="font-semibold">
                  {t("admin.doctor.review.assignTitle")}
                </h3>
                <FormErrorSummary errors={assignError} fieldIds={{ reviewerId: "assign-reviewer" }} />
                <SelectField
                  id="assign-reviewer"
                  name="reviewerId"
                  label={t("admin.doctor.review.reviewerLabel")}
                  options={[{ value: "", label: t("admin.doctor.review.nobody") }, ...reviewers.map((r) => ({ value: r.id, label: r.name }))]}
                  defaultValue={provider.reviewer?.id ?? ""}
                  error={assignError?.fieldErrors.reviewerId}
                />
                <Button type="submit" variant="secondary" className={`${smallButton} self-start`}>
                  {t("admin.doctor.review.assign")}
                </Button>
              </Form>
            ) : null}
            {allowed.approve ? (
              <StepForm
                intent="approve"
                title={t("admin.doctor.review.approveTitle")}
                lead={t("admin.doctor.review.approveLead")}
                field="note"
                fieldLabel={t("admin.doctor.review.approveNote")}
                submit={t("admin.doctor.review.approve")}
                variant="primary"
                actionData={actionData}
              />
            ) : null}
            {allowed.review ? (
              <StepForm
                intent="changes"
                title={t("admin.doctor.review.changesTitle")}
                lead={t("admin.doctor.review.changesLead")}
                field="message"
                fieldLabel={t("admin.doctor.review.changesMessage")}
                required
                submit={t("admin.doctor.review.changes")}
                actionData={actionData}
              />
            ) : null}
            {allowed.review ? (
              <StepForm
                intent="note"
                title={t("admin.doctor.review.noteTitle")}
                lead={t("admin.doctor.review.noteLead")}
                field="body"
                fieldLabel={t("admin.doctor.review.noteBody")}
                required
                submit={t("admin.doctor.review.addNote")}
                actionData={actionData}
              />
            ) : null}
            {allowed.review ? (
              <details open={rejectOpen} className="group">
                <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-danger">{t("admin.doctor.review.rejectOpen")}</summary>
                <div className="mt-3">
                  <StepForm
                    intent="reject"
                    title={t("admin.doctor.review.rejectTitle")}
                    lead={t("admin.doctor.review.rejectLead")}
                    field="reason"
                    fieldLabel={t("admin.doctor.review.rejectReason")}
                    required
                    submit={t("admin.doctor.review.reject")}
                    actionData={actionData}
                  />
                </div>
              </details>
            ) : null}
          </div>
        )}
      </Card>
    </section>
  );
}

function OneButton({ intent, label, variant = "secondary" }: { intent: Intent; label: string; variant?: "primary" | "secondary" }) {
  const busy = useBusy(intent);
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={variant} className="w-full sm:w-auto" disabled={busy}>
        {label}
      </Button>
    </Form>
  );
}

function Visibility({ provider, done, actionData }: { provider: ProviderDetailView; done: string | null; actionData?: ReviewActionData }) {
  const t = useT();
  const { allowed } = provider;
  return (
    <section aria-labelledby="visibility">
      <Card>
        <SectionTitle id="visibility">{t("admin.doctor.visibility.title")}</SectionTitle>
        <p className="mt-1 text-muted-foreground">
          {provider.published
            ? t("admin.doctor.visibility.published")
            : provider.status === "approved"
              ? t("admin.doctor.visibility.readyToPublish")
              : t("admin.doctor.visibility.onlyApproved")}
        </p>
        <div className="mt-4 flex flex-col gap-3 empty:hidden">
          {done ? <StatusMessage>{t(`admin.doctor.done.${done}`)}</StatusMessage> : null}
          <FormErrorSummary errors={actionData?.errors} />
        </div>
        <div className="mt-4 flex flex-col gap-4 empty:hidden">
          {allowed.publish ? <OneButton intent="publish" label={t("admin.doctor.visibility.publish")} variant="primary" /> : null}
          {allowed.unpublish ? (
            <div className="flex flex-col gap-2">
              <p className="text-sm text-muted-foreground">{t("admin.doctor.visibility.unpublishLead")}</p>
              <OneButton intent="unpublish" label={t("admin.doctor.visibility.unpublish")} />
            </div>
          ) : null}
          {allowed.listOnMarketplace ? (
            <div className="flex flex-col gap-2 border-t border-border pt-4">
              <h3 className="font-semibold">{t("admin.doctor.visibility.marketplaceTitle")}</h3>
              <p className="text-sm text-muted-foreground">
                {provider.marketplaceListed ? t("admin.doctor.visibility.listed") : t("admin.doctor.visibility.notListed")}
              </p>
              {provider.marketplaceListed ? (
                <OneButton intent="delist" label={t("admin.doctor.visibility.delist")} />
              ) : (
                <OneButton intent="list" label={t("admin.doctor.visibility.list")} />
              )}
            </div>
          ) : null}
        </div>
      </Card>
    </section>
  );
}

function Timeline({ events }: { events: ReviewEventView[] }) {
  const t = useT();
  const dateTime = useDateTime();
  const newestFirst = [...events].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <section aria-labelledby="timeline">
      <Card>
        <SectionTitle id="timeline">{t("admin.doctor.timeline.title")}</SectionTitle>
        {newestFirst.length === 0 ? (
          <p className="mt-3 text-muted-foreground">{t("admin.doctor.timeline.empty")}</p>
        ) : (
          <ol className="mt-4 flex flex-col gap-5 border-l-2 border-border pl-5">
            {newestFirst.map((event) => (
              <li key={event.id} className="relative">
                <span aria-hidden="true" className="absolute top-1.5 -left-[1.6875rem] size-3 rounded-full border-2 border-surface bg-primary" />
                <p className="font-semibold">{labelOr(t, `admin.doctor.event.${event.kind}`, humanize(event.kind))}</p>
                <p className="text-sm text-muted-foreground">
                  {event.actor} · <time dateTime={event.createdAt}>{dateTime(event.createdAt)}</time>
                </p>
                {event.body ? <p className="mt-1 whitespace-pre-line break-words">{event.body}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </section>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
