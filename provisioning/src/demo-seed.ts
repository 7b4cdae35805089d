import type { CreateTenantInput, ProvisioningService } from "./provisioning-service.js";

/** The demo's tenants; every `*.localhost` name reaches the loopback in a browser. */
export const DEMO_TENANTS: CreateTenantInput[] = [
  {
    slug: "illajwala",
    name: "Illajwala",
    kind: "marketplace",
    theme: "illajwala",
    domains: [{ hostname: "illajwala.localhost", kind: "primary" }],
  },
  {
    slug: "sunrise",
    name: "Sunrise Hospital",
    kind: "hospital",
    theme: "sunrise",
    domains: [{ hostname: "sunrise.localhost", kind: "primary" }],
  },
  {
    slug: "citycare",
    name: "CityCare Clinics",
    kind: "hospital",
    theme: "citycare",
    domains: [{ hostname: "citycare.localhost", kind: "primary" }],
  },
];

/**
 * Provisions the demo tenants that are missing; existing ones are left as they are, so
 * running it again is a no-op. A tenant stuck in `provisioning` (a crash mid-create) is
 * removed and made again.
 */
export async function seedDemo(service: ProvisioningService, log: (msg: string) => void = () => undefined): Promise<string[]> {
  const existing = new Map((await service.list()).map((t) => [t.slug, t.status]));
  const created: string[] = [];
  for (const tenant of DEMO_TENANTS) {
    const status = existing.get(tenant.slug);
    if (status === "provisioning") await service.delete(tenant.slug, { confirm: tenant.slug });
    else if (status) continue;
    await service.create(tenant);
    created.push(tenant.slug);
    log(`demo tenant ${tenant.slug} provisioned`);
  }
  return created;
}
