export { normaliseHost } from "./host.js";
export { RESERVED_SLUGS, slugProblem, schemaNameFor, roleNameFor } from "./slug.js";
export { TenantStore, type NewTenant } from "./tenant-store.js";
export { TenantSchemaStore } from "./tenant-schema-store.js";
export { TenantResolver, TENANT_CHANGED_CHANNEL, type TenantLookup } from "./tenant-resolver.js";
export type { DomainKind, RoutedTenant, Tenant, TenantDomain } from "./tenant-types.js";
