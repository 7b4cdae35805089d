export { ProvisioningService, CreateTenantInput, type ProvisioningStep } from "./provisioning-service.js";
export { createProvisioningService } from "./create-provisioning-service.js";
export { DEMO_TENANTS, seedDemo } from "./demo-seed.js";
