export { ProvisioningService, CreateTenantInput, type ProvisioningStep } from "./provisioning-service.js";
export { createProvisioningService } from "./create-provisioning-service.js";
export { DEMO_ADMIN_TOTP_SECRET, DEMO_TENANTS, DEMO_USERS, seedDemo, seedDemoUsers, type DemoSeedOptions, type DemoUserIds } from "./demo-seed.js";
export { CITIES, SPECIALTY_CATALOGUE, demoDirectoryFor, generateDirectorySeed } from "./demo-doctors.js";
export { DEMO_SCHEDULE_DAYS, MAX_ROLE_CLINICS, demoFrontDeskClinics, demoWeeklyRules, seedDemoFrontDeskClinics, seedDemoSchedules, type DemoScheduleDeps, type DemoWeeklyRule } from "./demo-schedules.js";
