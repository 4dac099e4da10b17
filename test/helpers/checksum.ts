import type { Core } from '@strapi/strapi';

/**
 * A cheap fingerprint of every table (row count, highest id, latest update) in one query, to
 * assert that a refused request changed nothing. Tables a read legitimately touches (the API
 * token's last use, sessions) are left out.
 */
const IGNORED = new Set(['strapi_api_tokens', 'strapi_sessions', 'strapi_core_store_settings']);

type Table = { name: string; hasId: boolean; hasUpdatedAt: boolean };
const tablesOf = new WeakMap<object, Promise<Table[]>>();

const listTables = async (strapi: Core.Strapi): Promise<Table[]> => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const names: string[] =
    client === 'sqlite'
      ? ((await knex.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")) as Array<{ name: string }>).map((row) => row.name)
      : ((await knex.raw("select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")) as { rows: Array<{ name: string }> }).rows.map((row) => row.name);
  const tables: Table[] = [];
  for (const name of names.filter((table) => !IGNORED.has(table)).sort()) {
    const columns = Object.keys(await knex(name).columnInfo());
    tables.push({ name, hasId: columns.includes('id'), hasUpdatedAt: columns.includes('updated_at') });
  }
  return tables;
};

export const tableChecksum = async (strapi: Core.Strapi): Promise<string> => {
  let tables = tablesOf.get(strapi);
  if (!tables) {
    tables = listTables(strapi);
    tablesOf.set(strapi, tables);
  }
  const knex = strapi.db.connection;
  const parts = (await tables).map((table) =>
    knex(table.name).select(
      knex.raw('? as t', [table.name]),
      knex.raw('count(*) as c'),
      knex.raw(table.hasId ? 'max(id) as m' : 'null as m'),
      knex.raw(table.hasUpdatedAt ? 'max(updated_at) as u' : 'null as u'),
    ),
  );
  const [first, ...rest] = parts;
  const rows = (await (rest.length ? first.unionAll(rest) : first)) as Array<{ t: string; c: unknown; m: unknown; u: unknown }>;
  return rows
    .map((row) => `${row.t}:${row.c}:${row.m ?? ''}:${row.u instanceof Date ? row.u.toISOString() : (row.u ?? '')}`)
    .sort()
    .join('|');
};
