import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { directoryService } from '../services/directory';
import { bodyFor, CACHE_CONTROL, ENCODINGS, etagOf, notModified, type Encoding } from '../http';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/directory: the prepared listing, negotiated (br, gzip, identity) and revalidated by ETag. */
  async find(ctx: Context) {
    const service = directoryService(strapi);
    const prepared = await service.response(await service.parseQuery(ctx.query as Record<string, unknown>));
    const encoding = (ctx.acceptsEncodings(...ENCODINGS) || 'identity') as Encoding;
    ctx.vary('Accept-Encoding');
    ctx.set('Cache-Control', CACHE_CONTROL);
    ctx.set('ETag', etagOf(prepared, encoding));
    if (notModified(ctx.get('If-None-Match') || undefined, prepared)) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/json; charset=utf-8';
    if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
    ctx.body = bodyFor(prepared, encoding);
  },
});
