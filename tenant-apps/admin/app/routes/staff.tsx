import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { InviteSummary, StaffMemberView } from "@visitnow/platform/context";
import {
  Badge,
  Button,
  Card,
  Container,
  CsrfInput,
  EmptyState,
  type BadgeTone,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  keepValues,
  PageHeader,
  pageMeta,
  SelectField,
  StatusMessage,
  TextField,
  useRootData,
  useT,
  UsersIcon,
} from "@visitnow/ui";
import { useEffect, useRef } from "react";
import { STAFF_ROLES } from "../components/staff-roles";
import { useDateTime } from "../components/use-date-time";
import { adminActionErrors, loadUnlessRefused, requireTenantAdmin } from "../tenant-admin.server";

export const meta = pageMeta("admin.team.metaTitle");

/** The staff directory and invitations; either is null when the user's role may not see it. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const admin = requireTenantAdmin(context, request);
  const [staff, invites] = await Promise.all([
    loadUnlessRefused(() => admin.listStaff()),
    loadUnlessRefused(() => admin.listInvites()),
  ]);
  return { me: context.auth.user?.id ?? "", staff, invites };
}

const intents = ["invite", "roles", "disable", "enable", "unlock", "revoke"] as const;
type Intent = (typeof intents)[number];

function isIntent(value: unknown): value is Intent {
  return (intents as readonly unknown[]).includes(value);
}

interface TeamActionData {
  intent: Intent;
  /** The staff member or invitation the form was about. */
  id: string;
  ok: boolean;
  /** After a sent invitation: who it went to. */
  email?: string;
  errors?: FormErrors;
  values?: Record<string, string>;
}

/* One action for the page's forms, told apart by their hidden `intent`. */
export async function action({ context, request }: ActionFunctionArgs) {
  const admin = requireTenantAdmin(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (!isIntent(intent)) throw new Response("Unknown form", { status: 400 });
  const id = String(form.get("id") ?? "");

  try {
    if (intent === "invite") {
      const email = String(form.get("email") ?? "").trim();
      await admin.invite({ email, name: String(form.get("name") ?? ""), role: String(form.get("role") ?? "") });
      return data<TeamActionData>({ intent, id, ok: true, email });
    }
    if (intent === "roles") await admin.changeRoles(id, form.getAll("roles").map(String));
    else if (intent === "disable") await admin.disableUser(id);
    else if (intent === "enable") await admin.enableUser(id);
    else if (intent === "unlock") await admin.unlockUser(id);
    else await admin.revokeInvite(id);
  } catch (err) {
    const { errors, status } = adminActionErrors(context, err);
    const values = intent === "invite" ? keepValues(Object.fromEntries(form), ["email", "name", "role"]) : undefined;
    return data<TeamActionData>({ intent, id, ok: false, errors, values }, { status });
  }
  return data<TeamActionData>({ intent, id, ok: true });
}

function useSubmittingIntent(intent: Intent, id?: string): boolean {
  const navigation = useNavigation();
  return (
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    (id === undefined || navigation.formData?.get("id") === id)
  );
}

export default function Team() {
  const t = useT();
  const root = useRootData();
  const { me, staff, invites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as TeamActionData | undefined;
  const inviteData = actionData?.intent === "invite" ? actionData : undefined;
  const inviteListData = actionData?.intent === "revoke" ? actionData : undefined;
  const rowData = actionData && actionData.intent !== "invite" && actionData.intent !== "revoke" ? actionData : undefined;

  return (
    <Container>
      <PageHeader title={t("admin.team.title")} lead={t("admin.team.lead", { name: root?.tenant?.name ?? "" })} />
      <div className="grid gap-8">
        <StaffSection staff={staff} me={me} actionData={rowData} />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.25fr)] lg:items-start">
          <InviteSection actionData={inviteData} />
          <InvitesSection invites={invites} actionData={inviteListData} />
        </div>
      </div>
    </Container>
  );
}

/** A notice in place of a section the user's role may not use. */
function Refused({ children }: { children: string }) {
  return <p className="rounded-brand border border-dashed border-border px-4 py-5 text-muted-foreground">{children}</p>;
}

