import { WrenchIcon, pageMeta, PlannedPage, useRootData } from "@visitnow/ui";

export const meta = pageMeta("admin.operations.title");

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
