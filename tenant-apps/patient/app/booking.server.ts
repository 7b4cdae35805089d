import { redirect, type AppLoadContext } from "@remix-run/node";
import type { BookingServices, DoctorSlotsView, OpenSlot } from "@visitnow/platform/context";
import { actionErrors, type FormErrors } from "@visitnow/ui";
import { requirePatient } from "@visitnow/ui/server";
import { isTimeZone } from "./components/booking-slots";

/** The tenant's booking facade; a 503 while the host has none (booking switched off or starting up). */
export function requireBooking(context: AppLoadContext): BookingServices {
  if (!context.booking) throw new Response("Booking is not available right now.", { status: 503 });
  return context.booking;
}

function codeOf(err: unknown): string | null {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : null;
  return typeof code === "string" ? code : null;
}

/** Awaits `work`, turning `not_found` into a thrown 404 (someone else's appointment looks exactly like none). */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (codeOf(err) === "not_found") throw new Response("Not found", { status: 404 });
    throw err;
  }
}

/** The zone a patient asked for in `?zone=`, when it is a real IANA zone, else the tenant's. */
export function requestedZone(request: Request, context: AppLoadContext): string {
  const zone = new URL(request.url).searchParams.get("zone");
  return isTimeZone(zone) ? zone : (context.tenant?.timeZone ?? "Asia/Kolkata");
}

/** A slot picker's outcome after a failed post: the slot went, or the form has errors. */
export type SlotActionData =
  | { intent: string; ok: false; taken: true; nextSlots: OpenSlot[]; errors?: undefined }
  | { intent: string; ok: false; taken?: false; errors: FormErrors }
  | { intent: "waitlist"; ok: true; date: string };

/**
 * Runs a slot post (hold or reschedule). `slot_taken` becomes the "just taken" answer with
 * the next free slots; user-facing failures become form errors; anything else is rethrown.
 */
export async function slotAttempt(intent: string, work: () => Promise<Response>): Promise<Response | SlotActionData> {
  try {
    return await work();
  } catch (err) {
    if (codeOf(err) === "slot_taken") {
      const details = (err as { details?: { nextSlots?: unknown } }).details;
      const nextSlots = Array.isArray(details?.nextSlots) ? (details.nextSlots as OpenSlot[]) : [];
      return { intent, ok: false, taken: true, nextSlots };
    }
    return { intent, ok: false, errors: actionErrors(err) };
  }
}

/**
 * Loads a doctor's slots for the picker. A bad zone falls back to the tenant's rather than
 * failing the page; a missing facade or a failure leaves the page up without slots.
 */
export async function loadSlots(
  context: AppLoadContext,
  doctorSlug: string,
  zone: string,
): Promise<{ view: DoctorSlotsView | null; unavailable: boolean }> {
  const booking = context.booking;
  if (!booking) return { view: null, unavailable: true };
  try {
    return { view: await booking.slots(doctorSlug, { zone, days: 14 }), unavailable: false };
  } catch (err) {
    if (codeOf(err) === "validation_failed" && context.tenant && zone !== context.tenant.timeZone) {
      return loadSlots(context, doctorSlug, context.tenant.timeZone);
    }
    // The profile is still worth showing; the slot panel says booking is unavailable.
    console.error("booking.slots failed", { requestId: context.requestId, code: codeOf(err) });
    return { view: null, unavailable: true };
  }
}

/** Live slots change by the second: never stored, by the browser or anyone else. */
export const slotCacheHeaders: HeadersInit = { "Cache-Control": "private, no-store", Vary: "Cookie" };

/** The signed-in patient for a slot post; signed out goes to sign-in and back to `page`. */
export function requirePatientFor(context: AppLoadContext, request: Request, page: string) {
  if (!context.auth.user) throw redirect(`/sign-in?next=${encodeURIComponent(page)}`);
  return requirePatient(context, request);
}
