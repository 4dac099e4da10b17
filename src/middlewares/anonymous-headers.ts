import type { Context, Next } from 'koa';

/** Headers by which Strapi names itself (the health check's `strapi`, strapi::poweredBy's). */
const PRODUCT_HEADERS = ['strapi', 'x-powered-by'];

/** No answer tells a visitor which product, and so which known flaws, the system runs on. */
export default () => async (ctx: Context, next: Next) => {
  await next();
  for (const name of PRODUCT_HEADERS) ctx.remove(name);
};
