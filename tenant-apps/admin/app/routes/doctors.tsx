import type { LoaderFunctionArgs } from "@remix-run/node";
import { ShieldIcon, pageMeta, PlannedPage, useRootData } from "@visitnow/ui";
import { requireAdminStaff } from "../access.server";

export const meta = pageMeta("admin.doctors.title");

/** Admin staff only. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireAdminStaff(context, request);
  return null;
}

export default function Doctors() {
  const root = useRootData();
  return (
    <PlannedPage
      ns="admin.doctors"
      icon={<ShieldIcon />}
      points={["queue", "credentials", "decisions", "audit"]}
      params={{ name: root?.tenant?.name ?? "" }}
    />
  );
}
