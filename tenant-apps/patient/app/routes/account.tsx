import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { DependantView } from "@visitnow/platform/context";
import {
  actionErrors,
  Button,
  Card,
  Container,
  cookieHeaders,
  CsrfInput,
  FamilyIcon,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  intlLocale,
  keepValues,
  PageHeader,
  pageMeta,
  SelectField,
  StatusMessage,
  TextField,
  useLocale,
  useT,
} from "@visitnow/ui";
import { requirePatient } from "@visitnow/ui/server";
import { useEffect, useRef } from "react";

export const meta = pageMeta("patient.account.metaTitle");

const relationships = ["child", "parent", "spouse", "sibling", "other"] as const;
const genders = ["female", "male", "other"] as const;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requirePatient(context, request);
  const dependants = await context.auth.listDependants();
  const welcome = new URL(request.url).searchParams.get("welcome") === "1";
  return { profile: { name: user.name, email: user.email, phone: user.phone }, dependants, welcome };
}

const intents = ["profile", "add-dependant", "remove"] as const;
type Intent = (typeof intents)[number];

function isIntent(value: unknown): value is Intent {
  return (intents as readonly unknown[]).includes(value);
}

interface AccountActionData {
  intent: Intent;
  ok: boolean;
  errors?: FormErrors;
  values?: Record<string, string>;
}

/* One action for the page's forms, told apart by their hidden `intent`. */
export async function action({ context, request }: ActionFunctionArgs) {
  requirePatient(context, request);
  const form = Object.fromEntries(await request.formData());
  const { auth } = context;

  if (form.intent === "sign-out-everywhere") {
    const { cookies } = await auth.signOutEverywhere();
    return redirect("/sign-in", { headers: cookieHeaders(cookies) });
  }

  const intent = form.intent;
  if (!isIntent(intent)) throw new Response("Unknown form", { status: 400 });

  try {
    if (intent === "profile") await auth.updateProfile(form);
    else if (intent === "add-dependant") await auth.addDependant(form);
    else await auth.removeDependant(String(form.id ?? ""));
  } catch (err) {
    const values = keepValues(form, intent === "profile" ? ["name", "phone"] : ["name", "relationship", "dateOfBirth", "gender"]);
    return data<AccountActionData>({ intent, ok: false, errors: actionErrors(err), values }, { status: 400 });
  }
  return data<AccountActionData>({ intent, ok: true });
}

export default function Account() {
  const t = useT();
  const { profile, dependants, welcome } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AccountActionData | undefined;

  return (
    <Container>
      <PageHeader
        title={t("patient.account.title")}
        lead={t("patient.account.lead", { who: profile.email ?? profile.phone ?? "" })}
      />
      {welcome ? (
        <div className="mb-6">
          <StatusMessage>{t("patient.account.welcome")}</StatusMessage>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.25fr)] lg:items-start">
        <div className="grid gap-6">
          <ProfileSection profile={profile} actionData={actionData?.intent === "profile" ? actionData : undefined} />
          <SecuritySection />
        </div>
        <FamilySection dependants={dependants} actionData={actionData?.intent !== "profile" ? actionData : undefined} />
      </div>
    </Container>
  );
}

