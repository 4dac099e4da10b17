import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { servedAs } from '../domain/upload-types';
import { FILE, uploadUrlSigner } from '../uploads';

/**
 * Everything under /uploads, before Strapi's static handler serves it:
 * - a browser never executes it: `nosniff`, a sandboxing CSP that allows nothing, and only
 *   allow-listed types sent as such (raster images shown in place, documents as attachments;
 *   anything else, such as HTML or SVG that pre-date the allow-list, as an opaque download);
 * - confidential files (anything but partner logos, which the public directory shows) are sent
 *   only for a valid, unexpired signed link — the links Strapi's responses carry (src/uploads).
 *   Files unknown to the Media Library are not sent at all.
 */
const PREFIX = '/uploads/';
/** Partner logos are public: the directory publishes them. Every other media field is confidential. */
const PUBLIC_FIELDS = [{ type: 'api::partner.partner', field: 'logo' }];

type FileRow = { id: number; name: string; url: string; formats?: Record<string, { url?: string; name?: string }> | null };
interface MorphJoin {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string } };
}

const lockDown = (ctx: Context) => {
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
};

/** The stored file (or image rendition) behind `/uploads/<hash><ext>`; renditions are `<format>_<hash><ext>`. */
const findFile = async (strapi: Core.Strapi, path: string): Promise<{ file: FileRow; name: string } | null> => {
  const base = path.slice(PREFIX.length).replace(/\.[^.]*$/, '');
  const hashes = [base, base.replace(/^[a-z]+_/, '')];
  const rows = (await strapi.db.query(FILE).findMany({ where: { hash: { $in: hashes } }, select: ['id', 'name', 'url', 'formats'] })) as FileRow[];
  for (const file of rows) {
    if (file.url === path) return { file, name: file.name };
    const format = Object.values(file.formats ?? {}).find((candidate) => candidate?.url === path);
    if (format) return { file, name: format.name ?? file.name };
  }
  return null;
};

const isPublic = async (strapi: Core.Strapi, fileId: number) => {
  const join = (strapi.db.metadata.get(FILE) as unknown as { attributes: { related: { joinTable: MorphJoin } } }).attributes.related.joinTable;
  const links = (await strapi.db.connection(join.name).where(join.joinColumn.name, fileId).select(join.morphColumn.typeColumn.name, 'field')) as Array<Record<string, string>>;
  return links.length > 0 && links.every((link) => PUBLIC_FIELDS.some((open) => open.type === link[join.morphColumn.typeColumn.name] && open.field === link.field));
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    lockDown(ctx);
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const found = await findFile(strapi, ctx.path);
    if (!found) return ctx.throw(404);
    const signature = uploadUrlSigner().verify(ctx.path, ctx.query.exp, ctx.query.sig);
    if (signature === 'invalid') return ctx.throw(403);
    if (signature === 'missing' && !(await isPublic(strapi, found.file.id))) return ctx.throw(404);
    await next();
    lockDown(ctx);
    if (ctx.status !== 200 && ctx.status !== 206) return;
    const served = servedAs(ctx.path);
    if (!served.inline) ctx.attachment(found.name, { fallback: true });
    ctx.type = served.mime;
    ctx.set('Cache-Control', signature === 'valid' ? 'private, max-age=600' : 'public, max-age=3600');
  };
