export { ProvisioningService, CreateTenantInput, type ProvisioningStep } from "./provisioning-service.js";
export { createProvisioningService } from "./create-provisioning-service.js";
export { DEMO_ADMIN_TOTP_SECRET, DEMO_TENANTS, DEMO_USERS, seedDemo, seedDemoUsers } from "./demo-seed.js";