const statusTones: Record<StaffMemberView["status"], BadgeTone> = { active: "info", invited: "neutral", disabled: "warning" };

function RoleBadges({ roles }: { roles: string[] }) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-1.5">
      {roles.map((role) => (
        <li key={role}>
          <Badge tone="brand">{t(`layout.role.${role}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}

function StatusBadges({ member }: { member: StaffMemberView }) {
  const t = useT();
  return (
    <span className="flex flex-wrap gap-1.5">
      <Badge tone={statusTones[member.status]}>{t(`admin.team.status.${member.status}`)}</Badge>
      {member.locked ? <Badge tone="warning">{t("admin.team.locked")}</Badge> : null}
    </span>
  );
}

function TwoStep({ on }: { on: boolean }) {
  const t = useT();
  return <span className={on ? "font-medium" : "text-muted-foreground"}>{on ? t("admin.team.twoStepOn") : t("admin.team.twoStepOff")}</span>;
}

function StaffSection({ staff, me, actionData }: { staff: StaffMemberView[] | null; me: string; actionData?: TeamActionData }) {
  const t = useT();
  const subject = staff?.find((member) => member.id === actionData?.id);
  const who = subject?.name || subject?.email || "";

  return (
    <section aria-labelledby="staff-title">
      <div className="flex items-start gap-4">
        <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
          <UsersIcon />
        </span>
        <div>
          <h2 id="staff-title" className="font-heading text-xl font-semibold">
            {t("admin.team.staffTitle")}
          </h2>
          <p className="mt-1 text-muted-foreground">{t("admin.team.staffLead")}</p>
        </div>
      </div>

      <div className="mt-5 flex flex-col gap-3 empty:hidden">
        {actionData?.ok ? <StatusMessage>{t(`admin.team.done.${actionData.intent}`, { name: who })}</StatusMessage> : null}
        <FormErrorSummary errors={actionData?.errors} />
      </div>

      {staff === null ? (
        <div className="mt-5">
          <Refused>{t("admin.team.refusedStaff")}</Refused>
        </div>
      ) : staff.length === 0 ? (
        <div className="mt-5">
          <EmptyState title={t("admin.team.empty")} />
        </div>
      ) : (
        <>
          {/* Phones: one card per person. */}
          <ul className="mt-5 flex flex-col gap-4 md:hidden">
            {staff.map((member) => (
              <li key={member.id}>
                <Card className="flex flex-col gap-3">
                  <div>
                    <p className="font-semibold break-words">
                      {member.name}
                      {member.id === me ? <span className="font-normal text-muted-foreground"> {t("admin.team.you")}</span> : null}
                    </p>
                    <p className="text-sm break-all text-muted-foreground">{member.email}</p>
                  </div>
                  <RoleBadges roles={member.roles} />
                  <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
                    <dt className="text-muted-foreground">{t("admin.team.col.status")}</dt>
                    <dd>
                      <StatusBadges member={member} />
                    </dd>
                    <dt className="text-muted-foreground">{t("admin.team.col.twoStep")}</dt>
                    <dd>
                      <TwoStep on={member.secondFactorEnabled} />
                    </dd>
                  </dl>
                  <RowActions member={member} me={me} layout="card" actionData={actionData} />
                </Card>
              </li>
            ))}
          </ul>

          {/* Wider screens: a table. */}
          <div className="mt-5 hidden overflow-x-auto rounded-brand border border-border bg-surface text-surface-foreground md:block">
            <table className="w-full text-left">
              <caption className="sr-only">{t("admin.team.staffTitle")}</caption>
              <thead className="border-b border-border bg-muted text-sm text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.team.col.name")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.team.col.roles")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.team.col.status")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.team.col.twoStep")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("admin.team.col.actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border align-top">
                {staff.map((member) => (
                  <tr key={member.id}>
                    <th scope="row" className="px-4 py-3 text-left font-normal">
                      <span className="block font-semibold break-words">
                        {member.name}
                        {member.id === me ? <span className="font-normal text-muted-foreground"> {t("admin.team.you")}</span> : null}
                      </span>
                      <span className="block text-sm break-all text-muted-foreground">{member.email}</span>
                    </th>
                    <td className="px-4 py-3">
                      <RoleBadges roles={member.roles} />
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadges member={member} />
                    </td>
                    <td className="px-4 py-3">
                      <TwoStep on={member.secondFactorEnabled} />
                    </td>
                    <td className="px-4 py-3">
                      <RowActions member={member} me={me} layout="table" actionData={actionData} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

const smallButton = "min-h-10 px-4 py-1.5 text-sm";

/** A one-button form about one person (disable, enable, unlock). */
function RowButton({ intent, member, label }: { intent: Intent; member: StaffMemberView; label: string }) {
  const busy = useSubmittingIntent(intent, member.id);
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={member.id} />
      <Button type="submit" variant="secondary" className={smallButton} disabled={busy}>
        {label}
        <span className="sr-only"> {member.name}</span>
      </Button>
    </Form>
  );
}

/**
 * Change roles (a disclosure holding a checkbox per role), and disable / enable /
 * unlock. `layout` keeps ids unique: the card and table versions are both in the page.
 */
function RowActions({
  member,
  me,
  layout,
  actionData,
}: {
  member: StaffMemberView;
  me: string;
  layout: "card" | "table";
  actionData?: TeamActionData;
}) {
  const t = useT();
  const saving = useSubmittingIntent("roles", member.id);
  const rolesError = actionData?.intent === "roles" && actionData.id === member.id ? actionData.errors : undefined;
  const errorId = `${layout}-roles-${member.id}-error`;
  const rolesMessage = rolesError ? rolesError.fieldErrors.roles ?? rolesError.formError ?? "" : "";

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {member.locked ? <RowButton intent="unlock" member={member} label={t("admin.team.unlock")} /> : null}
        {member.id === me ? null : member.status === "disabled" ? (
          <RowButton intent="enable" member={member} label={t("admin.team.enable")} />
        ) : (
          <RowButton intent="disable" member={member} label={t("admin.team.disable")} />
        )}
      </div>
      <details open={Boolean(rolesError)} className="group rounded-brand border border-border">
        <summary className="flex min-h-10 cursor-pointer items-center px-3 text-sm font-semibold">
          {t("admin.team.changeRoles")}
          <span className="sr-only"> {member.name}</span>
        </summary>
        <Form method="post" className="flex flex-col gap-3 border-t border-border p-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="roles" />
          <input type="hidden" name="id" value={member.id} />
          <fieldset aria-describedby={rolesMessage ? errorId : undefined}>
            <legend className="text-sm font-medium">{t("admin.team.rolesLegend", { name: member.name })}</legend>
            <div className="mt-2 grid gap-1 sm:grid-cols-2 md:grid-cols-1 xl:grid-cols-2">
              {STAFF_ROLES.map((role) => (
                <label key={role} className="flex min-h-10 cursor-pointer items-center gap-2.5 text-sm">
                  <input
                    type="checkbox"
                    name="roles"
                    value={role}
                    defaultChecked={member.roles.includes(role)}
                    className="size-5 shrink-0 accent-primary"
                  />
                  {t(`layout.role.${role}`)}
                </label>
              ))}
            </div>
            {rolesMessage ? (
              <p id={errorId} className="mt-2 flex items-start gap-1.5 text-sm font-semibold text-danger">
                <span aria-hidden="true">!</span>
                <span>
                  <span className="sr-only">{t("layout.form.errorPrefix")} </span>
                  {rolesMessage}
                </span>
              </p>
            ) : null}
          </fieldset>
          <Button type="submit" className={`${smallButton} self-start`}>
            {saving ? t("admin.team.savingRoles") : t("admin.team.saveRoles")}
          </Button>
        </Form>
      </details>
    </div>
  );
}

function InviteSection({ actionData }: { actionData?: TeamActionData }) {
  const t = useT();
  const sending = useSubmittingIntent("invite");
  const formRef = useRef<HTMLFormElement>(null);
  const values = actionData?.ok ? undefined : actionData?.values;
  const fieldErrors = actionData?.errors?.fieldErrors ?? {};

  // After a sent invitation (with JavaScript the page is not reloaded), clear the form for the next person.
  useEffect(() => {
    if (actionData?.ok) formRef.current?.reset();
  }, [actionData]);

  return (
    <section aria-labelledby="invite-title">
      <Card>
        <h2 id="invite-title" className="font-heading text-xl font-semibold">
          {t("admin.team.invite.title")}
        </h2>
        <p className="mt-1 text-muted-foreground">{t("admin.team.invite.lead")}</p>
        <Form ref={formRef} method="post" noValidate className="mt-5 flex flex-col gap-5">
          <CsrfInput />
          <input type="hidden" name="intent" value="invite" />
          {actionData?.ok ? <StatusMessage>{t("admin.team.invite.sent", { email: actionData.email ?? "" })}</StatusMessage> : null}
          <FormErrorSummary
            errors={actionData?.errors}
            fieldIds={{ email: "invite-email", name: "invite-name", role: "invite-role" }}
          />
          <TextField
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            label={t("admin.team.invite.email")}
            defaultValue={values?.email}
            error={fieldErrors.email}
          />
          <TextField
            id="invite-name"
            name="name"
            type="text"
            autoComplete="off"
            optional
            label={t("admin.team.invite.name")}
            hint={t("admin.team.invite.nameHint")}
            defaultValue={values?.name}
            error={fieldErrors.name}
          />
          <SelectField
            id="invite-role"
            name="role"
            required
            label={t("admin.team.invite.role")}
            options={STAFF_ROLES.map((role) => ({ value: role, label: t(`layout.role.${role}`) }))}
            defaultValue={values?.role ?? "doctor"}
            error={fieldErrors.role}
          />
          <Button type="submit" className="w-full sm:w-auto sm:self-start">
            {sending ? t("admin.team.invite.submitting") : t("admin.team.invite.submit")}
          </Button>
        </Form>
      </Card>
    </section>
  );
}

const inviteTones: Record<InviteSummary["status"], BadgeTone> = { pending: "info", accepted: "neutral", revoked: "neutral", expired: "warning" };

function InvitesSection({ invites, actionData }: { invites: InviteSummary[] | null; actionData?: TeamActionData }) {
  const t = useT();
  const dateTime = useDateTime();
  const navigation = useNavigation();
  const revoking = navigation.state === "submitting" && navigation.formData?.get("intent") === "revoke" ? navigation.formData.get("id") : null;

  return (
    <section aria-labelledby="invites-title">
      <Card>
        <h2 id="invites-title" className="font-heading text-xl font-semibold">
          {t("admin.team.invites.title")}
        </h2>
        <div className="mt-4 flex flex-col gap-3 empty:hidden">
          {actionData?.ok ? <StatusMessage>{t("admin.team.done.revoke")}</StatusMessage> : null}
          <FormErrorSummary errors={actionData?.errors} />
        </div>
        {invites === null ? (
          <div className="mt-4">
            <Refused>{t("admin.team.refusedInvites")}</Refused>
          </div>
        ) : invites.length === 0 ? (
          <p className="mt-4 rounded-brand border border-dashed border-border px-4 py-5 text-center text-muted-foreground">
            {t("admin.team.invites.empty")}
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-border rounded-brand border border-border">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-semibold break-all">{invite.email}</p>
                  <p className="text-sm text-muted-foreground">
                    {[invite.name, t(`layout.role.${invite.role}`)].filter(Boolean).join(" · ")}
                  </p>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                    <Badge tone={inviteTones[invite.status]}>{t(`admin.team.invites.status.${invite.status}`)}</Badge>
                    {invite.status === "pending" || invite.status === "expired" ? (
                      <span className="text-muted-foreground">
                        {t(invite.status === "pending" ? "admin.team.invites.expires" : "admin.team.invites.expired", {
                          date: dateTime(invite.expiresAt),
                        })}
                      </span>
                    ) : null}
                  </p>
                </div>
                {invite.status === "pending" ? (
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="id" value={invite.id} />
                    <Button type="submit" variant="secondary" className={smallButton} disabled={revoking === invite.id}>
                      {t("admin.team.invites.revoke")}
                      <span className="sr-only"> {invite.email}</span>
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
