import { assertProductionSecrets, corsAnswer, DEV_SECRETS, originOf, shouldSeedDemo, trustedOrigins, unsafeSecrets } from '../../src/domain/deployment';

const realSecrets = {
  APP_KEYS: 'k1-9f8e7d,k2-6c5b4a',
  ADMIN_JWT_SECRET: 'a-long-random-admin-secret',
  API_TOKEN_SALT: 'a-long-random-salt',
  TRANSFER_TOKEN_SALT: 'another-long-random-salt',
  ENCRYPTION_KEY: 'a-long-random-encryption-key',
  JWT_SECRET: 'a-long-random-jwt-secret',
};

describe('production secrets', () => {
  test('the list names the six secrets Strapi needs', () => {
    expect(Object.keys(DEV_SECRETS).sort()).toEqual(['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'APP_KEYS', 'ENCRYPTION_KEY', 'JWT_SECRET', 'TRANSFER_TOKEN_SALT']);
  });

  test('real values pass; nothing set is unsafe for every secret', () => {
    expect(unsafeSecrets(realSecrets)).toEqual([]);
    expect(unsafeSecrets({})).toEqual(Object.keys(DEV_SECRETS));
  });

  test.each(Object.keys(DEV_SECRETS) as Array<keyof typeof DEV_SECRETS>)('%s: missing, blank or the development value is unsafe', (name) => {
    expect(unsafeSecrets({ ...realSecrets, [name]: undefined })).toEqual([name]);
    expect(unsafeSecrets({ ...realSecrets, [name]: '   ' })).toEqual([name]);
    expect(unsafeSecrets({ ...realSecrets, [name]: DEV_SECRETS[name] })).toEqual([name]);
  });

  test('one development key among APP_KEYS, or an empty key, is unsafe', () => {
    expect(unsafeSecrets({ ...realSecrets, APP_KEYS: 'fresh-key,kerjasama-dev-key-2' })).toEqual(['APP_KEYS']);
    expect(unsafeSecrets({ ...realSecrets, APP_KEYS: 'fresh-key,' })).toEqual(['APP_KEYS']);
    expect(unsafeSecrets({ ...realSecrets, APP_KEYS: ' fresh-key , other-key ' })).toEqual([]);
  });

  test('production stops, naming every unsafe variable, in both languages', () => {
    expect(() => assertProductionSecrets({ ...realSecrets, NODE_ENV: 'production' })).not.toThrow();
    const env = { ...realSecrets, NODE_ENV: 'production', JWT_SECRET: DEV_SECRETS.JWT_SECRET, API_TOKEN_SALT: '' };
    expect(() => assertProductionSecrets(env)).toThrow(/Rahasia produksi .*API_TOKEN_SALT, JWT_SECRET.*\(production secrets .*API_TOKEN_SALT, JWT_SECRET/);
  });

  test.each([['development'], ['test'], [undefined]])('NODE_ENV=%s keeps the development values', (nodeEnv) => {
    expect(() => assertProductionSecrets({ NODE_ENV: nodeEnv })).not.toThrow();
  });
});

describe('demo data', () => {
  test.each([
    [{}, true],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'test' }, false],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, true],
    [{ NODE_ENV: 'production', SEED_DEMO: ' TRUE ' }, true],
    [{ NODE_ENV: 'development', SEED_DEMO: 'false' }, false],
    [{ NODE_ENV: 'production', SEED_DEMO: 'yes' }, false],
    [{ NODE_ENV: 'development', SEED_DEMO: '' }, true],
  ])('%j -> %s', (env, seeded) => {
    expect(shouldSeedDemo(env)).toBe(seeded);
  });
});

describe('CORS', () => {
  test('origins are scheme, host and port of absolute http(s) URLs only', () => {
    expect(originOf('https://kerjasama.polibatam.ac.id/admin')).toBe('https://kerjasama.polibatam.ac.id');
    expect(originOf('http://localhost:1337')).toBe('http://localhost:1337');
    expect(originOf('/admin')).toBeNull();
    expect(originOf('')).toBeNull();
    expect(originOf(undefined)).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
  });

  test('trusted: the public URL, the admin URL and CORS_ORIGINS, once each', () => {
    expect(
      trustedOrigins({ publicUrl: 'https://k.example/', adminUrl: 'https://k.example/admin', extra: ' https://polibatam.ac.id , ,not a url,https://k.example' }),
    ).toEqual(['https://k.example', 'https://polibatam.ac.id']);
    expect(trustedOrigins({})).toEqual([]);
  });

  const trusted = ['https://k.example'];
  const publicPaths = ['/api/directory'];
  test.each([
    ['https://k.example', '/admin/access-token', { allowOrigin: 'https://k.example', credentials: true }],
    ['https://k.example', '/api/directory', { allowOrigin: 'https://k.example', credentials: true }],
    ['https://evil.example', '/admin/access-token', { allowOrigin: null, credentials: false }],
    ['https://evil.example', '/api/proposals', { allowOrigin: null, credentials: false }],
    ['https://evil.example', '/api/directory', { allowOrigin: 'https://evil.example', credentials: false }],
    ['https://evil.example', '/api/directory/', { allowOrigin: 'https://evil.example', credentials: false }],
    ['https://evil.example', '/api/directory-admin', { allowOrigin: null, credentials: false }],
    ['https://k.example.evil.example', '/admin/login', { allowOrigin: null, credentials: false }],
    ['null', '/admin/login', { allowOrigin: null, credentials: false }],
    [undefined, '/admin/login', { allowOrigin: null, credentials: false }],
  ])('%s %s', (origin, path, answer) => {
    expect(corsAnswer(origin, path, trusted, publicPaths)).toEqual(answer);
  });
});
