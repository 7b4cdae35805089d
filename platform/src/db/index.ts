export { createKnex } from "./knex.js";
export { quoteIdent, isSafeIdent } from "./identifiers.js";
export { NotificationListener, type NotificationListenerOptions } from "./notification-listener.js";
export {
  createTenantUnitOfWork,
  singleClusterRegistry,
  tenantPreamble,
  type ClusterRegistry,
  type TenantDbRef,
  type TenantScope,
  type TenantUnitOfWork,
} from "./tenant-unit-of-work.js";
