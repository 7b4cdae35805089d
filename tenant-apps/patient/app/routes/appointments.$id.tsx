import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import type { AppLoadContext } from "@remix-run/node";
import type { AppointmentDetailView } from "@visitnow/platform/context";
import {
  actionErrors,
  ArrowLeftIcon,
  brandNameOf,
  Button,
  ButtonLink,
  CalendarIcon,
  Card,
  Container,
  CsrfInput,
  type FormErrors,
  FormErrorSummary,
  GeneralErrorBoundary,
  InfoIcon,
  intlLocale,
  keepValues,
  PhoneIcon,
  StatusMessage,
  translate,
  useLocale,
  useT,
  type RootData,
} from "@visitnow/ui";
import { requirePatient } from "@visitnow/ui/server";
import { orNotFound, requestedZone, requireBooking } from "../booking.server";
import { formatDateIn, withQuery } from "../components/booking-slots";
import { AppointmentFacts, StatusBadge, TextAreaField } from "../components/booking-summary";
import { pluralForm } from "../components/format";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const root = matches.find((match) => match.id === "root")?.data as RootData | undefined;
  if (!root) return [];
  const title = loaded
    ? translate(root.i18n.messages, "patient.appointments.detail.metaTitle", { name: loaded.appointment.providerName })
    : translate(root.i18n.messages, "common.error.pageNotFound");
  return [{ title: `${title} · ${brandNameOf(root)}` }];
};

/** When online changes are closed: the cut-off and the clinic's phone, so the patient knows what to do instead. */
async function changeHelp(context: AppLoadContext, appointment: AppointmentDetailView) {
  const [policy, doctor] = await Promise.all([
    context.booking?.slots(appointment.providerSlug, { days: 1 }).then((v) => v.policy).catch(() => null) ?? null,
    context.discovery?.getDoctor(appointment.providerSlug).catch(() => null) ?? null,
  ]);
  const phone = doctor?.clinicDetails.find((clinic) => clinic.id === appointment.clinicId)?.phone ?? doctor?.clinicDetails.find((c) => c.phone)?.phone ?? null;
  return { cutoffMinutes: policy ? Math.max(policy.cancelCutoffMinutes, policy.rescheduleCutoffMinutes) : null, phone };
}

/** One of the patient's (or their family's) appointments; someone else's is a 404. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  requirePatient(context, request);
  const booking = requireBooking(context);
  const appointment = await orNotFound(booking.get(params.id ?? ""));
  if (appointment.status === "held") throw redirect(`/book/${appointment.id}`);
  const search = new URL(request.url).searchParams;
  const help = appointment.status === "booked" && !(appointment.canCancel && appointment.canReschedule) ? await changeHelp(context, appointment) : null;
  return data(
    {
      appointment,
      zone: requestedZone(request, context),
      tenantZone: context.tenant?.timeZone ?? null,
      notice: search.get("booked") === "1" ? "booked" : search.get("rescheduled") === "1" ? "rescheduled" : search.get("cancelled") === "1" ? "cancelled" : null,
      confirmCancel: search.get("cancel") === "1" && appointment.canCancel,
      help,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

interface CancelActionData {
  errors: FormErrors;
  values: Record<string, string>;
}

/** Cancels the visit (the service checks it is the patient's and within the cut-off). */
export async function action({ context, params, request }: ActionFunctionArgs) {
  requirePatient(context, request);
  const booking = requireBooking(context);
  const form = Object.fromEntries(await request.formData());
  if (form.intent !== "cancel") throw new Response("Unknown form", { status: 400 });
  const id = params.id ?? "";
  const reason = typeof form.reason === "string" && form.reason.trim() ? form.reason.trim() : null;
  try {
    await booking.cancel(id, reason);
  } catch (err) {
    if ((err as { code?: string }).code === "not_found") throw new Response("Not found", { status: 404 });
    return data<CancelActionData>({ errors: actionErrors(err), values: keepValues(form, ["reason"]) }, { status: 409 });
  }
  return redirect(`/appointments/${id}?cancelled=1`);
}

