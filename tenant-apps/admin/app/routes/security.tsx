import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { SsoProviderView, SupportGrantView } from "@visitnow/platform/context";
import {
  Badge,
  Button,
  Card,
  Container,
  CsrfInput,
  type BadgeTone,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  LockIcon,
  PageHeader,
  pageMeta,
  SelectField,
  ShieldIcon,
  StatusMessage,
  TextField,
  textLinkClass,
  translate,
  useRootData,
  useT,
} from "@visitnow/ui";
import type { ReactNode } from "react";
import { STAFF_ROLES } from "../components/staff-roles";
import { useDateTime } from "../components/use-date-time";
import { adminActionErrors, loadUnlessRefused, requireTenantAdmin } from "../tenant-admin.server";

export const meta = pageMeta("admin.security.metaTitle");

/** Support access requests and single sign-on providers; either is null when the user's role may not see it. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const admin = requireTenantAdmin(context, request);
  const [grants, providers] = await Promise.all([
    loadUnlessRefused(() => admin.listSupportGrants()),
    loadUnlessRefused(() => admin.listSsoProviders()),
  ]);
  const params = new URL(request.url).searchParams;
  return { grants, providers, editId: params.get("edit"), saved: params.get("saved") === "1" };
}

const decisions = ["grant", "deny", "revoke"] as const;
type Decision = (typeof decisions)[number];

function isDecision(value: unknown): value is Decision {
  return (decisions as readonly unknown[]).includes(value);
}

type SecurityActionData =
  | { intent: Decision; id: string; ok: boolean; errors?: FormErrors }
  | { intent: "sso"; ok: false; errors: FormErrors; values: Record<string, string> };

/** How many claim value -> role rows the form offers (at least, and one spare when editing). */
const MIN_MAPPING_ROWS = 3;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The form as `saveSsoProvider` takes it (its schema is strict: no extra keys), plus row errors it cannot give. */
function ssoInput(form: FormData, messages: Record<string, string>) {
  const map: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  const rows = Number(text(form, "rows")) || MIN_MAPPING_ROWS;
  for (let row = 0; row < Math.min(rows, 50); row++) {
    const value = text(form, `mapValue${row}`).trim();
    const role = text(form, `mapRole${row}`);
    if (value && !role) fieldErrors[`mapRole${row}`] = translate(messages, "admin.security.sso.form.roleMissing");
    else if (!value && role) fieldErrors[`mapValue${row}`] = translate(messages, "admin.security.sso.form.valueMissing");
    else if (value && role) map[value] = role;
  }
  const input: Record<string, unknown> = {
    name: text(form, "name"),
    issuer: text(form, "issuer"),
    clientId: text(form, "clientId"),
    allowedEmailDomains: text(form, "allowedEmailDomains"),
    roleMapping: { claim: text(form, "claim").trim() || "groups", map },
    defaultRole: text(form, "defaultRole") || null,
    enabled: form.get("enabled") === "on",
  };
  const id = text(form, "id");
  if (id) input.id = id;
  const secret = text(form, "clientSecret");
  if (secret) input.clientSecret = secret;
  return { input, fieldErrors };
}

/** The service names nested fields (`roleMapping.claim`, `allowedEmailDomains.1`); the form has one field each. */
function formField(path: string): string {
  if (path.startsWith("allowedEmailDomains")) return "allowedEmailDomains";
  if (path === "roleMapping.claim") return "claim";
  if (path.startsWith("roleMapping")) return "mapping";
  return path;
}

