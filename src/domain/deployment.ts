/**
 * What a deployment must be given, and what it may leave to defaults: the secrets that have
 * development values in the repository (refused in production), whether the demo year is
 * seeded, and which browser origins may call the system with credentials.
 */
import { formatBilingual } from './bilingual';

type Env = Record<string, string | undefined>;

/** Every secret Strapi needs and the development value it falls back to outside production. */
export const DEV_SECRETS = {
  APP_KEYS: 'kerjasama-dev-key-1,kerjasama-dev-key-2',
  ADMIN_JWT_SECRET: 'kerjasama-dev-admin-jwt-secret',
  API_TOKEN_SALT: 'kerjasama-dev-api-token-salt',
  TRANSFER_TOKEN_SALT: 'kerjasama-dev-transfer-salt',
  ENCRYPTION_KEY: 'kerjasama-dev-encryption-key',
  JWT_SECRET: 'kerjasama-dev-users-permissions-jwt-secret',
} as const;

export type SecretName = keyof typeof DEV_SECRETS;

const nodeEnv = (env: Env) => env.NODE_ENV || 'development';

/** The secrets that are missing, blank or still a development value (each of APP_KEYS' keys counts). */
export function unsafeSecrets(env: Env): SecretName[] {
  return (Object.keys(DEV_SECRETS) as SecretName[]).filter((name) => {
    const value = (env[name] ?? '').trim();
    if (value === '') return true;
    const devParts = DEV_SECRETS[name].split(',');
    return value.split(',').some((part) => part.trim() === '' || devParts.includes(part.trim()));
  });
}

/** In production, refuses to go on while any secret is missing or a development value. */
export function assertProductionSecrets(env: Env): void {
  if (nodeEnv(env) !== 'production') return;
  const unsafe = unsafeSecrets(env);
  if (unsafe.length === 0) return;
  const names = unsafe.join(', ');
  throw new Error(
    formatBilingual({
      id: `Rahasia produksi belum diatur atau masih nilai pengembangan: ${names}. Isi dengan nilai acak yang panjang (lihat .env.example)`,
      en: `production secrets missing or still development values: ${names}. Set long random values (see .env.example)`,
    }),
  );
}

/** Demo records only when asked; asked by default in development only. */
export function shouldSeedDemo(env: Env): boolean {
  const asked = (env.SEED_DEMO ?? '').trim().toLowerCase();
  if (asked === 'true') return true;
  if (asked === 'false') return false;
  return nodeEnv(env) === 'development';
}

/** The scheme://host[:port] of an absolute http(s) URL, or null for relative or malformed ones. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The browser origins trusted with credentials: the public URL, the admin's URL and a comma list. */
export function trustedOrigins({ publicUrl, adminUrl, extra }: { publicUrl?: string; adminUrl?: string; extra?: string }): string[] {
  const listed = (extra ?? '').split(',').map((entry) => originOf(entry.trim()));
  const all = [originOf(publicUrl), originOf(adminUrl), ...listed].filter((origin): origin is string => origin !== null);
  return [...new Set(all)];
}

export interface CorsAnswer {
  /** The Access-Control-Allow-Origin to send, or null for no CORS headers at all. */
  allowOrigin: string | null;
  credentials: boolean;
}

/**
 * A trusted origin may call everything with credentials; any other origin may only read the
 * public paths, without credentials; a request without Origin is not a cross-origin one.
 */
export function corsAnswer(origin: string | undefined, path: string, trusted: readonly string[], publicPaths: readonly string[]): CorsAnswer {
  if (!origin) return { allowOrigin: null, credentials: false };
  if (trusted.includes(origin)) return { allowOrigin: origin, credentials: true };
  const isPublic = publicPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return isPublic ? { allowOrigin: origin, credentials: false } : { allowOrigin: null, credentials: false };
}
