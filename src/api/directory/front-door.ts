import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import accepts from 'accepts';
import type { Core } from '@strapi/strapi';
import { bodyFor, ENCODINGS, etagOf, type Encoding } from './http';
import { directoryService } from './services/directory';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The headers Koa sent for one encoding of one prepared listing to one Origin (minus Date, which Node adds). */
interface HeaderTemplate {
  hash: string;
  headers: OutgoingHttpHeaders;
}

const SUMMARY_INTERVAL_MS = 60_000;
/** Header templates kept (encodings × the Origins of the sites that embed the directory). */
const MAX_TEMPLATES = 64;

/**
 * The directory's front door: the hot request — GET or HEAD /api/directory with no query string
 * and no If-None-Match — is answered on Node's HTTP server, before Koa, from the prepared bytes.
 * Everything else (filters, revalidation, errors, every other route) goes to Koa unchanged.
 *
 * Why: Koa's per-request work (context, the logger writing one line per request, helmet, cors,
 * the middleware chain) costs more than sending the prepared bytes, and its tail latency was
 * ten times nginx's (npm run bench:directory).
 *
 * The headers are not written here by hand: the first request for each encoding and
 * Origin of each prepared listing goes through Koa, and the headers it sent (security, CORS,
 * cache, ETag, type, length) are replayed for the following ones, so the front door cannot drift from what
 * the rest of the system sends. A new listing (new content hash) is learnt again the same way.
 *
 * The logger's line per request is replaced by one summary line a minute (`http` level).
 */
export const installDirectoryFrontDoor = (strapi: Core.Strapi) => {
  const server = strapi.server.httpServer;
  const [koa] = server.listeners('request') as RequestListener[];
  if (!koa) throw new Error('the directory front door needs the Koa request listener to be installed first');
  const path = `${strapi.config.get('api.rest.prefix', '/api')}/directory`;
  const templates = new Map<string, HeaderTemplate>();
  let served = 0;

  const isHotRequest = (req: IncomingMessage) =>
    (req.method === 'GET' || req.method === 'HEAD') && req.url === path && !req.headers['if-none-match'];

  /** Let Koa answer, and keep its headers when they are the answer to this very listing. */
  const learnFromKoa = (req: IncomingMessage, res: ServerResponse, key: string, hash: string, etag: string) => {
    res.once('finish', () => {
      const headers = { ...res.getHeaders() };
      if (res.statusCode !== 200 || headers.etag !== etag || headers['set-cookie'] !== undefined) return;
      delete headers.date;
      templates.delete(key);
      if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value as string);
      templates.set(key, { hash, headers });
    });
    koa(req, res);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    let prepared;
    try {
      prepared = await directoryService(strapi).response({});
    } catch {
      // Koa reports the error the way every other route does.
      koa(req, res);
      return;
    }
    const encoding = (accepts(req).encoding([...ENCODINGS]) || 'identity') as Encoding;
    // CORS answers depend on the Origin; everything else Koa sends here depends on the encoding.
    const key = `${encoding} ${req.headers.origin ?? ''}`;
    const template = templates.get(key);
    if (template?.hash !== prepared.hash) {
      learnFromKoa(req, res, key, prepared.hash, etagOf(prepared, encoding));
      return;
    }
    served += 1;
    res.writeHead(200, template.headers);
    res.end(req.method === 'HEAD' ? undefined : bodyFor(prepared, encoding));
  };

  server.removeListener('request', koa);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!isHotRequest(req)) return koa(req, res);
    serve(req, res).catch((error: unknown) => {
      strapi.log.error(error);
      res.destroy();
    });
  });

  const summary = setInterval(() => {
    if (served === 0) return;
    strapi.log.http(`GET ${path}: ${served} responses from the prepared listing in the last ${SUMMARY_INTERVAL_MS / 1000} s`);
    served = 0;
  }, SUMMARY_INTERVAL_MS);
  summary.unref();
};
