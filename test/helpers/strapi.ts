import fs from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
import { distDir } from './dist';

const APP_DIR = path.resolve(__dirname, '..', '..');
export const isPostgres = process.env.DATABASE_CLIENT === 'postgres';

const adminDatabaseUrl = () => process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withAdminClient = async <T>(work: (client: Client) => Promise<T>) => {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

export interface TestDatabase {
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/** A fresh database per test file: a new SQLite file, or a new PostgreSQL database. */
export const createDatabase = async (): Promise<TestDatabase> => {
  const name = `kerjasama_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (isPostgres) {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminDatabaseUrl());
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const filename = path.join(APP_DIR, '.tmp', `${name}.db`);
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
    },
  };
};

export interface TestApp {
  strapi: Core.Strapi;
  request: () => supertest.Agent;
  /** Boots the same database again, as a restart would (used by idempotency tests). */
  restart: () => Promise<void>;
  destroy: () => Promise<void>;
}

const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_STARTUP_BANNER: 'false',
  CRON_ENABLED: 'false',
  SEED_DEMO: 'false',
  STRAPI_LOG_LEVEL: 'warn',
};

const boot = async (serveAdminPanel = false): Promise<Core.Strapi> => {
  // Required lazily so that process.env is in place before Strapi reads its configuration.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi');
  const app: Core.Strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: distDir(),
    autoReload: false,
    serveAdminPanel,
  }).load();
  await app.server.mount();
  return app;
};

/**
 * `serveAdminPanel` serves the built admin (dist build/) too, for browser tests of the admin;
 * `database` boots one made beforehand (e.g. restored from a backup) instead of a fresh one.
 */
export const setupStrapi = async (
  env: Record<string, string> = {},
  { serveAdminPanel = false, database: given }: { serveAdminPanel?: boolean; database?: TestDatabase } = {},
): Promise<TestApp> => {
  const database = given ?? (await createDatabase());
  Object.assign(process.env, TEST_ENV, database.env, env);
  let strapi = await boot(serveAdminPanel);
  const app: TestApp = {
    get strapi() {
      return strapi;
    },
    request: () => supertest.agent(strapi.server.httpServer),
    restart: async () => {
      await strapi.destroy();
      strapi = await boot(serveAdminPanel);
    },
    destroy: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
  return app;
};
