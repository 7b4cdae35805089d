/*
 * Server-only access to the doctor hub's services for loaders and actions: the signed-in
 * hub staff member plus `context.hub`, and which of their doctors a page shows.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { HubDoctorView, HubServices, SessionUserView } from "@visitnow/platform/context";
import { BASENAME, requireHubStaff } from "./access.server";

/** The signed-in hub staff member and the hub services; redirects to sign-in or throws 403/500 like the other `require*`. */
export function requireHub(context: AppLoadContext, request: Request): { hub: HubServices; user: SessionUserView } {
  const user = requireHubStaff(context, request);
  if (!context.hub) throw new Response("The doctor hub is not available", { status: 500 });
  return { hub: context.hub, user };
}

/** The doctor named by `?doctor=<id>` when this user may see them, else the first one (null when there are none). */
export function chooseDoctor(doctors: HubDoctorView[], url: URL | string): HubDoctorView | null {
  const wanted = new URL(url).searchParams.get("doctor");
  return doctors.find((doctor) => doctor.id === wanted) ?? doctors[0] ?? null;
}

/** The clinic named by `?clinic=<id>` when the doctor works there, else null (all of the doctor's clinics). */
export function chooseClinic(doctor: HubDoctorView | null, url: URL | string): HubDoctorView["clinics"][number] | null {
  const wanted = new URL(url).searchParams.get("clinic");
  if (!doctor || !wanted) return null;
  return doctor.clinics.find((clinic) => clinic.id === wanted) ?? null;
}

/**
 * A redirect to the hub's home page (Today) with a query. Remix cannot redirect to its
 * basename's root with a query string ("/?a=b" becomes "/doctor?a=b", which its client
 * then prefixes again to "/doctor/doctor"), so this one is absolute, on the request's
 * own origin, which Remix passes through unchanged.
 */
export function redirectToToday(request: Request, params: URLSearchParams): Response {
  const query = params.toString();
  const location = new URL(`${BASENAME}/${query ? `?${query}` : ""}`, request.url).toString();
  return new Response(null, { status: 302, headers: { Location: location } });
}
