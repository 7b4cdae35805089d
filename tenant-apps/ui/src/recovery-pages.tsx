import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type {
  ForgotPasswordActionData,
  InviteActionData,
  InviteLoaderData,
  ResetPasswordActionData,
  ResetPasswordLoaderData,
} from "./account-recovery.server";
import { AuthPage, textLinkClass } from "./auth-page";
import { CsrfInput, FormErrorSummary, StatusMessage, TextField } from "./forms";
import { useT } from "./i18n";
import { ClockIcon, LockIcon } from "./icons";
import { Button, ButtonLink } from "./primitives";
import { useRootData } from "./root-data";

/*
 * "Forgot password", the emailed reset link and the staff invitation link, shared by
 * the patient site, the doctor hub and the admin console. Loaders and actions live in
 * `account-recovery.server.ts`; strings in `layout.recovery.*` and `layout.invite.*`.
 */

/** The app's name above the heading on staff apps; nothing on the patient site. */
function useEyebrow(): string | undefined {
  const t = useT();
  const root = useRootData();
  return root && root.app !== "patient" ? t(`layout.app.${root.app}`) : undefined;
}

function useSubmitting(): boolean {
  return useNavigation().state === "submitting";
}

function BackToSignIn() {
  const t = useT();
  return (
    <p>
      <Link to="/sign-in" className={textLinkClass}>
        {t("layout.recovery.backToSignIn")}
      </Link>
    </p>
  );
}

/** A dead end made friendly: what happened, and the one thing to do next. */
function LinkProblem({ title, body, action }: { title: string; body: string; action?: { to: string; label: string } }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-start gap-4">
        <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
          <ClockIcon />
        </span>
        <div>
          <h2 className="font-heading text-xl font-semibold">{title}</h2>
          <p className="mt-1 text-muted-foreground">{body}</p>
        </div>
      </div>
      {action ? (
        <ButtonLink to={action.to} className="w-full sm:w-auto sm:self-start">
          {action.label}
        </ButtonLink>
      ) : null}
    </div>
  );
}

/** Email field; afterwards always the same answer, so the page never tells whether an account exists. */
export function ForgotPasswordPage() {
  const t = useT();
  const eyebrow = useEyebrow();
  const submitting = useSubmitting();
  const actionData = useActionData() as ForgotPasswordActionData | undefined;

  return (
    <AuthPage
      eyebrow={eyebrow}
      title={t("layout.recovery.forgot.title")}
      lead={actionData?.sent ? undefined : t("layout.recovery.forgot.lead")}
      footer={<BackToSignIn />}
    >
      {actionData?.sent ? (
        <div className="flex flex-col gap-4">
          <StatusMessage>{t("layout.recovery.forgot.sent")}</StatusMessage>
          <p className="text-muted-foreground">{t("layout.recovery.forgot.sentHint")}</p>
        </div>
      ) : (
        <Form method="post" noValidate className="flex flex-col gap-5">
          <CsrfInput />
          <FormErrorSummary errors={actionData?.errors} fieldIds={{ email: "email" }} />
          <TextField
            id="email"
            name="email"
            type="email"
            label={t("layout.recovery.email")}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={actionData?.values?.email}
            error={actionData?.errors?.fieldErrors.email}
          />
          <Button type="submit" className="w-full">
            {submitting ? t("layout.recovery.forgot.submitting") : t("layout.recovery.forgot.submit")}
          </Button>
        </Form>
      )}
    </AuthPage>
  );
}

