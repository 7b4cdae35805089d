import type { ProvisioningService } from "@visitnow/provisioning";
import type { SupportGrantView } from "../context.js";
import type { Platform } from "../create-platform.js";
import type { AppDeps } from "../http/index.js";
import { HttpMetrics } from "../observability/index.js";
import { SupportAccessService, type SupportGrantRecord } from "../support/index.js";
import { NotFoundError } from "../errors/index.js";
import { createSsoRouter } from "../sso/index.js";
import { createHubServices, createPatientBooking } from "../appointments/index.js";

function grantView(g: SupportGrantRecord): SupportGrantView {
  return {
    id: g.id,
    requestedBy: g.platformAdminLabel,
    purpose: g.purpose,
    hours: g.hours,
    status: g.status,
    requestedAt: g.requestedAt.toISOString(),
    expiresAt: g.expiresAt?.toISOString() ?? null,
  };
}

/**
 * Everything the HTTP edge needs, built from the platform and the provisioning service:
 * shared by the server process and the integration tests so they exercise one wiring.
 */
export function composeAppDeps(
  platform: Platform,
  provisioning: ProvisioningService,
  overrides: Partial<AppDeps> = {},
): Omit<AppDeps, "readiness"> & Partial<Pick<AppDeps, "readiness">> {
  const support = new SupportAccessService({ db: platform.db, withTenant: platform.withTenant });
  const tenantBySlug = async (slug: string) => {
    const t = await platform.tenants.findBySlug(slug);
    if (!t || t.status === "provisioning") throw new NotFoundError(`No tenant "${slug}"`);
    return t;
  };
  const booking = createPatientBooking({ withTenant: platform.withTenant, scheduling: platform.scheduling, appointments: platform.appointments });
  const hub = createHubServices({ withTenant: platform.withTenant, scheduling: platform.scheduling, appointments: platform.appointments });
  return {
    platformHost: platform.config.PLATFORM_HOST,
    metricsToken: platform.config.METRICS_TOKEN,
    trustProxy: platform.config.TRUST_PROXY,
    logger: platform.logger,
    resolver: platform.resolver,
    themes: platform.themes,
    catalogues: platform.catalogues,
    metrics: new HttpMetrics(),
    identity: platform.identity,
    apiTokens: platform.apiTokens,
    ssoRouter: createSsoRouter({ sso: platform.sso }),
    sso: platform.sso,
    platformAdmins: platform.platformAdmins,
    secret: () => platform.secret(),
    consoleServices: (admin) => ({
      listTenants: () => provisioning.list(),
      listDevMessages: async () => (await platform.devMessages.list({ limit: 100 })).map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
      requestSupportAccess: async (slug, input) => void (await support.request(admin, await tenantBySlug(slug), input)),
      listSupportGrants: async (slug) => (await support.listForAdmin(admin, await tenantBySlug(slug))).map(grantView),
      supportStaffDirectory: async (slug) => {
        const r = await support.staffDirectory(admin, await tenantBySlug(slug));
        return { expiresAt: (r.grant.expiresAt as Date).toISOString(), staff: r.staff };
      },
    }),
    accountAdmin: platform.accountAdmin,
    passwordResets: platform.passwordResets,
    tenantAdminServices: (tenant, actor) => {
      const linked = tenant;
      const admin = platform.accountAdmin;
      return {
        listSupportGrants: async () => (await support.listForTenant(tenant, actor)).map(grantView),
        decideSupportGrant: async (id, decision) => void (await support.decide(tenant, actor, id, decision)),
        listStaff: async () =>
          (await admin.listStaff(linked, actor)).map((m) => ({
            id: m.id,
            name: m.name,
            email: m.email,
            roles: m.roles.map((r) => r.role),
            status: m.status,
            locked: m.locked,
            secondFactorEnabled: m.secondFactorEnabled,
          })),
        invite: async (input) => void (await admin.invite(linked, actor, input)),
        listInvites: async () =>
          (await admin.listInvites(linked, actor)).map((i) => ({ id: i.id, email: i.email, name: i.name, role: i.role, status: i.status, expiresAt: i.expiresAt.toISOString() })),
        revokeInvite: (id) => admin.revokeInvite(linked, actor, id),
        changeRoles: async (userId, roles) => void (await admin.changeRoles(linked, actor, userId, roles)),
        disableUser: async (userId) => void (await admin.disable(linked, actor, userId)),
        enableUser: (userId) => admin.enable(linked, actor, userId),
        unlockUser: (userId) => admin.unlock(linked, actor, userId),
        listSsoProviders: async () =>
          (await platform.sso.listProviders(tenant, actor)).map((p) => ({
            id: p.id,
            name: p.name,
            issuer: p.issuer,
            clientId: p.clientId,
            hasClientSecret: p.hasClientSecret,
            allowedEmailDomains: p.allowedEmailDomains,
            roleMapping: p.roleMapping,
            defaultRole: p.defaultRole,
            enabled: p.enabled,
          })),
        saveSsoProvider: async (input) => void (await platform.sso.saveProvider(tenant, actor, input)),
      };
    },
    discoveryServices: (tenant) => ({ ...platform.search.discovery(tenant), ...platform.providers.applications(tenant) }),
    providerAdminServices: (tenant, actor) => platform.providers.admin(tenant, actor),
    schedulingServices: platform.scheduling,
    appointmentServices: platform.appointments,
    queueEvents: platform.queueEvents,
    bookingServices: booking,
    hubServices: hub,
    ...overrides,
  };
}
