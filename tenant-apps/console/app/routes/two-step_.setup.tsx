import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  actionErrors,
  AuthPage,
  Button,
  ButtonLink,
  cookieHeaders,
  CsrfInput,
  FormErrorSummary,
  keepValues,
  LockIcon,
  pageMeta,
  ShieldIcon,
  TextField,
  textLinkClass,
  useT,
  type FormErrors,
  groupsOfFour,
} from "@visitnow/ui";
import { nextQuery, platformAuthOf, redirectTo, requestedNext } from "../auth.server";
import { CancelSignIn } from "../components/cancel-sign-in";

export const meta = pageMeta("console.setup.title");

/**
 * Explains the set-up; never starts an enrolment itself (GET must not change state).
 * A signed-in admin sees "already on" rather than a redirect, so the recovery codes
 * survive the loaders' revalidation after the confirming post.
 */
export function loader({ context, request }: LoaderFunctionArgs) {
  const auth = platformAuthOf(context);
  const next = requestedNext(request);
  const continueTo = next ?? "/";
  if (auth.admin) return { mode: "enabled" as const, continueTo };
  if (auth.secondFactor === "verify") throw redirectTo(`/two-step${nextQuery(next)}`);
  if (auth.secondFactor !== "enrol") throw redirectTo(`/sign-in${nextQuery(next)}`);
  return { mode: "required" as const, continueTo };
}

type SetupActionData =
  | { stage: "start"; errors: FormErrors }
  | { stage: "confirm"; secret: string; uri: string; errors?: FormErrors }
  | { stage: "done"; recoveryCodes: string[] };

/**
 * `intent=begin` writes a pending secret and shows it; `intent=confirm` checks the first
 * code, finishes the sign-in and shows the recovery codes, once. The secret rides along
 * in hidden fields only so that a wrong code can show it again.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const auth = platformAuthOf(context);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "confirm") {
    const shown = keepValues(form, ["secret", "uri"]);
    try {
      const { cookies, recoveryCodes } = await auth.confirmEnrolment({ code: form.code });
      return data<SetupActionData>({ stage: "done", recoveryCodes }, { headers: cookieHeaders(cookies) });
    } catch (err) {
      const errors = actionErrors(err);
      if (!shown.secret) return data<SetupActionData>({ stage: "start", errors }, { status: 400 });
      return data<SetupActionData>({ stage: "confirm", secret: shown.secret, uri: shown.uri ?? "", errors }, { status: 400 });
    }
  }
  try {
    const { secret, uri } = await auth.beginEnrolment();
    return data<SetupActionData>({ stage: "confirm", secret, uri });
  } catch (err) {
    return data<SetupActionData>({ stage: "start", errors: actionErrors(err) }, { status: 400 });
  }
}

const iconTile = "inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground";

export default function TwoStepSetup() {
  const t = useT();
  const submitting = useNavigation().state === "submitting";
  const { mode, continueTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SetupActionData | undefined;
  const eyebrow = t("layout.app.console");

  if (actionData?.stage === "done") {
    return (
      <AuthPage eyebrow={eyebrow} title={t("console.setup.doneTitle")} lead={t("console.setup.doneLead")} wide>
        <div role="status">
          <h2 className="font-heading text-xl font-semibold">{t("console.setup.codesTitle")}</h2>
          <p className="mt-2 text-muted-foreground">{t("console.setup.codesBody")}</p>
        </div>
        <ol
          aria-label={t("console.setup.codesTitle")}
          className="mt-4 grid grid-cols-2 gap-2 rounded-brand border border-border bg-muted p-4 font-mono text-base text-foreground sm:grid-cols-4"
        >
          {actionData.recoveryCodes.map((code) => (
            <li key={code} className="tracking-wider">
              {code}
            </li>
          ))}
        </ol>
        <p className="mt-6">
          <ButtonLink to={continueTo} className="w-full sm:w-auto">
            {t("console.setup.saved")}
          </ButtonLink>
        </p>
      </AuthPage>
    );
  }

  if (actionData?.stage === "confirm") {
    const isOtpauth = actionData.uri.startsWith("otpauth://");
    return (
      <AuthPage eyebrow={eyebrow} title={t("console.setup.title")} lead={t("console.setup.keyLead")} footer={<CancelSignIn />} wide>
        <h2 className="font-heading text-lg font-semibold">{t("console.setup.keyTitle")}</h2>
        <p className="mt-1 text-muted-foreground">{t("console.setup.keyBody")}</p>
        <p className="mt-3 select-all break-all rounded-brand border border-border bg-muted px-4 py-3 font-mono text-lg tracking-wider text-foreground">
          <span className="sr-only">{t("console.setup.keyLabel")} </span>
          {groupsOfFour(actionData.secret)}
        </p>
        {isOtpauth ? (
          <p className="mt-3">
            <a href={actionData.uri} className={`inline-flex min-h-11 items-center ${textLinkClass}`}>
              {t("console.setup.openApp")}
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
            pattern="[0-9]*"
            autoComplete="one-time-code"
            maxLength={6}
            required
            label={t("console.setup.codeLabel")}
            hint={t("console.setup.codeHint")}
            className="font-mono tracking-widest sm:max-w-48"
            error={actionData.errors?.fieldErrors.code}
          />
          <Button type="submit" className="w-full sm:w-auto sm:self-start">
            {submitting ? t("console.setup.confirming") : t("console.setup.confirm")}
          </Button>
        </Form>
      </AuthPage>
    );
  }

  if (mode === "enabled") {
    return (
      <AuthPage eyebrow={eyebrow} title={t("console.setup.enabledTitle")} lead={t("console.setup.enabledLead")}>
        <div className="flex items-start gap-4">
          <span aria-hidden="true" className={iconTile}>
            <ShieldIcon />
          </span>
          <p>{t("console.setup.enabledBody")}</p>
        </div>
        <p className="mt-5">
          <Link to={continueTo} className={`inline-flex min-h-11 items-center ${textLinkClass}`}>
            {t("console.setup.continue")}
          </Link>
        </p>
      </AuthPage>
    );
  }

  return (
    <AuthPage eyebrow={eyebrow} title={t("console.setup.title")} lead={t("console.setup.requiredLead")} footer={<CancelSignIn />} wide>
      <div className="flex items-start gap-4">
        <span aria-hidden="true" className={iconTile}>
          <LockIcon />
        </span>
        <div>
          <h2 className="font-heading text-lg font-semibold">{t("console.setup.howTitle")}</h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5">
            <li>{t("console.setup.how.app")}</li>
            <li>{t("console.setup.how.key")}</li>
            <li>{t("console.setup.how.code")}</li>
            <li>{t("console.setup.how.recovery")}</li>
          </ol>
        </div>
      </div>
      <Form method="post" className="mt-6 flex flex-col gap-4 border-t border-border pt-6">
        <CsrfInput />
        <input type="hidden" name="intent" value="begin" />
        <FormErrorSummary errors={actionData?.stage === "start" ? actionData.errors : undefined} />
        <Button type="submit" className="w-full sm:w-auto sm:self-start">
          <ShieldIcon />
          {submitting ? t("console.setup.starting") : t("console.setup.start")}
        </Button>
      </Form>
    </AuthPage>
  );
}
