import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
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
  TextField,
  textLinkClass,
  useRootData,
  useT,
} from "@visitnow/ui";
import { afterSignIn } from "../auth.server";
import { useNextSearch } from "../components/next-search";

export const meta = pageMeta("patient.signUp.metaTitle");

/** Already signed in: nothing to create. */
export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.auth.user?.kind === "patient") throw redirect(afterSignIn(request));
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  // The mobile number is optional: a blank field means "none", not an invalid number.
  if (typeof form.phone === "string" && form.phone.trim() === "") delete form.phone;
  let cookies: string[];
  try {
    ({ cookies } = await context.auth.signUpPatient(form));
  } catch (err) {
    return data({ errors: actionErrors(err), values: keepValues(form, ["name", "email", "phone"]) }, { status: 400 });
  }
  return redirect(afterSignIn(request), { headers: cookieHeaders(cookies) });
}

const fieldIds = { name: "name", email: "email", phone: "phone", password: "password" };

export default function SignUp() {
  const t = useT();
  const root = useRootData();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const nextSearch = useNextSearch();
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  const values = actionData?.values ?? {};

  return (
    <AuthPage
      title={t("patient.signUp.title")}
      lead={t("patient.signUp.lead", { name: root?.tenant?.name ?? "" })}
      footer={
        <p className="text-muted-foreground">
          {t("patient.signUp.haveAccount")}{" "}
          <Link to={`/sign-in${nextSearch}`} className={textLinkClass}>
            {t("patient.signUp.signIn")}
          </Link>
        </p>
      }
    >
      <Form method="post" noValidate className="flex flex-col gap-5">
        <CsrfInput />
        <FormErrorSummary errors={actionData?.errors} fieldIds={fieldIds} />
        <TextField
          id="name"
          name="name"
          type="text"
          label={t("patient.form.name")}
          autoComplete="name"
          required
          defaultValue={values.name}
          error={fieldErrors.name}
        />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t("patient.form.email")}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={values.email}
          error={fieldErrors.email}
        />
        <TextField
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          label={t("patient.form.phone")}
          hint={t("patient.form.phoneHint")}
          optional
          autoComplete="tel"
          defaultValue={values.phone}
          error={fieldErrors.phone}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("patient.form.newPassword")}
          hint={t("patient.form.passwordHint")}
          autoComplete="new-password"
          minLength={10}
          required
          error={fieldErrors.password}
        />
        <Button type="submit" className="w-full">
          {submitting ? t("patient.signUp.submitting") : t("patient.signUp.submit")}
        </Button>
      </Form>
    </AuthPage>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