function useSubmittingIntent(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function ProfileSection({
  profile,
  actionData,
}: {
  profile: { name: string; email: string | null; phone: string | null };
  actionData?: AccountActionData;
}) {
  const t = useT();
  const saving = useSubmittingIntent("profile");
  const values = actionData?.values;
  const fieldErrors = actionData?.errors?.fieldErrors ?? {};

  return (
    <section aria-labelledby="profile-title">
      <Card>
        <h2 id="profile-title" className="font-heading text-xl font-semibold">
          {t("patient.account.profile.title")}
        </h2>
        <Form method="post" noValidate className="mt-5 flex flex-col gap-5">
          <CsrfInput />
          <input type="hidden" name="intent" value="profile" />
          {actionData?.ok ? <StatusMessage>{t("patient.account.profile.saved")}</StatusMessage> : null}
          <FormErrorSummary errors={actionData?.errors} fieldIds={{ name: "profile-name", phone: "profile-phone" }} />
          <TextField
            id="profile-name"
            name="name"
            type="text"
            autoComplete="name"
            required
            label={t("patient.form.name")}
            defaultValue={values?.name ?? profile.name}
            error={fieldErrors.name}
          />
          <TextField
            id="profile-phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            optional
            label={t("patient.form.phone")}
            hint={t("patient.form.phoneHint")}
            defaultValue={values?.phone ?? profile.phone ?? ""}
            error={fieldErrors.phone}
          />
          {profile.email ? (
            <div>
              <p className="font-medium">{t("patient.form.email")}</p>
              <p className="mt-1 break-all text-muted-foreground">{profile.email}</p>
            </div>
          ) : null}
          <Button type="submit" className="w-full sm:w-auto sm:self-start">
            {saving ? t("patient.account.profile.saving") : t("patient.account.profile.save")}
          </Button>
        </Form>
      </Card>
    </section>
  );
}

function SecuritySection() {
  const t = useT();
  return (
    <section aria-labelledby="security-title">
      <Card>
        <h2 id="security-title" className="font-heading text-xl font-semibold">
          {t("patient.account.security.title")}
        </h2>
        <p className="mt-2 text-muted-foreground">{t("patient.account.security.body")}</p>
        <Form method="post" className="mt-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <Button type="submit" variant="secondary" className="w-full sm:w-auto">
            {t("patient.account.security.signOutEverywhere")}
          </Button>
        </Form>
      </Card>
    </section>
  );
}

function formatDate(iso: string, locale: string): string {
  // Dates of birth are calendar dates: format them in UTC so no time zone shifts the day.
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

function FamilySection({ dependants, actionData }: { dependants: DependantView[]; actionData?: AccountActionData }) {
  const t = useT();
  const { locale } = useLocale();
  const adding = useSubmittingIntent("add-dependant");
  const addForm = useRef<HTMLFormElement>(null);
  const addData = actionData?.intent === "add-dependant" ? actionData : undefined;
  const removeData = actionData?.intent === "remove" ? actionData : undefined;
  const fieldErrors = addData?.errors?.fieldErrors ?? {};
  const values = addData?.ok ? undefined : addData?.values;

  // After a successful add (with JavaScript the page is not reloaded), clear the form for the next person.
  useEffect(() => {
    if (addData?.ok) addForm.current?.reset();
  }, [addData]);

  return (
    <section aria-labelledby="family-title">
      <Card>
        <div className="flex items-start gap-4">
          <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
            <FamilyIcon />
          </span>
          <div>
            <h2 id="family-title" className="font-heading text-xl font-semibold">
              {t("patient.account.family.title")}
            </h2>
            <p className="mt-1 text-muted-foreground">{t("patient.account.family.lead")}</p>
          </div>
        </div>

        <div className="mt-5 flex flex-col gap-3">
          {removeData?.ok ? <StatusMessage>{t("patient.account.family.removed")}</StatusMessage> : null}
          {addData?.ok ? <StatusMessage>{t("patient.account.family.added")}</StatusMessage> : null}
          <FormErrorSummary errors={removeData?.errors} />
        </div>

        {dependants.length === 0 ? (
          <p className="mt-4 rounded-brand border border-dashed border-border px-4 py-5 text-center text-muted-foreground">
            {t("patient.account.family.empty")}
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-border rounded-brand border border-border">
            {dependants.map((dependant) => (
              <li key={dependant.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-semibold break-words">{dependant.name}</p>
                  <p className="text-sm text-muted-foreground">
                    {[
                      t(`patient.account.relationship.${dependant.relationship}`),
                      dependant.dateOfBirth
                        ? t("patient.account.family.born", { date: formatDate(dependant.dateOfBirth, intlLocale(locale)) })
                        : null,
                      dependant.gender ? t(`patient.account.gender.${dependant.gender}`) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="id" value={dependant.id} />
                  <Button type="submit" variant="secondary" className="min-h-10 px-4 py-1.5 text-sm">
                    {t("patient.account.family.remove")}
                    <span className="sr-only"> {dependant.name}</span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}

        <h3 className="mt-8 font-heading text-lg font-semibold">{t("patient.account.family.addTitle")}</h3>
        <Form ref={addForm} method="post" noValidate className="mt-4 grid gap-5 sm:grid-cols-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="add-dependant" />
          <div className="sm:col-span-2 empty:hidden">
            <FormErrorSummary
              errors={addData?.errors}
              fieldIds={{ name: "dependant-name", relationship: "dependant-relationship", dateOfBirth: "dependant-dob", gender: "dependant-gender" }}
            />
          </div>
          <TextField
            id="dependant-name"
            name="name"
            type="text"
            autoComplete="off"
            required
            label={t("patient.form.name")}
            wrapperClassName="sm:col-span-2"
            defaultValue={values?.name}
            error={fieldErrors.name}
          />
          <SelectField
            id="dependant-relationship"
            name="relationship"
            required
            label={t("patient.account.family.relationship")}
            options={relationships.map((value) => ({ value, label: t(`patient.account.relationship.${value}`) }))}
            defaultValue={values?.relationship ?? "child"}
            error={fieldErrors.relationship}
          />
          <TextField
            id="dependant-dob"
            name="dateOfBirth"
            type="date"
            optional
            autoComplete="off"
            label={t("patient.account.family.dateOfBirth")}
            defaultValue={values?.dateOfBirth}
            error={fieldErrors.dateOfBirth}
          />
          <SelectField
            id="dependant-gender"
            name="gender"
            optional
            label={t("patient.account.family.gender")}
            options={[
              { value: "", label: t("patient.account.gender.unspecified") },
              ...genders.map((value) => ({ value, label: t(`patient.account.gender.${value}`) })),
            ]}
            defaultValue={values?.gender ?? ""}
            error={fieldErrors.gender}
          />
          <div className="sm:col-span-2">
            <Button type="submit" className="w-full sm:w-auto">
              {adding ? t("patient.account.family.adding") : t("patient.account.family.add")}
            </Button>
          </div>
        </Form>
      </Card>
    </section>
  );
}

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
