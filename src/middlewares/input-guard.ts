import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import { formatBilingual } from '../domain/bilingual';
import { findUnsafeInput } from '../domain/input-limits';
import { fieldError, type FieldError } from '../domain/validation';

/**
 * One guard at the HTTP door for what no route may receive: NUL characters (PostgreSQL cannot
 * store them and fails with a 500), prototype keys (`__proto__`, `constructor`, `prototype`) and
 * bodies nested deeper than MAX_INPUT_DEPTH (Strapi's recursive sanitizers overflow the stack on
 * a 20,000-deep body). Used twice in config/middlewares.ts: `part: 'url'` first, before anything
 * reads the URL (the directory's fast path included), and `part: 'body'` right after
 * strapi::body parsed it, so every route, custom ones and GraphQL variables too, is covered.
 */
const refuse = (found: FieldError[]) => {
  const message = found.length === 1
    ? `${found[0].path.join('.')}: ${found[0].message}`
    : formatBilingual({ id: `${found.length} masukan ditolak`, en: `${found.length} inputs refused` });
  throw new errors.ValidationError(message, { errors: found.map((error) => ({ ...error, name: 'ValidationError' })) });
};

const decoded = (raw: string) => {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
};

const urlProblems = (ctx: Context): FieldError[] => {
  const path = decoded(ctx.path);
  if (path === null) return [fieldError(['url'], { id: 'Alamat tidak dapat dibaca', en: 'The address cannot be decoded' })];
  if (path.includes('\u0000')) return findUnsafeInput(path, ['url']);
  const found: FieldError[] = [];
  for (const pair of ctx.querystring.split('&')) {
    if (!pair) continue;
    const [rawKey, ...rest] = pair.split('=');
    const key = decoded(rawKey);
    const value = decoded(rest.join('='));
    if (key === null || value === null) {
      found.push(fieldError([key ?? 'query'], { id: 'Parameter tidak dapat dibaca', en: 'The parameter cannot be decoded' }));
    } else if (key.includes('\u0000') || value.includes('\u0000')) {
      found.push(...findUnsafeInput(value, [key.replace(/\]/g, '').replace(/\[/g, '.')]));
      if (key.includes('\u0000')) found.push(...findUnsafeInput(key, ['query']));
    }
  }
  return found;
};

export default (config: { part?: 'url' | 'body' } = {}) => {
  const part = config.part ?? 'body';
  return async (ctx: Context, next: Next) => {
    const found = part === 'url' ? urlProblems(ctx) : findUnsafeInput((ctx.request as { body?: unknown }).body);
    if (found.length > 0) refuse(found);
    return next();
  };
};
