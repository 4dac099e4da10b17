import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite (a file under .tmp/) is the embedded default; DATABASE_CLIENT=postgres selects
 * PostgreSQL, configured by DATABASE_URL or by the host/port/name/user/password variables.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    // PostgreSQL's JIT compiler is off for our sessions unless DATABASE_JIT=true: the planning
    // aggregates are estimated as costly enough to be compiled, and compiling them took 0.7-1.2 s
    // of a 1.3-1.6 s query that runs in under 0.6 s without it (measured at 100,000 agreements).
    const session = { ssl: env.bool('DATABASE_SSL', false), options: env.bool('DATABASE_JIT', false) ? undefined : '-c jit=off' };
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? { connectionString: url, ...session }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'kerjasama'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ...session,
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      // Write-ahead log: readers do not wait for a writer, and with synchronous=NORMAL a commit
      // does not wait for the disk (a power cut may lose the last commits, never corrupt the
      // file). SQLite's default (rollback journal, a disk flush per commit) made every write
      // wait on fsync: over half of a fresh boot was spent in COMMIT.
      pool: {
        afterCreate: (connection: { pragma: (statement: string) => unknown }, done: (error: Error | null, connection: unknown) => void) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          done(null, connection);
        },
      },
    },
  };
};

export default config;
