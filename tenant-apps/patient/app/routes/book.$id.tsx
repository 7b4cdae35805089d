import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  actionErrors,
  Button,
  ButtonLink,
  Card,
  ClockIcon,
  Container,
  CsrfInput,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  keepValues,
  PageHeader,
  pageMeta,
  TextField,
  useT,
} from "@visitnow/ui";
import { requirePatient } from "@visitnow/ui/server";
import { useCallback, useState } from "react";
import { orNotFound, requestedZone, requireBooking } from "../booking.server";
import { HoldCountdown } from "../components/booking-countdown";
import { withQuery } from "../components/booking-slots";
import { AppointmentFacts, TextAreaField } from "../components/booking-summary";

export const meta = pageMeta("patient.booking.confirm.metaTitle");

const privateHeaders = { "Cache-Control": "private, no-store" };

/** A hold of the signed-in patient, to confirm or give back. A booked visit moves on to its page. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const user = requirePatient(context, request);
  const booking = requireBooking(context);
  const appointment = await orNotFound(booking.get(params.id ?? ""));
  if (appointment.status !== "held" && appointment.status !== "expired") throw redirect(`/appointments/${appointment.id}`);
  const now = Date.now();
  const expired = appointment.status === "expired" || !appointment.holdExpiresAt || Date.parse(appointment.holdExpiresAt) <= now;
  const dependants = expired ? [] : await context.auth.listDependants();
  return data(
    {
      appointment,
      zone: requestedZone(request, context),
      expired,
      now,
      self: { name: user.name, email: user.email ?? "", phone: user.phone ?? "" },
      dependants: dependants.map((d) => ({ id: d.id, name: d.name, relationship: d.relationship })),
    },
    { headers: privateHeaders },
  );
}

interface ConfirmActionData {
  errors: FormErrors;
  values: Record<string, string>;
  expired?: boolean;
}

/** `confirm` books the held slot; `release` gives it back at once. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  requirePatient(context, request);
  const booking = requireBooking(context);
  const id = params.id ?? "";
  const form = Object.fromEntries(await request.formData());

  if (form.intent === "release") {
    const appointment = await orNotFound(booking.get(id));
    if (appointment.status === "held") await booking.release(id);
    return redirect(`/doctors/${appointment.providerSlug}?released=1#slots`);
  }
  if (form.intent !== "confirm") throw new Response("Unknown form", { status: 400 });

  try {
    await booking.confirm(id, {
      dependantId: form.dependantId ?? "",
      reason: form.reason ?? "",
      contactPhone: form.contactPhone ?? "",
      contactEmail: form.contactEmail ?? "",
    });
  } catch (err) {
    // A second submit of the same form (a double click, a resend) finds the visit already
    // booked: that is the outcome the patient asked for, so show it rather than an error.
    if ((err as { code?: string }).code === "conflict") {
      const now = await booking.get(id).catch(() => null);
      if (now && now.status !== "held" && now.status !== "expired" && now.status !== "cancelled") return redirect(`/appointments/${id}?booked=1`);
    }
    const values = keepValues(form, ["dependantId", "reason", "contactPhone", "contactEmail"]);
    const errors = actionErrors(err);
    // A conflict on confirm means the hold ran out (or was given back): say it plainly.
    const expired = (err as { code?: string }).code === "conflict";
    return data<ConfirmActionData>({ errors, values, expired }, { status: expired ? 409 : 400 });
  }
  return redirect(`/appointments/${id}?booked=1`);
}

export default function ConfirmBooking() {
  const t = useT();
  const { appointment, zone, expired, now, self, dependants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ConfirmActionData | undefined;
  const navigation = useNavigation();
  const [ranOut, setRanOut] = useState(false);
  const onExpire = useCallback(() => setRanOut(true), []);
  const slotsLink = withQuery(`/doctors/${appointment.providerSlug}`, { zone: zone }, "slots");
  const confirming = navigation.state !== "idle" && navigation.formData?.get("intent") === "confirm";
  const values = actionData?.values;
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  const chosen = values?.dependantId ?? "";

  if (expired) {
    return (
      <Container>
        <PageHeader title={t("patient.booking.expired.title")} lead={t("patient.booking.expired.body", { name: appointment.providerName })} />
        <ButtonLink to={slotsLink} className="w-full sm:w-auto">
          {t("patient.booking.expired.back")}
        </ButtonLink>
      </Container>
    );
  }

  return (
    <Container>
      <PageHeader eyebrow={t("patient.booking.confirm.eyebrow")} title={t("patient.booking.confirm.title")} lead={t("patient.booking.confirm.lead")} />
      <div className="grid gap-6 pb-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] lg:items-start">
        <section aria-labelledby="summary-title" className="flex flex-col gap-4">
          <Card>
            <h2 id="summary-title" className="font-heading text-xl font-semibold">
              {t("patient.booking.confirm.summary")}
            </h2>
            <div className="mt-4">
              <AppointmentFacts appointment={appointment} zone={zone} showVisitor={false} />
            </div>
          </Card>
          {appointment.holdExpiresAt ? (
            <div className="flex items-start gap-3 rounded-brand border border-border bg-secondary px-4 py-3 text-secondary-foreground">
              <ClockIcon className="mt-0.5 shrink-0" />
              <div className="min-w-0 flex-1">
                <HoldCountdown expiresAt={appointment.holdExpiresAt} zone={zone} serverNow={now} onExpire={onExpire} />
                <p className="mt-1 text-sm">{t("patient.booking.hold.explain")}</p>
              </div>
            </div>
          ) : null}
        </section>

        <section aria-labelledby="details-title">
          <Card>
            <h2 id="details-title" className="font-heading text-xl font-semibold">
              {t("patient.booking.confirm.details")}
            </h2>
            {ranOut || actionData?.expired ? (
              <div role="alert" className="mt-4 rounded-brand border-2 border-danger bg-danger-soft p-4 text-foreground">
                <p className="font-semibold">{t("patient.booking.expired.title")}</p>
                <p className="mt-1">{t("patient.booking.expired.short")}</p>
                <p className="mt-3">
                  <Link to={slotsLink} className="font-semibold underline underline-offset-4 hover:no-underline">
                    {t("patient.booking.expired.back")}
                  </Link>
                </p>
              </div>
            ) : null}
            <Form method="post" noValidate className="mt-5 flex flex-col gap-5">
              <CsrfInput />
              <input type="hidden" name="intent" value="confirm" />
              {actionData?.expired ? null : (
                <FormErrorSummary
                  errors={actionData?.errors}
                  fieldIds={{ reason: "reason", contactPhone: "contact-phone", contactEmail: "contact-email", dependantId: "visit-for-self" }}
                />
              )}
              <fieldset className="flex flex-col gap-2">
                <legend className="mb-2 font-medium">{t("patient.booking.confirm.for")}</legend>
                {[{ id: "", name: self.name, note: t("patient.booking.confirm.myself") }, ...dependants.map((d) => ({ id: d.id, name: d.name, note: t(`patient.account.relationship.${d.relationship}`) }))].map(
                  (person) => {
                    const inputId = person.id ? `visit-for-${person.id}` : "visit-for-self";
                    return (
                      <div key={person.id || "self"} className="relative">
                        <input
                          type="radio"
                          id={inputId}
                          name="dependantId"
                          value={person.id}
                          defaultChecked={chosen === person.id}
                          aria-describedby={`${inputId}-note`}
                          className="peer absolute left-4 top-1/2 size-5 -translate-y-1/2 accent-primary"
                        />
                        <label
                          htmlFor={inputId}
                          className="flex min-h-12 cursor-pointer items-center gap-3 rounded-brand border border-border py-2 pl-12 pr-4 peer-checked:border-2 peer-checked:border-primary peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-primary"
                        >
                          <span className="font-semibold">{person.name}</span>
                        </label>
                        <span id={`${inputId}-note`} className="pointer-events-none absolute right-4 top-1/2 -translate-y-1/2 text-sm text-muted-foreground">
                          {person.note}
                        </span>
                      </div>
                    );
                  },
                )}
                {fieldErrors.dependantId ? <p className="text-sm font-semibold text-danger">{fieldErrors.dependantId}</p> : null}
                <p className="text-sm">
                  <Link to="/account" className="underline underline-offset-4 hover:no-underline">
                    {t("patient.booking.confirm.addFamily")}
                  </Link>
                </p>
              </fieldset>

              <TextAreaField
                id="reason"
                name="reason"
                label={t("patient.booking.confirm.reason")}
                hint={t("patient.booking.confirm.reasonHint")}
                required
                maxLength={500}
                defaultValue={values?.reason ?? ""}
                error={fieldErrors.reason}
              />
              <TextField
                id="contact-phone"
                name="contactPhone"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                optional
                label={t("patient.booking.confirm.phone")}
                hint={t("patient.booking.confirm.phoneHint")}
                defaultValue={values?.contactPhone ?? self.phone}
                error={fieldErrors.contactPhone}
              />
              <TextField
                id="contact-email"
                name="contactEmail"
                type="email"
                autoComplete="email"
                optional
                label={t("patient.booking.confirm.email")}
                defaultValue={values?.contactEmail ?? self.email}
                error={fieldErrors.contactEmail}
              />
              <Button type="submit" className="w-full" disabled={ranOut || confirming}>
                {confirming ? t("patient.booking.confirm.confirming") : t("patient.booking.confirm.submit")}
              </Button>
            </Form>
            <Form method="post" className="mt-3">
              <CsrfInput />
              <input type="hidden" name="intent" value="release" />
              <Button type="submit" variant="secondary" className="w-full">
                {t("patient.booking.confirm.release")}
              </Button>
            </Form>
          </Card>
        </section>
      </div>
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