/* One action for the page's forms, told apart by their hidden `intent`. */
export async function action({ context, request }: ActionFunctionArgs) {
  const admin = requireTenantAdmin(context, request);
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "sso") {
    const values: Record<string, string> = {};
    for (const [name, value] of form) if (typeof value === "string" && name !== "clientSecret" && name !== "_csrf") values[name] = value;
    const { input, fieldErrors } = ssoInput(form, context.i18n.messages);
    if (Object.keys(fieldErrors).length > 0) {
      return data<SecurityActionData>({ intent, ok: false, errors: { formError: null, fieldErrors }, values }, { status: 400 });
    }
    try {
      await admin.saveSsoProvider(input);
    } catch (err) {
      const { errors, status } = adminActionErrors(context, err);
      const renamed: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors.fieldErrors)) renamed[formField(path)] ??= message;
      return data<SecurityActionData>({ intent, ok: false, errors: { ...errors, fieldErrors: renamed }, values }, { status });
    }
    // Post/redirect/get: a reload must not save again, and the form goes back to "add".
    return redirect("/security?saved=1#sso-title");
  }

  if (!isDecision(intent)) throw new Response("Unknown form", { status: 400 });
  const id = text(form, "id");
  try {
    await admin.decideSupportGrant(id, intent);
  } catch (err) {
    const { errors, status } = adminActionErrors(context, err);
    return data<SecurityActionData>({ intent, id, ok: false, errors }, { status });
  }
  return data<SecurityActionData>({ intent, id, ok: true });
}

export default function Security() {
  const t = useT();
  const root = useRootData();
  const { grants, providers, editId, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SecurityActionData | undefined;

  return (
    <Container>
      <PageHeader title={t("admin.security.title")} lead={t("admin.security.lead", { name: root?.tenant?.name ?? "" })} />
      <div className="grid gap-8">
        <SupportSection grants={grants} actionData={actionData?.intent !== "sso" ? actionData : undefined} />
        <SsoSection
          providers={providers}
          editId={editId}
          saved={saved && !actionData}
          actionData={actionData?.intent === "sso" ? actionData : undefined}
        />
      </div>
    </Container>
  );
}

function SectionHeading({ id, icon, title, lead }: { id: string; icon: ReactNode; title: string; lead: string }) {
  return (
    <div className="flex items-start gap-4">
      <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
        {icon}
      </span>
      <div className="max-w-3xl">
        <h2 id={id} className="font-heading text-xl font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-muted-foreground">{lead}</p>
      </div>
    </div>
  );
}

function Refused({ children }: { children: string }) {
  return <p className="mt-5 rounded-brand border border-dashed border-border px-4 py-5 text-muted-foreground">{children}</p>;
}

const grantTones: Record<SupportGrantView["status"], BadgeTone> = { requested: "warning", granted: "info", denied: "neutral", revoked: "neutral" };

function DecisionButton({ grant, decision, variant }: { grant: SupportGrantView; decision: Decision; variant: "primary" | "secondary" }) {
  const t = useT();
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("id") === grant.id && navigation.formData?.get("intent") === decision;
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={decision} />
      <input type="hidden" name="id" value={grant.id} />
      <Button type="submit" variant={variant} className="min-h-10 px-4 py-1.5 text-sm" disabled={busy}>
        {t(`admin.security.support.${decision}`)}
        <span className="sr-only"> {t("admin.security.support.forRequest", { who: grant.requestedBy })}</span>
      </Button>
    </Form>
  );
}

