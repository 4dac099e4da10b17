import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Expiring, HMAC-signed links to confidential files: `/uploads/<file>?exp=<unix s>&sig=<mac>`.
 * The key is derived from the server's APP_KEYS, so no new secret has to be configured, and a
 * link signed by one instance is valid on every instance sharing the configuration.
 */
export const SIGNED_URL_TTL_SECONDS = 3600;
/** Expiries are rounded up to this step so that a page shows the same link for a while (the browser's cache works). */
const EXPIRY_STEP_SECONDS = 600;

export interface UrlSigner {
  sign: (path: string, now?: number) => string;
  /** 'valid', 'missing' (no signature at all), or 'invalid' (forged, altered or expired). */
  verify: (path: string, exp: unknown, sig: unknown, now?: number) => 'valid' | 'missing' | 'invalid';
}

export const createUrlSigner = (appKeys: string[]): UrlSigner => {
  if (!appKeys.length || appKeys.every((key) => !key)) throw new Error('APP_KEYS is required to sign upload links');
  const key = createHmac('sha256', appKeys.join(',')).update('kerjasama:upload-links').digest();
  const mac = (path: string, exp: number) => createHmac('sha256', key).update(`${path}\n${exp}`).digest('base64url');
  const seconds = (now: number) => Math.floor(now / 1000);

  return {
    sign(path, now = Date.now()) {
      const exp = Math.ceil((seconds(now) + SIGNED_URL_TTL_SECONDS) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
      return `${path}?exp=${exp}&sig=${mac(path, exp)}`;
    },
    verify(path, exp, sig, now = Date.now()) {
      if (exp === undefined && sig === undefined) return 'missing';
      if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return 'invalid';
      const expiry = Number(exp);
      if (expiry < seconds(now)) return 'invalid';
      const expected = Buffer.from(mac(path, expiry));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid';
    },
  };
};
