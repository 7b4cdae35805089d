import { SettingsIcon, pageMeta, PlannedPage, useRootData } from "@visitnow/ui";

export const meta = pageMeta("admin.settings.title");

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
