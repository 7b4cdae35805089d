import { data, type ActionFunctionArgs } from "@remix-run/node";
import { ForgotPasswordPage, GeneralErrorBoundary, pageMeta } from "@visitnow/ui";
import { forgotPasswordAction } from "@visitnow/ui/server";

export const meta = pageMeta("layout.recovery.forgot.metaTitle");

/** Staff accounts: the emailed link opens the hub's reset page, whatever the role. */
export async function action(args: ActionFunctionArgs) {
  const { body, init } = await forgotPasswordAction(args, "staff");
  return data(body, init);
}

export default ForgotPasswordPage;

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
