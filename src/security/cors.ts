import type { Context } from 'koa';
import { corsAnswer, trustedOrigins, type CorsAnswer } from '../domain/deployment';

/** Paths any website may read without credentials: the public partner directory. */
const PUBLIC_PATHS = ['/api/directory'];

/**
 * Options for `strapi::cors` (config/middlewares.ts). Only the system's own public and admin
 * origins and CORS_ORIGINS get credentials; Strapi's default reflected every Origin with them,
 * which let any website act with a logged-in admin's cookie.
 */
export const corsOptions = (extraOrigins: string) => {
  let trusted: string[] | undefined;
  // Read on first use: the absolute URLs are only known once Strapi has loaded its configuration.
  const answer = (ctx: Context): CorsAnswer => {
    trusted ??= trustedOrigins({
      publicUrl: strapi.config.get<string>('server.absoluteUrl'),
      adminUrl: strapi.config.get<string>('admin.absoluteUrl'),
      extra: extraOrigins,
    });
    return corsAnswer(ctx.get('Origin') || undefined, ctx.path, trusted, PUBLIC_PATHS);
  };
  return {
    // Strapi's matcher answers the request's Origin when it is in the returned list, else no CORS headers.
    origin: (ctx: Context) => {
      const { allowOrigin } = answer(ctx);
      return allowOrigin ? [allowOrigin] : [];
    },
    credentials: (ctx: Context) => answer(ctx).credentials,
  };
};
