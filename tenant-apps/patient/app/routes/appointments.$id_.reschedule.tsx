import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { ArrowLeftIcon, ButtonLink, Card, Container, GeneralErrorBoundary, intlLocale, PageHeader, pageMeta, useLocale, useT } from "@visitnow/ui";
import { requirePatient } from "@visitnow/ui/server";
import { loadSlots, orNotFound, requestedZone, requireBooking, slotAttempt, type SlotActionData } from "../booking.server";
import { SlotPicker } from "../components/booking-slot-picker";
import { chooseDay, formatDateIn, revalidateAfterTaken, withQuery } from "../components/booking-slots";
import { useTimeRange } from "../components/booking-summary";

export const meta = pageMeta("patient.appointments.reschedule.metaTitle");

export const shouldRevalidate: ShouldRevalidateFunction = revalidateAfterTaken;

/** The same doctor's open slots, to move one of the patient's booked visits to. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  requirePatient(context, request);
  const booking = requireBooking(context);
  const appointment = await orNotFound(booking.get(params.id ?? ""));
  const zone = requestedZone(request, context);
  const tenantZone = context.tenant?.timeZone ?? zone;
  if (!appointment.canReschedule) {
    return data({ appointment, zone, tenantZone, picker: null }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const slots = await loadSlots(context, appointment.providerSlug, zone);
  const view = slots.view;
  const picker = view
    ? {
        view,
        day: chooseDay(view.days, new URL(request.url).searchParams.get("day")) ?? view.from,
      }
    : null;
  return data({ appointment, zone, tenantZone, picker }, { headers: { "Cache-Control": "private, no-store" } });
}

/** Moves the visit to the picked slot; the new appointment's page follows. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  requirePatient(context, request);
  const booking = requireBooking(context);
  const form = Object.fromEntries(await request.formData());
  if (form.intent !== "reschedule") throw new Response("Unknown form", { status: 400 });
  const zone = new URL(request.url).searchParams.get("zone");
  const result = await slotAttempt("reschedule", async () => {
    const moved = await booking.reschedule(params.id ?? "", { startsAt: form.startsAt, clinicId: form.clinicId });
    return redirect(withQuery(`/appointments/${moved.id}`, { rescheduled: "1", zone }));
  });
  return result instanceof Response ? result : data<SlotActionData>(result, { status: 409 });
}

export default function Reschedule() {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const range = useTimeRange();
  const { appointment, zone, tenantZone, picker } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SlotActionData | undefined;
  const back = `/appointments/${appointment.id}`;

  return (
    <Container>
      <p className="pt-4">
        <Link to={back} className="inline-flex min-h-11 items-center gap-2 font-medium underline-offset-4 hover:underline">
          <ArrowLeftIcon width={18} height={18} />
          {t("patient.appointments.reschedule.back")}
        </Link>
      </p>
      <PageHeader
        title={t("patient.appointments.reschedule.title")}
        lead={t("patient.appointments.reschedule.current", {
          name: appointment.providerName,
          date: formatDateIn(appointment.startsAt, zone, tag),
          time: range(appointment.startsAt, appointment.endsAt, zone),
          clinic: appointment.clinicName,
        })}
      />
      <div className="mx-auto max-w-3xl pb-6">
        {!appointment.canReschedule ? (
          <Card>
            <p>{t("patient.appointments.reschedule.closed")}</p>
            <p className="mt-4">
              <ButtonLink to={back}>{t("patient.appointments.reschedule.back")}</ButtonLink>
            </p>
          </Card>
        ) : picker ? (
          <section id="slots" aria-labelledby="slots-title">
            <Card>
              <h2 id="slots-title" className="font-heading text-xl font-semibold">
                {t("patient.appointments.reschedule.pick")}
              </h2>
              <SlotPicker
                view={picker.view}
                day={picker.day}
                tenantZone={tenantZone}
                basePath={`/appointments/${appointment.id}/reschedule`}
                intent="reschedule"
                doctorName={appointment.providerName}
                actionData={actionData}
              />
            </Card>
          </section>
        ) : (
          <Card>
            <p>{t("patient.booking.unavailableBody", { name: appointment.providerName })}</p>
          </Card>
        )}
      </div>
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
