import { pageMeta, PlannedPage, WrenchIcon } from "@visitnow/ui";

export const meta = pageMeta("console.operations.title");

export default function Operations() {
  return (
    <PlannedPage ns="console.operations" icon={<WrenchIcon />} points={["provisioning", "migrations", "domains", "audit"]} />
  );
}
