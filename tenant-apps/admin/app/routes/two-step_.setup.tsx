import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary, pageMeta, TwoStepSetupPage } from "@visitnow/ui";
import { twoStepSetupAction, twoStepSetupLoader } from "@visitnow/ui/server";
import { BASENAME } from "../access.server";

export const meta = pageMeta("layout.staffAuth.setup.title");

export function loader(args: LoaderFunctionArgs) {
  return twoStepSetupLoader(args, BASENAME);
}

export async function action(args: ActionFunctionArgs) {
  const { body, init } = await twoStepSetupAction(args);
  return data(body, init);
}

export default TwoStepSetupPage;

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
