import path from 'path';
import { execFileSync } from 'child_process';
import { fromDist } from './dist';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The public pages' build (npm run build:public), made again only when a source changed since:
 * a file in public/ or one the scripts were bundled from (public-src/, src/domain/).
 */
export const ensurePublicBuild = () => {
  const { loadPublicAssets } = fromDist<typeof import('../../src/middlewares/public-assets')>('src/middlewares/public-assets.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { changedBundleSources } = require(path.join(ROOT, 'scripts', 'public-assets.js')) as { changedBundleSources: (root: string) => string[] };
  if (typeof loadPublicAssets(path.join(ROOT, 'public')) === 'string' || changedBundleSources(ROOT).length) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-public.js')], { cwd: ROOT });
  }
};
