import { randomUUID } from 'crypto';
import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';

const RECONNECT_MS = 500;

export interface ChangeSignal {
  /** Tells the other instances that the data changed. */
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
 * Cross-instance change signal on PostgreSQL: a dedicated connection LISTENs on one channel; a
 * change committed through any instance is NOTIFYed and every other instance hears it.
 * `onReliability(false)` says the connection is down (or being re-established): notifications
 * may be missed until it says true again. On SQLite there is one process per database file, so
 * there is nobody to tell.
 */
export const startChangeSignal = (
  strapi: Core.Strapi,
  channel: string,
  handlers: { onRemoteChange: () => void; onReliability: (reliable: boolean) => void },
): ChangeSignal => {
  if (strapi.db.dialect.client !== 'postgres') {
    handlers.onReliability(true);
    return { publish: () => undefined, stop: async () => undefined };
  }

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
      strapi.log.warn(`[${channel}] change signal lost (${error.message}); reconnecting`);
      if (client === listener) client = null;
      listener.end().catch(() => undefined);
      scheduleReconnect();
    });
    listener.on('notification', (message) => {
      if (message.channel === channel && message.payload !== instance) handlers.onRemoteChange();
    });
    try {
      await listener.connect();
      await listener.query(`LISTEN ${channel}`);
      if (stopped) return void (await listener.end());
      client = listener;
      // Anything may have changed while we were not listening.
      handlers.onRemoteChange();
      handlers.onReliability(true);
    } catch (error) {
      strapi.log.warn(`[${channel}] change signal unavailable (${(error as Error).message}); retrying`);
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
        .raw('select pg_notify(?, ?)', [channel, instance])
        .catch((error: Error) => strapi.log.warn(`[${channel}] change not signalled to other instances: ${error.message}`));
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
