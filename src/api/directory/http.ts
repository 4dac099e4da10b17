import type { PreparedResponse } from './services/directory';

/** The encodings the directory is prepared in, in order of preference. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * Browsers revalidate every time (a 304 costs almost nothing), so a reload always shows the
 * current listing; a CDN may keep it for DIRECTORY_CDN_MAX_AGE seconds (default 30).
 */
const cacheControl = () => {
  const sMaxAge = Number.parseInt(process.env.DIRECTORY_CDN_MAX_AGE ?? '30', 10);
  return `public, max-age=0, must-revalidate, s-maxage=${Number.isFinite(sMaxAge) && sMaxAge >= 0 ? sMaxAge : 30}`;
};
export const CACHE_CONTROL = cacheControl();

export const etagOf = (prepared: PreparedResponse, encoding: Encoding) => `"${prepared.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;

/** If-None-Match compares weakly (RFC 9110): any encoding of the current content is still valid. */
export const notModified = (ifNoneMatch: string | undefined, prepared: PreparedResponse) => {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const current = new Set(ENCODINGS.map((encoding) => etagOf(prepared, encoding)));
  return ifNoneMatch.split(',').some((tag) => current.has(tag.trim().replace(/^W\//, '')));
};

export const bodyFor = (prepared: PreparedResponse, encoding: Encoding) => (encoding === 'identity' ? prepared.body : prepared[encoding]);
