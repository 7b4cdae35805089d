import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary, pageMeta, ResetPasswordPage } from "@visitnow/ui";
import { resetPasswordAction, resetPasswordLoader } from "@visitnow/ui/server";

export const meta = pageMeta("layout.recovery.reset.metaTitle");

/* The token is in the address: keep it out of other sites' Referer headers and out of caches (`same-origin`, not `no-referrer`, which would send `Origin: null` and fail the CSRF check). */
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin", "Cache-Control": "no-store" });

export function loader(args: LoaderFunctionArgs) {
  return resetPasswordLoader(args);
}

/** Sets the new password, then `/sign-in?reset=1`. */
export async function action(args: ActionFunctionArgs) {
  const { body, init } = await resetPasswordAction(args);
  return data(body, init);
}

export default ResetPasswordPage;

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
