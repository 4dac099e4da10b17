'use strict';

/**
 * Indexes the planning screens' aggregate queries need (dashboard, targets vs achievement,
 * needs mapping). Table and column names come from Strapi's metadata, never guessed.
 *
 * Idempotent (CREATE INDEX IF NOT EXISTS, valid on SQLite and PostgreSQL) and safe on a fresh
 * database: Strapi runs user migrations *before* it creates the tables, so tables that do not
 * exist yet are skipped here and the kerjasama plugin's bootstrap calls `ensurePlanningIndexes`
 * again once the schema is in place. Strapi's schema sync leaves indexes it did not create alone.
 */
const INDEXES = [
  { uid: 'api::agreement.agreement', name: 'planning_agreements_signed', fields: ['signedDate'] },
  { uid: 'api::agreement.agreement', name: 'planning_agreements_validity_end', fields: ['validityState', 'endDate'] },
  { uid: 'api::agreement.agreement', name: 'planning_agreements_start', fields: ['startDate'] },
  { uid: 'api::monitoring-record.monitoring-record', name: 'planning_monitoring_on', fields: ['monitoredOn'] },
  { uid: 'api::proposal.proposal', name: 'planning_proposals_year_state', fields: ['plannedYear', 'workflowState'] },
  { uid: 'api::needs-mapping.needs-mapping', name: 'planning_mappings_year', fields: ['year'] },
  { uid: 'api::annual-target.annual-target', name: 'planning_targets_year', fields: ['year'] },
  { uid: 'api::partner.partner', name: 'planning_partners_listed', fields: ['publishedAt', 'level', 'institutionType'] },
];

/** Join tables read from the "other" side (related → owner): index the related column first. */
const JOIN_INDEXES = [
  { uid: 'api::monitoring-record.monitoring-record', field: 'agreement', name: 'planning_monitoring_agreement_lnk' },
  { uid: 'api::monitoring-record.monitoring-record', field: 'programItem', name: 'planning_monitoring_item_lnk' },
  { uid: 'api::program-item.program-item', field: 'proposal', name: 'planning_item_proposal_lnk' },
];

const quote = (name) => `"${String(name).replace(/"/g, '""')}"`;

async function ensurePlanningIndexes(knex, db) {
  for (const index of INDEXES) {
    const meta = db.metadata.get(index.uid);
    if (!(await knex.schema.hasTable(meta.tableName))) continue;
    const columns = index.fields.map((field) => quote(meta.attributes[field].columnName || field));
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${quote(index.name)} ON ${quote(meta.tableName)} (${columns.join(', ')})`);
  }
  for (const index of JOIN_INDEXES) {
    const joinTable = db.metadata.get(index.uid).attributes[index.field].joinTable;
    if (!(await knex.schema.hasTable(joinTable.name))) continue;
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${quote(index.name)} ON ${quote(joinTable.name)} (${quote(joinTable.inverseJoinColumn.name)}, ${quote(joinTable.joinColumn.name)})`,
    );
  }
}

module.exports = {
  async up(knex, db) {
    await ensurePlanningIndexes(knex, db);
  },
  ensurePlanningIndexes,
};
