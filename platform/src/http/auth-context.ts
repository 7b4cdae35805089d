import type { PlatformAuth, SessionUserView, TenantAuth } from "../context.js";
import type { PlatformAdminService, PlatformSession } from "../identity/platform-admin-service.js";
import { DomainError } from "../errors/index.js";
import { csrfTokenValid } from "../identity/csrf.js";
import type { AccountAdminService } from "../identity/account-admin-service.js";
import type { PasswordResetService } from "../identity/password-reset-service.js";
import { actorFor, type IdentityService, type IssuedSession, type ResolvedSession, type TenantRef } from "../identity/identity-service.js";
import { defineAbilityFor, packAbility, type PackedRules } from "../access/index.js";
import { safeEqual } from "../identity/secrets.js";
import { serializeCookie, sessionCookieName } from "./cookies.js";

export interface AuthRequestState {
  /** The tenant's registered primary host: links are built from it, never from Host. */
  primaryHost: string | null;
  platformSession: PlatformSession | null;
  tenant: TenantRef | null;
  token: string | null;
  session: ResolvedSession | null;
  ip: string;
  secure: boolean;
  host: string;
  csrfToken: string;
  secret: string;
}

function view(s: ResolvedSession | null): SessionUserView | null {
  if (!s || s.secondFactor !== "none") return null;
  const u = s.user;
  return { id: u.id, kind: u.kind, name: u.name, email: u.email, phone: u.phone, roles: u.roles.map((r) => r.role), secondFactorEnabled: u.secondFactorEnabled };
}

/** The identity facade handed to the Remix apps for one request. */
export interface TenantAuthServices {
  identity: IdentityService;
  sso?: { listSignInOptions(tenant: TenantRef): Promise<{ id: string; name: string }[]> };
  accountAdmin: AccountAdminService;
  passwordResets: PasswordResetService;
}

