import type { AppLoadContext } from "@remix-run/node";
import type { TenantAdminServices } from "@visitnow/platform/context";
import { actionErrors, translate, type FormErrors } from "@visitnow/ui";
import { requireAdminStaff } from "./access.server";

/** The tenant-admin operations for a signed-in admin-console user (signed out: to sign-in). */
export function requireTenantAdmin(context: AppLoadContext, request: Request): TenantAdminServices {
  requireAdminStaff(context, request);
  // The server builds these for every fully signed-in staff request to this app.
  if (!context.tenantAdmin) throw new Response("Tenant administration is not available", { status: 500 });
  return context.tenantAdmin;
}

function codeOf(err: unknown): string | null {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : null;
}

/** True for a refusal of this user's role (`forbidden`, or `not_found` for what the role may not see). */
export function isRefusal(err: unknown): boolean {
  const code = codeOf(err);
  return code === "forbidden" || code === "not_found";
}

/**
 * A section's data, or `null` when the user's role may not see it, so the page can say
 * so in place instead of failing as a whole. Other errors still reach the boundary.
 */
export async function loadUnlessRefused<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (isRefusal(err)) return null;
    throw err;
  }
}

/**
 * Form errors for a failed admin action. A `forbidden` becomes a plain, translated
 * "your role can't do that" (the service's own reason is written for logs); the rest
 * as `actionErrors` gives them.
 */
export function adminActionErrors(context: AppLoadContext, err: unknown): { errors: FormErrors; status: number } {
  if (codeOf(err) === "forbidden") {
    return { errors: { formError: translate(context.i18n.messages, "admin.error.forbidden"), fieldErrors: {} }, status: 403 };
  }
  return { errors: actionErrors(err), status: codeOf(err) === "not_found" ? 404 : 400 };
}
