// Authorization: who may do what to which record. Other code imports this file only.
export { ROLES, STAFF_ROLES, ADMIN_ROLES, isRole, requiresSecondFactor, type Role } from "./roles.js";
export {
  ACTIONS,
  ALL_FIELDS,
  SUBJECT_TYPES,
  type Action,
  type AppAbility,
  type RecordSubjectType,
  type SubjectRecord,
  type SubjectType,
} from "./subjects.js";
export { defineAbilityFor, type Actor, type RoleRules } from "./abilities.js";
export { canOn, pickPermitted, requireCan } from "./authorize.js";
export { accessibleWhere } from "./sql.js";
export { abilityFromPacked, packAbility, type PackedRules } from "./pack.js";
export { subject } from "@casl/ability";
