'use strict';

/**
 * The Content Manager's list of agreements at 100,000 rows (issue 13 item 3): its text search
 * (`_q`) is Strapi's `"column"::text ILIKE '%…%'` OR-ed over the id and every searchable string
 * column (@strapi/database query/helpers/search), which no B-tree can serve: a sequential scan
 * of the table per call. On PostgreSQL a trigram GIN index on each of those expressions (pg_trgm)
 * lets the planner combine them (BitmapOr) for a selective search. (A B-tree on the end date, the
 * list's sort, was tried and left out: the planner then walks it row by row checking the search,
 * 470 ms for a search matching 1 % of the agreements instead of 120 ms.) The columns are read from Strapi's metadata the way the search reads them,
 * so an attribute added later gets its index at the next boot.
 *
 * SQLite: nothing (LIKE '%…%' cannot use an index there; an office on SQLite is small).
 * Idempotent, and safe on a fresh database (Strapi runs migrations before it creates the tables:
 * the kerjasama plugin's bootstrap calls `ensureListSearchIndexes` again, src/planning/bootstrap.ts).
 * Without the right to create the pg_trgm extension, the trigram indexes are skipped with a warning.
 */
const UIDS = ['api::agreement.agreement'];
const STRING_TYPES = ['string', 'text', 'uid', 'email', 'enumeration', 'richtext'];

const quote = (name) => `"${String(name).replace(/"/g, '""')}"`;

/** The columns Strapi's `_q` search compares: the id, and each scalar string attribute not marked searchable: false. */
const searchColumns = (meta) => [
  'id',
  ...Object.entries(meta.attributes)
    .filter(([, attribute]) => attribute.type !== 'relation' && STRING_TYPES.includes(attribute.type) && attribute.searchable !== false)
    .map(([name, attribute]) => attribute.columnName || name),
];

const indexName = (table, column) => `cm_list_${table}_q_${column}`.slice(0, 63);

async function ensureListSearchIndexes(knex, db) {
  if (db.dialect.client !== 'postgres') return;
  for (const uid of UIDS) {
    const meta = db.metadata.get(uid);
    if (!(await knex.schema.hasTable(meta.tableName))) continue;
    try {
      await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    } catch (error) {
      process.stderr.write(`[migrations] pg_trgm is not available (${error.message}): the Content Manager search of ${uid} stays a table scan\n`);
      continue;
    }
    for (const column of searchColumns(meta)) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${quote(indexName(meta.tableName, column))} ON ${quote(meta.tableName)} USING gin ((${quote(column)}::text) gin_trgm_ops)`);
    }
  }
}

module.exports = {
  async up(knex, db) {
    await ensureListSearchIndexes(knex, db);
  },
  ensureListSearchIndexes,
};
