import type { LoaderFunctionArgs } from "@remix-run/node";
import { ClockIcon, pageMeta, PlannedPage } from "@visitnow/ui";
import { requireHubStaff } from "../access.server";

export const meta = pageMeta("doctor.availability.title");

/** Hub staff only. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireHubStaff(context, request);
  return null;
}

export default function Availability() {
  return <PlannedPage ns="doctor.availability" icon={<ClockIcon />} points={["hours", "exceptions", "slots", "timeZone"]} />;
}
