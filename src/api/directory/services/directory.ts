import { createHash } from 'crypto';
import { promisify } from 'util';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { directoryQueryMessage, filterDirectory, parseDirectoryQuery, type Directory, type DirectoryFilters } from '../../../domain/directory';
import { startChangeSignal, UNSIGNALLED_MAX_AGE_MS, type ChangeSignal } from '../change-signal';
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
  builtAt: number;
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
 * type marks it stale after its transaction commits (see register.ts); the next request rebuilds
 * it. With several instances the change signal tells the others; while that signal is down a
 * prepared listing is trusted for one second only.
 */
const createDirectoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  let current: Promise<Snapshot> | null = null;
  let maxAgeMs = Infinity;
  let signal: ChangeSignal | null = null;

  const markStale = () => {
    current = null;
  };

  const load = () => {
    const started = Date.now();
    const promise = readDirectorySource(strapi).then((source) => ({ source, responses: new Map<string, Promise<PreparedResponse>>(), builtAt: started }));
    promise.catch(() => {
      if (current === promise) current = null;
    });
    return promise;
  };

  const snapshot = async (): Promise<Snapshot> => {
    const pending = current;
    if (pending) {
      const held = await pending;
      if (Date.now() - held.builtAt <= maxAgeMs) return held;
      if (current === pending) current = null;
    }
    current ??= load();
    return current;
  };

  return {
    /**
     * Something the listing shows changed: drop the prepared listing once the surrounding
     * transaction (if any) has committed, and tell the other instances.
     */
    async changed() {
      const apply = () => {
        markStale();
        signal?.publish();
      };
      if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(apply));
      else apply();
    },

    /** Listens for changes made through other instances (PostgreSQL); a no-op on SQLite. */
    startSignal() {
      signal ??= startChangeSignal(strapi, {
        onRemoteChange: markStale,
        onReliability: (reliable) => {
          maxAgeMs = reliable ? Infinity : UNSIGNALLED_MAX_AGE_MS;
        },
      });
    },

    async stopSignal() {
      await signal?.stop();
      signal = null;
    },

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
