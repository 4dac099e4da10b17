import { createHash } from 'crypto';
import { promisify } from 'util';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { directoryQueryMessage, filterDirectory, parseDirectoryQuery, type Directory, type DirectoryFilters } from '../../../domain/directory';
import { createFreshness, type Stamp } from '../../../freshness/freshness';
import { readDirectorySource, type DirectorySource } from '../source';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** One response, prepared once: the JSON bytes, their compressed forms and a strong ETag. */
export interface PreparedResponse {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** The content hash; each encoding's ETag is derived from it. */
  hash: string;
  directory: Directory;
}

interface Snapshot {
  source: DirectorySource;
  responses: Map<string, Promise<PreparedResponse>>;
}

/** Filtered variants kept per snapshot; the unfiltered listing is always kept. */
const MAX_VARIANTS = 200;

const prepare = async (directory: Directory): Promise<PreparedResponse> => {
  const body = Buffer.from(JSON.stringify(directory));
  const [gz, br] = await Promise.all([
    gzip(body, { level: 9 }),
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  return { body, gzip: gz, br, hash: createHash('sha256').update(body).digest('base64url').slice(0, 32), directory };
};

const variantKey = (filters: DirectoryFilters) => new URLSearchParams(filters as Record<string, string>).toString();

/**
 * The directory, prepared once per change. A write to a partner, agreement, unit or cooperation
 * type makes it stale (src/document-middlewares/directory-freshness.ts); the next request
 * rebuilds it. Other instances hear of it through the change signal (src/freshness).
 */
const createDirectoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const freshness = createFreshness(strapi, 'kerjasama_directory');
  let current: { snapshot: Promise<Snapshot>; stamp: Stamp } | null = null;

  const snapshot = (): Promise<Snapshot> => {
    if (current && freshness.isFresh(current.stamp)) return current.snapshot;
    const loading = { snapshot: readDirectorySource(strapi).then((source) => ({ source, responses: new Map<string, Promise<PreparedResponse>>() })), stamp: freshness.stamp() };
    loading.snapshot.catch(() => {
      if (current === loading) current = null;
    });
    current = loading;
    return loading.snapshot;
  };

  return {
    /** Something the listing shows changed (see Freshness.changed). */
    changed: () => freshness.changed(),

    /** Listens for changes made through other instances (PostgreSQL); a no-op on SQLite. */
    startSignal: () => freshness.start(),
    stopSignal: () => freshness.stop(),

    /** Checks the query string; unknown parameters or values are a 400 naming the parameter. */
    async parseQuery(query: Record<string, unknown>): Promise<DirectoryFilters> {
      const parsed = parseDirectoryQuery(query, (await snapshot()).source.known);
      if (!parsed.ok) throw new errors.ValidationError(directoryQueryMessage(parsed.errors), { errors: parsed.errors.map((e) => ({ ...e, name: 'ValidationError' })) });
      return parsed.filters;
    },

    /** The prepared response for these (already checked) filters. */
    async response(filters: DirectoryFilters): Promise<PreparedResponse> {
      const held = await snapshot();
      const key = variantKey(filters);
      let prepared = held.responses.get(key);
      if (!prepared) {
        if (held.responses.size >= MAX_VARIANTS) {
          for (const old of held.responses.keys()) if (old !== '') held.responses.delete(old);
        }
        prepared = prepare(key === '' ? held.source.directory : filterDirectory(held.source.directory, filters));
        held.responses.set(key, prepared);
        prepared.catch(() => held.responses.delete(key));
      }
      return prepared;
    },
  };
};

export type DirectoryService = ReturnType<typeof createDirectoryService>;
export const directoryService = (strapi: Core.Strapi) => strapi.service('api::directory.directory') as unknown as DirectoryService;

export default createDirectoryService;
