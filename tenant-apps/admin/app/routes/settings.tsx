import type { LoaderFunctionArgs } from "@remix-run/node";
import { SettingsIcon, pageMeta, PlannedPage, useRootData } from "@visitnow/ui";
import { requireAdminStaff } from "../access.server";

export const meta = pageMeta("admin.settings.title");

/** Admin staff only. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireAdminStaff(context, request);
  return null;
}

export default function Settings() {
  const root = useRootData();
  return (
    <PlannedPage
      ns="admin.settings"
      icon={<SettingsIcon />}
      points={["branding", "clinics", "languages", "staff"]}
      params={{ name: root?.tenant?.name ?? "" }}
    />
  );
}
