import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePatient } from "@visitnow/ui/server";
import { orNotFound, requireBooking } from "../booking.server";

/** The appointment as an iCalendar file to add to a phone's calendar; only its patient gets it, and nothing keeps a copy. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  requirePatient(context, request);
  const booking = requireBooking(context);
  const { filename, body } = await orNotFound(booking.calendarFile(params.id ?? ""));
  const safeName = filename.replace(/[^\w.-]/g, "_") || "appointment.ics";
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
