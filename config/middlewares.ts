export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  // The public directory answers here, before query/body parsing, session and the router: it
  // needs none of them, and skipping them is what makes it fast (see npm run bench:directory).
  // It stays after errors, security and cors, so it sends the same headers as every other route.
  'global::directory-fast-path',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
