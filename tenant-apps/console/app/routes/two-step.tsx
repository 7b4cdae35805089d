import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { actionErrors, AuthPage, Button, cookieHeaders, CsrfInput, FormErrorSummary, pageMeta, TextField, useT } from "@visitnow/ui";
import { afterSignInStep, nextQuery, platformAuthOf, redirectTo, requestedNext } from "../auth.server";
import { CancelSignIn } from "../components/cancel-sign-in";

export const meta = pageMeta("console.twoStep.title");

/** Only for a session that owes a code; everyone else goes where they belong. */
export function loader({ context, request }: LoaderFunctionArgs) {
  const auth = platformAuthOf(context);
  const next = requestedNext(request);
  if (auth.admin) throw redirectTo(afterSignInStep("none", next));
  if (auth.secondFactor === "enrol") throw redirectTo(afterSignInStep("enrol", next));
  if (auth.secondFactor !== "verify") throw redirectTo(`/sign-in${nextQuery(next)}`);
  return null;
}

/** A code from the authenticator app (`via=app`) or a recovery code (`via=recovery`). */
export async function action({ context, request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const via = form.via === "recovery" ? "recovery" : "app";
  let cookies: string[];
  try {
    ({ cookies } = await platformAuthOf(context).verifySecondFactor({ code: form.code }));
  } catch (err) {
    return data({ errors: actionErrors(err), via }, { status: 400 });
  }
  throw redirectTo(afterSignInStep("none", requestedNext(request)), cookieHeaders(cookies));
}

export default function TwoStep() {
  const t = useT();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const submittingVia = navigation.state === "submitting" ? navigation.formData?.get("via") : null;
  const appErrors = actionData?.via === "app" ? actionData.errors : undefined;
  const recoveryErrors = actionData?.via === "recovery" ? actionData.errors : undefined;

  return (
    <AuthPage
      eyebrow={t("layout.app.console")}
      title={t("console.twoStep.title")}
      lead={t("console.twoStep.lead")}
      footer={<CancelSignIn />}
    >
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        <input type="hidden" name="via" value="app" />
        <FormErrorSummary errors={appErrors} fieldIds={{ code: "code" }} />
        <TextField
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="one-time-code"
          maxLength={6}
          required
          label={t("console.twoStep.codeLabel")}
          hint={t("console.twoStep.codeHint")}
          className="font-mono tracking-widest sm:max-w-48"
          error={appErrors?.fieldErrors.code}
        />
        <Button type="submit" className="w-full">
          {submittingVia === "app" ? t("console.twoStep.submitting") : t("console.twoStep.submit")}
        </Button>
      </Form>

      {/* A native disclosure: works without JavaScript, and keeps the phone's number pad for the usual case above. */}
      <details className="group mt-6 border-t border-border pt-4" open={Boolean(recoveryErrors)}>
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 font-semibold text-primary [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          <span className="underline underline-offset-4 hover:no-underline">{t("console.twoStep.recoverySummary")}</span>
        </summary>
        <Form method="post" noValidate className="mt-3 flex flex-col gap-5">
          <CsrfInput />
          <input type="hidden" name="via" value="recovery" />
          <FormErrorSummary errors={recoveryErrors} fieldIds={{ code: "recovery-code" }} />
          <TextField
            id="recovery-code"
            name="code"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={20}
            required
            label={t("console.twoStep.recoveryLabel")}
            hint={t("console.twoStep.recoveryHint")}
            className="font-mono tracking-widest"
            error={recoveryErrors?.fieldErrors.code}
          />
          <Button type="submit" variant="secondary" className="w-full">
            {submittingVia === "recovery" ? t("console.twoStep.submitting") : t("console.twoStep.recoverySubmit")}
          </Button>
        </Form>
      </details>
    </AuthPage>
  );
}
