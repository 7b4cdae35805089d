import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import {
  actionErrors,
  AuthPage,
  Button,
  cookieHeaders,
  CsrfInput,
  FormErrorSummary,
  keepValues,
  pageMeta,
  TextField,
  useT,
} from "@visitnow/ui";
import { afterSignInStep, platformAuthOf, redirectTo, requestedNext } from "../auth.server";

export const meta = pageMeta("console.signIn.metaTitle");

/** Already signed in, or half-way: skip the form. */
export function loader({ context, request }: LoaderFunctionArgs) {
  const auth = platformAuthOf(context);
  const next = requestedNext(request);
  if (auth.admin) throw redirectTo(afterSignInStep("none", next));
  if (auth.secondFactor !== "none") throw redirectTo(afterSignInStep(auth.secondFactor, next));
  return null;
}

/** Email and password; platform admins then always owe a second factor. */
export async function action({ context, request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  let result;
  try {
    result = await platformAuthOf(context).signIn(form);
  } catch (err) {
    return data({ errors: actionErrors(err), values: keepValues(form, ["email"]) }, { status: 400 });
  }
  throw redirectTo(afterSignInStep(result.secondFactor, requestedNext(request)), cookieHeaders(result.cookies));
}

export default function SignIn() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const fieldErrors = actionData?.errors.fieldErrors ?? {};

  return (
    <AuthPage
      eyebrow={t("layout.app.console")}
      title={t("console.signIn.title")}
      lead={t("console.signIn.lead")}
      footer={<p className="text-sm text-muted-foreground">{t("console.signIn.audited")}</p>}
    >
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        <FormErrorSummary errors={actionData?.errors} fieldIds={{ email: "email", password: "password" }} />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t("console.signIn.email")}
          autoComplete="username"
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
          label={t("console.signIn.password")}
          autoComplete="current-password"
          required
          error={fieldErrors.password}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("console.signIn.submitting") : t("console.signIn.submit")}
        </Button>
      </Form>
    </AuthPage>
  );
}
