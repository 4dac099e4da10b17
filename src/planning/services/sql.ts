import type { Core } from '@strapi/strapi';

export type SqlRow = Record<string, unknown>;

/**
 * Runs one read query (aggregation) and returns its rows on SQLite and PostgreSQL alike. Inside a
 * transaction (a workflow effect computing the figures it freezes) it reads through that
 * transaction: it sees the transaction's writes, and on SQLite the transaction holds the only
 * connection, so a query outside it would wait for the pool until it timed out.
 */
export const runSql = async (strapi: Core.Strapi, sql: string, bindings: unknown[] = []): Promise<SqlRow[]> => {
  const query = strapi.db.connection.raw(sql, bindings as never);
  if (strapi.db.inTransaction()) query.transacting((await strapi.db.transaction()).get());
  const result = (await query) as SqlRow[] | { rows: SqlRow[] };
  return Array.isArray(result) ? result : result.rows;
};

/** Counts and sums come back as strings from PostgreSQL (bigint / numeric). */
export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export const toId = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
