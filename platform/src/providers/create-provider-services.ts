import type { Actor } from "../access/index.js";
import type { ProviderAdminServices } from "../context.js";
import { NotFoundError } from "../errors/index.js";
import { ApplicationService } from "./application-service.js";
import { ClinicService } from "./clinic-service.js";
import { importDirectory } from "./directory-import.js";
import { ProviderService } from "./provider-service.js";
import type { ProviderDeps, ProviderServices, ProviderTenant } from "./provider-types.js";
import { SpecialtyService } from "./specialty-service.js";

/** Wires the providers domain: the admin facade per staff user, the public application facade, and bulk import. */
export function createProviderServices(deps: ProviderDeps): ProviderServices {
  const providers = new ProviderService(deps);
  const clinics = new ClinicService(deps);
  const specialties = new SpecialtyService(deps);
  const applications = new ApplicationService(deps);
  return {
    admin: (tenant, actor) => adminFacade(tenant, actor, { providers, clinics, specialties }),
    applications: (tenant) => applications.facade(tenant),
    importDirectory: (tenant, seed, opts) => importDirectory(deps, tenant, seed, opts),
  };
}

function adminFacade(tenant: ProviderTenant, actor: Actor, s: { providers: ProviderService; clinics: ClinicService; specialties: SpecialtyService }): ProviderAdminServices {
  const p = s.providers;
  const facade: ProviderAdminServices = {
    listProviders: (filter) => p.list(tenant, actor, filter ?? {}),
    getProvider: (id) => p.get(tenant, actor, id),
    createProvider: (input, files) => p.create(tenant, actor, input, files ?? []),
    updateProvider: (id, input) => p.update(tenant, actor, id, input),
    uploadDocuments: (id, files) => p.uploadDocuments(tenant, actor, id, files ?? []),
    setDocumentStatus: (id, documentId, status, note) => p.setDocumentStatus(tenant, actor, id, documentId, status, note),
    downloadDocument: (id, documentId) => p.downloadDocument(tenant, actor, id, documentId),
    assignReviewer: (id, reviewerId) => p.assignReviewer(tenant, actor, id, reviewerId || null),
    addNote: (id, body) => p.addNote(tenant, actor, id, body),
    requestChanges: (id, message) => p.requestChanges(tenant, actor, id, message),
    approve: (id, note) => p.approve(tenant, actor, id, note),
    reject: (id, reason) => p.reject(tenant, actor, id, reason),
    publish: (id) => p.publish(tenant, actor, id),
    unpublish: (id) => p.unpublish(tenant, actor, id),
    setMarketplaceListing: (id, listed) => p.setMarketplaceListing(tenant, actor, id, listed),
    listReviewers: () => p.listReviewers(tenant, actor),
    listClinics: () => s.clinics.list(tenant, actor),
    getClinic: (id) => s.clinics.get(tenant, actor, id),
    saveClinic: (input) => s.clinics.save(tenant, actor, input),
    listSpecialties: () => s.specialties.list(tenant, actor),
    saveSpecialty: (input) => s.specialties.save(tenant, actor, input),
    listDocumentRequirements: () => p.listDocumentRequirements(tenant, actor),
    saveDocumentRequirement: (input) => p.saveDocumentRequirement(tenant, actor, input),
  };
  // An actor of another tenant sees nothing here (the session check should already stop it).
  if (actor.tenantId !== tenant.id) {
    const refuse = async (): Promise<never> => {
      throw new NotFoundError();
    };
    return Object.fromEntries(Object.keys(facade).map((k) => [k, refuse])) as unknown as ProviderAdminServices;
  }
  return facade;
}
