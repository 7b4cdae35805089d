import { pageMeta, PlannedPage, UsersIcon } from "@visitnow/ui";

export const meta = pageMeta("doctor.patients.title");

export default function Patients() {
  return <PlannedPage ns="doctor.patients" icon={<UsersIcon />} points={["list", "history", "notes", "privacy"]} />;
}
