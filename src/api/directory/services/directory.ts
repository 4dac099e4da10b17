import { createHash } from 'crypto';
import type { OutgoingHttpHeaders } from 'http';
import querystring from 'querystring';
import { promisify } from 'util';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { directoryQueryMessage, filterDirectory, parseDirectoryQuery, type Directory, type DirectoryFilters } from '../../../domain/directory';
import { createFreshness, type Stamp } from '../../../freshness/freshness';
import { readDirectorySource, type DirectorySource } from '../source';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * The headers Koa sent for one answer of one prepared listing, by `status encoding origin`
 * (src/api/directory/front-door.ts replays them). They live with the listing, in the same cache:
 * evicted with it, their bytes counted with its bytes.
 */
export interface HeaderTemplates {
  get(key: string): OutgoingHttpHeaders | undefined;
  set(key: string, headers: OutgoingHttpHeaders): void;
}

/** One response, prepared once: the JSON bytes, their compressed forms and a strong ETag. */
export interface PreparedResponse {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** The content hash; each encoding's ETag is derived from it. */
  hash: string;
  directory: Directory;
  headers: HeaderTemplates;
}

/** One filtered listing: the data, and its prepared bytes once a REST request asked for them. */
interface Variant {
  directory: Directory;
  body: Buffer;
  prepared?: Promise<PreparedResponse>;
  /** Bytes of the compressed forms and of the header templates, counted once they exist. */
  compressed: number;
}

interface Snapshot {
  source: DirectorySource;
  /** The one place filtered listings live, least recently used first; the unfiltered one ('') is always kept. */
  variants: Map<string, Variant>;
  /**
   * Query strings as received (the front door) and the filters they were checked to, so a query
   * string seen before is not parsed again; at most `queries` of them, their bytes counted.
   */
  queries: Map<string, { filters: DirectoryFilters; bytes: number }>;
  bytes: number;
}

/**
 * Bounds of the filtered listings kept per snapshot. Distinct queries (an attacker's `q=b1y`,
 * `q=b2y`, …) evict the least recently used instead of growing the cache: 200 listings, 32 MB
 * of JSON, compressed bytes and the front door's header templates counted together, at most 32
 * templates per listing, and the query strings already checked (four per listing at most). GraphQL's directory query reads the same listings (without compressing
 * them): this is the only cache of listings there is.
 */
export const DIRECTORY_CACHE_LIMITS = { entries: 200, bytes: 32 * 1024 * 1024, headersPerEntry: 32, queries: 800 } as const;

/**
 * Header templates of one listing, the least recently used dropped first beyond
 * `headersPerEntry` (3 encodings × 200/304 × the Origins that embed it); `grew` tells the cache
 * of each change in their bytes.
 */
const headerTemplates = (grew: (bytes: number) => void): HeaderTemplates => {
  const kept = new Map<string, { headers: OutgoingHttpHeaders; bytes: number }>();
  return {
    get(key) {
      const found = kept.get(key);
      if (!found) return undefined;
      kept.delete(key);
      kept.set(key, found);
      return found.headers;
    },
    set(key, headers) {
      let delta = 0;
      const previous = kept.get(key);
      if (previous) {
        kept.delete(key);
        delta -= previous.bytes;
      }
      const bytes = key.length + Buffer.byteLength(JSON.stringify(headers));
      kept.set(key, { headers, bytes });
      delta += bytes;
      for (const [oldest, entry] of kept) {
        if (kept.size <= DIRECTORY_CACHE_LIMITS.headersPerEntry) break;
        kept.delete(oldest);
        delta -= entry.bytes;
      }
      grew(delta);
    },
  };
};

/** The longest query string kept as checked: the page's own are far shorter. */
const MAX_KEPT_QUERY = 512;

