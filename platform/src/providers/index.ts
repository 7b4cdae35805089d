// The providers domain's public API: onboarding (applications, review, publication),
// clinics, specialties, the document checklist and bulk import. See CONTEXT.md.
export type { ApplicationServices, DirectorySeed, ProviderDeps, ProviderServices, ProviderTenant } from "./provider-types.js";
export { createProviderServices } from "./create-provider-services.js";
export { applicationReference } from "./provider-steps.js";
