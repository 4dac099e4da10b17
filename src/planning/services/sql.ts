import type { Core } from '@strapi/strapi';

export type SqlRow = Record<string, unknown>;

/** Runs one read query (aggregation) and returns its rows on SQLite and PostgreSQL alike. */
export const runSql = async (strapi: Core.Strapi, sql: string, bindings: unknown[] = []): Promise<SqlRow[]> => {
  const result = (await strapi.db.connection.raw(sql, bindings as never)) as SqlRow[] | { rows: SqlRow[] };
  return Array.isArray(result) ? result : result.rows;
};

/** Counts and sums come back as strings from PostgreSQL (bigint / numeric). */
export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export const toId = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
