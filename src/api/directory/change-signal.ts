import { randomUUID } from 'crypto';
import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';

const CHANNEL = 'kerjasama_directory';
const RECONNECT_MS = 500;
/** While the signal is down, a prepared listing is trusted this long (the one-second promise). */
export const UNSIGNALLED_MAX_AGE_MS = 1000;

export interface ChangeSignal {
  /** Tells the other instances that the directory changed. */
  publish(): void;
  stop(): Promise<void>;
}

const connectionConfig = (strapi: Core.Strapi): ClientConfig => {
  const connection = strapi.config.get('database.connection') as { connection: ClientConfig & { schema?: string } };
  // The schema option is knex's, not pg's.
  const config: ClientConfig & { schema?: string } = { ...connection.connection };
  delete config.schema;
  return config;
};

/**
 * Cross-instance freshness on PostgreSQL: a dedicated connection LISTENs on one channel; a change
 * committed through any instance is NOTIFYed and every other instance drops its prepared listing.
 * While that connection is down (or being re-established) the listing is re-read at most every
 * second, so a missed notification can never keep an old listing for longer than that.
 * On SQLite there is one process per database file, so nothing is needed.
 */
export const startChangeSignal = (strapi: Core.Strapi, handlers: { onRemoteChange: () => void; onReliability: (reliable: boolean) => void }): ChangeSignal => {
  if (strapi.db.dialect.client !== 'postgres') return { publish: () => undefined, stop: async () => undefined };

  const instance = randomUUID();
  let client: Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    handlers.onReliability(false);
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, RECONNECT_MS);
  };

  const connect = async () => {
    const listener = new Client(connectionConfig(strapi));
    listener.on('error', (error) => {
      strapi.log.warn(`[directory] change signal lost (${error.message}); reconnecting`);
      if (client === listener) client = null;
      listener.end().catch(() => undefined);
      scheduleReconnect();
    });
    listener.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload !== instance) handlers.onRemoteChange();
    });
    try {
      await listener.connect();
      await listener.query(`LISTEN ${CHANNEL}`);
      if (stopped) return void (await listener.end());
      client = listener;
      // Anything may have changed while we were not listening.
      handlers.onRemoteChange();
      handlers.onReliability(true);
    } catch (error) {
      strapi.log.warn(`[directory] change signal unavailable (${(error as Error).message}); retrying`);
      listener.end().catch(() => undefined);
      scheduleReconnect();
    }
  };

  handlers.onReliability(false);
  void connect();

  return {
    publish() {
      // Through the pool, not the listener: a NOTIFY must not wait for a reconnect.
      strapi.db.connection
        .raw('select pg_notify(?, ?)', [CHANNEL, instance])
        .catch((error: Error) => strapi.log.warn(`[directory] change not signalled to other instances: ${error.message}`));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const listener = client;
      client = null;
      if (listener) await listener.end().catch(() => undefined);
    },
  };
};
