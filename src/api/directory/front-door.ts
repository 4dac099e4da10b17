import type { IncomingMessage, ServerResponse } from 'http';
import accepts from 'accepts';
import type { Core } from '@strapi/strapi';
import { bodyFor, ENCODINGS, etagOf, notModified, type Encoding } from './http';
import { directoryService, type PreparedResponse } from './services/directory';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

type Status = 200 | 304;

const SUMMARY_INTERVAL_MS = 60_000;

/** What the front door did since the server started: answers from the prepared bytes, and requests handed to Koa. */
export interface FrontDoorStats {
  /** GET/HEAD /api/directory answered here, 200 or 304, without Koa. */
  served: number;
  /** Answered by Koa to learn a listing's headers (the first of each listing, encoding, status and Origin). */
  learnt: number;
  /** Handed to Koa for its answer: bad parameters (400), a query its URL guard refuses, an error. */
  toKoa: number;
}
const STATS = new WeakMap<Core.Strapi, FrontDoorStats>();

/** The front door's counters (tests, and anyone checking where the directory's answers come from). */
export const frontDoorStats = (strapi: Core.Strapi): FrontDoorStats => ({ ...(STATS.get(strapi) ?? { served: 0, learnt: 0, toKoa: 0 }) });

/**
 * The directory's front door: every GET or HEAD /api/directory — with or without a query string
 * (`?` alone is no query), filtered, revalidating with If-None-Match — is answered on Node's HTTP
 * server, before Koa, from the prepared bytes (the service's cache of listings), or with a 304.
 * Bad parameters (the 400 naming them), errors and every other route go to Koa unchanged.
 *
 * Why: Koa's per-request work (context, the logger writing one line per request, helmet, cors,
 * the middleware chain) costs more than sending the prepared bytes, and its tail latency was
 * ten times nginx's (npm run bench:directory).
 *
 * The headers are not written here by hand: the first request for each encoding and
 * Origin of each prepared listing goes through Koa, and the headers it sent (security, CORS,
 * cache, ETag, type, length) are replayed for the following ones, so the front door cannot drift from what
 * the rest of the system sends. A new listing (new content hash) is learnt again the same way.
 * The headers are kept with the prepared listing in the service's one bounded cache.
 *
 * The logger's line per request is replaced by one summary line a minute (`http` level).
 */
export const installDirectoryFrontDoor = (strapi: Core.Strapi) => {
  const server = strapi.server.httpServer;
  const [koa] = server.listeners('request') as RequestListener[];
  if (!koa) throw new Error('the directory front door needs the Koa request listener to be installed first');
  const path = `${strapi.config.get('api.rest.prefix', '/api')}/directory`;
  const stats: FrontDoorStats = { served: 0, learnt: 0, toKoa: 0 };
  STATS.set(strapi, stats);
  let served = 0;

  /** The query string of a directory request, '' for none (`?` alone included); undefined for another path. */
  const directoryQuery = (req: IncomingMessage) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    const url = req.url ?? '';
    const mark = url.indexOf('?');
    if ((mark === -1 ? url : url.slice(0, mark)) !== path) return undefined;
    return mark === -1 ? '' : url.slice(mark + 1);
  };

  /** Let Koa answer, and keep its headers when they are this very answer (status and ETag) for this listing. */
  const learnFromKoa = (req: IncomingMessage, res: ServerResponse, prepared: PreparedResponse, key: string, status: Status, etag: string) => {
    stats.learnt += 1;
    res.once('finish', () => {
      const headers = { ...res.getHeaders() };
      if (res.statusCode !== status || headers.etag !== etag || headers['set-cookie'] !== undefined) return;
      delete headers.date;
      prepared.headers.set(key, headers);
    });
    koa(req, res);
  };

  const toKoa = (req: IncomingMessage, res: ServerResponse) => {
    stats.toKoa += 1;
    koa(req, res);
  };

  /**
   * A query string Koa's URL guard would refuse (src/middlewares/input-guard.ts: undecodable or
   * carrying NUL) is left to Koa, so it gets the same 400 there.
   */
  const forKoa = (query: string) => {
    try {
      return decodeURIComponent(query.replace(/\+/g, ' ')).includes('\u0000');
    } catch {
      return true;
    }
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, query: string) => {
    const service = directoryService(strapi);
    let prepared;
    try {
      // Parsed as Koa parses ctx.query (Node's querystring), so both doors read the same filters.
      prepared = await service.responseToQuery(query);
    } catch {
      // Koa answers bad parameters (400 naming them) and errors the way every other route does.
      toKoa(req, res);
      return;
    }
    const encoding = (accepts(req).encoding([...ENCODINGS]) || 'identity') as Encoding;
    const status: Status = notModified(req.headers['if-none-match'], prepared) ? 304 : 200;
    // CORS answers depend on the Origin; everything else Koa sends here on the listing, encoding and status.
    const key = `${status} ${encoding} ${req.headers.origin ?? ''}`;
    const template = prepared.headers.get(key);
    if (!template) {
      learnFromKoa(req, res, prepared, key, status, etagOf(prepared, encoding));
      return;
    }
    served += 1;
    stats.served += 1;
    res.writeHead(status, template);
    res.end(req.method === 'HEAD' || status === 304 ? undefined : bodyFor(prepared, encoding));
  };

  server.removeListener('request', koa);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const query = directoryQuery(req);
    if (query === undefined) return koa(req, res);
    if (forKoa(query)) return toKoa(req, res);
    serve(req, res, query).catch((error: unknown) => {
      strapi.log.error(error);
      res.destroy();
    });
  });

  const summary = setInterval(() => {
    if (served === 0) return;
    strapi.log.http(`GET ${path}: ${served} responses from the prepared listings in the last ${SUMMARY_INTERVAL_MS / 1000} s`);
    served = 0;
  }, SUMMARY_INTERVAL_MS);
  summary.unref();
};
