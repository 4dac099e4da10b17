import path from 'path';

/**
 * Strapi runs the compiled project, so server modules with state (the write context's
 * AsyncLocalStorage) must be taken from the same compiled copy, not from src/ through jest.
 */
export const distDir = () => process.env.KERJASAMA_DIST_DIR || path.resolve(__dirname, '..', '..', 'dist');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const fromDist = <T>(modulePath: string): T => require(path.join(distDir(), modulePath)) as T;

type WriteContextModule = typeof import('../../src/workflow/write-context');
export const writeContext = () => fromDist<WriteContextModule>('src/workflow/write-context');