export function createTenantAuth(services: TenantAuthServices | null, st: AuthRequestState): TenantAuth {
  const identity = services?.identity ?? null;
  const linked = () => {
    if (!services || !st.tenant || !st.primaryHost) throw new DomainError("not_found", "Not available here.");
    return { tenant: { ...st.tenant, primaryHost: st.primaryHost }, s: services };
  };
  const name = sessionCookieName(st.secure);
  const set = (issued: IssuedSession) => [serializeCookie(name, issued.token, { maxAgeSeconds: issued.maxAgeSeconds, secure: st.secure })];
  const clear = () => [serializeCookie(name, "", { maxAgeSeconds: 0, secure: st.secure })];
  const need = () => {
    if (!identity || !st.tenant) throw new DomainError("not_found", "Not available here.");
    return { identity, tenant: st.tenant, ctx: { tenant: st.tenant, ip: st.ip } };
  };
  const signedIn = () => {
    const n = need();
    const user = view(st.session);
    if (!user || !st.token) throw new DomainError("unauthenticated", "Please sign in.");
    return { ...n, user, token: st.token };
  };
  const pendingToken = () => {
    if (!st.token || !st.session || st.session.secondFactor === "none") throw new DomainError("unauthenticated", "Your sign-in expired. Please sign in again.");
    return st.token;
  };
  let packed: PackedRules | null = null;
  return {
    user: view(st.session),
    get abilityRules() {
      const s = st.session;
      if (!s || s.secondFactor !== "none" || !st.tenant) return [];
      packed ??= packAbility(defineAbilityFor(actorFor(st.tenant.id, s.user)));
      return packed;
    },
    secondFactor: st.session?.secondFactor ?? "none",
    get csrfToken() {
      return st.csrfToken;
    },
    verifyCsrf(submitted) {
      return Boolean(submitted) && safeEqual(String(submitted), st.csrfToken) && csrfTokenValid(st.secret, st.host, st.csrfToken);
    },
    async signUpPatient(input) {
      const { identity: id, ctx } = need();
      return { cookies: set(await id.signUpPatient(ctx, input)) };
    },
    async signInWithPassword(audience, input) {
      const { identity: id, ctx } = need();
      const issued = await id.signInWithPassword(ctx, audience, input);
      return { cookies: set(issued), secondFactor: issued.secondFactor };
    },
    async requestSmsCode(input) {
      const { identity: id, ctx } = need();
      return id.requestSmsCode(ctx, input);
    },
    async signInWithSmsCode(input) {
      const { identity: id, ctx } = need();
      const issued = await id.signInWithSmsCode(ctx, input);
      return { cookies: set(issued), created: issued.created };
    },
    async verifySecondFactor(input) {
      const { identity: id, ctx } = need();
      return { cookies: set(await id.verifySecondFactor(ctx, pendingToken(), input)) };
    },
    async beginTotpEnrolment() {
      const { identity: id, tenant } = need();
      if (!st.token || !st.session) throw new DomainError("unauthenticated", "Please sign in.");
      return id.beginTotpEnrolment(tenant, st.token);
    },
    async confirmTotpEnrolment(input) {
      const { identity: id, ctx } = need();
      if (!st.token || !st.session) throw new DomainError("unauthenticated", "Please sign in.");
      const r = await id.confirmTotpEnrolment(ctx, st.token, input);
      return { cookies: set(r.session), recoveryCodes: r.recoveryCodes };
    },
    async signOut() {
      const { identity: id, tenant } = need();
      if (st.token) await id.signOut(tenant, st.token);
      return { cookies: clear() };
    },
    async signOutEverywhere() {
      const { identity: id, tenant, user } = signedIn();
      await id.signOutEverywhere(tenant, user.id);
      return { cookies: clear() };
    },
    async updateProfile(input) {
      const { identity: id, tenant, user } = signedIn();
      await id.updateProfile(tenant, user.id, input);
    },
    async listDependants() {
      const { identity: id, tenant, user } = signedIn();
      const actor = actorFor(tenant.id, (st.session as ResolvedSession).user);
      return (await id.listDependants(tenant, user.id, actor)).map(({ patientId: _p, ...d }) => d);
    },
    async addDependant(input) {
      const { identity: id, tenant, user } = signedIn();
      await id.addDependant(tenant, user.id, input);
    },
    async listSsoSignInOptions() {
      if (!services?.sso || !st.tenant) return [];
      return (await services.sso.listSignInOptions(st.tenant)).map((o) => ({ id: o.id, name: o.name }));
    },
    async describeInvite(token) {
      const { tenant, s } = linked();
      const d = await s.accountAdmin.describeInvite(tenant, token);
      return { role: d.role, emailMasked: d.emailMasked, name: d.name, expired: d.expired };
    },
    async acceptInvite(input) {
      const { tenant, s } = linked();
      await s.accountAdmin.acceptInvite(tenant, input);
    },
    async requestPasswordReset(audience, input) {
      const { tenant, s } = linked();
      await s.passwordResets.requestReset({ tenant, ip: st.ip }, { ...input, audience });
    },
    async describeResetToken(token) {
      const { tenant, s } = linked();
      return s.passwordResets.describeResetToken(tenant, token);
    },
    async resetPassword(input) {
      const { tenant, s } = linked();
      const r = await s.passwordResets.resetPassword({ tenant, ip: st.ip }, input);
      return { kind: r.kind };
    },
    async removeDependant(dependantId) {
      const { identity: id, tenant } = signedIn();
      await id.removeDependant(tenant, actorFor(tenant.id, (st.session as ResolvedSession).user), dependantId);
    },
  };
}

/** The platform-admin identity facade for one request on the platform host. */
export function createPlatformAuth(service: PlatformAdminService, st: AuthRequestState): PlatformAuth {
  const name = sessionCookieName(st.secure);
  const set = (token: string, maxAgeSeconds: number) => [serializeCookie(name, token, { maxAgeSeconds, secure: st.secure })];
  const ps = st.platformSession;
  const token = () => {
    if (!st.token || !ps) throw new DomainError("unauthenticated", "Your sign-in expired. Please sign in again.");
    return st.token;
  };
  return {
    admin: ps && ps.secondFactor === "none" ? ps.admin : null,
    secondFactor: ps?.secondFactor ?? "none",
    get csrfToken() {
      return st.csrfToken;
    },
    async signIn(input) {
      const issued = await service.signIn(st.ip, input);
      return { cookies: set(issued.token, issued.maxAgeSeconds), secondFactor: issued.secondFactor };
    },
    async verifySecondFactor(input) {
      const issued = await service.verifySecondFactor(st.ip, token(), input);
      return { cookies: set(issued.token, issued.maxAgeSeconds) };
    },
    beginEnrolment: () => service.beginEnrolment(token()),
    async confirmEnrolment(input) {
      const r = await service.confirmEnrolment(token(), input);
      return { cookies: set(r.session.token, r.session.maxAgeSeconds), recoveryCodes: r.recoveryCodes };
    },
    async signOut() {
      if (st.token) await service.signOut(st.token);
      return { cookies: [serializeCookie(name, "", { maxAgeSeconds: 0, secure: st.secure })] };
    },
  };
}
