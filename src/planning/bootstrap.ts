import path from 'path';
import type { Core } from '@strapi/strapi';

type IndexMigration = (knex: unknown, db: unknown) => Promise<void>;

/**
 * Strapi runs user migrations before it creates the tables, so on a fresh database an index
 * migration finds nothing to index. Running the same idempotent function once the schema exists
 * makes every database end up with the indexes.
 */
const runIndexMigration = async (strapi: Core.Strapi, file: string, exported: string) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const migration = require(path.join(strapi.dirs.app.root, 'database', 'migrations', file)) as Record<string, IndexMigration>;
  await migration[exported](strapi.db.connection, strapi.db);
};

/** The planning screens' indexes (both databases). */
export const ensurePlanningIndexes = ({ strapi }: { strapi: Core.Strapi }) =>
  runIndexMigration(strapi, '2026.11.28T00.00.00.planning-indexes.js', 'ensurePlanningIndexes');

/** The Content Manager list's search indexes (PostgreSQL only; see the migration). */
export const ensureListSearchIndexes = ({ strapi }: { strapi: Core.Strapi }) =>
  runIndexMigration(strapi, '2026.12.02T00.00.00.cm-list-search-indexes.js', 'ensureListSearchIndexes');
