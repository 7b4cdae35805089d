import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary, pageMeta, TwoStepPage } from "@visitnow/ui";
import { twoStepAction, twoStepLoader } from "@visitnow/ui/server";

export const meta = pageMeta("layout.staffAuth.twoStep.title");

export function loader(args: LoaderFunctionArgs) {
  return twoStepLoader(args);
}

export async function action(args: ActionFunctionArgs) {
  const { body, init } = await twoStepAction(args);
  return data(body, init);
}

export default TwoStepPage;

/* Own boundary, so an action's error still renders with the root loader's theme and language. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
