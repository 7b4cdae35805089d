import type { ProviderStatus } from "@visitnow/platform/context";
import { Badge, useT, type BadgeTone } from "@visitnow/ui";

/** Every onboarding status, in the order the queue's tabs show them. */
export const PROVIDER_STATUSES: readonly ProviderStatus[] = ["submitted", "in_review", "changes_requested", "approved", "rejected"];

/** True for one of the onboarding statuses (e.g. a `?status=` value). */
export function isProviderStatus(value: unknown): value is ProviderStatus {
  return (PROVIDER_STATUSES as readonly unknown[]).includes(value);
}

const tones: Record<ProviderStatus, BadgeTone> = {
  submitted: "info",
  in_review: "info",
  changes_requested: "warning",
  approved: "brand",
  rejected: "neutral",
};

/** The onboarding status as a badge. */
export function ProviderStatusBadge({ status }: { status: ProviderStatus }) {
  const t = useT();
  return <Badge tone={tones[status]}>{t(`admin.provider.status.${status}`)}</Badge>;
}

/** Published and marketplace state as badges (nothing while neither applies). */
export function VisibilityBadges({ published, marketplaceListed }: { published: boolean; marketplaceListed: boolean }) {
  const t = useT();
  return (
    <>
      {published ? <Badge tone="brand">{t("admin.provider.published")}</Badge> : null}
      {marketplaceListed ? <Badge tone="info">{t("admin.provider.onMarketplace")}</Badge> : null}
    </>
  );
}
