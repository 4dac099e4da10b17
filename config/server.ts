import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';
import { DEV_SECRETS } from '../src/domain/deployment';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a TLS-terminating balancer Koa trusts X-Forwarded-Proto/-For (secure cookies, the
  // client's IP for rate limits); PROXY_HOPS is how many proxies append to X-Forwarded-For, so
  // an address a client writes there itself is not taken as its IP. (5.x reads proxy.koa; a
  // plain boolean is ignored.)
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  // The folder served at / that holds uploads/ (tests give a backup restore its own, since
  // `strapi import` replaces uploads/ as a whole).
  dirs: { public: env('PUBLIC_DIR', './public') },
  app: {
    keys: env.array('APP_KEYS', DEV_SECRETS.APP_KEYS.split(',')),
  },
  // No update check: the process must not call any outside host.
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) } },
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
});

export default config;