function SupportSection({
  grants,
  actionData,
}: {
  grants: SupportGrantView[] | null;
  actionData?: Extract<SecurityActionData, { intent: Decision }>;
}) {
  const t = useT();
  const dateTime = useDateTime();

  return (
    <section aria-labelledby="support-title">
      <Card>
        <SectionHeading id="support-title" icon={<ShieldIcon />} title={t("admin.security.support.title")} lead={t("admin.security.support.lead")} />
        <div className="mt-5 flex flex-col gap-3 empty:hidden">
          {actionData?.ok ? <StatusMessage>{t(`admin.security.support.done.${actionData.intent}`)}</StatusMessage> : null}
          <FormErrorSummary errors={actionData?.errors} />
        </div>
        {grants === null ? (
          <Refused>{t("admin.security.support.refused")}</Refused>
        ) : grants.length === 0 ? (
          <p className="mt-5 rounded-brand border border-dashed border-border px-4 py-5 text-center text-muted-foreground">
            {t("admin.security.support.empty")}
          </p>
        ) : (
          <ul className="mt-5 divide-y divide-border rounded-brand border border-border">
            {grants.map((grant) => (
              <li key={grant.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold break-all">{grant.requestedBy}</span>
                    <Badge tone={grantTones[grant.status]}>{t(`admin.security.support.status.${grant.status}`)}</Badge>
                  </p>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="text-muted-foreground">{t("admin.security.support.purpose")}</dt>
                    <dd>{t(`admin.security.support.purposes.${grant.purpose}`)}</dd>
                    <dt className="text-muted-foreground">{t("admin.security.support.duration")}</dt>
                    <dd>{t("admin.security.support.hours", { hours: grant.hours })}</dd>
                    <dt className="text-muted-foreground">{t("admin.security.support.requestedAt")}</dt>
                    <dd>{dateTime(grant.requestedAt)}</dd>
                    {grant.expiresAt ? (
                      <>
                        <dt className="text-muted-foreground">{t("admin.security.support.expiresAt")}</dt>
                        <dd>{dateTime(grant.expiresAt)}</dd>
                      </>
                    ) : null}
                  </dl>
                </div>
                {grant.status === "requested" ? (
                  <div className="flex flex-wrap gap-2">
                    <DecisionButton grant={grant} decision="grant" variant="primary" />
                    <DecisionButton grant={grant} decision="deny" variant="secondary" />
                  </div>
                ) : grant.status === "granted" ? (
                  <DecisionButton grant={grant} decision="revoke" variant="secondary" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}

function SsoSection({
  providers,
  editId,
  saved,
  actionData,
}: {
  providers: SsoProviderView[] | null;
  editId: string | null;
  saved: boolean;
  actionData?: Extract<SecurityActionData, { intent: "sso" }>;
}) {
  const t = useT();
  const root = useRootData();
  const editing = providers?.find((provider) => provider.id === (actionData ? actionData.values.id : editId)) ?? null;
  const redirectUri = `https://${root?.tenant?.primaryHost ?? ""}/auth/sso/callback`;

  return (
    <section aria-labelledby="sso-title">
      <Card>
        <SectionHeading id="sso-title" icon={<LockIcon />} title={t("admin.security.sso.title")} lead={t("admin.security.sso.lead")} />
        {providers === null ? (
          <Refused>{t("admin.security.sso.refused")}</Refused>
        ) : (
          <>
            <div className="mt-5 flex flex-col gap-1.5 rounded-brand bg-muted px-4 py-3 text-foreground">
              <p className="text-sm font-medium">{t("admin.security.sso.redirectLabel")}</p>
              <p className="font-mono text-sm break-all select-all">{redirectUri}</p>
            </div>
            {saved ? (
              <div className="mt-5">
                <StatusMessage>{t("admin.security.sso.saved")}</StatusMessage>
              </div>
            ) : null}
            {providers.length === 0 ? (
              <p className="mt-5 rounded-brand border border-dashed border-border px-4 py-5 text-center text-muted-foreground">
                {t("admin.security.sso.empty")}
              </p>
            ) : (
              <ul className="mt-5 divide-y divide-border rounded-brand border border-border">
                {providers.map((provider) => (
                  <li key={provider.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className="font-semibold break-words">{provider.name}</span>
                        <Badge tone={provider.enabled ? "info" : "neutral"}>
                          {provider.enabled ? t("admin.security.sso.on") : t("admin.security.sso.off")}
                        </Badge>
                      </p>
                      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                        <dt className="text-muted-foreground">{t("admin.security.sso.issuer")}</dt>
                        <dd className="break-all">{provider.issuer}</dd>
                        <dt className="text-muted-foreground">{t("admin.security.sso.domains")}</dt>
                        <dd className="break-all">{provider.allowedEmailDomains.join(", ")}</dd>
                      </dl>
                    </div>
                    <Link
                      to={`?edit=${encodeURIComponent(provider.id)}#sso-form-title`}
                      className="inline-flex min-h-10 shrink-0 items-center justify-center rounded-brand bg-secondary px-4 text-sm font-semibold text-secondary-foreground"
                    >
                      {t("admin.security.sso.edit")}
                      <span className="sr-only"> {provider.name}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <SsoForm key={editing?.id ?? "new"} editing={editing} actionData={actionData} />
          </>
        )}
      </Card>
    </section>
  );
}

function SsoForm({ editing, actionData }: { editing: SsoProviderView | null; actionData?: Extract<SecurityActionData, { intent: "sso" }> }) {
  const t = useT();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "sso";
  const values = actionData?.values;
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  const mapping = Object.entries(editing?.roleMapping.map ?? {});
  const rows = Math.max(MIN_MAPPING_ROWS, Number(values?.rows) || 0, mapping.length + 1);
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`layout.role.${role}`) }));
  const fieldIds: Record<string, string> = {
    name: "sso-name",
    issuer: "sso-issuer",
    clientId: "sso-client-id",
    clientSecret: "sso-client-secret",
    allowedEmailDomains: "sso-domains",
    claim: "sso-claim",
    mapping: "sso-map-value-0",
    defaultRole: "sso-default-role",
  };
  for (let row = 0; row < rows; row++) {
    fieldIds[`mapValue${row}`] = `sso-map-value-${row}`;
    fieldIds[`mapRole${row}`] = `sso-map-role-${row}`;
  }
  const enabledDefault = values ? values.enabled === "on" : (editing?.enabled ?? true);

  return (
    <div className="mt-8 border-t border-border pt-6">
      <h3 id="sso-form-title" className="font-heading text-lg font-semibold">
        {editing ? t("admin.security.sso.form.editTitle", { name: editing.name }) : t("admin.security.sso.form.addTitle")}
      </h3>
      <Form method="post" action="/security" noValidate className="mt-4 grid gap-5 md:grid-cols-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="sso" />
        <input type="hidden" name="rows" value={rows} />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <div className="empty:hidden md:col-span-2">
          <FormErrorSummary errors={actionData?.errors} fieldIds={fieldIds} />
        </div>
        <TextField
          id="sso-name"
          name="name"
          type="text"
          autoComplete="off"
          required
          label={t("admin.security.sso.form.name")}
          hint={t("admin.security.sso.form.nameHint")}
          defaultValue={values?.name ?? editing?.name}
          error={fieldErrors.name}
        />
        <TextField
          id="sso-issuer"
          name="issuer"
          type="url"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          label={t("admin.security.sso.form.issuer")}
          hint={t("admin.security.sso.form.issuerHint")}
          defaultValue={values?.issuer ?? editing?.issuer}
          error={fieldErrors.issuer}
        />
        <TextField
          id="sso-client-id"
          name="clientId"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          label={t("admin.security.sso.form.clientId")}
          defaultValue={values?.clientId ?? editing?.clientId}
          error={fieldErrors.clientId}
        />
        <TextField
          id="sso-client-secret"
          name="clientSecret"
          type="password"
          autoComplete="new-password"
          required={!editing}
          optional={Boolean(editing)}
          label={t("admin.security.sso.form.clientSecret")}
          hint={editing?.hasClientSecret ? t("admin.security.sso.form.clientSecretKeep") : undefined}
          error={fieldErrors.clientSecret}
        />
        <div className="flex flex-col gap-1.5 md:col-span-2">
          <label htmlFor="sso-domains" className="font-medium">
            {t("admin.security.sso.form.domains")}
          </label>
          <p id="sso-domains-hint" className="text-sm text-muted-foreground">
            {t("admin.security.sso.form.domainsHint")}
          </p>
          <textarea
            id="sso-domains"
            name="allowedEmailDomains"
            rows={3}
            required
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={fieldErrors.allowedEmailDomains ? true : undefined}
            aria-describedby={fieldErrors.allowedEmailDomains ? "sso-domains-hint sso-domains-error" : "sso-domains-hint"}
            defaultValue={values?.allowedEmailDomains ?? editing?.allowedEmailDomains.join("\n")}
            className={`w-full rounded-brand border bg-surface px-4 py-3 text-base text-surface-foreground ${fieldErrors.allowedEmailDomains ? "border-2 border-danger" : "border-muted-foreground"}`}
          />
          {fieldErrors.allowedEmailDomains ? <FieldError id="sso-domains-error" message={fieldErrors.allowedEmailDomains} /> : null}
        </div>
        <TextField
          id="sso-claim"
          name="claim"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          label={t("admin.security.sso.form.claim")}
          hint={t("admin.security.sso.form.claimHint")}
          defaultValue={values?.claim ?? editing?.roleMapping.claim ?? "groups"}
          error={fieldErrors.claim}
        />
        <SelectField
          id="sso-default-role"
          name="defaultRole"
          optional
          label={t("admin.security.sso.form.defaultRole")}
          hint={t("admin.security.sso.form.defaultRoleHint")}
          options={[{ value: "", label: t("admin.security.sso.form.noDefault") }, ...roleOptions]}
          defaultValue={values?.defaultRole ?? editing?.defaultRole ?? ""}
          error={fieldErrors.defaultRole}
        />
        <fieldset className="md:col-span-2" aria-describedby={fieldErrors.mapping ? "sso-mapping-hint sso-mapping-error" : "sso-mapping-hint"}>
          <legend className="font-medium">{t("admin.security.sso.form.mappingLegend")}</legend>
          <p id="sso-mapping-hint" className="mt-1 text-sm text-muted-foreground">
            {t("admin.security.sso.form.mappingHint")}
          </p>
          {fieldErrors.mapping ? (
            <div className="mt-2">
              <FieldError id="sso-mapping-error" message={fieldErrors.mapping} />
            </div>
          ) : null}
          <ol className="mt-3 flex flex-col gap-4">
            {Array.from({ length: rows }, (_, row) => (
              <li key={row} className="grid gap-3 rounded-brand border border-border p-3 sm:grid-cols-2">
                <TextField
                  id={`sso-map-value-${row}`}
                  name={`mapValue${row}`}
                  type="text"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  label={t("admin.security.sso.form.claimValue", { n: row + 1 })}
                  defaultValue={values ? values[`mapValue${row}`] : mapping[row]?.[0]}
                  error={fieldErrors[`mapValue${row}`]}
                />
                <SelectField
                  id={`sso-map-role-${row}`}
                  name={`mapRole${row}`}
                  label={t("admin.security.sso.form.mappedRole", { n: row + 1 })}
                  options={[{ value: "", label: t("admin.security.sso.form.noRole") }, ...roleOptions]}
                  defaultValue={values ? values[`mapRole${row}`] : (mapping[row]?.[1] ?? "")}
                  error={fieldErrors[`mapRole${row}`]}
                />
              </li>
            ))}
          </ol>
        </fieldset>
        <label className="flex min-h-11 cursor-pointer items-center gap-3 md:col-span-2">
          <input type="checkbox" name="enabled" defaultChecked={enabledDefault} className="size-5 shrink-0 accent-primary" />
          <span className="font-medium">{t("admin.security.sso.form.enabled")}</span>
        </label>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center md:col-span-2">
          <Button type="submit" className="w-full sm:w-auto">
            {saving ? t("admin.security.sso.form.saving") : t("admin.security.sso.form.save")}
          </Button>
          {editing ? (
            <Link to="/security#sso-form-title" className={`${textLinkClass} inline-flex min-h-11 items-center`}>
              {t("admin.security.sso.form.cancel")}
            </Link>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  const t = useT();
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-semibold text-danger">
      <span aria-hidden="true">!</span>
      <span>
        <span className="sr-only">{t("layout.form.errorPrefix")} </span>
        {message}
      </span>
    </p>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
