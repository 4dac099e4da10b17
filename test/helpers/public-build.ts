import path from 'path';
import { execFileSync } from 'child_process';
import { fromDist } from './dist';

const ROOT = path.resolve(__dirname, '..', '..');

/** The public pages' build (npm run build:public), made again only when a source changed since. */
export const ensurePublicBuild = () => {
  const { loadPublicAssets } = fromDist<typeof import('../../src/middlewares/public-assets')>('src/middlewares/public-assets.js');
  if (typeof loadPublicAssets(path.join(ROOT, 'public')) === 'string') {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-public.js')], { cwd: ROOT });
  }
};
