import fs from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
import { distDir } from './dist';
import testEnv from './test-env.json';
import { copyTemplate, databaseUrl, withAdminClient } from './template-database';

const APP_DIR = path.resolve(__dirname, '..', '..');
export const isPostgres = process.env.DATABASE_CLIENT === 'postgres';

export interface TestDatabase {
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/**
 * A database of the test file's own: a copy of the run's template (booted once by the global
 * setup), or with `fresh` an empty one, for tests of what a first boot does.
 */
export const createDatabase = async ({ fresh = false }: { fresh?: boolean } = {}): Promise<TestDatabase> => {
  const name = `kerjasama_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const filename = path.join(APP_DIR, '.tmp', `${name}.db`);
  if (!isPostgres) fs.mkdirSync(path.dirname(filename), { recursive: true });
  const copied = !fresh && (await copyTemplate(name, filename));
  if (isPostgres) {
    if (!copied) await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl(name) },
      drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
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

const TEST_ENV: Record<string, string> = testEnv;

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
 * `database` boots one made beforehand (e.g. restored from a backup) instead of a copy of the
 * template; `fresh` boots an empty database, as a first installation does.
 */
export const setupStrapi = async (
  env: Record<string, string> = {},
  { serveAdminPanel = false, database: given, fresh = false }: { serveAdminPanel?: boolean; database?: TestDatabase; fresh?: boolean } = {},
): Promise<TestApp> => {
  const database = given ?? (await createDatabase({ fresh }));
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