/** New password twice; an expired or used link offers a fresh one instead. */
export function ResetPasswordPage() {
  const t = useT();
  const eyebrow = useEyebrow();
  const submitting = useSubmitting();
  const { valid } = useLoaderData() as ResetPasswordLoaderData;
  const actionData = useActionData() as ResetPasswordActionData | undefined;
  const fieldErrors = actionData?.errors.fieldErrors ?? {};

  if (!valid || actionData?.invalid) {
    return (
      <AuthPage eyebrow={eyebrow} title={t("layout.recovery.reset.title")} footer={<BackToSignIn />}>
        <LinkProblem
          title={t("layout.recovery.reset.invalidTitle")}
          body={t("layout.recovery.reset.invalidBody")}
          action={{ to: "/forgot-password", label: t("layout.recovery.reset.requestNew") }}
        />
      </AuthPage>
    );
  }

  return (
    <AuthPage eyebrow={eyebrow} title={t("layout.recovery.reset.title")} lead={t("layout.recovery.reset.lead")} footer={<BackToSignIn />}>
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        <FormErrorSummary errors={actionData?.errors} fieldIds={{ password: "password", confirmPassword: "confirm-password" }} />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("layout.recovery.newPassword")}
          hint={t("layout.recovery.passwordHint")}
          autoComplete="new-password"
          required
          minLength={10}
          error={fieldErrors.password}
        />
        <TextField
          id="confirm-password"
          name="confirmPassword"
          type="password"
          label={t("layout.recovery.confirmPassword")}
          autoComplete="new-password"
          required
          error={fieldErrors.confirmPassword}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("layout.recovery.reset.submitting") : t("layout.recovery.reset.submit")}
        </Button>
      </Form>
    </AuthPage>
  );
}

/** "You're invited to join …": name and password create the staff account. */
export function InvitePage() {
  const t = useT();
  const eyebrow = useEyebrow();
  const root = useRootData();
  const submitting = useSubmitting();
  const invite = useLoaderData() as InviteLoaderData;
  const actionData = useActionData() as InviteActionData | undefined;
  const tenantName = root?.tenant?.name ?? "";

  if (invite.state !== "open" || actionData?.invalid) {
    const expired = invite.state === "expired";
    return (
      <AuthPage eyebrow={eyebrow} title={t("layout.invite.title", { name: tenantName })} footer={<BackToSignIn />}>
        <LinkProblem
          title={expired ? t("layout.invite.expiredTitle") : t("layout.invite.invalidTitle")}
          body={expired ? t("layout.invite.expiredBody") : t("layout.invite.invalidBody")}
        />
      </AuthPage>
    );
  }

  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  return (
    <AuthPage
      eyebrow={eyebrow}
      title={t("layout.invite.title", { name: tenantName })}
      lead={t("layout.invite.lead", { name: tenantName, role: t(`layout.invite.as.${invite.role}`) })}
      footer={
        <p className="text-muted-foreground">
          {t("layout.invite.haveAccount")}{" "}
          <Link to="/sign-in" className={textLinkClass}>
            {t("layout.invite.signIn")}
          </Link>
        </p>
      }
    >
      <div className="mb-5 flex items-start gap-3 rounded-brand bg-muted px-4 py-3 text-foreground">
        <LockIcon className="mt-0.5 shrink-0" />
        <p>
          {t("layout.invite.for")} <span className="font-semibold break-all">{invite.emailMasked}</span>
        </p>
      </div>
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        <FormErrorSummary
          errors={actionData?.errors}
          fieldIds={{ name: "name", password: "password", confirmPassword: "confirm-password" }}
        />
        <TextField
          id="name"
          name="name"
          type="text"
          label={t("layout.invite.name")}
          autoComplete="name"
          required
          defaultValue={actionData?.values.name ?? invite.name ?? ""}
          error={fieldErrors.name}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("layout.invite.password")}
          hint={t("layout.recovery.passwordHint")}
          autoComplete="new-password"
          required
          minLength={10}
          error={fieldErrors.password}
        />
        <TextField
          id="confirm-password"
          name="confirmPassword"
          type="password"
          label={t("layout.recovery.confirmPassword")}
          autoComplete="new-password"
          required
          error={fieldErrors.confirmPassword}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("layout.invite.submitting") : t("layout.invite.submit")}
        </Button>
      </Form>
    </AuthPage>
  );
}
