export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  // The public directory requests that reach Koa (filtered, cross-origin, revalidating) answer
  // here, before query/body parsing, session and the router, which they do not need. It stays
  // after errors, security and cors, so it sends the same headers as every other route; the
  // unfiltered hot request is answered even earlier, by src/api/directory/front-door.ts, with
  // the headers learnt from this path.
  'global::directory-fast-path',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  // The office's icon, kept with the other public assets (Strapi looks in the project root by default).
  { name: 'strapi::favicon', config: { path: 'public/favicon.png' } },
  'strapi::public',
];
