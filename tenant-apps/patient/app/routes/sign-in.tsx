import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  actionErrors,
  AuthPage,
  Button,
  cookieHeaders,
  CsrfInput,
  FormErrorSummary,
  GeneralErrorBoundary,
  keepValues,
  pageMeta,
  StatusMessage,
  TextField,
  textLinkClass,
  useRootData,
  useT,
} from "@visitnow/ui";
import { afterSignIn } from "../auth.server";
import { useNextSearch } from "../components/next-search";

export const meta = pageMeta("patient.signIn.metaTitle");

/** Already signed in: straight on. Else a note after choosing a new password (`?reset=1`). */
export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.auth.user?.kind === "patient") throw redirect(afterSignIn(request));
  return { reset: new URL(request.url).searchParams.get("reset") === "1" };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  let cookies: string[];
  try {
    ({ cookies } = await context.auth.signInWithPassword("patient", form));
  } catch (err) {
    return data({ errors: actionErrors(err), values: keepValues(form, ["email"]) }, { status: 400 });
  }
  return redirect(afterSignIn(request), { headers: cookieHeaders(cookies) });
}

export default function SignIn() {
  const t = useT();
  const root = useRootData();
  const { reset } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const nextSearch = useNextSearch();
  const fieldErrors = actionData?.errors.fieldErrors ?? {};

  return (
    <AuthPage
      title={t("patient.signIn.title")}
      lead={t("patient.signIn.lead", { name: root?.tenant?.name ?? "" })}
      footer={
        <>
          <p>
            <Link to="/forgot-password" className={textLinkClass}>
              {t("layout.recovery.forgotLink")}
            </Link>
          </p>
          <p>
            <Link to={`/sign-in/code${nextSearch}`} className={textLinkClass}>
              {t("patient.signIn.useCode")}
            </Link>
          </p>
          <p className="text-muted-foreground">
            {t("patient.signIn.noAccount")}{" "}
            <Link to={`/sign-up${nextSearch}`} className={textLinkClass}>
              {t("patient.signIn.createAccount")}
            </Link>
          </p>
        </>
      }
    >
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        {reset && !actionData ? <StatusMessage>{t("patient.signIn.reset")}</StatusMessage> : null}
        <FormErrorSummary errors={actionData?.errors} fieldIds={{ email: "email", password: "password" }} />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t("patient.form.email")}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={actionData?.values.email}
          error={fieldErrors.email}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("patient.form.password")}
          autoComplete="current-password"
          required
          error={fieldErrors.password}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("patient.signIn.submitting") : t("patient.signIn.submit")}
        </Button>
      </Form>
    </AuthPage>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
