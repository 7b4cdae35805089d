import type { Knex } from "knex";

// Data, apart from the schema change: the default checklist every tenant starts with.
// Tenant admins edit it afterwards (their policy).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    insert into document_requirements (kind, label, required, position) values
      ('registration_certificate', 'Medical council registration certificate', true, 1),
      ('degree_certificate', 'Degree certificate (MBBS or equivalent)', true, 2),
      ('id_proof', 'Government photo ID', true, 3),
      ('specialty_certificate', 'Specialty qualification (MD, MS, DNB, ...)', false, 4)
    on conflict (kind) do nothing
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("delete from document_requirements where kind in ('registration_certificate', 'degree_certificate', 'id_proof', 'specialty_certificate')");
}
