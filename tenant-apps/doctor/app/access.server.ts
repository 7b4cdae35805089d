import type { AppLoadContext } from "@remix-run/node";
import { HUB_ROLES, requireStaff } from "@visitnow/ui/server";

/** Where the platform server mounts the doctor hub (redirect targets stay inside the app; `next` drops this prefix). */
export const BASENAME = "/doctor";

/** Every hub page: a signed-in doctor, front-desk, clinic-admin or tenant-admin account. */
export function requireHubStaff(context: AppLoadContext, request: Request) {
  return requireStaff(context, request, HUB_ROLES, BASENAME);
}
