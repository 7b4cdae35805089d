import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import {
  actionErrors,
  AuthPage,
  Button,
  cookieHeaders,
  CsrfInput,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  keepValues,
  LinkButton,
  pageMeta,
  StatusMessage,
  TextField,
  textLinkClass,
  useT,
} from "@visitnow/ui";
import { afterSignIn } from "../auth.server";
import { useNextSearch } from "../components/next-search";

export const meta = pageMeta("patient.signInCode.metaTitle");

/** Already signed in: straight on. */
export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.auth.user?.kind === "patient") throw redirect(afterSignIn(request));
  return null;
}

type CodeActionData =
  | { stage: "phone"; errors: FormErrors; values: Record<string, string> }
  | { stage: "code"; phone: string; sent: boolean; errors?: FormErrors };

/*
 * One route, two steps: `intent=request` sends a code to the number and shows the code
 * field (the number rides along in a hidden field, never in the URL); `intent=verify`
 * signs in, creating the account on first use.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());

  if (form.intent === "verify") {
    const phone = typeof form.phone === "string" ? form.phone : "";
    let result;
    try {
      result = await context.auth.signInWithSmsCode(form);
    } catch (err) {
      return data<CodeActionData>({ stage: "code", phone, sent: false, errors: actionErrors(err) }, { status: 400 });
    }
    // A new account has no name yet: the account page asks for it.
    const to = result.created ? "/account?welcome=1" : afterSignIn(request);
    return redirect(to, { headers: cookieHeaders(result.cookies) });
  }

  try {
    const { phone } = await context.auth.requestSmsCode(form);
    return data<CodeActionData>({ stage: "code", phone, sent: true });
  } catch (err) {
    return data<CodeActionData>({ stage: "phone", errors: actionErrors(err), values: keepValues(form, ["phone"]) }, { status: 400 });
  }
}

export default function SignInWithCode() {
  const t = useT();
  const actionData = useActionData<typeof action>() as CodeActionData | undefined;
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const nextSearch = useNextSearch();
  const footer = (
    <p>
      <Link to={`/sign-in${nextSearch}`} className={textLinkClass}>
        {t("patient.signInCode.usePassword")}
      </Link>
    </p>
  );

  if (actionData?.stage === "code") {
    const resending = submitting && navigation.formData?.get("intent") === "request";
    return (
      <AuthPage title={t("patient.signInCode.codeTitle")} lead={t("patient.signInCode.codeLead")} footer={footer}>
        <div className="flex flex-col gap-5">
          {actionData.sent ? <StatusMessage>{t("patient.signInCode.sent", { phone: actionData.phone })}</StatusMessage> : null}
          <Form method="post" noValidate className="flex flex-col gap-5">
            <CsrfInput />
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="phone" value={actionData.phone} />
            <FormErrorSummary errors={actionData.errors} fieldIds={{ code: "code" }} />
            <TextField
              id="code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              required
              label={t("patient.signInCode.codeLabel")}
              hint={t("patient.signInCode.codeHint")}
              className="font-mono text-lg tracking-[0.3em] sm:max-w-48"
              error={actionData.errors?.fieldErrors.code}
            />
            <Button type="submit" className="w-full">
              {submitting && !resending ? t("patient.signInCode.verifying") : t("patient.signInCode.verify")}
            </Button>
          </Form>
          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border pt-4">
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="request" />
              <input type="hidden" name="phone" value={actionData.phone} />
              <LinkButton className="-mx-2 font-semibold text-primary">
                {resending ? t("patient.signInCode.resending") : t("patient.signInCode.resend")}
              </LinkButton>
            </Form>
            <Link to={`/sign-in/code${nextSearch}`} className={`inline-flex min-h-11 items-center ${textLinkClass}`}>
              {t("patient.signInCode.changeNumber")}
            </Link>
          </div>
        </div>
      </AuthPage>
    );
  }

  return (
    <AuthPage title={t("patient.signInCode.title")} lead={t("patient.signInCode.lead")} footer={footer}>
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        <input type="hidden" name="intent" value="request" />
        <FormErrorSummary errors={actionData?.errors} fieldIds={{ phone: "phone" }} />
        <TextField
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          label={t("patient.form.phone")}
          hint={t("patient.signInCode.phoneHint")}
          defaultValue={actionData?.values.phone}
          error={actionData?.errors.fieldErrors.phone}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("patient.signInCode.sending") : t("patient.signInCode.send")}
        </Button>
      </Form>
    </AuthPage>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
