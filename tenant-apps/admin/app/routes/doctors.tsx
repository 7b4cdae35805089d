import { ShieldIcon, pageMeta, PlannedPage, useRootData } from "@visitnow/ui";

export const meta = pageMeta("admin.doctors.title");

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
