/**
 * Strapi's logger (winston). The level defaults to Strapi's own (`http`: one line per request);
 * STRAPI_LOG_LEVEL lowers it (the tests run at `warn`).
 */
export default ({ env }: { env: (key: string, fallback: string) => string }) => ({
  level: env('STRAPI_LOG_LEVEL', 'http'),
});
