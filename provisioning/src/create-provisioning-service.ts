import type { Platform } from "@visitnow/platform";
import { ProvisioningService } from "./provisioning-service.js";

/** Builds the provisioning service from the platform's collaborators. */
export function createProvisioningService(platform: Platform): ProvisioningService {
  return new ProvisioningService({
    db: platform.db,
    tenants: platform.tenants,
    tenantSchemas: platform.tenantSchemas,
    migrations: platform.migrations,
    themes: platform.themes,
    platformHost: platform.config.PLATFORM_HOST,
  });
}