export default function AppointmentDetail() {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const { appointment, zone, tenantZone, notice, confirmCancel, help } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CancelActionData | undefined;
  const navigation = useNavigation();
  const cancelling = navigation.state !== "idle" && navigation.formData?.get("intent") === "cancel";
  const showCancel = confirmCancel || Boolean(actionData);
  const zoneParam = zone !== tenantZone ? zone : null;
  const selfLink = (query: Record<string, string | null>, hash?: string) => withQuery(`/appointments/${appointment.id}`, { zone: zoneParam, ...query }, hash);
  const live = ["booked", "checked_in", "in_consultation"].includes(appointment.status);
  const revalidator = useRevalidator();

  // The clinic moves a live visit along (checked in, with the doctor): refresh when the patient comes back to the tab.
  useEffect(() => {
    if (!live) return;
    const onVisible = () => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [live, revalidator]);

  return (
    <Container>
      <p className="py-4">
        <Link to="/appointments" className="inline-flex min-h-11 items-center gap-2 font-medium underline-offset-4 hover:underline">
          <ArrowLeftIcon width={18} height={18} />
          {t("patient.appointments.detail.back")}
        </Link>
      </p>

      {notice === "booked" && appointment.status === "booked" ? (
        <div role="status" className="mb-6 flex items-start gap-4 rounded-brand bg-primary p-5 text-primary-foreground sm:p-6">
          <span aria-hidden="true" className="inline-flex size-12 shrink-0 items-center justify-center rounded-full bg-primary-foreground text-primary">
            <CalendarIcon />
          </span>
          <div>
            <p className="font-heading text-2xl font-bold">{t("patient.appointments.detail.bookedTitle")}</p>
            <p className="mt-1">
              {t("patient.appointments.detail.bookedBody", {
                name: appointment.providerName,
                date: formatDateIn(appointment.startsAt, zone, tag),
              })}
            </p>
          </div>
        </div>
      ) : null}
      {notice === "rescheduled" && appointment.status === "booked" ? (
        <div className="mb-6">
          <StatusMessage>{t("patient.appointments.detail.rescheduledNotice")}</StatusMessage>
        </div>
      ) : null}
      {notice === "cancelled" && appointment.status === "cancelled" ? (
        <div className="mb-6">
          <StatusMessage>{t("patient.appointments.detail.cancelledNotice")}</StatusMessage>
        </div>
      ) : null}

      {/* The visit's date at the clinic: what the clinic's queue for that day lists it under. */}
      <div className="flex flex-wrap items-center gap-3 pb-6" data-appointment-date={clinicDate(appointment.startsAt, appointment.timeZone)}>
        <h1 className="font-heading text-3xl font-bold tracking-tight sm:text-4xl">{t("patient.appointments.detail.title", { name: appointment.providerName })}</h1>
        <p>
          <span className="sr-only">{t("patient.appointments.detail.statusLabel")} </span>
          <StatusBadge status={appointment.status} />
        </p>
      </div>

      <div className="grid gap-6 pb-6 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] lg:items-start">
        <Card>
          <h2 className="sr-only">{t("patient.appointments.detail.factsTitle")}</h2>
          <AppointmentFacts appointment={appointment} zone={zone} showReason />
          <StatusExplanation appointment={appointment} />
        </Card>

        <section aria-labelledby="manage-title" className="flex flex-col gap-4">
          <Card>
            <h2 id="manage-title" className="font-heading text-xl font-semibold">
              {t("patient.appointments.detail.manage")}
            </h2>
            <div className="mt-4 flex flex-col gap-3">
              {live ? (
                <a
                  href={`/appointments/${appointment.id}/calendar`}
                  download
                  className="inline-flex min-h-11 items-center justify-center gap-2 rounded-brand bg-secondary px-5 py-2.5 font-semibold text-secondary-foreground hover:brightness-95"
                >
                  <CalendarIcon width={18} height={18} />
                  {t("patient.appointments.detail.addToCalendar")}
                </a>
              ) : null}
              {appointment.canReschedule ? (
                <ButtonLink to={withQuery(`/appointments/${appointment.id}/reschedule`, { zone: zoneParam }, "slots")} variant="secondary">
                  {t("patient.appointments.detail.reschedule")}
                </ButtonLink>
              ) : null}
              {appointment.canCancel && !showCancel ? (
                <ButtonLink to={selfLink({ cancel: "1" }, "cancel")} variant="secondary" preventScrollReset>
                  {t("patient.appointments.detail.cancel")}
                </ButtonLink>
              ) : null}
              {!live ? (
                <ButtonLink to={`/doctors/${appointment.providerSlug}#slots`}>{t("patient.appointments.detail.bookAgain")}</ButtonLink>
              ) : null}
            </div>

            {help && appointment.status === "booked" ? (
              <div className="mt-4 flex items-start gap-3 rounded-brand bg-muted p-4 text-muted-foreground">
                <InfoIcon className="mt-0.5 shrink-0" />
                <div>
                  <p>
                    {help.cutoffMinutes !== null
                      ? help.cutoffMinutes % 60 === 0
                        ? t(`patient.appointments.detail.cutoffHours.${pluralForm(help.cutoffMinutes / 60, tag)}`, { count: help.cutoffMinutes / 60 })
                        : t(`patient.appointments.detail.cutoffMinutes.${pluralForm(help.cutoffMinutes, tag)}`, { count: help.cutoffMinutes })
                      : t("patient.appointments.detail.cutoffUnknown")}
                  </p>
                  {help.phone ? (
                    <a
                      href={`tel:${help.phone.replace(/[^\d+]/g, "")}`}
                      className="mt-2 inline-flex min-h-11 items-center gap-2 font-semibold text-foreground underline underline-offset-4 hover:no-underline"
                    >
                      <PhoneIcon width={18} height={18} />
                      {t("patient.doctor.slots.call", { phone: help.phone })}
                    </a>
                  ) : null}
                </div>
              </div>
            ) : null}
          </Card>

          {showCancel && appointment.canCancel ? (
            <section id="cancel" aria-labelledby="cancel-title" tabIndex={-1} className="rounded-brand border-2 border-danger bg-surface p-5 text-surface-foreground sm:p-6">
              <h2 id="cancel-title" className="font-heading text-xl font-semibold">
                {t("patient.appointments.cancel.title")}
              </h2>
              <p className="mt-1 text-muted-foreground">
                {t("patient.appointments.cancel.body", { name: appointment.providerName, date: formatDateIn(appointment.startsAt, zone, tag) })}
              </p>
              <Form method="post" className="mt-4 flex flex-col gap-4" preventScrollReset>
                <CsrfInput />
                <input type="hidden" name="intent" value="cancel" />
                <FormErrorSummary errors={actionData?.errors} fieldIds={{ reason: "cancel-reason" }} />
                <TextAreaField
                  id="cancel-reason"
                  name="reason"
                  optional
                  rows={3}
                  maxLength={500}
                  label={t("patient.appointments.cancel.reason")}
                  defaultValue={actionData?.values.reason ?? ""}
                  error={actionData?.errors.fieldErrors.reason}
                />
                <div className="flex flex-col gap-3 sm:flex-row">
                  <Button type="submit" disabled={cancelling}>
                    {cancelling ? t("patient.appointments.cancel.cancelling") : t("patient.appointments.cancel.confirm")}
                  </Button>
                  <ButtonLink to={selfLink({})} variant="secondary" preventScrollReset>
                    {t("patient.appointments.cancel.keep")}
                  </ButtonLink>
                </div>
              </Form>
            </section>
          ) : null}
        </section>
      </div>
    </Container>
  );
}

/** A sentence on what the status means for the patient now. */
function StatusExplanation({ appointment }: { appointment: AppointmentDetailView }) {
  const t = useT();
  const key =
    appointment.status === "cancelled"
      ? appointment.cancelledBy === "clinic"
        ? "patient.appointments.explain.cancelledByClinic"
        : "patient.appointments.explain.cancelled"
      : `patient.appointments.explain.${appointment.status}`;
  return <p className="mt-5 border-t border-border pt-4 text-muted-foreground">{t(key)}</p>;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** `YYYY-MM-DD` of an instant in a zone (en-CA formats dates that way). */
function clinicDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}
