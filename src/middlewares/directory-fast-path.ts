import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/**
 * The public partner directory, early in the Koa stack.
 * - GET/HEAD /api/directory requests that the front door (src/api/directory/front-door.ts) hands
 *   to Koa — filtered, cross-origin, revalidating, or the first for a new listing — are answered
 *   here, before query and body parsing, session, the router and permission checks, none of which
 *   this fixed public listing needs. It sits after strapi::errors, strapi::security and
 *   strapi::cors, so errors, security headers and CORS are those of any other route. The work is
 *   done by the route's own controller (src/api/directory).
 * - GET / shows the public directory page (public/index.html) instead of Strapi's redirect to
 *   the admin panel; strapi::public serves it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const path = `${strapi.config.get('api.rest.prefix', '/api')}/directory`;
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === path) return strapi.controller('api::directory.directory').find(ctx, next);
    if (ctx.path === '/') ctx.path = '/index.html';
    return next();
  };
};
