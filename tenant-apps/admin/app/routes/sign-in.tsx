import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary, pageMeta, StaffSignInPage } from "@visitnow/ui";
import { staffSignInAction, staffSignInLoader } from "@visitnow/ui/server";
import { BASENAME } from "../access.server";

export const meta = pageMeta("layout.staffAuth.signIn.title");

/** Signed in already: straight on. Else the form's notice (`?invited=1`, `?reset=1`) and single sign-on links. */
export function loader(args: LoaderFunctionArgs) {
  return staffSignInLoader(args, BASENAME);
}

export async function action(args: ActionFunctionArgs) {
  const { body, init } = await staffSignInAction(args);
  return data(body, init);
}

export default StaffSignInPage;

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
