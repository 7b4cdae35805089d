export { SupportAccessService, type PlatformAdminRef } from "./support-access-service.js";
export type { SupportGrantRecord, SupportPurpose, GrantStatus } from "./support-access-store.js";
