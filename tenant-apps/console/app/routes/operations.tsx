import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageMeta, PlannedPage, WrenchIcon } from "@visitnow/ui";
import { requireAdmin } from "../auth.server";

export const meta = pageMeta("console.operations.title");

/** Only signed-in platform admins see what is planned here. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireAdmin(context, request);
  return null;
}

export default function Operations() {
  return (
    <PlannedPage ns="console.operations" icon={<WrenchIcon />} points={["provisioning", "migrations", "domains", "audit"]} />
  );
}
