import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type {
  StaffSignInActionData,
  StaffSignInLoaderData,
  TwoStepActionData,
  TwoStepSetupActionData,
  TwoStepSetupLoaderData,
} from "./auth.server";
import { AuthPage, textLinkClass } from "./auth-page";
import { CsrfInput, FormErrorSummary, LinkButton, StatusMessage, TextField } from "./forms";
import { useT } from "./i18n";
import { LockIcon, ShieldIcon } from "./icons";
import { Button } from "./primitives";
import { useRootData } from "./root-data";

/*
 * The staff sign-in pages the doctor hub and the admin console share. Their loaders
 * and actions live in `auth.server.ts`; strings in `layout.staffAuth.*`.
 */

function useAppName(): string {
  const t = useT();
  const root = useRootData();
  return root ? t(`layout.app.${root.app}`) : "";
}

function useSubmitting(): boolean {
  return useNavigation().state === "submitting";
}

/** "Cancel and sign out" for a half-finished sign-in. */
function CancelSignIn() {
  const t = useT();
  return (
    <Form method="post" action="/sign-out">
      <CsrfInput />
      <LinkButton className="-mx-2 text-foreground">{t("layout.staffAuth.cancel")}</LinkButton>
    </Form>
  );
}

/** Staff email and password, a "forgot password" link and the tenant's single sign-on providers. */
export function StaffSignInPage() {
  const t = useT();
  const app = useAppName();
  const root = useRootData();
  const submitting = useSubmitting();
  const { notice, sso } = useLoaderData() as StaffSignInLoaderData;
  const actionData = useActionData() as StaffSignInActionData | undefined;
  const fieldErrors = actionData?.errors.fieldErrors ?? {};

  return (
    <AuthPage
      eyebrow={app}
      title={t("layout.staffAuth.signIn.title")}
      lead={t("layout.staffAuth.signIn.lead", { name: root?.tenant?.name ?? "" })}
      footer={
        <>
          <p>
            <Link to="/forgot-password" className={textLinkClass}>
              {t("layout.recovery.forgotLink")}
            </Link>
          </p>
          <p className="text-muted-foreground">
            {t("layout.staffAuth.signIn.patientHint")}{" "}
            <a href="/sign-in" className={textLinkClass}>
              {t("layout.staffAuth.signIn.patientLink")}
            </a>
          </p>
        </>
      }
    >
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        {notice && !actionData ? (
          <div className="flex flex-col gap-2">
            <StatusMessage>{t(`layout.staffAuth.signIn.${notice}`)}</StatusMessage>
            {notice === "reset" && root?.app === "doctor" ? (
              // Staff reset links all open in the doctor hub; administrators sign in to the console.
              <p className="text-sm text-muted-foreground">
                {t("layout.staffAuth.signIn.adminHint")}{" "}
                <a href="/admin/sign-in?reset=1" className={textLinkClass}>
                  {t("layout.staffAuth.signIn.adminLink")}
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
        <FormErrorSummary errors={actionData?.errors} fieldIds={{ email: "email", password: "password" }} />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t("layout.staffAuth.email")}
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          required
          defaultValue={actionData?.values.email}
          error={fieldErrors.email}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("layout.staffAuth.password")}
          autoComplete="current-password"
          required
          error={fieldErrors.password}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("layout.staffAuth.signIn.submitting") : t("layout.staffAuth.signIn.submit")}
        </Button>
      </Form>
      {sso.length > 0 ? (
        <section aria-labelledby="sso-title" className="mt-6 border-t border-border pt-6">
          <h2 id="sso-title" className="text-center text-sm font-semibold text-muted-foreground">
            {t("layout.staffAuth.signIn.ssoTitle")}
          </h2>
          <ul className="mt-3 flex flex-col gap-3">
            {sso.map((provider) => (
              <li key={provider.id}>
                {/* The platform's route, outside this app's basename: a full page load, not a client navigation. */}
                <a
                  href={provider.href}
                  className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-brand border border-border bg-surface px-5 py-2.5 text-center font-semibold text-surface-foreground no-underline hover:bg-muted"
                >
                  <LockIcon />
                  {t("layout.staffAuth.signIn.ssoButton", { name: provider.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AuthPage>
  );
}

/** The second step: a code from the authenticator app, or a recovery code. */
export function TwoStepPage() {
  const t = useT();
  const app = useAppName();
  const submitting = useSubmitting();
  const actionData = useActionData() as TwoStepActionData | undefined;

  return (
    <AuthPage
      eyebrow={app}
      title={t("layout.staffAuth.twoStep.title")}
      lead={t("layout.staffAuth.twoStep.lead")}
      footer={<CancelSignIn />}
    >
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        <FormErrorSummary errors={actionData?.errors} fieldIds={{ code: "code" }} />
        <TextField
          id="code"
          name="code"
          type="text"
          label={t("layout.staffAuth.twoStep.codeLabel")}
          hint={t("layout.staffAuth.twoStep.codeHint")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={20}
          className="font-mono tracking-widest"
          error={actionData?.errors.fieldErrors.code}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("layout.staffAuth.twoStep.submitting") : t("layout.staffAuth.twoStep.submit")}
        </Button>
      </Form>
    </AuthPage>
  );
}

/** `ABCD EFGH IJKL …`: easier to read aloud and to type. */
export function groupsOfFour(secret: string): string {
  return (secret.replace(/\s+/g, "").match(/.{1,4}/g) ?? []).join(" ");
}

/**
 * Two-step set-up: an explanation and a button (POST, because starting writes a
 * pending secret), then the key and a code field, then the recovery codes, once.
 */
export function TwoStepSetupPage() {
  const t = useT();
  const app = useAppName();
  const submitting = useSubmitting();
  const { mode, continueTo } = useLoaderData() as TwoStepSetupLoaderData;
  const actionData = useActionData() as TwoStepSetupActionData | undefined;

  if (actionData?.stage === "done") {
    return (
      <AuthPage eyebrow={app} title={t("layout.staffAuth.setup.doneTitle")} lead={t("layout.staffAuth.setup.doneLead")} wide>
        <div role="status" className="flex flex-col gap-4">
          <h2 className="font-heading text-xl font-semibold">{t("layout.staffAuth.setup.codesTitle")}</h2>
          <p className="text-muted-foreground">{t("layout.staffAuth.setup.codesBody")}</p>
        </div>
        <ol
          aria-label={t("layout.staffAuth.setup.codesTitle")}
          className="mt-4 grid grid-cols-2 gap-2 rounded-brand border border-border bg-muted p-4 font-mono text-base text-foreground sm:grid-cols-3"
        >
          {actionData.recoveryCodes.map((code) => (
            <li key={code} className="tracking-wider">
              {code}
            </li>
          ))}
        </ol>
        <p className="mt-6">
          <Link
            to={continueTo}
            className="inline-flex min-h-11 items-center justify-center rounded-brand bg-primary px-5 py-2.5 font-semibold text-primary-foreground hover:brightness-110"
          >
            {t("layout.staffAuth.setup.saved")}
          </Link>
        </p>
      </AuthPage>
    );
  }

  if (actionData?.stage === "confirm") {
    const uriIsOtpauth = actionData.uri.startsWith("otpauth://");
    return (
      <AuthPage eyebrow={app} title={t("layout.staffAuth.setup.title")} lead={t("layout.staffAuth.setup.keyLead")} wide>
        <h2 className="font-heading text-lg font-semibold">{t("layout.staffAuth.setup.keyTitle")}</h2>
        <p className="mt-1 text-muted-foreground">{t("layout.staffAuth.setup.keyBody")}</p>
        <p className="mt-3 select-all break-all rounded-brand border border-border bg-muted px-4 py-3 font-mono text-lg tracking-wider text-foreground">
          <span className="sr-only">{t("layout.staffAuth.setup.keyLabel")} </span>
          {groupsOfFour(actionData.secret)}
        </p>
        {uriIsOtpauth ? (
          <p className="mt-3">
            <a href={actionData.uri} className={textLinkClass}>
              {t("layout.staffAuth.setup.openApp")}
            </a>
          </p>
        ) : null}
        <Form method="post" noValidate className="mt-6 flex flex-col gap-5 border-t border-border pt-6">
          <CsrfInput />
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="secret" value={actionData.secret} />
          <input type="hidden" name="uri" value={actionData.uri} />
          <FormErrorSummary errors={actionData.errors} fieldIds={{ code: "code" }} />
          <TextField
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            label={t("layout.staffAuth.setup.codeLabel")}
            hint={t("layout.staffAuth.setup.codeHint")}
            className="font-mono tracking-widest sm:max-w-48"
            error={actionData.errors?.fieldErrors.code}
          />
          <Button type="submit" className="w-full sm:w-auto sm:self-start">
            {submitting ? t("layout.staffAuth.setup.confirming") : t("layout.staffAuth.setup.confirm")}
          </Button>
        </Form>
      </AuthPage>
    );
  }

  if (mode === "enabled") {
    return (
      <AuthPage eyebrow={app} title={t("layout.staffAuth.setup.enabledTitle")} lead={t("layout.staffAuth.setup.enabledLead")}>
        <div className="flex items-start gap-4">
          <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
            <ShieldIcon />
          </span>
          <p>{t("layout.staffAuth.setup.enabledBody")}</p>
        </div>
        <p className="mt-5">
          <Link to={continueTo} className={textLinkClass}>
            {t("layout.staffAuth.setup.backHome", { app })}
          </Link>
        </p>
      </AuthPage>
    );
  }

  return (
    <AuthPage
      eyebrow={app}
      title={t("layout.staffAuth.setup.title")}
      lead={mode === "required" ? t("layout.staffAuth.setup.requiredLead") : t("layout.staffAuth.setup.optionalLead")}
      footer={mode === "required" ? <CancelSignIn /> : null}
      wide
    >
      <div className="flex items-start gap-4">
        <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
          <LockIcon />
        </span>
        <div>
          <h2 className="font-heading text-lg font-semibold">{t("layout.staffAuth.setup.howTitle")}</h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5">
            <li>{t("layout.staffAuth.setup.how.app")}</li>
            <li>{t("layout.staffAuth.setup.how.key")}</li>
            <li>{t("layout.staffAuth.setup.how.code")}</li>
            <li>{t("layout.staffAuth.setup.how.recovery")}</li>
          </ol>
        </div>
      </div>
      <Form method="post" className="mt-6 flex flex-col gap-4 border-t border-border pt-6">
        <CsrfInput />
        <input type="hidden" name="intent" value="begin" />
        <FormErrorSummary errors={actionData?.stage === "start" ? actionData.errors : undefined} />
        <Button type="submit" className="w-full sm:w-auto sm:self-start">
          <ShieldIcon />
          {submitting ? t("layout.staffAuth.setup.starting") : t("layout.staffAuth.setup.start")}
        </Button>
      </Form>
    </AuthPage>
  );
}

/** A small "Security" panel on a staff home page inviting someone without two-step verification to set it up. */
export function TwoStepPrompt() {
  const t = useT();
  return (
    <section
      aria-labelledby="security-title"
      className="mt-8 flex flex-col gap-4 rounded-brand border border-border bg-surface p-5 text-surface-foreground sm:flex-row sm:items-center sm:justify-between sm:p-6"
    >
      <div className="flex items-start gap-4">
        <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
          <LockIcon />
        </span>
        <div>
          <h2 id="security-title" className="font-heading text-lg font-semibold">
            {t("layout.staffAuth.prompt.title")}
          </h2>
          <p className="mt-1 text-muted-foreground">{t("layout.staffAuth.prompt.body")}</p>
        </div>
      </div>
      <Link
        to="/two-step/setup"
        className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-brand bg-secondary px-4 font-semibold text-secondary-foreground"
      >
        {t("layout.staffAuth.prompt.setUp")}
      </Link>
    </section>
  );
}
