import type { Core } from '@strapi/strapi';
import { corsOptions } from '../src/security/cors';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  // No header names the product (the health check's `strapi`; strapi::poweredBy is left out below).
  'global::anonymous-headers',
  'strapi::errors',
  // Strapi's CSP allows images from market-assets.strapi.io (its marketplace): the system loads
  // nothing from outside, and no header names the product. (A string, not a list: Strapi merges
  // lists index by index into its defaults.)
  { name: 'strapi::security', config: { contentSecurityPolicy: { directives: { 'img-src': "'self' data: blob:" } } } },
  // Credentials only for the system's own origins and CORS_ORIGINS; the directory readable by any site.
  { name: 'strapi::cors', config: corsOptions(env('CORS_ORIGINS', '')) },
  // NUL characters in the URL are a 400 before anything reads it (src/middlewares/input-guard.ts).
  { name: 'global::input-guard', config: { part: 'url' } },
  // The directory requests that reach Koa (the first of each listing, encoding and Origin; bad
  // parameters) answer here, before query/body parsing, session and the router. It stays after
  // errors, security and cors, so it sends the same headers as every other route; the next
  // requests for that listing are answered before Koa by src/api/directory/front-door.ts, with
  // the headers learnt from this path.
  'global::directory-fast-path',
  // /uploads: nothing a browser could execute, confidential files only through signed links.
  'global::uploads-guard',
  // No strapi::poweredBy: no header names the product the system is built on.
  'strapi::query',
  'strapi::body',
  // ... and NUL, prototype keys and excessive nesting in any parsed body, GraphQL variables included.
  { name: 'global::input-guard', config: { part: 'body' } },
  'strapi::session',
  // The office's icon, kept with the other public assets (Strapi looks in the project root by default).
  { name: 'strapi::favicon', config: { path: 'public/favicon.png' } },
  // The public pages and their assets as npm run build:public prepared them: hashed names cached
  // for a year, precompressed (src/middlewares/public-assets.ts); the rest is strapi::public's.
  'global::public-assets',
  'strapi::public',
];
