import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { SURVEY_PAGE_HEADERS, SURVEY_TOKEN } from '../participation/pages';

/**
 * The public pages and their assets as npm run build:public prepared them
 * (scripts/public-assets.js, public/assets/manifest.json): content-hashed names cached for a
 * year as `immutable`, the pages and the unhashed names revalidated (`no-cache` + ETag), each
 * sent precompressed (br, gzip) as the browser accepts. It runs after strapi::security and
 * strapi::cors, so the headers are those of every other response.
 *
 * When there is no build, or a source changed after it (development), nothing is served from
 * here and strapi::public sends the files as they are: a stale build is never served.
 */
interface Entry {
  file: string;
  type: string;
  hash: string;
  cache: 'immutable' | 'revalidate' | 'no-store';
}
interface Manifest {
  sources: Record<string, string>;
  files: Record<string, Entry>;
}
type Encoding = 'br' | 'gzip' | 'identity';
interface Prepared {
  entry: Entry;
  bodies: Record<Encoding, Buffer>;
}

const CACHE_CONTROL: Record<Entry['cache'], string> = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
  'no-store': 'no-store',
};
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz', identity: '' };
const SURVEY_PAGE = '/survei/:token';

const sha256 = (buffer: Buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

/** The prepared files by URL, or why there are none. */
export const loadPublicAssets = (publicDir: string): Map<string, Prepared> | string => {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(publicDir, 'assets', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return 'no public/assets/manifest.json (npm run build:public)';
  }
  const stale = Object.entries(manifest.sources).filter(([source, hash]) => {
    try {
      return sha256(fs.readFileSync(path.join(publicDir, source))) !== hash;
    } catch {
      return true;
    }
  });
  if (stale.length) return `changed since npm run build:public: ${stale.map(([source]) => source).join(', ')}`;
  const byFile = new Map<string, Record<Encoding, Buffer>>();
  const prepared = new Map<string, Prepared>();
  try {
    for (const [url, entry] of Object.entries(manifest.files)) {
      let bodies = byFile.get(entry.file);
      if (!bodies) {
        const read = (encoding: Encoding) => fs.readFileSync(path.join(publicDir, entry.file + SUFFIX[encoding]));
        bodies = { br: read('br'), gzip: read('gzip'), identity: read('identity') };
        byFile.set(entry.file, bodies);
      }
      prepared.set(url, { entry, bodies });
    }
  } catch {
    return 'a file named in public/assets/manifest.json is missing (npm run build:public)';
  }
  return prepared;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const assets = loadPublicAssets(strapi.dirs.static.public);
  if (typeof assets === 'string') {
    strapi.log.warn(`Public pages served uncompressed and short-cached: ${assets}`);
    return (_ctx: Context, next: Next) => next();
  }
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const survey = ctx.path.startsWith('/survei/') && SURVEY_TOKEN.test(ctx.path.slice('/survei/'.length));
    const found = assets.get(survey ? SURVEY_PAGE : ctx.path);
    if (!found) return next();
    const encoding = (ctx.acceptsEncodings('br', 'gzip', 'identity') || 'identity') as Encoding;
    ctx.status = 200;
    ctx.type = found.entry.type;
    ctx.vary('Accept-Encoding');
    ctx.set('Cache-Control', CACHE_CONTROL[found.entry.cache]);
    if (survey) ctx.set(SURVEY_PAGE_HEADERS);
    ctx.set('ETag', `"${found.entry.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`);
    if (ctx.fresh) {
      ctx.status = 304;
      return undefined;
    }
    if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
    ctx.body = found.bodies[encoding];
    return undefined;
  };
};
