import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageMeta, PlannedPage, UsersIcon } from "@visitnow/ui";
import { requireHubStaff } from "../access.server";

export const meta = pageMeta("doctor.patients.title");

/** Hub staff only. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireHubStaff(context, request);
  return null;
}

export default function Patients() {
  return <PlannedPage ns="doctor.patients" icon={<UsersIcon />} points={["list", "history", "notes", "privacy"]} />;
}
