import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import accepts from 'accepts';
import type { Core } from '@strapi/strapi';
import { bodyFor, ENCODINGS, etagOf, type Encoding } from './http';
import { directoryService } from './services/directory';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The headers Koa sent for one encoding of one prepared listing (minus Date, which Node adds). */
interface HeaderTemplate {
  hash: string;
  headers: OutgoingHttpHeaders;
}

const SUMMARY_INTERVAL_MS = 60_000;

/**
 * The directory's front door: the hot request — GET or HEAD /api/directory with no query string,
 * no Origin and no If-None-Match — is answered on Node's HTTP server, before Koa, from the
 * prepared bytes. Everything else (filters, CORS, revalidation, errors, every other route) goes
 * to Koa unchanged.
 *
 * Why: Koa's per-request work (context, the logger writing one line per request, helmet, cors,
 * the middleware chain) costs more than sending the prepared bytes, and its tail latency was
 * ten times nginx's (npm run bench:directory).
 *
 * The headers are not written here by hand: the first request for each encoding of each
 * prepared listing goes through Koa, and the headers it sent (security, CORS Vary, cache, ETag,
 * type, length) are replayed for the following ones, so the front door cannot drift from what
 * the rest of the system sends. A new listing (new content hash) is learnt again the same way.
 *
 * The logger's line per request is replaced by one summary line a minute (`http` level).
 */
export const installDirectoryFrontDoor = (strapi: Core.Strapi) => {
  const server = strapi.server.httpServer;
  const [koa] = server.listeners('request') as RequestListener[];
  if (!koa) throw new Error('the directory front door needs the Koa request listener to be installed first');
  const path = `${strapi.config.get('api.rest.prefix', '/api')}/directory`;
  const templates = new Map<Encoding, HeaderTemplate>();
  let served = 0;

  const isHotRequest = (req: IncomingMessage) =>
    (req.method === 'GET' || req.method === 'HEAD') && req.url === path && !req.headers.origin && !req.headers['if-none-match'];

  /** Let Koa answer, and keep its headers when they are the answer to this very listing. */
  const learnFromKoa = (req: IncomingMessage, res: ServerResponse, encoding: Encoding, hash: string, etag: string) => {
    res.once('finish', () => {
      const headers = { ...res.getHeaders() };
      if (res.statusCode !== 200 || headers.etag !== etag || headers['set-cookie'] !== undefined) return;
      delete headers.date;
      templates.set(encoding, { hash, headers });
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
    const template = templates.get(encoding);
    if (template?.hash !== prepared.hash) {
      learnFromKoa(req, res, encoding, prepared.hash, etagOf(prepared, encoding));
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
