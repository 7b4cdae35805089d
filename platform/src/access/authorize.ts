import { subject } from "@casl/ability";
import { permittedFieldsOf } from "@casl/ability/extra";
import { DomainError, NotFoundError } from "../errors/index.js";
import type { Action, AppAbility, RecordSubjectType, SubjectRecord } from "./subjects.js";

// Actions that make a new record: there is nothing the actor could learn exists, so a
// refusal is `forbidden`, not `not_found`.
const CREATING_ACTIONS: readonly Action[] = ["create", "invite"];

function asSubject(type: RecordSubjectType, record: object): SubjectRecord {
  // A copy: `subject()` tags the object it is given, and the caller's record is theirs.
  return subject(type, { ...record }) as SubjectRecord;
}

/**
 * Throws unless the actor may do `action` to this loaded record: `not_found` when they
 * may not even read it (a response must not confirm it exists), else `forbidden`.
 */
export function requireCan(ability: AppAbility, action: Action, type: RecordSubjectType, record: object): void {
  const s = asSubject(type, record);
  if (ability.can(action, s)) return;
  if (!CREATING_ACTIONS.includes(action) && !ability.can("read", s)) throw new NotFoundError(`${type} not found`);
  const reason = ability.relevantRuleFor(action, s)?.reason;
  throw new DomainError("forbidden", reason ?? `You may not ${action} this ${type}`, { action, subject: type });
}

/** Returns true when the actor may do `action` to this loaded record. */
export function canOn(ability: AppAbility, action: Action, type: RecordSubjectType, record: object): boolean {
  return ability.can(action, asSubject(type, record));
}

/**
 * The fields of `record` the actor may `action` (by default: read), as a new object;
 * empty when they may not touch the record at all.
 */
export function pickPermitted<T extends object>(
  ability: AppAbility,
  action: Action,
  type: RecordSubjectType,
  record: T,
): Partial<T> {
  const s = asSubject(type, record);
  // A rule without a field list grants every field the record has.
  const fields = permittedFieldsOf(ability, action, s, { fieldsFrom: (rule) => rule.fields ?? Object.keys(record) });
  const picked: Partial<T> = {};
  for (const field of fields) {
    if (Object.prototype.hasOwnProperty.call(record, field)) picked[field as keyof T] = record[field as keyof T];
  }
  return picked;
}
