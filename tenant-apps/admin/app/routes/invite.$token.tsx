import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary, InvitePage, pageMeta } from "@visitnow/ui";
import { inviteAction, inviteLoader } from "@visitnow/ui/server";

export const meta = pageMeta("layout.invite.metaTitle");

/* The token is in the address: keep it out of other sites' Referer headers and out of caches (`same-origin`, not `no-referrer`, which would send `Origin: null` and fail the CSRF check). */
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin", "Cache-Control": "no-store" });

/** Public: whoever holds the link sees the role and a masked email. */
export function loader(args: LoaderFunctionArgs) {
  return inviteLoader(args);
}

/** Creates the account, then `/sign-in?invited=1`. */
export async function action(args: ActionFunctionArgs) {
  const { body, init } = await inviteAction(args);
  return data(body, init);
}

export default InvitePage;

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
