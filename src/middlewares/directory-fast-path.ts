import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/**
 * Answers GET/HEAD /api/directory before the rest of the stack (query parsing, body parsing,
 * session, router, permission checks), none of which this fixed public listing needs; it sits
 * after strapi::errors, strapi::security and strapi::cors, so errors, security headers and CORS
 * are exactly those of any other route. The work is done by the route's own controller.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const path = `${strapi.config.get('api.rest.prefix', '/api')}/directory`;
  return async (ctx: Context, next: Next) => {
    if (ctx.path !== path || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    await strapi.controller('api::directory.directory').find(ctx, next);
  };
};
