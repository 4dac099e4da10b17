'use strict';

/**
 * Agreements get `endedAt`: the moment the system recorded the agreement as ended, which
 * retention counts from besides the typed end/termination date (src/domain/retention.ts,
 * `retentionStart`), so rewriting the dates later cannot shorten the five years.
 *
 * Existing ended agreements (expired, terminated, superseded) have no such record. They get the
 * best the system knows: the later of their stated end and their creation, the same start the
 * rule computes today, now frozen so a later rewrite of the dates cannot move it earlier.
 *
 * Strapi runs user migrations before its schema sync, so on an existing database the column is
 * added here (the type Strapi gives a `datetime`); on a fresh database the table does not exist
 * yet and there is nothing to migrate.
 */
const ENDED = ['expired', 'terminated', 'superseded'];

/** A stored value as milliseconds: PostgreSQL returns Date, SQLite numbers or strings. */
const toMillis = (value) => {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(/^\d+$/.test(String(value)) ? Number(value) : value);
  return Number.isNaN(ms) ? null : ms;
};

/** Writes the moment in the representation the row's created_at uses, so both read back alike. */
const like = (sample, ms) => (typeof sample === 'number' ? ms : typeof sample === 'string' && /^\d+$/.test(sample) ? String(ms) : new Date(ms));

async function up(knex, db) {
  const meta = db.metadata.get('api::agreement.agreement');
  const table = meta.tableName;
  if (!(await knex.schema.hasTable(table))) return;
  const column = (field) => meta.attributes[field].columnName || field;
  const endedAt = column('endedAt');
  if (!(await knex.schema.hasColumn(table, endedAt))) {
    await knex.schema.alterTable(table, (t) => {
      t.datetime(endedAt, { useTz: false, precision: 6 });
    });
  }
  const rows = await knex(table)
    .select('id', column('createdAt'), column('endDate'), column('terminatedDate'))
    .whereIn(column('validityState'), ENDED)
    .whereNull(endedAt);
  for (const row of rows) {
    const created = row[column('createdAt')];
    const stated = toMillis(row[column('terminatedDate')]) ?? toMillis(row[column('endDate')]);
    const start = Math.max(toMillis(created) ?? 0, stated ?? 0);
    if (!start) continue;
    await knex(table).where({ id: row.id }).update({ [endedAt]: like(created, start) });
  }
}

module.exports = {
  up,
  async down() {
    // The column is part of the schema now; removing it would lose the system's record.
  },
};