const prepare = async (directory: Directory, body: Buffer, grew: (bytes: number) => void): Promise<PreparedResponse> => {
  const [gz, br] = await Promise.all([
    gzip(body, { level: 9 }),
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  return { body, gzip: gz, br, hash: createHash('sha256').update(body).digest('base64url').slice(0, 32), directory, headers: headerTemplates(grew) };
};

const variantKey = (filters: DirectoryFilters) => new URLSearchParams(filters as Record<string, string>).toString();

const sizeOf = (variant: Variant) => variant.body.length + variant.compressed;

/** Drops the least recently used filtered listings until the cache is within its bounds. */
const evict = (held: Snapshot) => {
  for (const [raw, query] of held.queries) {
    if (held.queries.size <= DIRECTORY_CACHE_LIMITS.queries) break;
    held.queries.delete(raw);
    held.bytes -= query.bytes;
  }
  for (const [key, variant] of held.variants) {
    if (held.variants.size <= DIRECTORY_CACHE_LIMITS.entries && held.bytes <= DIRECTORY_CACHE_LIMITS.bytes) return;
    if (key === '') continue;
    held.variants.delete(key);
    held.bytes -= sizeOf(variant);
  }
};

/** The cached listing for these filters, made (and the cache bounded) on a miss; a hit becomes most recent. */
const variantOf = (held: Snapshot, filters: DirectoryFilters): Variant => {
  const key = variantKey(filters);
  const found = held.variants.get(key);
  if (found) {
    if (key !== '') {
      held.variants.delete(key);
      held.variants.set(key, found);
    }
    return found;
  }
  const directory = key === '' ? held.source.directory : filterDirectory(held.source.directory, filters);
  const variant: Variant = { directory, body: Buffer.from(JSON.stringify(directory)), compressed: 0 };
  held.variants.set(key, variant);
  held.bytes += sizeOf(variant);
  evict(held);
  return variant;
};

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
    const loading = { snapshot: readDirectorySource(strapi).then((source) => ({ source, variants: new Map<string, Variant>(), queries: new Map(), bytes: 0 })), stamp: freshness.stamp() };
    loading.snapshot.catch(() => {
      if (current === loading) current = null;
    });
    current = loading;
    return loading.snapshot;
  };

  const checked = (held: Snapshot, query: Record<string, unknown>): DirectoryFilters => {
    const parsed = parseDirectoryQuery(query, held.source.known);
    if (!parsed.ok) throw new errors.ValidationError(directoryQueryMessage(parsed.errors), { errors: parsed.errors.map((e) => ({ ...e, name: 'ValidationError' })) });
    return parsed.filters;
  };

  const responseOf = (held: Snapshot, filters: DirectoryFilters): Promise<PreparedResponse> => {
    const variant = variantOf(held, filters);
    if (!variant.prepared) {
      const key = variantKey(filters);
      /** Counts bytes added to this listing while it is still in the cache. */
      const grew = (bytes: number) => {
        if (held.variants.get(key) !== variant) return;
        variant.compressed += bytes;
        held.bytes += bytes;
        evict(held);
      };
      const prepared = prepare(variant.directory, variant.body, grew);
      variant.prepared = prepared;
      prepared.then(
        (done) => grew(done.gzip.length + done.br.length),
        () => {
          variant.prepared = undefined;
        },
      );
    }
    return variant.prepared;
  };

  return {
    /** Something the listing shows changed (see Freshness.changed). */
    changed: () => freshness.changed(),

    /** Listens for changes made through other instances (PostgreSQL); a no-op on SQLite. */
    startSignal: () => freshness.start(),
    stopSignal: () => freshness.stop(),

    /** Checks the query string; unknown parameters or values are a 400 naming the parameter. */
    async parseQuery(query: Record<string, unknown>): Promise<DirectoryFilters> {
      return checked(await snapshot(), query);
    },

    /** What the cache of filtered listings holds now (tests, and a bound anyone can check). */
    async cacheStats() {
      const held = await snapshot();
      return { entries: held.variants.size, queries: held.queries.size, bytes: held.bytes };
    },

    /** The listing for these (already checked) filters, without preparing bytes (GraphQL needs none). */
    async listing(filters: DirectoryFilters): Promise<Directory> {
      return variantOf(await snapshot(), filters).directory;
    },

    /** The prepared response for these (already checked) filters. */
    async response(filters: DirectoryFilters): Promise<PreparedResponse> {
      return responseOf(await snapshot(), filters);
    },

    /**
     * The prepared response for a query string as Node received it ('' for none), parsed as Koa
     * parses ctx.query (Node's querystring) and checked as parseQuery checks it (a 400 naming the
     * parameter); a query string already checked against this listing is not parsed again.
     */
    async responseToQuery(raw: string): Promise<PreparedResponse> {
      const held = await snapshot();
      if (raw === '') return responseOf(held, {});
      const known = held.queries.get(raw);
      if (known) {
        held.queries.delete(raw);
        held.queries.set(raw, known);
        return responseOf(held, known.filters);
      }
      const filters = checked(held, querystring.parse(raw));
      // A long query string (Strapi's ignored parameters) is checked each time rather than kept.
      if (raw.length > MAX_KEPT_QUERY) return responseOf(held, filters);
      const bytes = raw.length * 2 + JSON.stringify(filters).length * 2;
      held.queries.set(raw, { filters, bytes });
      held.bytes += bytes;
      evict(held);
      return responseOf(held, filters);
    },
  };
};

export type DirectoryService = ReturnType<typeof createDirectoryService>;
export const directoryService = (strapi: Core.Strapi) => strapi.service('api::directory.directory') as unknown as DirectoryService;

export default createDirectoryService;
