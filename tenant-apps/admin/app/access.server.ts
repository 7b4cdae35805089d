import type { AppLoadContext } from "@remix-run/node";
import { ADMIN_ROLES, requireStaff } from "@visitnow/ui/server";

/** Where the platform server mounts the admin console (redirect targets stay inside the app; `next` drops this prefix). */
export const BASENAME = "/admin";

/** Every admin page: a signed-in tenant-admin, clinic-admin, finance or support account. */
export function requireAdminStaff(context: AppLoadContext, request: Request) {
  return requireStaff(context, request, ADMIN_ROLES, BASENAME);
}
