import { ClockIcon, pageMeta, PlannedPage } from "@visitnow/ui";

export const meta = pageMeta("doctor.availability.title");

export default function Availability() {
  return <PlannedPage ns="doctor.availability" icon={<ClockIcon />} points={["hours", "exceptions", "slots", "timeZone"]} />;
}
