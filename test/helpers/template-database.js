/**
 * The database every test file starts from: one fresh boot per test run (schema, roles,
 * permissions, reference catalogues, layouts), kept as a template that each test file's own
 * database is copied from. A fresh boot spends most of its time creating what every test file
 * would create again (60 s against 10 s for a boot on an existing database, measured under load
 * on 2 cores); copying it makes each file's boot a restart. Tests of the fresh boot itself
 * (first admin, seeding) ask for `fresh: true` and still get an empty database.
 *
 * Used by global-setup.js / global-teardown.js (jest's parent process) and by strapi.ts.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const APP_DIR = path.resolve(__dirname, '..', '..');
const TEMPLATE_VARIABLE = 'KERJASAMA_TEST_TEMPLATE';
const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';
const adminDatabaseUrl = () => process.env.TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const withAdminClient = async (work) => {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const databaseUrl = (name) => {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/** Boots the compiled project once, in a child process, on the given database, and stops it. */
const bootOnce = (databaseEnv, distDir) => {
  execFileSync(process.execPath, [path.join(__dirname, 'boot-once.js'), distDir], {
    cwd: APP_DIR,
    stdio: 'inherit',
    env: { ...process.env, ...require('./test-env.json'), ...databaseEnv },
  });
};

/** Creates the template for this run's database kind; its name goes to the workers through the environment. */
const createTemplate = async (distDir) => {
  const name = `kerjasama_template_${process.pid}`;
  if (isPostgres()) {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    bootOnce({ DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl(name) }, distDir);
  } else {
    const filename = path.join(APP_DIR, '.tmp', `${name}.db`);
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    bootOnce({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename }, distDir);
  }
  process.env[TEMPLATE_VARIABLE] = name;
};

const dropTemplate = async () => {
  const name = process.env[TEMPLATE_VARIABLE];
  if (!name) return;
  if (isPostgres()) {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  } else {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(APP_DIR, '.tmp', `${name}.db${suffix}`), { force: true });
  }
};

/** A copy of the template under `name` (PostgreSQL: CREATE DATABASE … TEMPLATE; SQLite: a file copy). */
const copyTemplate = async (name, filename) => {
  const template = process.env[TEMPLATE_VARIABLE];
  if (!template) return false;
  if (isPostgres()) {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  } else {
    // The template was closed cleanly, so its write-ahead log is checkpointed into the file.
    fs.copyFileSync(path.join(APP_DIR, '.tmp', `${template}.db`), filename);
  }
  return true;
};

module.exports = { createTemplate, dropTemplate, copyTemplate, withAdminClient, databaseUrl, isPostgres };
