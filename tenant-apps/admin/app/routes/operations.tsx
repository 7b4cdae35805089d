import type { LoaderFunctionArgs } from "@remix-run/node";
import { WrenchIcon, pageMeta, PlannedPage, useRootData } from "@visitnow/ui";
import { requireAdminStaff } from "../access.server";

export const meta = pageMeta("admin.operations.title");

/** Admin staff only. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireAdminStaff(context, request);
  return null;
}

export default function Operations() {
  const root = useRootData();
  return (
    <PlannedPage
      ns="admin.operations"
      icon={<WrenchIcon />}
      points={["appointments", "support", "notifications", "payments"]}
      params={{ name: root?.tenant?.name ?? "" }}
    />
  );
}
