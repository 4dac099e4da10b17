import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { directoryService, type PreparedResponse } from '../services/directory';

const ENCODINGS = ['br', 'gzip', 'identity'] as const;
type Encoding = (typeof ENCODINGS)[number];

/**
 * Browsers revalidate every time (a 304 costs almost nothing), so a reload always shows the
 * current listing; a CDN may keep it for DIRECTORY_CDN_MAX_AGE seconds (default 30).
 */
const cacheControl = () => {
  const sMaxAge = Number.parseInt(process.env.DIRECTORY_CDN_MAX_AGE ?? '30', 10);
  return `public, max-age=0, must-revalidate, s-maxage=${Number.isFinite(sMaxAge) && sMaxAge >= 0 ? sMaxAge : 30}`;
};
const CACHE_CONTROL = cacheControl();

const etagOf = (prepared: PreparedResponse, encoding: Encoding) => `"${prepared.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;

/** If-None-Match compares weakly (RFC 9110): any encoding of the current content is still valid. */
const notModified = (ifNoneMatch: string | undefined, prepared: PreparedResponse) => {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const current = new Set(ENCODINGS.map((encoding) => etagOf(prepared, encoding)));
  return ifNoneMatch.split(',').some((tag) => current.has(tag.trim().replace(/^W\//, '')));
};

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
    ctx.body = encoding === 'identity' ? prepared.body : prepared[encoding];
  },
});
