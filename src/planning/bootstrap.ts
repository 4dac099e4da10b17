import path from 'path';
import type { Core } from '@strapi/strapi';

const MIGRATION = '2026.11.28T00.00.00.planning-indexes.js';

/**
 * Strapi runs user migrations before it creates the tables, so on a fresh database the planning
 * indexes migration finds nothing to index. Running the same idempotent function once the schema
 * exists makes every database end up with the indexes.
 */
export const ensurePlanningIndexes = async ({ strapi }: { strapi: Core.Strapi }) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const migration = require(path.join(strapi.dirs.app.root, 'database', 'migrations', MIGRATION)) as {
    ensurePlanningIndexes: (knex: unknown, db: unknown) => Promise<void>;
  };
  await migration.ensurePlanningIndexes(strapi.db.connection, strapi.db);
};
